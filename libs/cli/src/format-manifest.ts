import type { KbManifest } from '@rarerank/kb';

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

/** The manifest as a plain-text table for a terminal. */
export function formatManifest(m: KbManifest, dir: string): string {
  const header = `KB ${dir}\nbuilt ${m.builtAt} in ${m.buildSeconds} s by rarerank ${m.rarerankVersion}, assembly ${m.assembly}, mirror ${m.mirror}\n\n`;
  const rows = [['source', 'status', 'version', 'records', 'licence', 'file']];
  for (const s of m.sources) {
    const records = Object.entries(s.records).map(([k, v]) => `${k}=${v}`).join(' ');
    const file = s.files.length ? s.files.map((f) => f.path.split('/').slice(-2).join('/')).join(',') : '-';
    rows.push([s.id, s.status, s.version ?? '-', records || '-', `${s.nonCommercial ? 'NC ' : ''}${s.licence}`, file]);
  }
  const notes = m.sources.flatMap((s) => s.notes.map((n) => `  ${s.id}: ${n}`));
  return `${header}${table(rows)}\n${notes.length ? `\nnotes:\n${notes.join('\n')}\n` : ''}`;
}
