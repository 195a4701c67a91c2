import { expect, test } from "./fixtures";

test("a load balancer can ask whether the app is alive and whether it is ready to serve", async ({ request }) => {
  const live = await request.get("/api/health");
  expect(live.status()).toBe(200);
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  expect(ready.headers()["cache-control"]).toBe("no-store");
  expect(ready.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});
