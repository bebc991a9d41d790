// The edition's data files and how each is computed: one entry per loader in src/[month]/data/. The loader entries,
// the loader-output snapshot (npm run laddarutdata) and the tests read this list, so a section is added here once.
import {arbetsmarknad} from "./metrics/arbetsmarknad.ts";
import {bilagor} from "./metrics/bilagor.ts";
import {ekonomisktBistand} from "./metrics/ekonomiskt-bistand.ts";
import {uppfoljning} from "./metrics/uppfoljning.ts";
import {vuxenutbildning} from "./metrics/vuxenutbildning.ts";
import type {LoaderContext} from "./run-loader.ts";

export type SectionCompute = (context: LoaderContext) => Promise<object>;

/** Section loaders by data file name (src/[month]/data/<name>.json.ts). */
export const SECTIONS = {
  "ekonomiskt-bistand": ({conn, month, first}) => ekonomisktBistand(conn, {month, first}),
  arbetsmarknad: ({conn, month, first}) => arbetsmarknad(conn, {month, first}),
  bilagor: ({conn, month}) => bilagor(conn, {month}),
  uppfoljning: ({conn, month}) => uppfoljning(conn, {month}),
  vuxenutbildning: ({conn, month}) => vuxenutbildning(conn, {month})
} as const satisfies Record<string, SectionCompute>;

export type SectionName = keyof typeof SECTIONS;
