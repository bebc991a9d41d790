// Notices every page of an edition carries, above its content and in its PDF: a draft banner with an UTKAST watermark,
// the corrections of a corrected edition, and a warning when the data is the synthetic sample. The site config's
// `header` renders them from the page's front matter, so the preview, the build and the PDF all show the same.

/** A correction as the front matter records it (`rattelser:`), written by `npm run publicera -- --rattelse`. */
export interface Correction {
  /** "YYYY-MM-DD". */
  datum: string;
  motivering: string;
  /** The version the correction made, e.g. 2. */
  version?: number;
}

export interface NoticeInput {
  /** Page path, e.g. "/2023-11/" or "/2023-11/tjansteskrivelse". Only edition pages get edition notices. */
  path: string;
  /** The page's front matter. */
  data: Record<string, unknown> | null | undefined;
  /** True when the pages are built from the synthetic sample. */
  synthetic: boolean;
}

export const DRAFT_BANNER = "Utkast – inte behandlat av nämnden";
export const DRAFT_WATERMARK = "UTKAST";
export const SYNTHETIC_NOTICE = "Exempeldata – inte verkliga uppgifter";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c] as string);

/** True for the pages of an edition folder /YYYY-MM/. */
export function isEditionPath(path: string): boolean {
  return /^\/\d{4}-\d{2}\//.test(path);
}

/** A front-matter date: YAML reads an unquoted 2026-12-02 as a Date, a quoted one as text. */
function dateText(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** The corrections listed in a page's front matter, oldest first; malformed entries are left out. */
export function correctionsOf(data: NoticeInput["data"]): Correction[] {
  const list = data?.rattelser;
  if (!Array.isArray(list)) return [];
  return list.flatMap((c) => {
    const datum = c && typeof c === "object" ? dateText(c.datum) : null;
    if (!datum || typeof c.motivering !== "string") return [];
    return [{...c, datum} as Correction];
  });
}

/** The HTML of a page's notices (empty when there is none). */
export function pageNotices({path, data, synthetic}: NoticeInput): string {
  const parts: string[] = [];
  if (synthetic) {
    parts.push(`<p class="nr-notice nr-notice-synthetic" role="note">${escape(SYNTHETIC_NOTICE)}</p>`);
  }
  if (isEditionPath(path) && !path.endsWith("/granskning")) {
    if (data?.status !== "publicerad") {
      parts.push(
        `<p class="nr-notice nr-notice-draft" role="note"><strong>${escape(DRAFT_BANNER)}</strong></p>`,
        `<div class="nr-watermark" aria-hidden="true">${DRAFT_WATERMARK}</div>`
      );
    }
    const month = /^\/(\d{4}-\d{2})\//.exec(path)?.[1];
    const page = path.replace(/^\/\d{4}-\d{2}\//, "");
    for (const c of correctionsOf(data)) {
      // The version this correction replaced is kept at /<M>-v<N>/, one folder beside this page.
      const replaced =
        c.version && c.version > 1
          ? ` <a href="../${month}-v${c.version - 1}/${escape(page)}">Version ${c.version - 1}</a> finns kvar i arkivet.`
          : "";
      parts.push(
        `<p class="nr-notice nr-notice-correction" role="note">Rättad ${escape(c.datum)}: ${escape(c.motivering)}${replaced}</p>`
      );
    }
  }
  return parts.join("");
}
