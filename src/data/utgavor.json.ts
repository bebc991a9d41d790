import {listEditions} from "../../data-loaders/editions.ts";

process.stdout.write(JSON.stringify(listEditions("src")));
