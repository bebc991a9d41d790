import { html } from "../../_node/htl@0.3.1/index.0caf36e7.js";
import { formatMonth } from "../lib/format.31c9c2b5.js";
import { kpiCard } from "./kpi-card.5f59890f.js";
import { sparkline } from "./sparkline.44090ab8.js";
export function latestHeadline(editions) {
  const latest = editions.find((e) => e.status === "publicerad" && e.headline);
  if (!latest?.headline) {
    return html`<p class="nr-headline-empty">
      Nyckeltalen för den senaste publicerade utgåvan visas här när en utgåva har publicerats.
    </p>`;
  }
  const { headline } = latest;
  return html`<section class="nr-headline" aria-labelledby="nr-headline-title">
    <h2 id="nr-headline-title">Nyckeltal ${formatMonth(latest.month)}</h2>
    <div class="grid grid-cols-4 nr-kpis">
      ${headline.cards.map((card) => {
    const node = kpiCard(card.metric, { title: card.title, subtitle: formatMonth(card.metric.month) });
    node.classList.add("nr-headline-card");
    node.append(sparkline(card.metric));
    return node;
  })}
    </div>
    <p class="nr-headline-source">
      Ur den publicerade utgåvan <a href=${latest.pages.namndrapport}>${formatMonth(latest.month)}</a>, version
      ${headline.version} (${headline.published}): talen är de nämnden fick. Linjen visar månaderna i utgåvans diagram.
    </p>
  </section>`;
}
