import { endMentorshipAction } from "@/lib/actions/mentorship";
import { ActionButton } from "./ui/action-button";

type EndMentorshipButtonProps = {
  mentorshipId: string;
  /** The other side's name: said in the confirmation and to screen readers. */
  otherName: string;
  question: string;
  thenGoTo?: string;
};

/** "End mentorship", with a confirmation step; either side may press it. */
export function EndMentorshipButton({ mentorshipId, otherName, question, thenGoTo }: EndMentorshipButtonProps) {
  return (
    <ActionButton
      action={endMentorshipAction}
      input={{ mentorshipId }}
      pendingLabel="Ending…"
      variant="danger"
      thenGoTo={thenGoTo}
      confirm={{ question, yes: "Yes, end mentorship" }}
    >
      End mentorship<span className="sr-only"> with {otherName}</span>
    </ActionButton>
  );
}
