// Loaded with `node --require` by bench/floor.js: writes the process's peak RSS (KB) to BENCH_RSS_FILE at exit.
'use strict';
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
