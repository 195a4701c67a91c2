"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { markFeedbackReadAction } from "@/lib/actions/mentorship";
import { unreadNotificationsQuery } from "@/lib/client/queries";
import { feedbackAnchorId, milestoneIdOfFeedbackHash } from "@/lib/domain/feedback-links";

/**
 * Arriving at "#feedback-<milestone id>" (from a notification or the dashboard): the milestone's
 * feedback scrolls into view, opens if it was folded, and takes focus, so a keyboard or screen
 * reader user starts in the thread; the notices about it are then read.
 */
export function OpenFeedbackFromLink({ learnerId, viewerId }: { learnerId: string; viewerId: string }) {
  const queryClient = useQueryClient();

  useEffect(() => {
    const open = () => {
      const milestoneId = milestoneIdOfFeedbackHash(window.location.hash);
      if (!milestoneId) return;
      const thread = document.getElementById(feedbackAnchorId(milestoneId));
      if (thread) {
        const folded = thread.querySelector("details");
        if (folded) folded.open = true;
        thread.scrollIntoView({ block: "start" });
        thread.focus({ preventScroll: true });
      } else {
        // Every message was deleted since the notice: the milestone itself is the next best place.
        const checkbox = document.getElementById(`milestone-${milestoneId}`);
        checkbox?.scrollIntoView({ block: "center" });
        checkbox?.focus();
      }
      void markFeedbackReadAction({ learnerId, milestoneId }).then((result) => {
        if (result.ok && result.data > 0) {
          void queryClient.invalidateQueries({ queryKey: unreadNotificationsQuery(viewerId).queryKey });
        }
      });
    };
    open();
    window.addEventListener("hashchange", open);
    return () => window.removeEventListener("hashchange", open);
  }, [learnerId, viewerId, queryClient]);

  return null;
}
