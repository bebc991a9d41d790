// Project paths shared by the CLI scripts.
import {resolve} from "node:path";

export const SRC_ROOT = "src";
export const DEFAULT_EXPORTS = "data/exports";
/** Where loaders read deliveries from; NAMNDRAPPORT_EXPORTS points elsewhere (a real delivery share, a test copy). */
export const exportsRoot = (): string => resolve(process.env.NAMNDRAPPORT_EXPORTS ?? DEFAULT_EXPORTS);
/** Everything the data loaders' output depends on besides the deliveries. */
export const LOADER_CODE = ["data-loaders", "src/settings.ts", "src/[month]", "src/data"];
