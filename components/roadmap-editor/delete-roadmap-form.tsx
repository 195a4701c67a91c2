"use client";

import { useState } from "react";
import { deleteRoadmapAction } from "@/lib/actions/roadmap-authoring";
import { Alert } from "../ui/alert";
import { useActionForm } from "../use-action-form";
import { linkButton, smallButton } from "./fields";

/** Deleting a roadmap never published, after a second, explicit step: it can't be undone. */
export function DeleteRoadmapForm({ roadmapId, title }: { roadmapId: string; title: string }) {
  const [asking, setAsking] = useState(false);
  const { failure, pending, attempt, formProps } = useActionForm(deleteRoadmapAction);
  if (!asking) {
    return (
      <div>
        <button type="button" className={linkButton} onClick={() => setAsking(true)}>
          Delete this roadmap
        </button>
      </div>
    );
  }
  return (
    <form {...formProps} className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm">
      <p className="text-red-900">Delete “{title.trim() || "this roadmap"}” for good? This can&apos;t be undone.</p>
      <input type="hidden" name="roadmapId" value={roadmapId} />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800 disabled:opacity-70"
        >
          {pending ? "Deleting…" : "Delete roadmap"}
        </button>
        <button type="button" className={smallButton} onClick={() => setAsking(false)}>
          Keep it
        </button>
      </div>
      {failure ? <Alert key={attempt}>{failure.error}</Alert> : null}
    </form>
  );
}
