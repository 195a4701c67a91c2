import { test as base } from "@playwright/test";
import { freePort } from "../../bench/app-server";

/**
 * The fault tests' `test`: the app's port is a free one, chosen once per worker, so that the app
 * can restart on it and another copy of the app or the browser tests can hold any fixed one.
 */
export const test = base.extend<object, { appPort: number }>({
  appPort: [async ({}, provide) => provide(await freePort()), { scope: "worker" }],
  baseURL: async ({ appPort }, provide) => provide(`http://127.0.0.1:${appPort}`),
});
