// Command-line options and paths shared by the engine benchmarks (scripts/bench-*.js).
const path = require('node:path');

const args = process.argv.slice(2);
/** the value after `name` on the command line, else `dflt` */
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const root = path.resolve(__dirname, '../..');
const mirror = process.env.RARERANK_MIRROR || path.join(root, '..', 'shared', 'data');
/** --kb, else $RARERANK_KB, else kb/current */
const kb = path.resolve(opt('--kb', process.env.RARERANK_KB || path.join(root, 'kb', 'current')));
const example = path.join(root, 'test', 'example', 'example.phenopacket.json');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

module.exports = { opt, root, mirror, kb, example, median };
