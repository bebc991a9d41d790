// npm run dev: Framework's preview server, plus what its own watcher misses: edits in any module a loader imports
// (data-loaders/, src/lib/, settings) and new deliveries drop the cached loader outputs and touch the loader entries,
// so open pages reload with fresh data. The review pages are part of the preview.
import {watch} from "node:fs";
import {invalidateLoaderCache, touchLoaderEntries} from "./lib/loader-cache.ts";
import {exportsRoot, SRC_ROOT} from "./lib/paths.ts";
import {runFramework} from "./lib/run.ts";
import {ensureSampleData} from "./lib/sample-data.ts";
import {shareFrameworkCaches} from "./lib/site-build.ts";

const log = (line: string) => console.log(line);
const options = {root: SRC_ROOT, exports: exportsRoot()};

await ensureSampleData(log);
await shareFrameworkCaches(SRC_ROOT);
await invalidateLoaderCache(options);

let timer: NodeJS.Timeout | undefined;
const onChange = (_event: string, file: string | null) => {
  // Framework's own cache writes are no change of input.
  if (file?.includes(".observablehq")) return;
  clearTimeout(timer);
  timer = setTimeout(async () => {
    if (await invalidateLoaderCache(options)) {
      log("Dataladdare eller leveranser har ändrats: laddarna körs om.");
      await touchLoaderEntries(SRC_ROOT);
    }
  }, 300);
};
for (const path of ["data-loaders", SRC_ROOT, exportsRoot()]) watch(path, {recursive: true}, onChange);

// The preview is the analyst's and reviewer's own machine: the review pages /<YYYY-MM>/granskning are included.
// NAMNDRAPPORT_PREVIEW: a failing loader's message is shown on the page instead of failing the file.
const env = {NAMNDRAPPORT_GRANSKNING: "1", NAMNDRAPPORT_PREVIEW: "1"};
process.exit((await runFramework(["preview", ...process.argv.slice(2)], env)).code);
