// The edition archive: every src/<YYYY-MM>/ folder with its status, meeting month, delivery and PDFs.
import {join} from "node:path";
import {meetingMonth, hasVux} from "../src/lib/schedule.ts";
import {settings} from "../src/lib/settings.ts";
import {deliveryForMonth, exportsRoot} from "./deliveries.ts";
import {readFrontMatter} from "./front-matter.ts";
import {editionFolders} from "./source-root.ts";

export interface Edition {
  month: string;
  meeting: string;
  status: "utkast" | "publicerad";
  hasVux: boolean;
  delivery: string | null;
  pages: {namndrapport: string; tjansteskrivelse: string};
}

/** Reads `status:` from a page's front matter; anything but "publicerad" is a draft. */
export function pageStatus(path: string): Edition["status"] {
  return readFrontMatter(path).status === "publicerad" ? "publicerad" : "utkast";
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
      let delivery: string | null = null;
      try {
        delivery = deliveryForMonth(exportsDir, month);
      } catch {
        delivery = null;
      }
      return {
        month,
        meeting: meetingMonth(month),
        status: statuses.every((s) => s === "publicerad") ? "publicerad" : "utkast",
        hasVux: hasVux(month, settings.vuxReportMonths),
        delivery,
        pages: {namndrapport: `./${month}/`, tjansteskrivelse: `./${month}/tjansteskrivelse`}
      };
    });
}
