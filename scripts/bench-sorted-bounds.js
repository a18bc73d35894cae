#!/usr/bin/env node
// Micro-benchmark of libs/io lowerBound against the loop it replaced, written out by hand as the
// call sites had it (monomorphic: one Int32Array), on a sorted Int32Array of 200,000 positions and
// 2M random keys. With --mixed, lowerBound/upperBound first see the plain and Float64Array columns
// the other callers pass (as in a process that annotates and filters), so its element loads are
// polymorphic. Medians of 7 interleaved rounds, ns per lookup.
// Usage: npm run build && node scripts/bench-sorted-bounds.js [--mixed]
const path = require('node:path');
const { lowerBound, upperBound, seededRandom } = require(path.join(__dirname, '..', 'dist', 'libs', 'io', 'src'));

const N = 200_000;
const Q = 2_000_000;
const rand = seededRandom(1);
const i32 = Int32Array.from({ length: N }, () => Math.floor(rand() * 3e8)).sort();
const keys = Int32Array.from({ length: Q }, () => Math.floor(rand() * 3e8));
function handWritten(p, pos) {
  let lo = 0;
  let hi = p.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
if (process.argv.includes('--mixed')) {
  const f64 = Float64Array.from(i32);
  const plain = Array.from(i32);
  for (let k = 0; k < 100_000; k++) {
    lowerBound(plain, keys[k]);
    lowerBound(f64, keys[k]);
    upperBound(f64, keys[k]);
    upperBound(i32, keys[k]);
  }
}
const time = (f) => {
  let sum = 0;
  const t = process.hrtime.bigint();
  for (let k = 0; k < Q; k++) sum += f(keys[k]);
  return { ns: Number(process.hrtime.bigint() - t) / Q, sum };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const hand = [];
const shared = [];
for (let r = 0; r < 7; r++) {
  const a = time((x) => handWritten(i32, x));
  const b = time((x) => lowerBound(i32, x));
  if (a.sum !== b.sum) throw new Error('the two searches disagree');
  hand.push(a.ns);
  shared.push(b.ns);
}
console.log(JSON.stringify({ mixed: process.argv.includes('--mixed'), handWrittenNs: Number(median(hand).toFixed(1)), lowerBoundNs: Number(median(shared).toFixed(1)) }));
