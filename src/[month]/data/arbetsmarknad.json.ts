import {arbetsmarknad} from "../../../data-loaders/metrics/arbetsmarknad.ts";
import {runLoader} from "../../../data-loaders/run-loader.ts";

await runLoader("arbetsmarknad", ({conn, month, first}) => arbetsmarknad(conn, {month, first}));
