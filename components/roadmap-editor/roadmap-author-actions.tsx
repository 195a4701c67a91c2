"use client";

import Link from "next/link";
import { copyRoadmapAction } from "@/lib/actions/roadmap-authoring";
import { Alert } from "../ui/alert";
import { useActionForm } from "../use-action-form";

const buttonLook =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-70";

/** On a roadmap's page: "Edit roadmap" for its author, "Copy and edit" for anyone signed in who may copy it. */
export function RoadmapAuthorActions({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const { failure, pending, attempt, formProps } = useActionForm(copyRoadmapAction);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canEdit ? (
        <Link href={`/roadmaps/${slug}/edit`} className={buttonLook}>
          Edit roadmap
        </Link>
      ) : null}
      <form {...formProps}>
        <input type="hidden" name="slug" value={slug} />
        <button type="submit" disabled={pending} className={buttonLook}>
          {pending ? "Copying…" : "Copy and edit"}
        </button>
      </form>
      {failure ? <Alert key={attempt}>{failure.error}</Alert> : null}
    </div>
  );
}
