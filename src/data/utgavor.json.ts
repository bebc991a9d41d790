import {archive} from "../../data-loaders/editions.ts";
import {archiveRoot, siteEditions} from "../../data-loaders/source-root.ts";

process.stdout.write(JSON.stringify(archive(archiveRoot(), siteEditions())));
