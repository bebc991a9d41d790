// The edition archive: every src/<YYYY-MM>/ folder with its status, meeting month, delivery, versions and PDFs. A
// published edition's facts come from its frozen record (records.ts), a draft's from its pages and the deliveries.
import {join} from "node:path";
import {meetingMonth, hasVux} from "../src/lib/schedule.ts";
import {settings} from "../src/lib/settings.ts";
import {editionDelivery, expectedDelivery, exportsRoot} from "./deliveries.ts";
import {readFrontMatter} from "./front-matter.ts";
import type {MetricResult} from "../src/lib/metric-types.ts";
import {frozenSection, latestVersion, recordVersions, versionPdfNames, type RecordVersion} from "./records.ts";
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
  /** The newest published edition's headline figures, from its frozen record (only on that edition). */
  headline?: Headline;
}

/** The four headline cards of an edition's Nämndrapport, in page order. */
export const HEADLINE_CARDS = [
  {section: "ekonomiskt-bistand", id: "utbetalt", title: "Utbetalt ekonomiskt bistånd"},
  {section: "ekonomiskt-bistand", id: "utbetalningshushall", title: "Utbetalningshushåll"},
  {section: "arbetsmarknad", id: "am_inskrivna", title: "Inskrivna i arbetsmarknadsinsatser"},
  {section: "ekonomiskt-bistand", id: "integration", title: "Hushåll vid integrationsenheten"}
] as const;

export interface Headline {
  version: number;
  published: string;
  cards: {title: string; metric: MetricResult}[];
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

/**
 * The headline cards of a published edition as the committee got them: the metrics of its newest version's frozen
 * record, never recomputed. Null when the record lacks a section (an incomplete record is not shown).
 */
export function publishedHeadline(month: string): Headline | null {
  const version = latestVersion(month);
  if (!version) return null;
  const cards: Headline["cards"] = [];
  for (const card of HEADLINE_CARDS) {
    const section = frozenSection<{metrics?: Record<string, MetricResult>}>(version, card.section);
    const metric = section?.metrics?.[card.id];
    if (!metric) return null;
    cards.push({title: card.title, metric});
  }
  return {version: version.version, published: version.provenance.published, cards};
}

/**
 * The archive: the editions under `root` (only `months` when given), newest first, the newest published one with its
 * headline cards.
 */
export function archive(root: string, months?: readonly string[]): Edition[] {
  const editions = listEditions(root).filter((e) => !months || months.includes(e.month));
  const latest = editions.find((e) => e.status === "publicerad");
  const headline = latest ? publishedHeadline(latest.month) : null;
  return editions.map((e) => (e === latest && headline ? {...e, headline} : e));
}
