import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/dates";
import { activeDays, computeStreaks, dailyActivity } from "@/lib/domain/streaks";

const at = (iso: string) => new Date(iso);

describe("activeDays", () => {
  it("lists each day with activity once, in order", () => {
    const instants = [
      at("2026-03-03T10:00:00Z"),
      at("2026-03-01T09:00:00Z"),
      at("2026-03-01T18:00:00Z"),
      at("2026-03-02T12:00:00Z"),
    ];
    expect(activeDays(instants, "UTC")).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
  });

  it("has no active days when the learner has done nothing", () => {
    expect(activeDays([], "Asia/Tokyo")).toEqual([]);
  });

  it("counts the same event on the learner's own calendar day", () => {
    const event = [at("2026-03-01T23:30:00Z")];
    expect(activeDays(event, "Asia/Tokyo")).toEqual(["2026-03-02"]);
    expect(activeDays(event, "America/Los_Angeles")).toEqual(["2026-03-01"]);
  });

  it("splits two events an hour apart across Tokyo midnight into two days there, one day in UTC", () => {
    // 23:30 and 00:30 in Tokyo; both on 2026-03-01 in UTC.
    const events = [at("2026-03-01T14:30:00Z"), at("2026-03-01T15:30:00Z")];
    expect(activeDays(events, "Asia/Tokyo")).toEqual(["2026-03-01", "2026-03-02"]);
    expect(activeDays(events, "UTC")).toEqual(["2026-03-01"]);
  });
});

