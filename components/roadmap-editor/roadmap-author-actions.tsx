"use client";

import Link from "next/link";
import { copyRoadmapAction } from "@/lib/actions/roadmap-authoring";
import { Alert } from "../ui/alert";
import { useActionForm } from "../use-action-form";

// Links in the line above the title, beside "Versions": they cost the page no height.
const linkLook = "font-medium text-indigo-700 underline-offset-2 hover:underline disabled:opacity-70";

/** On a roadmap's page: "Edit roadmap" for its author, "Copy and edit" for anyone signed in who may copy it. */
export function RoadmapAuthorActions({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const { failure, pending, attempt, formProps } = useActionForm(copyRoadmapAction);
  return (
    <>
      {canEdit ? (
        <Link href={`/roadmaps/${slug}/edit`} className={linkLook}>
          Edit roadmap
        </Link>
      ) : null}
      <form {...formProps}>
        <input type="hidden" name="slug" value={slug} />
        <button type="submit" disabled={pending} className={linkLook}>
          {pending ? "Copying…" : "Copy and edit"}
        </button>
      </form>
      {failure ? <Alert key={attempt}>{failure.error}</Alert> : null}
    </>
  );
}
