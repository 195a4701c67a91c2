import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** The system Chromium is preferred: this machine cannot download Playwright's own build. */
function findChromium(): string {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium", chromium.executablePath()];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Install one (Debian/Ubuntu: apt-get install -y chromium), " +
        "or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium binary, or run `npx playwright install chromium` where downloads work.",
    );
  }
  return found;
}

/** How every browser suite launches Chromium: the system build, headless, offline-friendly. */
export function chromiumLaunchOptions() {
  return {
    executablePath: findChromium(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  };
}
