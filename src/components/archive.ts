// The archive's landing page (src/index.md): the newest published edition's four headline cards, each with a small
// trend line of its window, from the edition's frozen record (data-loaders/editions.ts), or a note while nothing is
// published yet.
import {html} from "htl";
import {formatMonth} from "../lib/format.js";
import type {MetricResult} from "../lib/metric-types.js";
import {kpiCard} from "./kpi-card.js";
import {sparkline} from "./sparkline.js";

/** The archive JSON's fields this component reads (data-loaders/editions.ts, Edition). */
export interface ArchiveEdition {
  month: string;
  status: "utkast" | "publicerad";
  pages: {namndrapport: string};
  headline?: {version: number; published: string; cards: {title: string; metric: MetricResult}[]};
}

/** The headline cards of the newest published edition, or why there are none. */
export function latestHeadline(editions: readonly ArchiveEdition[]): HTMLElement {
  const latest = editions.find((e) => e.status === "publicerad" && e.headline);
  if (!latest?.headline) {
    return html`<p class="nr-headline-empty">
      Nyckeltalen för den senaste publicerade utgåvan visas här när en utgåva har publicerats.
    </p>` as HTMLElement;
  }
  const {headline} = latest;
  return html`<section class="nr-headline" aria-labelledby="nr-headline-title">
    <h2 id="nr-headline-title">Nyckeltal ${formatMonth(latest.month)}</h2>
    <div class="grid grid-cols-4 nr-kpis">
      ${headline.cards.map((card) => {
        const node = kpiCard(card.metric, {title: card.title, subtitle: formatMonth(card.metric.month)});
        node.classList.add("nr-headline-card");
        node.append(sparkline(card.metric));
        return node;
      })}
    </div>
    <p class="nr-headline-source">
      Ur den publicerade utgåvan <a href=${latest.pages.namndrapport}>${formatMonth(latest.month)}</a>, version
      ${headline.version} (${headline.published}): talen är de nämnden fick. Linjen visar månaderna i utgåvans diagram.
    </p>
  </section>` as HTMLElement;
}
