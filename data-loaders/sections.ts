// The edition's data files and how each is computed: one entry per loader in src/[month]/data/. The loader entries,
// the loader-output snapshot (npm run laddarutdata) and the tests read this list, so a section is added here once.
import {arbetsmarknad} from "./metrics/arbetsmarknad.ts";
import {bilagor} from "./metrics/bilagor.ts";
import {ekonomisktBistand} from "./metrics/ekonomiskt-bistand.ts";
import {uppfoljning} from "./metrics/uppfoljning.ts";
import {vuxenutbildning} from "./metrics/vuxenutbildning.ts";
import type {LoaderContext} from "./run-loader.ts";

export type SectionCompute = (context: LoaderContext) => Promise<object>;

/**
 * A section as published: why each figure is hidden ("primar", "sekundar") stays in the review; the data file says
 * only that it is hidden, so that no reader can tell which hidden figures are the small ones.
 */
export function published<T>(value: T): T {
  if (Array.isArray(value)) return value.map(published) as T;
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key === "suppressed" && item) return [key, true];
      if (key === "hidden" && item && typeof item === "object") {
        return [key, Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v ? true : v]))];
      }
      return [key, published(item)];
    })
  ) as T;
}

/** Section loaders by data file name (src/[month]/data/<name>.json.ts). */
export const SECTIONS = {
  "ekonomiskt-bistand": async ({conn, month, first}) => published(await ekonomisktBistand(conn, {month, first})),
  arbetsmarknad: async ({conn, month, first}) => published(await arbetsmarknad(conn, {month, first})),
  bilagor: async ({conn, month}) => published(await bilagor(conn, {month})),
  uppfoljning: async ({conn, month}) => published(await uppfoljning(conn, {month})),
  vuxenutbildning: ({conn, month}) => vuxenutbildning(conn, {month})
} as const satisfies Record<string, SectionCompute>;

export type SectionName = keyof typeof SECTIONS;
