import {vuxenutbildning} from "../../../data-loaders/metrics/vuxenutbildning.ts";
import {runLoader} from "../../../data-loaders/run-loader.ts";

await runLoader("vuxenutbildning", ({conn, month}) => vuxenutbildning(conn, {month}));
