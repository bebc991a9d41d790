import {uppfoljning} from "../../../data-loaders/metrics/uppfoljning.ts";
import {runLoader} from "../../../data-loaders/run-loader.ts";

await runLoader("uppfoljning", ({conn, month}) => uppfoljning(conn, {month}));
