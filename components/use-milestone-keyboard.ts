"use client";

import { useEffect, useRef } from "react";
import type { MilestoneStatus } from "@/lib/progress";

const STATUS_KEYS: Record<string, MilestoneStatus> = { d: "done", i: "in_progress", s: "skipped", r: "not_started" };

/** Keys belong to whatever accepts text: a shortcut must never eat a letter someone is typing. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(target.type);
}

type KeyboardOptions = {
  /** The milestones on screen, in order. */
  visibleIds: readonly string[];
  activeId: string | null;
  onMove: (milestoneId: string) => void;
  onStatus: (milestoneId: string, status: MilestoneStatus) => void;
  onToggleDetails: (milestoneId: string) => void;
  onHelp: () => void;
  enabled: boolean;
};

/**
 * j/k or the arrow keys move between milestones; d, i, s and r set the status; Enter opens
 * the details; ? lists the shortcuts. Only plain keys, and never while typing.
 */
export function useMilestoneKeyboard(options: KeyboardOptions) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { visibleIds, activeId, onMove, onStatus, onToggleDetails, onHelp, enabled } = latest.current;
      if (!enabled || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || (event.target instanceof HTMLElement && event.target.closest("dialog"))) return;
      if (event.key === "?") {
        event.preventDefault();
        onHelp();
        return;
      }
      if (visibleIds.length === 0) return;
      const index = activeId ? visibleIds.indexOf(activeId) : -1;
      const step =
        event.key === "j" || event.key === "ArrowDown" ? 1 : event.key === "k" || event.key === "ArrowUp" ? -1 : 0;
      if (step !== 0) {
        event.preventDefault();
        const next =
          index === -1
            ? step > 0
              ? 0
              : visibleIds.length - 1
            : Math.min(Math.max(index + step, 0), visibleIds.length - 1);
        onMove(visibleIds[next]!);
        return;
      }
      const status = STATUS_KEYS[event.key.toLowerCase()];
      const target = index === -1 ? null : visibleIds[index]!;
      if (status && target) {
        event.preventDefault();
        onStatus(target, status);
        return;
      }
      // Enter keeps its own meaning on links and buttons; on a milestone's checkbox it opens the details.
      const onCheckbox = event.target instanceof HTMLInputElement && event.target.type === "checkbox";
      if (event.key === "Enter" && target && onCheckbox) {
        event.preventDefault();
        onToggleDetails(target);
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
