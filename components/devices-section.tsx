"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { signOutEverywhereAction } from "@/lib/actions/auth";
import { endOtherSessionsAction, endSessionAction } from "@/lib/actions/account";
import type { ActionResult } from "@/lib/server/action";
import type { DeviceSession } from "@/lib/data/sessions";
import { SESSION_ABSOLUTE_DAYS, SESSION_IDLE_DAYS } from "@/lib/domain/session-lifetimes";
import { LocalTime } from "./ui/local-time";
import { Alert } from "./ui/alert";
import { useActionRunner } from "./use-action-runner";

type DevicesSectionProps = {
  /** The viewer's live sessions, this device's first. */
  devices: DeviceSession[];
};

const BUTTON = "rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100";

/**
 * Where the viewer is signed in, with a way to sign any other device out. Each result is said
 * in a status line, and focus goes to the heading, as the button pressed is gone.
 */
export function DevicesSection({ devices }: DevicesSectionProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const router = useRouter();
  const { pending, error, run: runAction } = useActionRunner();
  const [running, setRunning] = useState<string | null>(null);
  const [outcome, setOutcome] = useState("");
  const others = devices.filter((device) => !device.current);

  const run = (key: string, call: () => Promise<ActionResult<unknown>>, doneMessage: string) => {
    if (pending) return;
    setRunning(key);
    setOutcome("");
    runAction(call, (result) => {
      if (result.ok) {
        setOutcome(doneMessage);
        headingRef.current?.focus();
      }
      // Refreshed on a refusal too: "already signed out" means the list is out of date.
      router.refresh();
    });
  };

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        Devices
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Where you&apos;re signed in. A device unused for {SESSION_IDLE_DAYS} days is signed out, and every device is
        signed out {SESSION_ABSOLUTE_DAYS} days after it signed in.
      </p>
      <ul className="mt-4 flex flex-col divide-y divide-slate-200 border-y border-slate-200">
        {devices.map((device) => (
          <li key={device.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {device.device}
                {device.current ? (
                  <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
                    This device
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-slate-700">
                <span className="whitespace-nowrap">
                  Signed in <LocalTime value={device.signedInAt} withTime />
                </span>
                {" · "}
                <span className="whitespace-nowrap">
                  {device.current ? (
                    "active now"
                  ) : (
                    <>
                      last active <LocalTime value={device.lastActiveAt} withTime />
                    </>
                  )}
                </span>
              </p>
            </div>
            {device.current ? null : (
              <button
                type="button"
                onClick={() =>
                  run(device.id, () => endSessionAction({ sessionId: device.id }), `Signed out ${device.device}.`)
                }
                aria-disabled={pending || undefined}
                className={BUTTON}
              >
                {pending && running === device.id ? (
                  "Signing out…"
                ) : (
                  <>
                    Sign out<span className="sr-only"> {device.device}</span>
                  </>
                )}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-4">
        {others.length === 0 ? (
          <p className="text-sm text-slate-700">You aren&apos;t signed in on any other device.</p>
        ) : (
          <button
            type="button"
            onClick={() =>
              run(
                "others",
                () => endOtherSessionsAction({}),
                "Signed out everywhere else. This device stays signed in.",
              )
            }
            aria-disabled={pending || undefined}
            className={BUTTON}
          >
            {pending && running === "others" ? "Signing out…" : "Sign out everywhere else"}
          </button>
        )}
        {/* Always in the page, so screen readers announce the message when it appears. */}
        <p role="status" className="mt-2 text-sm text-emerald-800">
          {outcome}
        </p>
        {error ? <Alert className="mt-2">{error}</Alert> : null}
      </div>
      <div className="mt-6 border-t border-slate-200 pt-4">
        <p className="text-sm text-slate-700">
          Signed in on a shared or lost device? End every session, everywhere, including this one.
        </p>
        <form action={signOutEverywhereAction} className="mt-3">
          <button type="submit" className={BUTTON}>
            Sign out everywhere
          </button>
        </form>
      </div>
    </section>
  );
}
