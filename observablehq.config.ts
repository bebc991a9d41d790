// Observable Framework configuration. Offline rules: no global stylesheets (they request Google Fonts), a system font
// stack in style.css, our own footer; `<html lang="sv">` is set by scripts/build.ts because Framework has no option.
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {formatDate, formatMonth} from "./src/components/format.ts";
import {settings} from "./src/settings.ts";

const root = "src";

/** Edition folders (src/YYYY-MM/), newest first. */
function editions(): string[] {
  return readdirSync(root)
    .filter((name) => /^\d{4}-\d{2}$/.test(name) && statSync(join(root, name)).isDirectory())
    .sort()
    .reverse();
}

// SOURCE_DATE_EPOCH makes the footer reproducible when a build must be byte-identical.
const buildDate = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date();

export default {
  root,
  output: process.env.NAMNDRAPPORT_OUTPUT ?? "dist",
  title: "Nämndrapport",
  globalStylesheets: [],
  style: "style.css",
  search: false,
  pager: false,
  pages: [
    {name: "Arkiv", path: "/"},
    ...editions().map((month) => ({
      name: formatMonth(month).replace(/^./, (c) => c.toUpperCase()),
      collapsible: true,
      open: false,
      pages: [
        {name: "Nämndrapport", path: `/${month}/`},
        {name: "Tjänsteskrivelse", path: `/${month}/tjansteskrivelse`}
      ]
    }))
  ],
  // An empty inline icon: browsers otherwise request /favicon.ico, which an intranet server may not have.
  head: '<meta name="description" content="Nämndrapport för arbetsmarknadsnämndens verksamheter"><link rel="icon" href="data:,">',
  header: `<span class="nr-header">${settings.municipality} · ${settings.administration}</span>`,
  footer: `${settings.municipality} · ${settings.administration} · Byggd ${formatDate(buildDate.toISOString().slice(0, 10))}`
};