describe("computeStreaks", () => {
  it("shows no streak at all for a learner with no activity", () => {
    expect(computeStreaks([], "2026-03-10")).toEqual({ current: 0, longest: 0 });
  });

  it("starts a one-day streak on the first day of study", () => {
    expect(computeStreaks(["2026-03-10"], "2026-03-10")).toEqual({ current: 1, longest: 1 });
  });

  it("counts consecutive days up to today", () => {
    expect(computeStreaks(["2026-03-08", "2026-03-09", "2026-03-10"], "2026-03-10")).toEqual({
      current: 3,
      longest: 3,
    });
  });

  it("keeps a streak alive when the learner hasn't studied yet today", () => {
    expect(computeStreaks(["2026-03-07", "2026-03-08", "2026-03-09"], "2026-03-10")).toEqual({
      current: 3,
      longest: 3,
    });
  });

  it("breaks the current streak when the last activity was two days ago, but remembers the longest", () => {
    expect(computeStreaks(["2026-03-06", "2026-03-07", "2026-03-08"], "2026-03-10")).toEqual({
      current: 0,
      longest: 3,
    });
  });

  it("finds the longest streak across a gap even when the current one is shorter", () => {
    const days = [
      "2026-02-01",
      "2026-02-02",
      "2026-02-03",
      "2026-02-04",
      "2026-02-05",
      // gap
      "2026-03-09",
      "2026-03-10",
    ];
    expect(computeStreaks(days, "2026-03-10")).toEqual({ current: 2, longest: 5 });
  });

  it("finds the longest streak when it is the current one", () => {
    const days = ["2026-02-01", "2026-02-02", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"];
    expect(computeStreaks(days, "2026-03-10")).toEqual({ current: 4, longest: 4 });
  });

  it("does not count a day twice when the learner studied more than once that day", () => {
    const days = ["2026-03-09", "2026-03-09", "2026-03-10", "2026-03-10", "2026-03-10"];
    expect(computeStreaks(days, "2026-03-10")).toEqual({ current: 2, longest: 2 });
  });

  it("does not depend on the order the days arrive in", () => {
    const days = ["2026-03-10", "2026-03-08", "2026-02-01", "2026-03-09"];
    expect(computeStreaks(days, "2026-03-10")).toEqual({ current: 3, longest: 3 });
  });

  it("ignores days after today", () => {
    const days = ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"];
    expect(computeStreaks(days, "2026-03-10")).toEqual({ current: 2, longest: 2 });
  });

  it("does not let a future day keep a broken streak alive", () => {
    expect(computeStreaks(["2026-03-05", "2026-03-11"], "2026-03-10")).toEqual({ current: 0, longest: 1 });
  });

  it("keeps a streak going across month and year ends", () => {
    expect(computeStreaks(["2026-12-30", "2026-12-31", "2027-01-01"], "2027-01-01")).toEqual({
      current: 3,
      longest: 3,
    });
    expect(computeStreaks(["2026-02-27", "2026-02-28", "2026-03-01"], "2026-03-01")).toEqual({
      current: 3,
      longest: 3,
    });
  });

  it("needs the leap day itself to keep a streak going in a leap year", () => {
    expect(computeStreaks(["2028-02-28", "2028-02-29", "2028-03-01"], "2028-03-01")).toEqual({
      current: 3,
      longest: 3,
    });
    expect(computeStreaks(["2028-02-28", "2028-03-01"], "2028-03-01")).toEqual({ current: 1, longest: 1 });
  });

  it("keeps a streak going across New York's daylight-saving change", () => {
    const events = [
      at("2026-03-07T17:00:00Z"), // 12:00 EST
      at("2026-03-08T16:00:00Z"), // 12:00 EDT
      at("2026-03-09T16:00:00Z"), // 12:00 EDT
    ];
    expect(computeStreaks(activeDays(events, "America/New_York"), "2026-03-09")).toEqual({
      current: 3,
      longest: 3,
    });
  });

  it("counts streak days in the learner's time zone, not UTC", () => {
    // An hour apart in UTC on 2026-03-01; 23:30 on Mar 1 and 00:30 on Mar 2 in Tokyo.
    const events = [at("2026-03-01T14:30:00Z"), at("2026-03-01T15:30:00Z")];
    expect(computeStreaks(activeDays(events, "Asia/Tokyo"), "2026-03-02")).toEqual({ current: 2, longest: 2 });
    expect(computeStreaks(activeDays(events, "UTC"), "2026-03-02")).toEqual({ current: 1, longest: 1 });
  });

  it("keeps a Tokyo learner's streak alive on their today even when UTC is still on yesterday", () => {
    // Studied on Tokyo's Mar 1 and Mar 2; it's now 08:30 on Mar 3 in Tokyo (23:30 Mar 2 UTC).
    const events = [at("2026-03-01T03:00:00Z"), at("2026-03-02T03:00:00Z")];
    expect(computeStreaks(activeDays(events, "Asia/Tokyo"), "2026-03-03")).toEqual({ current: 2, longest: 2 });
  });
});

describe("dailyActivity", () => {
  const today = "2026-03-10";

  it("returns exactly 365 days ending today, oldest first", () => {
    const activity = dailyActivity([], "UTC", today);
    expect(activity).toHaveLength(365);
    expect(activity.at(0)?.day).toBe(addDays(today, -364));
    expect(activity.at(0)?.day).toBe("2025-03-11");
    expect(activity.at(-1)?.day).toBe(today);
  });

  it("lists every day once, with no gaps across daylight-saving changes or the new year", () => {
    const activity = dailyActivity([], "America/New_York", today);
    for (let index = 1; index < activity.length; index++) {
      expect(activity[index]?.day).toBe(addDays(activity[index - 1]!.day, 1));
    }
    expect(new Set(activity.map((entry) => entry.day)).size).toBe(365);
  });

  it("shows zero everywhere for a learner with no activity", () => {
    const activity = dailyActivity([], "UTC", today);
    expect(activity.every((entry) => entry.count === 0)).toBe(true);
  });

  it("puts each day's count on the right day", () => {
    const events = [
      at("2026-03-10T08:00:00Z"),
      at("2026-03-10T09:00:00Z"),
      at("2026-03-10T10:00:00Z"),
      at("2026-03-08T12:00:00Z"),
      at("2025-03-11T00:00:00Z"),
    ];
    const activity = dailyActivity(events, "UTC", today);
    const countOn = (day: string) => activity.find((entry) => entry.day === day)?.count;
    expect(countOn("2026-03-10")).toBe(3);
    expect(countOn("2026-03-09")).toBe(0);
    expect(countOn("2026-03-08")).toBe(1);
    expect(countOn("2025-03-11")).toBe(1);
    expect(activity.reduce((sum, entry) => sum + entry.count, 0)).toBe(5);
  });

  it("leaves out activity older than the heatmap and after today", () => {
    const events = [at("2025-03-10T12:00:00Z"), at("2026-03-11T12:00:00Z"), at("2026-03-10T12:00:00Z")];
    const activity = dailyActivity(events, "UTC", today);
    expect(activity.reduce((sum, entry) => sum + entry.count, 0)).toBe(1);
    expect(activity.at(-1)).toEqual({ day: today, count: 1 });
  });

  it("counts activity on the learner's local day", () => {
    const event = [at("2026-03-01T23:30:00Z")];
    const tokyo = dailyActivity(event, "Asia/Tokyo", today);
    const losAngeles = dailyActivity(event, "America/Los_Angeles", today);
    expect(tokyo.find((entry) => entry.day === "2026-03-02")?.count).toBe(1);
    expect(tokyo.find((entry) => entry.day === "2026-03-01")?.count).toBe(0);
    expect(losAngeles.find((entry) => entry.day === "2026-03-01")?.count).toBe(1);
    expect(losAngeles.find((entry) => entry.day === "2026-03-02")?.count).toBe(0);
  });

  it("can show a shorter window", () => {
    const activity = dailyActivity([at("2026-03-09T12:00:00Z")], "UTC", today, 7);
    expect(activity.map((entry) => entry.day)).toEqual([
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
      "2026-03-10",
    ]);
    expect(activity.map((entry) => entry.count)).toEqual([0, 0, 0, 0, 0, 1, 0]);
  });

  it("covers a leap day in a 365-day window", () => {
    const activity = dailyActivity([], "UTC", "2028-12-31");
    expect(activity.at(0)?.day).toBe("2028-01-02");
    expect(activity.some((entry) => entry.day === "2028-02-29")).toBe(true);
  });
});
