// Project paths shared by the CLI scripts.
export {DEFAULT_EXPORTS, exportsRoot} from "../../data-loaders/deliveries.ts";

export const SRC_ROOT = "src";
/** Everything the data loaders' output depends on besides the deliveries. */
export const LOADER_CODE = ["data-loaders", "src/settings.ts", "src/[month]", "src/data"];
