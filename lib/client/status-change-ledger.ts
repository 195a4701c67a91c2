import type { MilestoneStatus } from "../domain/progress-math";

/**
 * Bookkeeping for optimistic status changes, per milestone. Changes may overlap (the
 * browser queues server actions), so a failed change must neither roll back to another
 * change's unsaved value nor overwrite a newer choice: only the latest change of a
 * milestone may roll it back, and only to the last status the server confirmed.
 */
export class StatusChangeLedger {
  private readonly latest = new Map<string, number>();
  private readonly pending = new Map<string, number>();
  private readonly confirmed = new Map<string, MilestoneStatus>();
  private sequence = 0;

  /** Starts a change; `shown` is what the screen shows now, which is confirmed when nothing is pending. */
  begin(milestoneId: string, shown: MilestoneStatus): number {
    if (!this.pending.get(milestoneId)) this.confirmed.set(milestoneId, shown);
    this.pending.set(milestoneId, (this.pending.get(milestoneId) ?? 0) + 1);
    this.sequence += 1;
    this.latest.set(milestoneId, this.sequence);
    return this.sequence;
  }

  succeed(milestoneId: string, status: MilestoneStatus): void {
    this.confirmed.set(milestoneId, status);
    this.settle(milestoneId);
  }

  /** The status to put back on screen, or null when a newer change now owns the milestone. */
  fail(milestoneId: string, change: number): MilestoneStatus | null {
    this.settle(milestoneId);
    if (this.latest.get(milestoneId) !== change) return null;
    return this.confirmed.get(milestoneId) ?? "not_started";
  }

  isLatest(milestoneId: string, change: number): boolean {
    return this.latest.get(milestoneId) === change;
  }

  private settle(milestoneId: string): void {
    this.pending.set(milestoneId, Math.max(0, (this.pending.get(milestoneId) ?? 0) - 1));
  }
}
