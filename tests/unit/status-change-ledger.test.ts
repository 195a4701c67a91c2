import { describe, expect, it } from "vitest";
import { StatusChangeLedger } from "@/lib/client/status-change-ledger";

describe("rolling back optimistic status changes", () => {
  it("puts back what was on screen when a lone change fails", () => {
    const ledger = new StatusChangeLedger();
    const change = ledger.begin("m1", "in_progress");
    expect(ledger.fail("m1", change)).toBe("in_progress");
  });

  it("never rolls back to another change's unsaved value when overlapping changes both fail", () => {
    const ledger = new StatusChangeLedger();
    const tick = ledger.begin("m1", "not_started");
    const toInProgress = ledger.begin("m1", "done");
    expect(ledger.fail("m1", tick)).toBeNull();
    expect(ledger.fail("m1", toInProgress)).toBe("not_started");
  });

  it("leaves a newer choice alone when an older change fails", () => {
    const ledger = new StatusChangeLedger();
    const older = ledger.begin("m1", "not_started");
    ledger.begin("m1", "done");
    expect(ledger.fail("m1", older)).toBeNull();
  });

  it("rolls back to the last status the server confirmed", () => {
    const ledger = new StatusChangeLedger();
    ledger.begin("m1", "not_started");
    const second = ledger.begin("m1", "done");
    ledger.succeed("m1", "done");
    expect(ledger.fail("m1", second)).toBe("done");
  });

  it("keeps milestones apart", () => {
    const ledger = new StatusChangeLedger();
    const first = ledger.begin("m1", "not_started");
    const other = ledger.begin("m2", "skipped");
    expect(ledger.fail("m2", other)).toBe("skipped");
    expect(ledger.isLatest("m1", first)).toBe(true);
    expect(ledger.fail("m1", first)).toBe("not_started");
  });

  it("takes the screen as confirmed again once nothing is pending", () => {
    const ledger = new StatusChangeLedger();
    const first = ledger.begin("m1", "not_started");
    ledger.succeed("m1", "done");
    const later = ledger.begin("m1", "skipped");
    expect(ledger.isLatest("m1", first)).toBe(false);
    expect(ledger.fail("m1", later)).toBe("skipped");
  });
});
