#!/usr/bin/env node
// Entry point for `npx rarerank`: runs the compiled CLI (npm run build first).
const path = require('node:path');
const fs = require('node:fs');
const main = path.join(__dirname, '..', 'dist', 'libs', 'cli', 'src', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('rarerank: not built yet. Run `npm run build` first.\n');
  process.exit(2);
}
require(main);
