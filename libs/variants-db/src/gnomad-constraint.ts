import { InputError } from '@rarerank/io';
import { SkipCounter } from './skip-counter';
import type { SkipCounts } from './types';
import { openTable, requireColumn, type Table } from './table';

export interface GeneConstraint {
  symbol: string;
  geneId?: string;
  transcript?: string;
  /** The transcript is MANE Select or Ensembl/RefSeq canonical (always true for v2.1.1's by-gene file). */
  isCanonicalOrMane: boolean;
  pLI?: number;
  /** observed/expected LoF */
  oeLof?: number;
  /** LOEUF: upper bound of the 90% CI of oe LoF */
  loeuf?: number;
  misZ?: number;
  synZ?: number;
}

export type ConstraintVersion = 'v2.1.1' | 'v4.1';

export interface ConstraintResult {
  version: ConstraintVersion;
  genes: GeneConstraint[];
  /** data rows read (transcripts) */
  rows: number;
  skipped: SkipCounts;
  notes: string[];
}

/** Column names of each release; the first listed `required` decide which release a header is. */
const LAYOUTS: Record<ConstraintVersion, { required: Record<string, string>; optional: Record<string, string> }> = {
  'v4.1': {
    required: { pLI: 'lof.pLI', loeuf: 'lof.oe_ci.upper', symbol: 'gene', transcript: 'transcript' },
    optional: { oeLof: 'lof.oe', misZ: 'mis.z_score', synZ: 'syn.z_score', geneId: 'gene_id', canonical: 'canonical', mane: 'mane_select' },
  },
  'v2.1.1': {
    required: { pLI: 'pLI', loeuf: 'oe_lof_upper', symbol: 'gene', transcript: 'transcript' },
    optional: { oeLof: 'oe_lof', misZ: 'mis_z', synZ: 'syn_z', geneId: 'gene_id', canonical: 'canonical', mane: 'mane_select' },
  },
};

function detect(file: string, table: Table): ConstraintVersion {
  if (table.index.has('lof.pLI') || table.index.has('lof.oe_ci.upper')) return 'v4.1';
  if (table.index.has('pLI') || table.index.has('oe_lof_upper')) return 'v2.1.1';
  throw new InputError(
    `not a gnomAD constraint table: expected lof.pLI/lof.oe_ci.upper (v4) or pLI/oe_lof_upper (v2.1.1) columns (found: ${table.header.slice(0, 12).join(', ')})`,
    { file, line: table.headerLine },
  );
}

interface Candidate {
  gene: GeneConstraint;
  rank: number;
  ensembl: boolean;
}

/**
 * One transcript per gene symbol: MANE Select, then canonical, then Ensembl over RefSeq (v4.1
 * lists both; their MANE values agree), then a defined LOEUF, then the lower LOEUF (the more
 * constrained of two same-symbol genes, as v2.1.1 lists for 46 symbols), then file order.
 */
function better(a: Candidate, b: Candidate): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.ensembl !== b.ensembl) return a.ensembl;
  const la = a.gene.loeuf;
  const lb = b.gene.loeuf;
  if ((la === undefined) !== (lb === undefined)) return la !== undefined;
  return la !== undefined && lb !== undefined && la < lb;
}

/**
 * gnomAD gene constraint, v2.1.1 (lof_metrics.by_gene or an extract of it, '##' comments
 * allowed, '#gene' header accepted) or v4.1 (constraint_metrics.tsv, official column names).
 * The release is told from the header columns. 'NA' and empty cells are undefined.
 */
export async function readGnomadConstraint(file: string): Promise<ConstraintResult> {
  const table = await openTable(file, { commentPrefix: '##' });
  const version = detect(file, table);
  const layout = LAYOUTS[version];
  const req = Object.fromEntries(Object.entries(layout.required).map(([k, c]) => [k, requireColumn(file, table, c)]));
  const opt = Object.fromEntries(Object.entries(layout.optional).map(([k, c]) => [k, table.index.get(c)]));
  const skip = new SkipCounter();
  const best = new Map<string, Candidate>();
  let rows = 0;
  for await (const { no, cells } of table.rows) {
    rows++;
    const num = (i: number | undefined, field: string): number | undefined => {
      if (i === undefined) return undefined;
      const s = cells[i].trim();
      if (s === '' || s === 'NA' || s === 'NaN' || s === '.') return undefined;
      const x = Number(s);
      if (!Number.isFinite(x)) throw new InputError(`not a number: "${s}"`, { file, line: no, field });
      return x;
    };
    const flag = (i: number | undefined) => i !== undefined && /^(true|1|yes)$/i.test(cells[i].trim());
    const symbol = cells[req.symbol].trim();
    if (symbol === '' || symbol === 'NA') {
      skip.add('no_gene_symbol');
      continue;
    }
    const transcript = cells[req.transcript].trim();
    const mane = flag(opt.mane);
    const canonical = opt.canonical === undefined ? version === 'v2.1.1' : flag(opt.canonical);
    const gene: GeneConstraint = { symbol, isCanonicalOrMane: mane || canonical };
    const geneId = opt.geneId === undefined ? '' : cells[opt.geneId].trim();
    if (geneId && geneId !== 'NA') gene.geneId = geneId;
    if (transcript && transcript !== 'NA') gene.transcript = transcript;
    const values: [keyof GeneConstraint, number | undefined][] = [
      ['pLI', num(req.pLI, layout.required.pLI)],
      ['oeLof', num(opt.oeLof, layout.optional.oeLof)],
      ['loeuf', num(req.loeuf, layout.required.loeuf)],
      ['misZ', num(opt.misZ, layout.optional.misZ)],
      ['synZ', num(opt.synZ, layout.optional.synZ)],
    ];
    for (const [k, v] of values) if (v !== undefined) (gene as unknown as Record<string, number>)[k] = v;
    const cand: Candidate = { gene, rank: mane ? 2 : canonical ? 1 : 0, ensembl: transcript.startsWith('ENST') };
    const prev = best.get(symbol);
    if (!prev || better(cand, prev)) best.set(symbol, cand);
  }
  const genes = [...best.values()].map((c) => c.gene);
  return {
    version,
    genes,
    rows,
    skipped: skip.counts,
    notes: ['one transcript per gene symbol: MANE Select > canonical > Ensembl > defined LOEUF > lower LOEUF > file order'],
  };
}
