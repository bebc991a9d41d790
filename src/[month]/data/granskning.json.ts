// The review of an edition (the same report as npm run granska) for the review page /<YYYY-MM>/granskning. Published
// editions are read from src/ even in a single-edition build, whose own source root holds only this edition.
import {throwOnErrors} from "../../../data-loaders/checks/findings.ts";
import {exportsRoot} from "../../../data-loaders/deliveries.ts";
import {buildReview, DEFAULT_THRESHOLD} from "../../../data-loaders/review/review.ts";
import {runLoader} from "../../../data-loaders/run-loader.ts";
import {DEFAULT_SOURCE_ROOT} from "../../../data-loaders/source-root.ts";

await runLoader("granskning", async ({month, delivery}) => {
  const review = await buildReview(exportsRoot(), month, {threshold: DEFAULT_THRESHOLD, delivery, sourceRoot: DEFAULT_SOURCE_ROOT});
  throwOnErrors(review.findings);
  return review;
});
