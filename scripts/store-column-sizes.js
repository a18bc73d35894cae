#!/usr/bin/env node
// Bytes per variant of each column of a variant store (each column deflated on its own, chunk by
// chunk): how the key and each value share the store's size; and the key and value streams as
// stored (schema 4: a chunk's key bytes raw, or deflated when that halves them; its value columns
// deflated together), with the share of chunks whose keys are stored raw.
// Usage: node scripts/store-column-sizes.js store.rrvs
const path = require('node:path');
const zlib = require('node:zlib');
const { VariantStore } = require(path.join(__dirname, '..', 'dist', 'libs', 'variant-store', 'src'));
const { decodeChunk } = require(path.join(__dirname, '..', 'dist', 'libs', 'variant-store', 'src', 'chunk-codec.js'));
const fs = require('node:fs');

const file = process.argv[2];
const store = VariantStore.open(file);
const fd = fs.openSync(file, 'r');
const sizes = {};
let keyStream = 0;
let rawKeyChunks = 0;
const add = (k, a) => (sizes[k] = (sizes[k] || 0) + zlib.deflateSync(a, { level: 6 }).length);
const shuffle = (a) => {
  const b = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const n = a.length;
  const o = new Uint8Array(4 * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < 4; k++) o[k * n + i] = b[4 * i + k];
  return o;
};
for (let ci = 0; ci < store.index.length; ci++) {
  const c = store.chunkEntry(ci);
  const buf = Buffer.alloc(c.bytes);
  fs.readSync(fd, buf, 0, c.bytes, c.offset);
  const d = decodeChunk({ bytes: buf, keyBytes: c.keyBytes }, store.columns);
  keyStream += c.keyBytes;
  if (buf[0] === 0) rawKeyChunks++; // KEYS_RAW
  const delta = new Uint32Array(d.n);
  for (let i = 0, p = 0; i < d.n; i++) [delta[i], p] = [d.pos[i] - p, d.pos[i]];
  add('key: position deltas', shuffle(delta));
  add('key: packed alleles', shuffle(d.codes));
  add('key: overflow alleles', Buffer.from(JSON.stringify(d.overflow)));
  store.columns.forEach((col, k) => {
    const x = d.columns[k];
    if (x.type === 'decimal') add(col.name, Buffer.concat([shuffle(x.mantissa.toArray()), Buffer.from(x.exponent)]));
    else add(col.name, shuffle((x.type === 'int' ? x.ints : x.idx).toArray()));
  });
}
const n = store.size;
const bytes = fs.statSync(file).size;
const out = { file, variants: n, bytesPerVariant: +(bytes / n).toFixed(2), columns: Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, +(v / n).toFixed(2)])) };
out.keyStream = +(keyStream / n).toFixed(2);
out.keyChunksRaw = +(rawKeyChunks / store.index.length).toFixed(3);
// the key as stored, each of the three values as deflated alone
const keyAfGrpmaxHom = keyStream + ['af', 'afPopmax', 'homozygotes'].reduce((a, k) => a + (sizes[k] || 0), 0);
out.keyAfGrpmaxNhomalt = +(keyAfGrpmaxHom / n).toFixed(2);
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
