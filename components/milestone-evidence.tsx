"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { addMilestoneEvidenceAction, removeMilestoneEvidenceAction } from "@/lib/actions/notebook";
import {
  EVIDENCE_MAX_PER_MILESTONE,
  evidenceLinkProblems,
  tooManyEvidenceLinksMessage,
  withWebScheme,
} from "@/lib/domain/evidence-rules";
import type { EvidenceLink } from "@/lib/domain/notebook";
import { LazyDetails } from "./ui/lazy-details";
import { Alert } from "./ui/alert";

type MilestoneEvidenceProps = {
  milestone: { id: string; title: string };
  links: EvidenceLink[];
  onAdded: (link: EvidenceLink) => void;
  onRemoved: (linkId: string) => void;
};

type FieldErrors = { title?: string[] | undefined; url?: string[] | undefined };

const UNREACHABLE = "Couldn't reach the server. Your link is still here; try again.";

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

/** Links that show a milestone done; the form keeps what was typed until the server has it. */
export function MilestoneEvidence({ milestone, links, onAdded, onRemoved }: MilestoneEvidenceProps) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [pending, setPending] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const full = links.length >= EVIDENCE_MAX_PER_MILESTONE;

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError("");
    setAnnouncement("");
    const problems = evidenceLinkProblems({ title, url });
    if (problems) {
      setErrors(problems);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await addMilestoneEvidenceAction({
        milestoneId: milestone.id,
        title: title.trim(),
        url: url.trim(),
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) setFormError(result.error);
        return;
      }
      onAdded(result.data);
      setTitle("");
      setUrl("");
      setAnnouncement(`Added “${result.data.title}”.`);
      titleInput.current?.focus();
    } catch {
      setFormError(UNREACHABLE);
    } finally {
      setPending(false);
    }
  };

  const remove = async (link: EvidenceLink) => {
    setFormError("");
    setAnnouncement("");
    try {
      const result = await removeMilestoneEvidenceAction({ evidenceId: link.id });
      if (!result.ok) {
        setFormError(result.error);
        return;
      }
      onRemoved(link.id);
      setAnnouncement(`Removed “${link.title}”.`);
      titleInput.current?.focus();
    } catch {
      setFormError("Couldn't reach the server, so the link was not removed. Try again.");
    }
  };

  const fieldProps = (field: keyof FieldErrors) => ({
    id: `${id}-${field}`,
    "aria-invalid": errors[field]?.length ? true : undefined,
    "aria-describedby": errors[field]?.length ? `${id}-${field}-error` : undefined,
    className: "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm aria-invalid:border-red-700",
  });

  return (
    <LazyDetails
      defaultOpen={links.length > 0}
      className="mt-2 pl-8"
      summary={
        <summary className="cursor-pointer text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">
          Evidence ({links.length})<span className="sr-only"> for {milestone.title}</span>
        </summary>
      }
    >
      <div className="mt-2 flex flex-col gap-3">
        {links.length > 0 ? (
          <ul aria-label={`Evidence for ${milestone.title}`} className="flex flex-col gap-1.5">
            {links.map((link) => (
              <li key={link.id} className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <a
                  href={link.url}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  className="font-medium text-indigo-700 underline underline-offset-2"
                >
                  {link.title}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
                <span className="text-slate-600">{hostOf(link.url)}</span>
                <button
                  type="button"
                  onClick={() => void remove(link)}
                  className="text-sm text-red-800 underline underline-offset-2"
                >
                  Remove<span className="sr-only"> {link.title}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">
            No links yet. Add a repository, a certificate or a write-up that shows this milestone done.
          </p>
        )}
        {full ? (
          <p className="text-sm text-slate-700">{tooManyEvidenceLinksMessage()}</p>
        ) : (
          <form noValidate onSubmit={(event) => void add(event)} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-title`} className="text-sm font-medium">
                Link title<span className="sr-only"> for {milestone.title}</span>
              </label>
              <input
                ref={titleInput}
                value={title}
                onChange={(event) => setTitle(event.target.value)}
                {...fieldProps("title")}
              />
              {errors.title?.length ? (
                <p id={`${id}-title-error`} className="text-sm text-red-700">
                  {errors.title.join(" ")}
                </p>
              ) : null}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-url`} className="text-sm font-medium">
                Address<span className="sr-only"> of the link for {milestone.title}</span>
              </label>
              <input
                type="url"
                inputMode="url"
                placeholder="https://"
                value={url}
                onChange={(event) => setUrl(event.target.value)}
                // Shows the https:// the server will add to an address typed without a scheme.
                onBlur={() => setUrl(withWebScheme(url.trim()))}
                {...fieldProps("url")}
              />
              {errors.url?.length ? (
                <p id={`${id}-url-error`} className="text-sm text-red-700">
                  {errors.url.join(" ")}
                </p>
              ) : null}
            </div>
            <button
              type="submit"
              disabled={pending}
              className="self-end rounded-md bg-indigo-700 px-3 py-2 text-sm font-medium text-white disabled:opacity-60"
            >
              {pending ? "Adding…" : "Add link"}
            </button>
          </form>
        )}
        {formError ? <Alert>{formError}</Alert> : null}
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </div>
    </LazyDetails>
  );
}
