"use client";

import { useEffect, useRef } from "react";
import type { MilestoneStatus } from "@/lib/domain/progress-math";

const STATUS_KEYS: Record<string, MilestoneStatus> = { d: "done", i: "in_progress", s: "skipped", r: "not_started" };

/** The milestone whose checkbox has focus: status keys act only there, so no key is taken from anything else. */
function focusedMilestoneId(target: EventTarget | null): string | null {
  return target instanceof HTMLInputElement && target.type === "checkbox" ? (target.dataset.milestoneId ?? null) : null;
}

/**
 * Whether the key belongs to where it was pressed: a field takes every letter and "?" typed in it,
 * and an open dialog (the shortcuts sheet itself) sits in front of the milestones.
 */
function keyBelongsToTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const typedInto =
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset"].includes(target.type)) ||
    target.isContentEditable;
  return typedInto || target.closest("dialog[open]") !== null;
}

type KeyboardOptions = {
  /** The milestones on screen, in order. */
  visibleIds: readonly string[];
  onMove: (milestoneId: string) => void;
  onStatus: (milestoneId: string, status: MilestoneStatus) => void;
  onToggleDetails: (milestoneId: string) => void;
  onHelp: () => void;
  /** Off: j, k and ? act only while a milestone has focus, like the other keys. */
  pageWide: boolean;
};

/**
 * Anywhere on the page outside a field (unless turned off): ? lists the shortcuts, and j/k move
 * between milestones, starting from the first when none has focus. With a milestone's checkbox focused, the arrow keys
 * move too, d, i, s and r set its status and Enter opens its details: those keys have other uses
 * elsewhere (scrolling, pressing a button), so they stay with the milestone (WCAG 2.1.4).
 */
export function useMilestoneKeyboard(options: KeyboardOptions) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (keyBelongsToTarget(event.target)) return;
      const { visibleIds, onMove, onStatus, onToggleDetails, onHelp, pageWide } = latest.current;
      const milestoneId = focusedMilestoneId(event.target);
      if (!milestoneId && !pageWide) return;
      if (event.key === "?") {
        event.preventDefault();
        onHelp();
        return;
      }
      if (!milestoneId) {
        // Entering the list starts at its top whichever way you move, as Tab does: the last milestone is far off-screen.
        const first = visibleIds[0];
        if ((event.key === "j" || event.key === "k") && first) {
          event.preventDefault();
          onMove(first);
        }
        return;
      }
      const step =
        event.key === "j" || event.key === "ArrowDown" ? 1 : event.key === "k" || event.key === "ArrowUp" ? -1 : 0;
      if (step !== 0) {
        event.preventDefault();
        const index = visibleIds.indexOf(milestoneId);
        const next = visibleIds[Math.min(Math.max(index + step, 0), visibleIds.length - 1)];
        if (next) onMove(next);
        return;
      }
      const status = STATUS_KEYS[event.key.toLowerCase()];
      if (status) {
        event.preventDefault();
        onStatus(milestoneId, status);
        return;
      }
      if (event.key === "Enter") {
        event.preventDefault();
        onToggleDetails(milestoneId);
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
