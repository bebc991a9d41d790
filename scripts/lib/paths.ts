// Project paths shared by the CLI scripts.
export {DEFAULT_EXPORTS, exportsRoot} from "../../data-loaders/deliveries.ts";
export {DEFAULT_SOURCE_ROOT as SRC_ROOT} from "../../data-loaders/source-root.ts";

/** Working folders of single-edition builds (a source root per edition, with its own loader cache). */
export const EDITION_ROOTS = ".bygg";
