"use client";

import { smallButton } from "./fields";

/**
 * "Move … up" and "Move … down" for one item of a list, by keyboard or pointer. Each button
 * carries data-move so the editor can put focus back on it once the item has moved.
 */
export function MoveButtons({
  name,
  moveKey,
  canMoveUp,
  canMoveDown,
  onMove,
}: {
  name: string;
  moveKey: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: "up" | "down") => void;
}) {
  return (
    <>
      <button
        type="button"
        data-move={`${moveKey}:up`}
        aria-label={`Move ${name} up`}
        disabled={!canMoveUp}
        onClick={() => onMove("up")}
        className={smallButton}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        data-move={`${moveKey}:down`}
        aria-label={`Move ${name} down`}
        disabled={!canMoveDown}
        onClick={() => onMove("down")}
        className={smallButton}
      >
        <span aria-hidden="true">↓</span>
      </button>
    </>
  );
}
