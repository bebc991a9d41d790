// The edition archive: every src/<YYYY-MM>/ folder with its status, meeting month, delivery, versions and PDFs. A
// published edition's facts come from its frozen record (records.ts), a draft's from its pages and the deliveries.
import {join} from "node:path";
import {meetingMonth, hasVux} from "../src/lib/schedule.ts";
import {settings} from "../src/lib/settings.ts";
import {editionDelivery, expectedDelivery, exportsRoot} from "./deliveries.ts";
import {readFrontMatter} from "./front-matter.ts";
import {recordVersions, versionPdfNames, type RecordVersion} from "./records.ts";
import {editionFolders} from "./source-root.ts";

export interface EditionVersion {
  version: number;
  published: string;
  /** The correction's reason; null for the first version. */
  correction: string | null;
  delivery: string;
  /** Site-relative folder of this version's pages: "./2023-08/" for the newest, "./2023-08-v1/" for older ones. */
  folder: string;
  pdfs: {namndrapport: string; tjansteskrivelse: string};
}

export interface Edition {
  month: string;
  meeting: string;
  status: "utkast" | "publicerad";
  hasVux: boolean;
  /** The delivery the edition uses (a published edition: the one it was published with), or null when there is none. */
  delivery: string | null;
  /** The default delivery of the month (deliveries.ts expectedDelivery). */
  expectedDelivery: string;
  /** False when the edition uses another delivery than the default (publishing then asks for --leverans). */
  isDefaultDelivery: boolean;
  pages: {namndrapport: string; tjansteskrivelse: string};
  pdfs: {namndrapport: string; tjansteskrivelse: string};
  /** Published versions, newest first (empty for a draft). */
  versions: EditionVersion[];
}

/** Reads `status:` from a page's front matter; anything but "publicerad" is a draft. */
export function pageStatus(path: string): Edition["status"] {
  return readFrontMatter(path).status === "publicerad" ? "publicerad" : "utkast";
}

/** The delivery an edition's page asks for in its front matter (`leverans: ÅÅÅÅ-MM-DD`), or undefined. */
export function requestedDelivery(sourceRoot: string, month: string): string | undefined {
  const value = readFrontMatter(join(sourceRoot, month, "index.md")).leverans;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "string" ? value : undefined;
}

/** The folder a version's pages are served from: the newest at /<M>/, older ones at /<M>-v<N>/ (same depth). */
export function versionFolder(month: string, version: number, newest: boolean): string {
  return newest ? month : `${month}-v${version}`;
}

function versionsOf(month: string, records: RecordVersion[]): EditionVersion[] {
  return records
    .map((r, i) => {
      const newest = i === records.length - 1;
      const folder = versionFolder(month, r.version, newest);
      const names = versionPdfNames(month, r.version);
      return {
        version: r.version,
        published: r.provenance.published,
        correction: r.provenance.correction?.reason ?? null,
        delivery: r.provenance.delivery.date,
        folder: `./${folder}/`,
        pdfs: {
          namndrapport: newest ? `./${month}/namndrapport-${month}.pdf` : `./${folder}/${names.namndrapport}`,
          tjansteskrivelse: newest
            ? `./${month}/tjansteskrivelse-${month}.pdf`
            : `./${folder}/${names.tjansteskrivelse}`
        }
      };
    })
    .reverse();
}

/** Editions under the source root, newest first. Published when both pages say so and a record exists. */
export function listEditions(root: string): Edition[] {
  const exportsDir = exportsRoot();
  return editionFolders(root)
    .reverse()
    .map((month) => {
      const statuses = [
        pageStatus(join(root, month, "index.md")),
        pageStatus(join(root, month, "tjansteskrivelse.md"))
      ];
      const versions = versionsOf(month, recordVersions(month));
      let delivery: string | null = versions[0]?.delivery ?? null;
      if (!delivery) {
        try {
          delivery = editionDelivery(exportsDir, month, requestedDelivery(root, month)).delivery;
        } catch {
          delivery = null;
        }
      }
      const expected = expectedDelivery(month);
      return {
        month,
        meeting: meetingMonth(month),
        status: statuses.every((s) => s === "publicerad") && versions.length > 0 ? "publicerad" : "utkast",
        hasVux: hasVux(month, settings.vuxReportMonths),
        delivery,
        expectedDelivery: expected,
        isDefaultDelivery: delivery === expected,
        pages: {namndrapport: `./${month}/`, tjansteskrivelse: `./${month}/tjansteskrivelse`},
        pdfs: {
          namndrapport: `./${month}/namndrapport-${month}.pdf`,
          tjansteskrivelse: `./${month}/tjansteskrivelse-${month}.pdf`
        },
        versions
      };
    });
}
