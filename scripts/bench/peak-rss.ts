// Preloaded (node --import) into every process the benchmark starts: prints the process's peak resident memory on
// exit, so that a loader run exactly as Framework runs it can be measured without changing it.
process.on("exit", () => {
  process.stderr.write(`\nBENCH_PEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
