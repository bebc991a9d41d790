// Observable Framework configuration. Offline rules: no global stylesheets (they request Google Fonts), a system font
// stack in style.css, our own footer; `<html lang="sv">` is set after the build by scripts/lib/site-check.ts
// (finishPages) because Framework has no option.
import {exportsRoot, isSyntheticExports} from "./data-loaders/deliveries.ts";
import {readFrontMatter} from "./data-loaders/front-matter.ts";
import {editionFolders, includesReview, pageFile, sourceRoot} from "./data-loaders/source-root.ts";
import {capitalise, formatDate, formatMonth} from "./src/lib/format.ts";
import {pageNotices} from "./src/lib/notices.ts";
import {publishedSearchEntries} from "./scripts/lib/frozen-search.ts";
import {settings} from "./src/lib/settings.ts";

// src/, or the folder of a single-edition build (npm run build -- --utgava ÅÅÅÅ-MM).
const root = sourceRoot();
// The review pages /<YYYY-MM>/granskning are built only on request (npm run build -- --granskning, npm run dev).
const review = includesReview();

/**
 * Edition folders (YYYY-MM/) under the root, newest first. A build's root holds only the drafts: published editions
 * are copied from their records afterwards, with one sidebar for every page (scripts/lib/site-build.ts).
 */
const editions = () => editionFolders(root).reverse();

// Pages built from the bundled sample say so (src/lib/notices.ts).
const synthetic = isSyntheticExports(exportsRoot());

// SOURCE_DATE_EPOCH makes the footer reproducible when a build must be byte-identical.
const buildDate = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date();

const TITLE = "Nämndrapport";

export default {
  root,
  output: process.env.NAMNDRAPPORT_OUTPUT ?? "dist",
  title: TITLE,
  globalStylesheets: [],
  style: "style.css",
  // Framework's search runs in the browser over an index built with the site (_observablehq/minisearch.json): it
  // makes no request to another origin. The published editions' pages, copied from their records, are added to it.
  search: {
    async *index() {
      yield* publishedSearchEntries(root, TITLE);
    }
  },
  pager: false,
  pages: [
    {name: "Arkiv", path: "/"},
    ...editions().map((month) => ({
      name: capitalise(formatMonth(month)),
      collapsible: true,
      open: false,
      pages: [
        {name: "Nämndrapport", path: `/${month}/`},
        {name: "Tjänsteskrivelse", path: `/${month}/tjansteskrivelse`},
        ...(review ? [{name: "Granskning", path: `/${month}/granskning`}] : [])
      ]
    }))
  ],
  // src/[month]/granskning.md is parameterised: Framework builds it only for the months listed here.
  dynamicPaths: review ? editions().map((month) => `/${month}/granskning`) : [],
  // An empty inline icon: browsers otherwise request /favicon.ico, which an intranet server may not have.
  head: '<meta name="description" content="Nämndrapport för arbetsmarknadsnämndens verksamheter"><link rel="icon" href="data:,">',
  // Every edition page says whether it is a draft or corrected, and every page whether its figures are synthetic.
  // Framework passes only the front matter keys it knows, so status and corrections are read from the page itself.
  header: ({path}: {path: string}) =>
    `<span class="nr-header">${settings.municipality} · ${settings.administration}</span>` +
    pageNotices({path, data: readFrontMatter(pageFile(root, path)), synthetic}),
  footer: `${settings.municipality} · ${settings.administration} · Byggd ${formatDate(buildDate.toISOString().slice(0, 10))}`
};
