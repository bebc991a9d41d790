// A loader that fails in the preview writes only its Swedish error, under this key, so the page can show it once
// (src/components/section.ts). Builds never see such an output: there the loader fails and the build stops, and
// cached error outputs are dropped before every build (scripts/lib/loader-cache.ts).

/** The JSON key of a failed loader's output in the preview. */
export const LOADER_ERROR_KEY = "nr_loader_error";

/** The output a failed loader writes in the preview: the error, and which loader for which month. */
export function loaderErrorOutput(error: string, loader: string, month: string): string {
  return JSON.stringify({[LOADER_ERROR_KEY]: error, loader, month});
}

/** True when a cached loader output is such an error output (checked on its first bytes). */
export function isLoaderErrorOutput(head: string): boolean {
  return head.startsWith(`{"${LOADER_ERROR_KEY}":`);
}
