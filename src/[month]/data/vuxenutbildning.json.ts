import {runLoader} from "../../../data-loaders/run-loader.ts";
import {SECTIONS} from "../../../data-loaders/sections.ts";

await runLoader("vuxenutbildning", SECTIONS["vuxenutbildning"]);
