import {ekonomisktBistand} from "../../../data-loaders/metrics/ekonomiskt-bistand.ts";
import {runLoader} from "../../../data-loaders/run-loader.ts";

await runLoader("ekonomiskt-bistand", ({conn, month, first}) => ekonomisktBistand(conn, {month, first}));
