import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, isLocalDate, isValidTimeZone, localDate } from "@/lib/domain/dates";

describe("localDate", () => {
  it("puts a late-evening UTC event on the next day for a learner in Tokyo", () => {
    expect(localDate(new Date("2026-03-01T23:30:00Z"), "Asia/Tokyo")).toBe("2026-03-02");
  });

  it("keeps the same event on the same day for a learner in Los Angeles", () => {
    expect(localDate(new Date("2026-03-01T23:30:00Z"), "America/Los_Angeles")).toBe("2026-03-01");
  });

  it("uses the UTC calendar date for a learner in UTC", () => {
    expect(localDate(new Date("2026-03-01T23:30:00Z"), "UTC")).toBe("2026-03-01");
    expect(localDate(new Date("2026-03-02T00:00:00Z"), "UTC")).toBe("2026-03-02");
  });

  it("starts the learner's day exactly at their local midnight", () => {
    // Midnight in Tokyo (UTC+9) is 15:00 UTC the day before.
    expect(localDate(new Date("2026-03-01T14:59:59Z"), "Asia/Tokyo")).toBe("2026-03-01");
    expect(localDate(new Date("2026-03-01T15:00:00Z"), "Asia/Tokyo")).toBe("2026-03-02");
  });

  it("follows New York's clocks on the day they spring forward", () => {
    // 2026-03-08: EST (UTC-5) until 02:00, then EDT (UTC-4).
    expect(localDate(new Date("2026-03-08T04:59:00Z"), "America/New_York")).toBe("2026-03-07");
    expect(localDate(new Date("2026-03-08T05:00:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(localDate(new Date("2026-03-09T03:59:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(localDate(new Date("2026-03-09T04:00:00Z"), "America/New_York")).toBe("2026-03-09");
  });

  it("follows New York's clocks on the day they fall back", () => {
    // 2026-11-01: EDT (UTC-4) until 02:00, then EST (UTC-5).
    expect(localDate(new Date("2026-11-01T03:59:00Z"), "America/New_York")).toBe("2026-10-31");
    expect(localDate(new Date("2026-11-01T04:00:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(localDate(new Date("2026-11-02T04:59:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(localDate(new Date("2026-11-02T05:00:00Z"), "America/New_York")).toBe("2026-11-02");
  });

  it("returns a zero-padded YYYY-MM-DD date", () => {
    const day = localDate(new Date("2026-01-05T12:00:00Z"), "Europe/London");
    expect(day).toBe("2026-01-05");
    expect(isLocalDate(day)).toBe(true);
  });
});

describe("addDays", () => {
  it("moves forwards and backwards by whole calendar days", () => {
    expect(addDays("2026-03-01", 1)).toBe("2026-03-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-01", 0)).toBe("2026-03-01");
  });

  it("crosses month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
  });

  it("includes the leap day in a leap year and skips it otherwise", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-02-29", 1)).toBe("2028-03-01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  });

  it("is not thrown off by New York's daylight-saving changes", () => {
    expect(addDays("2026-03-07", 1)).toBe("2026-03-08");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
    expect(addDays("2026-03-09", -2)).toBe("2026-03-07");
    expect(addDays("2026-10-31", 1)).toBe("2026-11-01");
    expect(addDays("2026-11-01", 1)).toBe("2026-11-02");
  });

  it("adds a year's worth of days", () => {
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
    expect(addDays("2028-01-01", 366)).toBe("2029-01-01");
  });
});

describe("daysBetween", () => {
  it("counts whole days from one date to a later one", () => {
    expect(daysBetween("2026-03-01", "2026-03-02")).toBe(1);
    expect(daysBetween("2026-01-01", "2026-04-01")).toBe(90);
    expect(daysBetween("2026-03-01", "2026-03-01")).toBe(0);
  });

  it("is negative when the second date is earlier", () => {
    expect(daysBetween("2026-03-02", "2026-03-01")).toBe(-1);
    expect(daysBetween("2026-04-01", "2026-01-01")).toBe(-90);
  });

  it("counts the days around New York's daylight-saving changes as whole days", () => {
    expect(daysBetween("2026-03-07", "2026-03-08")).toBe(1);
    expect(daysBetween("2026-03-08", "2026-03-09")).toBe(1);
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31);
    expect(daysBetween("2026-10-31", "2026-11-02")).toBe(2);
  });

  it("counts 365 days in a common year and 366 in a leap year", () => {
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });

  it("agrees with addDays", () => {
    for (const days of [-400, -31, -1, 0, 1, 28, 90, 366, 1000]) {
      expect(daysBetween("2026-03-08", addDays("2026-03-08", days))).toBe(days);
    }
  });

  it("gives the same answer whatever time zone the server runs in", () => {
    const original = process.env.TZ;
    try {
      for (const zone of ["America/New_York", "Asia/Tokyo", "Pacific/Chatham", "UTC"]) {
        process.env.TZ = zone;
        expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
        expect(addDays("2026-03-07", 2)).toBe("2026-03-09");
        expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe("addMonths", () => {
  it("keeps the day of the month when the target month has it", () => {
    expect(addMonths("2026-01-15", 1)).toBe("2026-02-15");
    expect(addMonths("2026-01-01", 3)).toBe("2026-04-01");
    expect(addMonths("2026-01-01", 12)).toBe("2027-01-01");
  });

  it("clamps Jan 31 + 1 month to the end of February", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
  });

  it("clamps to Feb 29 in a leap year", () => {
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
  });

  it("clamps to the last day of 30-day months", () => {
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-01-31", 3)).toBe("2026-04-30");
  });

  it("lands a leap day on Feb 28 a year later", () => {
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
  });

  it("rolls over into the next year", () => {
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-01-01", 24)).toBe("2028-01-01");
  });

  it("goes back in time for negative months, still clamping", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
  });

  it("leaves the date alone for zero months", () => {
    expect(addMonths("2026-01-31", 0)).toBe("2026-01-31");
  });
});

describe("isLocalDate", () => {
  it("accepts real calendar dates", () => {
    expect(isLocalDate("2026-03-01")).toBe(true);
    expect(isLocalDate("2026-12-31")).toBe(true);
    expect(isLocalDate("2028-02-29")).toBe(true);
  });

  it("rejects dates that do not exist", () => {
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-02-30")).toBe(false);
    expect(isLocalDate("2026-04-31")).toBe(false);
    expect(isLocalDate("2026-13-01")).toBe(false);
    expect(isLocalDate("2026-00-10")).toBe(false);
    expect(isLocalDate("2026-01-00")).toBe(false);
  });

  it("rejects anything that is not exactly YYYY-MM-DD", () => {
    expect(isLocalDate("")).toBe(false);
    expect(isLocalDate("2026-3-1")).toBe(false);
    expect(isLocalDate("2026/03/01")).toBe(false);
    expect(isLocalDate("01-03-2026")).toBe(false);
    expect(isLocalDate("2026-03-01T00:00:00Z")).toBe(false);
    expect(isLocalDate(" 2026-03-01")).toBe(false);
    expect(isLocalDate("2026-03-01\n")).toBe(false);
    expect(isLocalDate("yesterday")).toBe(false);
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA time zones learners pick", () => {
    expect(isValidTimeZone("Asia/Tokyo")).toBe(true);
    expect(isValidTimeZone("America/Los_Angeles")).toBe(true);
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
  });

  it("rejects names that are not time zones", () => {
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("Tokyo")).toBe(false);
    expect(isValidTimeZone("not a zone")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});
