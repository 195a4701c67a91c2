"use client";

import { useId, useState } from "react";
import { publishRoadmapAction, setRoadmapVisibilityAction } from "@/lib/actions/roadmap-authoring";
import { sameContent, type RoadmapContent, type SavedDraft } from "@/lib/client/roadmap-draft";
import { Alert } from "../ui/alert";
import { CopyLinkField } from "../ui/copy-link-field";
import { primaryButton } from "./fields";

export type Visibility = "private" | "unlisted" | "public";

const VISIBILITY_HINTS: Record<Visibility, string> = {
  private: "Only you, and people it is assigned to, can open it.",
  unlisted: "Anyone with the address below can open it; it is not listed anywhere.",
  public: "Anyone can find it in the catalogue once it is published.",
};

type PublishPanelProps = {
  roadmapId: string;
  slug: string;
  roadmapUrl: string;
  initialVisibility: Visibility;
  initialPublishedVersion: number;
  initialPublished: RoadmapContent | null;
  saved: SavedDraft;
  unsaved: boolean;
  /** What keeps the draft from saving, found before asking the server; null when nothing. */
  problem: string | null;
  onPublished: (version: number) => void;
  /** Saves the draft on screen; the revision saved, or null when it could not. */
  save: () => Promise<number | null>;
};

/** Visibility (saved at once) and publishing: what is published, and whether the draft has more. */
export function PublishPanel({
  roadmapId,
  slug,
  roadmapUrl,
  initialVisibility,
  initialPublishedVersion,
  initialPublished,
  saved,
  unsaved,
  problem,
  save,
  onPublished,
}: PublishPanelProps) {
  const id = useId();
  const [visibility, setVisibility] = useState(initialVisibility);
  const [visibilityMessage, setVisibilityMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [published, setPublished] = useState({ version: initialPublishedVersion, content: initialPublished });
  const [publishing, setPublishing] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; problems?: string[] } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const changed = unsaved || !sameContent(saved.draft, published.content);

  const changeVisibility = async (next: Visibility) => {
    const before = visibility;
    setVisibility(next);
    setVisibilityMessage(null);
    try {
      const result = await setRoadmapVisibilityAction({ roadmapId, visibility: next });
      if (result.ok) {
        setVisibilityMessage({ ok: true, text: "Visibility saved." });
        return;
      }
      setVisibility(before);
      setVisibilityMessage({ ok: false, text: result.error });
    } catch {
      setVisibility(before);
      setVisibilityMessage({ ok: false, text: "Couldn't change the visibility: no connection to the server." });
    }
  };

  const publish = async () => {
    setPublishing(true);
    setOutcome(null);
    setAttempt((count) => count + 1);
    try {
      if (unsaved && problem) {
        setOutcome({ ok: false, text: problem.replace("Not saved yet:", "Nothing was published:") });
        return;
      }
      const revision = unsaved ? await save() : saved.revision;
      if (revision === null) {
        setOutcome({
          ok: false,
          text: "Your latest changes aren't saved yet, so nothing was published. See the message above.",
        });
        return;
      }
      const result = await publishRoadmapAction({ roadmapId, baseRevision: revision });
      if (!result.ok) {
        const problems = Object.values(result.fieldErrors ?? {}).flat();
        setOutcome({
          ok: false,
          text: problems.length > 1 ? "Fix these first:" : result.error,
          problems: problems.length > 1 ? problems : undefined,
        });
        return;
      }
      setPublished({ version: result.data.version, content: saved.draft });
      onPublished(result.data.version);
      setOutcome({ ok: true, text: `Published version ${result.data.version}.` });
    } catch {
      setOutcome({ ok: false, text: "Couldn't publish: no connection to the server. Your draft is kept." });
    } finally {
      setPublishing(false);
    }
  };

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Sharing and publishing
      </h2>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-visibility`} className="text-sm font-medium">
          Visibility
        </label>
        <select
          id={`${id}-visibility`}
          value={visibility}
          aria-describedby={`${id}-visibility-hint`}
          onChange={(event) => void changeVisibility(event.target.value as Visibility)}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
        >
          <option value="private">Private</option>
          <option value="unlisted">Unlisted</option>
          <option value="public">Public</option>
        </select>
        <p id={`${id}-visibility-hint`} className="text-sm text-slate-600">
          {VISIBILITY_HINTS[visibility]}
        </p>
        {visibilityMessage ? (
          visibilityMessage.ok ? (
            <p role="status" className="text-sm text-slate-700">
              {visibilityMessage.text}
            </p>
          ) : (
            <Alert>{visibilityMessage.text}</Alert>
          )
        ) : null}
      </div>
      {visibility === "unlisted" ? (
        <CopyLinkField
          label="Unlisted address"
          url={roadmapUrl}
          onCopy={({ ok, message }) => setVisibilityMessage({ ok, text: message })}
        />
      ) : null}
      <div className="flex flex-col gap-2">
        <p className="text-sm text-slate-700">
          {published.version === 0
            ? "Not published yet: only you can see it."
            : changed
              ? `Version ${published.version} is published. Unpublished changes.`
              : `Version ${published.version} is published, and up to date.`}
        </p>
        <div>
          <button type="button" onClick={() => void publish()} disabled={publishing} className={primaryButton}>
            {publishing ? "Publishing…" : "Publish"}
          </button>
        </div>
        {outcome ? (
          outcome.ok ? (
            <p key={attempt} role="status" className="text-sm font-medium text-green-800">
              {outcome.text}
              {published.version > 0 ? (
                <>
                  {" "}
                  <a href={`/roadmaps/${slug}`} className="text-indigo-700 underline underline-offset-4">
                    See it
                  </a>
                </>
              ) : null}
            </p>
          ) : (
            <div
              key={attempt}
              role="alert"
              className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
            >
              <p>{outcome.text}</p>
              {outcome.problems ? (
                <ul className="mt-1 list-disc pl-5">
                  {outcome.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          )
        ) : null}
      </div>
    </section>
  );
}
