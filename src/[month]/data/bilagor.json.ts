import {bilagor} from "../../../data-loaders/metrics/bilagor.ts";
import {runLoader} from "../../../data-loaders/run-loader.ts";

await runLoader("bilagor", ({conn, month}) => bilagor(conn, {month}));
