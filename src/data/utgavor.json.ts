import {archive} from "../../data-loaders/editions.ts";
import {sourceRoot} from "../../data-loaders/source-root.ts";

process.stdout.write(JSON.stringify(archive(sourceRoot())));
