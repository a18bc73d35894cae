// Closed-loop HTTP load for scripts/bench-pipeline.js: `connections` loops each send a request,
// wait for the whole body, and send the next, for `seconds` (after `warmupSeconds` not counted).
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
const median = (xs) => quantile([...xs].sort((a, b) => a - b), 0.5);

/** @param nextUrl (i) => URL of the i-th request; @returns latencies (ms) of the counted requests and their errors */
async function closedLoopLoad({ nextUrl, headers, connections, seconds, warmupSeconds = 2 }) {
  const start = performance.now();
  const countFrom = start + warmupSeconds * 1000;
  const end = countFrom + seconds * 1000;
  const latencies = [];
  const errors = {};
  let i = 0;
  const loop = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      let outcome;
      try {
        const res = await fetch(nextUrl(i++), { headers });
        await res.arrayBuffer();
        outcome = res.status === 200 ? 'ok' : `HTTP ${res.status}`;
      } catch (e) {
        outcome = e.cause?.code ?? e.name;
      }
      if (t < countFrom) continue;
      if (outcome === 'ok') latencies.push(performance.now() - t);
      else errors[outcome] = (errors[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const sorted = latencies.sort((a, b) => a - b);
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  return {
    requests: sorted.length + errorCount,
    perSecond: (sorted.length + errorCount) / seconds,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    errors,
    errorCount,
  };
}

module.exports = { closedLoopLoad, median, quantile };
