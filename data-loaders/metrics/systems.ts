// Which case-management system covers which months. Derived from the series-break rules so the switch months are
// stated once.
import {SERIES_BREAKS} from "./series-breaks.ts";

function switchMonth(id: string): string {
  const rule = SERIES_BREAKS.find((r) => r.id === id);
  if (!rule) throw new Error(`Okänt seriebrott: ${id}`);
  return rule.month;
}

/** First month of Lifecare for ekonomiskt bistånd ("2022-10"). */
export const EB_SWITCH = switchMonth("eb_lifecare");
/** First month of Lifecare/Arena for arbetsmarknad ("2022-11"). */
export const AM_SWITCH = switchMonth("am_arena");
