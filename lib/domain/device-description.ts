import Bowser from "bowser";

// Bowser names anything it doesn't recognise after the user agent's first word, which the
// sender chooses: only the names it knows are shown, so a crafted header can't write the list.
const KNOWN_BROWSERS = new Set<string>(Object.values(Bowser.BROWSER_MAP));
const KNOWN_SYSTEMS = new Set<string>(Object.values(Bowser.OS_MAP));

/** "Firefox on Windows": what the device list calls a session, from its user agent alone. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent?.trim()) return "Unknown device";
  const parser = Bowser.getParser(userAgent);
  const browser = KNOWN_BROWSERS.has(parser.getBrowserName()) ? parser.getBrowserName() : null;
  const system = KNOWN_SYSTEMS.has(parser.getOSName()) ? parser.getOSName() : null;
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  if (system) return `Browser on ${system}`;
  return "Unknown device";
}
