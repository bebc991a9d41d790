// The Framework source root the build reads. Normally src/; a single-edition build points it at a folder that holds
// only that edition (scripts/lib/site-build.ts), so the config, the archive loader and the cache key agree on it.

export const DEFAULT_SOURCE_ROOT = "src";

/** The env NAMNDRAPPORT_ROOT, else src. */
export function sourceRoot(): string {
  return process.env.NAMNDRAPPORT_ROOT || DEFAULT_SOURCE_ROOT;
}

/** True when the build includes the review pages (/<YYYY-MM>/granskning): env NAMNDRAPPORT_GRANSKNING=1. */
export function includesReview(): boolean {
  return process.env.NAMNDRAPPORT_GRANSKNING === "1";
}
