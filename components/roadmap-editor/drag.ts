import type { HTMLAttributes } from "react";

/** Handlers for an item that is a drop target, and for its handle, which starts a drag. */
export type DragProps = { item: HTMLAttributes<HTMLElement>; handle: HTMLAttributes<HTMLElement> };

/** Where a dragged item lands: before a stage, or at a place in a stage's milestones. */
export type DragTarget = { kind: "stage"; stage: string } | { kind: "milestone"; stage: string; index: number };

export type Dragged = { kind: "stage" | "milestone"; slug: string };
