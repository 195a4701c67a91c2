"use client";

import { useEffect, useRef } from "react";
import type { MilestoneStatus } from "@/lib/domain/progress-math";

const STATUS_KEYS: Record<string, MilestoneStatus> = { d: "done", i: "in_progress", s: "skipped", r: "not_started" };

/** The milestone whose checkbox has focus: shortcuts act only there, so no key is taken from anything else. */
function focusedMilestoneId(target: EventTarget | null): string | null {
  return target instanceof HTMLInputElement && target.type === "checkbox" ? (target.dataset.milestoneId ?? null) : null;
}

type KeyboardOptions = {
  /** The milestones on screen, in order. */
  visibleIds: readonly string[];
  onMove: (milestoneId: string) => void;
  onStatus: (milestoneId: string, status: MilestoneStatus) => void;
  onToggleDetails: (milestoneId: string) => void;
  onHelp: () => void;
};

/**
 * With a milestone's checkbox focused: j/k or the arrow keys move to the next or previous
 * milestone, d, i, s and r set its status, Enter opens its details and ? lists the
 * shortcuts. Active only while a milestone has focus (WCAG 2.1.4), and only for plain keys.
 */
export function useMilestoneKeyboard(options: KeyboardOptions) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const milestoneId = focusedMilestoneId(event.target);
      if (!milestoneId || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const { visibleIds, onMove, onStatus, onToggleDetails, onHelp } = latest.current;
      if (event.key === "?") {
        event.preventDefault();
        onHelp();
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
