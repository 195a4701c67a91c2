import { revokeInviteAction } from "@/lib/actions/mentorship";
import { ActionButton } from "./ui/action-button";

type OpenInvitesProps = { invites: { id: string; createdAt: Date; expiresAt: Date }[] };

const formatDate = (date: Date) => date.toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function OpenInvites({ invites }: OpenInvitesProps) {
  if (invites.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="text-sm font-semibold">Links that still work</h3>
      <p className="text-sm text-slate-700">
        Each link was shown once when you made it. Revoke any you no longer want used.
      </p>
      <ul className="mt-2 flex flex-col gap-2">
        {invites.map((invite) => (
          <li
            key={invite.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm"
          >
            <span>
              Created {formatDate(invite.createdAt)} · expires {formatDate(invite.expiresAt)}
            </span>
            <ActionButton action={revokeInviteAction} input={{ inviteId: invite.id }} pendingLabel="Revoking…">
              Revoke<span className="sr-only"> the link created {formatDate(invite.createdAt)}</span>
            </ActionButton>
          </li>
        ))}
      </ul>
    </div>
  );
}
