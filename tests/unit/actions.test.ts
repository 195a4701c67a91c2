import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { action, publicAction } from "@/lib/server/action";
import { getViewer } from "@/lib/server/auth";
import { AppError, UNSTORABLE_TEXT_MESSAGE } from "@/lib/domain/errors";
import { logger } from "@/lib/server/logger";
import type { Viewer } from "@/lib/data/viewer";

vi.mock("@/lib/server/auth", () => ({ getViewer: vi.fn() }));

const mockedGetViewer = vi.mocked(getViewer);
const viewer: Viewer = { id: "user-1", name: "Ada", email: "ada@example.com" };
const schema = z.object({ title: z.string().min(3, "Use at least 3 characters.") });

beforeEach(() => {
  mockedGetViewer.mockReset();
});

describe("publicAction", () => {
  it("returns the handler's data when the input is valid", async () => {
    const run = vi.fn(async (input: { title: string }) => input.title.toUpperCase());
    await expect(publicAction(schema, run)({ title: "abc" })).resolves.toEqual({ ok: true, data: "ABC" });
    expect(run).toHaveBeenCalledWith({ title: "abc" });
  });

  it("reports invalid fields without running the handler", async () => {
    const run = vi.fn(async () => "never");
    const result = await publicAction(schema, run)({ title: "ab" });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { title: ["Use at least 3 characters."] },
    });
    expect(result.ok === false && result.error.length > 0).toBe(true);
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses text holding a NUL character, which Postgres cannot store, naming the field", async () => {
    const run = vi.fn(async () => "never");
    const result = await publicAction(schema, run)({ title: "Week\u0000one", tags: { nested: ["ok", "\u0000"] } });
    expect(result).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      error: UNSTORABLE_TEXT_MESSAGE,
      fieldErrors: { title: [UNSTORABLE_TEXT_MESSAGE], tags: [UNSTORABLE_TEXT_MESSAGE] },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("reads form posts as well as plain objects", async () => {
    const run = vi.fn(async (input: { title: string }) => input);
    const form = new FormData();
    form.set("title", "From a form");
    await expect(publicAction(schema, run)(form)).resolves.toEqual({ ok: true, data: { title: "From a form" } });
  });

  it("shows the message of an AppError the handler throws", async () => {
    const run = vi.fn(async () => {
      throw new AppError("CONFLICT", "That email is already registered.");
    });
    await expect(publicAction(schema, run)({ title: "abc" })).resolves.toEqual({
      ok: false,
      code: "CONFLICT",
      error: "That email is already registered.",
    });
  });

  it("hides an unexpected failure behind a generic internal error, and logs it", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    try {
      const run = vi.fn(async () => {
        throw new Error("duplicate key value violates unique constraint users_email_key");
      });
      const result = await publicAction(schema, run)({ title: "abc" });
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.code).toBe("INTERNAL");
      expect(JSON.stringify(result)).not.toContain("users_email_key");
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({
          err: expect.objectContaining({ message: expect.stringContaining("users_email_key") }),
        }),
        "action failed",
      );
    } finally {
      logged.mockRestore();
    }
  });

  it("lets a Next redirect through instead of turning it into a result", async () => {
    const run = vi.fn(async (): Promise<never> => redirect("/x"));
    await expect(publicAction(schema, run)({ title: "abc" })).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
  });
});

describe("action", () => {
  it("refuses a signed-out caller without running the handler", async () => {
    mockedGetViewer.mockResolvedValue(null);
    const run = vi.fn(async () => "saved");
    const result = await action(schema, run)({ title: "abc" });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(run).not.toHaveBeenCalled();
  });

  it("runs the handler as the signed-in viewer", async () => {
    mockedGetViewer.mockResolvedValue(viewer);
    const run = vi.fn(async (input: { title: string }, who: Viewer) => `${who.id}:${input.title}`);
    await expect(action(schema, run)({ title: "abc" })).resolves.toEqual({ ok: true, data: "user-1:abc" });
    expect(run).toHaveBeenCalledWith({ title: "abc" }, viewer);
  });

  it("checks the session again on every call", async () => {
    mockedGetViewer.mockResolvedValueOnce(viewer).mockResolvedValueOnce(null);
    const save = action(schema, async () => "saved");
    await expect(save({ title: "abc" })).resolves.toEqual({ ok: true, data: "saved" });
    await expect(save({ title: "abc" })).resolves.toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(mockedGetViewer).toHaveBeenCalledTimes(2);
  });

  it("lets a redirect from a signed-in handler through", async () => {
    mockedGetViewer.mockResolvedValue(viewer);
    const run = vi.fn(async (): Promise<never> => redirect("/dashboard"));
    await expect(action(schema, run)({ title: "abc" })).rejects.toThrow("NEXT_REDIRECT");
  });
});
