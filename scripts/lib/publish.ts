// Publishing an edition (npm run publicera): the gates, a build of the edition as it will be published, the frozen
// record, and the status change on its pages. Every refusal is a PublishRefusal with a Swedish message, thrown before
// anything is written, so a refused publication changes nothing.
import {existsSync, readFileSync} from "node:fs";
import {copyFile, mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {deliveryForMonth, exportsRoot} from "../../data-loaders/deliveries.ts";
import {expectedDelivery} from "../../data-loaders/deliveries.ts";
import {frontMatterOf, withFrontMatter} from "../../data-loaders/front-matter.ts";
import {
  editionPages,
  filesUnder,
  frozenDataDir,
  recordVersions,
  verifyEdition,
  type AcknowledgedWarning,
  type RecordVersion
} from "../../data-loaders/records.ts";
import {buildReview, DEFAULT_THRESHOLD} from "../../data-loaders/review/review.ts";
import {correctionsOf, type Correction} from "../../src/lib/notices.ts";
import {writeRecord} from "./freeze.ts";
import {EDITION_ROOTS, SRC_ROOT} from "./paths.ts";
import {assertEdition, buildSite, prepareEditionRoot} from "./site-build.ts";

/** A gate said no. The message says why and what to do, in Swedish. */
export class PublishRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PublishRefusal";
  }
}

export interface PublishOptions {
  month: string;
  /** Publish with this delivery instead of the default one. */
  delivery?: string;
  /** The publisher acknowledges the review's data-quality warnings; they are recorded. */
  acknowledgeWarnings?: boolean;
  /** A correction of a published edition, with its reason. */
  correction?: string;
  /** Publishing date "YYYY-MM-DD"; default today. */
  date?: string;
  log: (line: string) => void;
}

export interface PublishResult {
  record: RecordVersion;
  /** The source pages that now say publicerad. */
  pages: string[];
  warnings: AcknowledgedWarning[];
}

/** Today's date in Sweden, "YYYY-MM-DD" (or SOURCE_DATE_EPOCH's, for reproducible runs). */
export function today(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const now = epoch ? new Date(Number(epoch) * 1000) : new Date();
  return new Intl.DateTimeFormat("sv-SE", {timeZone: "Europe/Stockholm"}).format(now);
}

/** Lines of the edition's pages that still carry the drafted-text mark (npm run ny-utgava), as "fil:rad". */
export function unreviewedDrafts(month: string): string[] {
  const found: string[] = [];
  for (const page of editionPages(month)) {
    const lines = readFileSync(join(SRC_ROOT, page), "utf8").split(/\r?\n/);
    lines.forEach((line, i) => {
      if (line.includes('class="nr-utkast"')) found.push(`${SRC_ROOT}/${page}:${i + 1}`);
    });
  }
  return found;
}

function list(lines: readonly string[]): string {
  return lines.map((line) => `  ${line}`).join("\n");
}

