// Debian's Chromium through playwright-core, for the browser tests and PDF export. Playwright's own browser download
// is not used: intranet machines and CI install `chromium` from the distribution.
import {existsSync} from "node:fs";
import {chromium, type Browser} from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Path to the Chromium binary, or a Swedish error saying how to install it. */
export function chromiumPath(): string {
  const path = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!path) {
    throw new Error("Chromium saknas. Installera det med `apt-get install chromium` eller ange CHROMIUM_PATH.");
  }
  return path;
}

/** Launches headless Chromium with no background traffic to other hosts. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  });
}
