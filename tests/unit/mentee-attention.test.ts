import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  menteeAttention,
  needsAttention,
  onlyNeedingAttention,
  sortByAttention,
  type MenteeFacts,
} from "@/lib/domain/mentee-attention";
import { PACE_LABELS, type PaceStatus } from "@/lib/domain/pace";

const paceStatuses = Object.keys(PACE_LABELS) as PaceStatus[];
const facts = fc.record({
  paceStatus: fc.constantFrom<PaceStatus | null>(null, ...paceStatuses),
  inactive: fc.boolean(),
  stalled: fc.boolean(),
  started: fc.boolean(),
});
const rows = fc
  .array(facts, { maxLength: 30 })
  .map((list) => list.map((mentee, index) => ({ mentee, attention: menteeAttention(mentee), index })));

describe("who needs a mentor's attention", () => {
  it("flags a mentee behind pace, inactive or stalled, and says why", () => {
    const fine: MenteeFacts = { paceStatus: "on_track", inactive: false, stalled: false, started: true };
    expect(needsAttention(fine)).toEqual([]);
    expect(needsAttention({ ...fine, paceStatus: "behind" })).toEqual(["behind"]);
    expect(needsAttention({ ...fine, inactive: true })).toEqual(["inactive"]);
    expect(needsAttention({ ...fine, stalled: true })).toEqual(["stalled"]);
    expect(needsAttention({ paceStatus: "behind", inactive: true, stalled: true, started: true })).toEqual([
      "behind",
      "inactive",
      "stalled",
    ]);
  });

  it("never calls a mentee who has done nothing on track", () => {
    fc.assert(
      fc.property(facts, (mentee) => {
        const { status } = menteeAttention({ ...mentee, started: false });
        expect(status).not.toBe("on_track");
      }),
    );
    expect(menteeAttention({ paceStatus: "not_started", inactive: false, stalled: false, started: false })).toEqual({
      status: "not_started",
      reasons: [],
    });
    expect(menteeAttention({ paceStatus: null, inactive: true, stalled: false, started: false })).toEqual({
      status: "needs_attention",
      reasons: ["inactive"],
    });
  });

  it("says 'needs attention' exactly when there is a reason, and a behind pace is always one", () => {
    fc.assert(
      fc.property(facts, (mentee) => {
        const attention = menteeAttention(mentee);
        expect(attention.status === "needs_attention").toBe(attention.reasons.length > 0);
        if (mentee.paceStatus === "behind") expect(attention.reasons).toContain("behind");
      }),
    );
  });

  it("filters to exactly the rows whose column says they need attention, in their order", () => {
    fc.assert(
      fc.property(rows, (table) => {
        expect(onlyNeedingAttention(table)).toEqual(
          table.filter((row) => menteeAttention(row.mentee).status === "needs_attention"),
        );
      }),
    );
  });

  it("sorts who needs attention first, then who has not started, keeping the order within each", () => {
    const rank = { needs_attention: 0, not_started: 1, on_track: 2 };
    fc.assert(
      fc.property(rows, (table) => {
        const sorted = sortByAttention(table, "desc");
        expect(sorted.map((row) => [rank[row.attention.status], row.index])).toEqual(
          table.map((row) => [rank[row.attention.status], row.index]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
        );
        const flagged = table.filter((row) => row.attention.status === "needs_attention").length;
        expect(sorted.slice(0, flagged)).toEqual(onlyNeedingAttention(table));
        expect(sortByAttention(table, "asc").slice(table.length - flagged)).toEqual(onlyNeedingAttention(table));
      }),
    );
  });
});