/** Runs every gate and publishes; throws PublishRefusal (nothing written) when a gate says no. */
export async function publishEdition(options: PublishOptions): Promise<PublishResult> {
  const {month, log} = options;
  assertEdition(month);
  const versions = recordVersions(month);
  const previous = versions.at(-1) ?? null;
  const correction = options.correction?.trim();
  if (options.correction !== undefined && !correction) {
    throw new PublishRefusal('Ange en motivering för rättelsen: --rattelse "vad som rättas och varför".');
  }
  if (previous && !correction) {
    throw new PublishRefusal(
      `Utgåvan ${month} är redan publicerad (version ${previous.version}, ${previous.provenance.published}). En publicerad utgåva ändras bara genom en rättelse: npm run publicera -- ${month} --rattelse "motivering".`
    );
  }
  if (correction && !previous) {
    throw new PublishRefusal(
      `Utgåvan ${month} är inte publicerad och kan inte rättas. Publicera den först: npm run publicera -- ${month}.`
    );
  }
  if (previous) {
    // The record must be intact; the pages may differ (that is what a correction of the prose is).
    const tampered = verifyEdition(month, SRC_ROOT).filter((p) => p.kind !== "sida");
    if (tampered.length) {
      throw new PublishRefusal(
        `Den publicerade posten för ${month} är inte hel:\n${list(tampered.map((p) => p.message))}`
      );
    }
  }

  const drafts = unreviewedDrafts(month);
  if (drafts.length > 0) {
    throw new PublishRefusal(
      `Utgåvan ${month} har text som ännu är markerad som utkast. Läs igenom punkterna och ta bort markeringen <span class="nr-utkast">utkast</span>:\n${list(drafts)}`
    );
  }

  const exports = exportsRoot();
  const expected = expectedDelivery(month);
  let delivery: string;
  try {
    delivery = deliveryForMonth(exports, month, options.delivery);
  } catch (error) {
    throw new PublishRefusal(error instanceof Error ? error.message : String(error));
  }
  if (!options.delivery && delivery !== expected) {
    throw new PublishRefusal(
      `Utgåvan ${month} skulle räknas på leverans ${delivery}, men dess standardleverans är ${expected}${existsSync(join(exports, expected)) ? "" : ", som saknas"}. Ange --leverans ${delivery} om det är avsikten; valet sparas i utgåvan.`
    );
  }

  log(`Granskar utgåvan ${month} med leverans ${delivery} …`);
  const review = await buildReview(exports, month, {
    threshold: DEFAULT_THRESHOLD,
    delivery,
    sourceRoot: SRC_ROOT,
    comparePublished: false,
    progress: (line) => log(`  ${line}`)
  });
  const errors = review.findings.filter((f) => f.severity === "fel");
  if (errors.length > 0) {
    throw new PublishRefusal(
      `Granskningen hittar fel, och utgåvan ${month} publiceras inte:\n${list(errors.map((f) => `${f.id}: ${f.message}`))}`
    );
  }
  const warnings = review.findings.filter((f) => f.severity === "varning").map((f) => ({id: f.id, message: f.message}));
  if (warnings.length > 0 && !options.acknowledgeWarnings) {
    throw new PublishRefusal(
      `Granskningen har ${warnings.length} datakvalitetsvarningar. Läs dem och godkänn dem med --godkann-varningar; godkännandet sparas i utgåvans proveniens:\n${list(warnings.map((w) => `${w.id}: ${w.message}`))}`
    );
  }

  const version = (previous?.version ?? 0) + 1;
  const date = options.date ?? today();
  const pageTexts: Record<string, string> = {};
  for (const page of editionPages(month)) {
    const text = readFileSync(join(SRC_ROOT, page), "utf8");
    const earlier: Correction[] = correctionsOf(frontMatterOf(text));
    pageTexts[page] = withFrontMatter(text, {
      status: "publicerad",
      version,
      publicerad: date,
      leverans: delivery !== expected ? delivery : undefined,
      rattelser: correction ? [...earlier, {datum: date, motivering: correction, version}] : undefined
    });
  }

  log(`Bygger utgåvan ${month} som den publiceras (version ${version}) …`);
  const root = await prepareEditionRoot(month, join(EDITION_ROOTS, `publicera-${month}`));
  for (const [page, text] of Object.entries(pageTexts)) {
    await rm(join(root, page), {force: true});
    await writeFile(join(root, page), text);
  }
  const site = join(await mkdtemp(join(tmpdir(), "namndrapport-publicera-")), "webb");
  try {
    try {
      await buildSite({output: site, sourceRoot: root, quiet: true, log: (line) => log(`  ${line}`)});
    } catch (error) {
      throw new PublishRefusal(
        `Utgåvan ${month} går inte att bygga och publiceras inte:\n${error instanceof Error ? error.message : String(error)}`
      );
    }
    const record = await writeRecord({
      month,
      version,
      published: date,
      correction: correction && previous ? {reason: correction, replaces: previous.version} : null,
      site,
      builtFrom: root,
      pages: pageTexts,
      delivery: {date: delivery, isDefault: delivery === expected, exportsRoot: exports},
      acknowledgedWarnings: warnings
    });
    // The pages say publicerad, and the preview reads the frozen numbers instead of recomputing them.
    for (const [page, text] of Object.entries(pageTexts)) await writeFile(join(SRC_ROOT, page), text);
    const frozen = frozenDataDir(SRC_ROOT, month);
    await rm(frozen, {recursive: true, force: true});
    await mkdir(frozen, {recursive: true});
    for (const file of filesUnder(join(record.dir, "data")))
      await copyFile(join(record.dir, "data", file), join(frozen, file));
    return {record, pages: Object.keys(pageTexts).map((p) => `${SRC_ROOT}/${p}`), warnings};
  } finally {
    await rm(join(site, ".."), {recursive: true, force: true});
    await rm(root, {recursive: true, force: true});
  }
}
