// The edition archive: every src/<YYYY-MM>/ folder with its status, meeting month, delivery (and whether it is the
// default one) and PDFs.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {meetingMonth, hasVux} from "../src/lib/schedule.ts";
import {settings} from "../src/lib/settings.ts";
import {editionDelivery, expectedDelivery, exportsRoot, type EditionDelivery} from "./deliveries.ts";
import {editionFolders} from "./source-root.ts";

export interface Edition {
  month: string;
  meeting: string;
  status: "utkast" | "publicerad";
  hasVux: boolean;
  /** The delivery the edition uses, or null when there is none. */
  delivery: string | null;
  /** The default delivery of the month (deliveries.ts expectedDelivery). */
  expectedDelivery: string;
  /** False when the edition uses another delivery than the default (publishing then asks for --leverans). */
  isDefaultDelivery: boolean;
  pages: {namndrapport: string; tjansteskrivelse: string};
}

/** Reads `status:` from a page's front matter; anything but "publicerad" is a draft. */
export function pageStatus(path: string): Edition["status"] {
  if (!existsSync(path)) return "utkast";
  const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path, "utf8"))?.[1] ?? "";
  return /^status:\s*publicerad\s*$/m.test(front) ? "publicerad" : "utkast";
}

/** Editions under the source root, newest first. Published only when both pages say so. */
export function listEditions(root: string): Edition[] {
  const exportsDir = exportsRoot();
  return editionFolders(root)
    .reverse()
    .map((month) => {
      const statuses = [
        pageStatus(join(root, month, "index.md")),
        pageStatus(join(root, month, "tjansteskrivelse.md"))
      ];
      let delivery: EditionDelivery | null = null;
      try {
        delivery = editionDelivery(exportsDir, month);
      } catch {
        delivery = null;
      }
      return {
        month,
        meeting: meetingMonth(month),
        status: statuses.every((s) => s === "publicerad") ? "publicerad" : "utkast",
        hasVux: hasVux(month, settings.vuxReportMonths),
        delivery: delivery?.delivery ?? null,
        expectedDelivery: expectedDelivery(month),
        isDefaultDelivery: delivery?.isDefault ?? false,
        pages: {namndrapport: `./${month}/`, tjansteskrivelse: `./${month}/tjansteskrivelse`}
      };
    });
}
