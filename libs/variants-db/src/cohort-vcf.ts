import path from 'node:path';
import { InputError } from '@rarerank/io';
import { assemblyFromFileName, assemblyFromVcfHeader } from './assembly';
import { ucscChrom } from './chrom';
import { poissonLowerBound } from './poisson-bound';
import type { RecordStream } from './record-stream';
import { SkipCounter } from './skip-counter';
import type { Assembly, FrequencyRecord, ReadResult } from './types';
import { openVcf, openVcfText, type VcfHeader } from './vcf';

/**
 * One cohort's files that are read together: genotype VCFs of the same samples. Files of the same
 * samples are either parts (split by chromosome or region, as large cohorts are released) or
 * copies of the same calls (re-runs; the mirror's NA12878 exome comes as four copies, each with a
 * different causal variant spiked in). Parts are read one by one (`cohortsOf` gives one Cohort
 * per part, with the same name); copies are read together, a sample counting an allele only
 * where every copy calls it.
 */
export interface Cohort {
  /** the cohort's name in frequency evidence: the first file's name up to its first dot */
  name: string;
  files: string[];
  samples: string[];
  assembly: Assembly;
}

/**
 * Groups genotype VCFs into cohorts by their sample names (header only) and, where several files
 * hold the same samples, into parts by the positions they cover (one pass over their CHROM and
 * POS columns): files whose spans overlap on a chromosome are copies, read together; the others
 * are parts, read one by one. A file without sample columns is not a cohort: an InputError naming it.
 */
export async function cohortsOf(files: string[]): Promise<Cohort[]> {
  const bySamples = new Map<string, Omit<Cohort, 'name'>>();
  for (const file of files) {
    const { header, lines } = await openVcf(file);
    await lines.return(undefined);
    const samples = header.parser.samples;
    if (!samples.length) throw new InputError('a cohort VCF needs genotype columns (FORMAT and at least one sample): this file has none', { file });
    const assembly = assemblyOf(header, file);
    const key = JSON.stringify(samples);
    const c = bySamples.get(key);
    if (!c) bySamples.set(key, { files: [file], samples, assembly });
    else if (c.assembly !== assembly) throw new InputError(`this file holds the samples of ${c.files[0]} but is on ${assembly}, that one on ${c.assembly}: give one assembly per cohort`, { file });
    else c.files.push(file);
  }
  const out: Cohort[] = [];
  const names = new Set<string>();
  for (const c of bySamples.values()) {
    const base = path.basename(c.files[0]).replace(/\..*$/, '');
    let name = base;
    for (let k = 2; names.has(name); k++) name = `${base}-${k}`;
    names.add(name);
    const groups = c.files.length === 1 ? [c.files] : copiesOf(c.files, await Promise.all(c.files.map(spansOf)));
    for (const g of groups) out.push({ name, files: g, samples: c.samples, assembly: c.assembly });
  }
  return out;
}

/** Per chromosome, the first and last POS a file has records at. */
type Spans = Map<string, [number, number]>;

async function spansOf(file: string): Promise<Spans> {
  const spans: Spans = new Map();
  const { text } = await openVcfText(file);
  for await (const { text: line } of text) {
    const tab = line.indexOf('\t');
    const chrom = line.slice(0, tab);
    const pos = Number(line.slice(tab + 1, line.indexOf('\t', tab + 1)));
    const s = spans.get(chrom);
    if (!s) spans.set(chrom, [pos, pos]);
    else {
      if (pos < s[0]) s[0] = pos;
      if (pos > s[1]) s[1] = pos;
    }
  }
  return spans;
}

/** Files in groups of copies: connected by overlapping spans on a chromosome, in file order. */
function copiesOf(files: string[], spans: Spans[]): string[][] {
  const group = files.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i])));
  const overlap = (a: Spans, b: Spans) => [...a].some(([chrom, [lo, hi]]) => {
    const o = b.get(chrom);
    return o !== undefined && o[0] <= hi && lo <= o[1];
  });
  for (let i = 0; i < files.length; i++) for (let j = 0; j < i; j++) if (overlap(spans[i], spans[j])) group[root(i)] = root(j);
  const out = new Map<number, string[]>();
  files.forEach((f, i) => out.set(root(i), [...(out.get(root(i)) ?? []), f]));
  return [...out.values()];
}

function assemblyOf(header: VcfHeader, file: string): Assembly {
  return assemblyFromVcfHeader(header.metaLines) ?? assemblyFromFileName(file) ?? 'GRCh38';
}

/** Per ALT allele of one record: the alt copies each sample carries, and the alleles called. */
interface SiteCounts {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  /** alt copies per sample (header order) */
  copies: Uint8Array;
  /** called alleles per sample (0 = no call) */
  called: Uint8Array;
  line: number;
}

/**
 * One cohort part's allele counts, one frequency record per ALT that at least one sample carries:
 * AC over the called genotypes, AN the called alleles, AF = AC/AN, homozygotes, and the 95%
 * lower confidence bound of the AF (faf95, gnomAD's filtering AF: the lowest population AF the
 * count does not rule out), which is what a small cohort can vouch for. Only PASS (or '.')
 * records count: a filtered call is not an observation. Where the part has several copies, a
 * sample carries an allele only if every copy calls it, so a variant added to one copy (a
 * spike-in, a re-run's artefact) is not counted. The first copy is streamed; the others are held
 * in memory (copies of one exome are small; a large cohort comes joint-called, whole or in parts).
 */
export async function streamCohort(cohort: Cohort): Promise<RecordStream<FrequencyRecord>> {
  const skip = new SkipCounter();
  const [first, ...others] = cohort.files;
  const otherCalls: Array<Map<string, SiteCounts>> = [];
  for (const f of others) {
    const m = new Map<string, SiteCounts>();
    for await (const s of siteCounts(f, new SkipCounter())) m.set(keyOf(s), s);
    otherCalls.push(m);
  }
  let emitted = 0;
  async function* records(): AsyncGenerator<FrequencyRecord & { line: number }> {
    for await (const s of siteCounts(first, skip)) {
      for (const m of otherCalls) intersect(s, m.get(keyOf(s)));
      const r = frequencyOf(s);
      if (!r) continue;
      emitted++;
      yield r;
    }
  }
  const notes = [
    `${cohort.samples.length} sample${cohort.samples.length === 1 ? '' : 's'}${cohort.files.length > 1 ? ` in ${cohort.files.length} copies of the same calls (a sample counts an allele only where every copy calls it)` : ''}`,
    'AF = AC/AN over called genotypes of PASS records; faf95 = the 95% lower confidence bound of the AF (Poisson, as gnomAD)',
  ];
  return {
    records: records(),
    summary: (): Omit<ReadResult<FrequencyRecord>, 'records'> => ({ skipped: skip.counts, assembly: cohort.assembly, notes: [...notes, `${emitted} alleles carried by at least one sample`] }),
  };
}

const keyOf = (s: SiteCounts) => `${s.chrom}:${s.pos}:${s.ref}:${s.alt}`;

/** Keeps, per sample, the alt copies both files call (none where the other file has no record). */
function intersect(s: SiteCounts, other: SiteCounts | undefined): void {
  for (let i = 0; i < s.copies.length; i++) s.copies[i] = other ? Math.min(s.copies[i], other.copies[i]) : 0;
}

function frequencyOf(s: SiteCounts): (FrequencyRecord & { line: number }) | undefined {
  let ac = 0;
  let an = 0;
  let homozygotes = 0;
  for (let i = 0; i < s.copies.length; i++) {
    ac += s.copies[i];
    an += s.called[i];
    if (s.called[i] >= 2 && s.copies[i] === s.called[i]) homozygotes++;
  }
  if (ac === 0 || an === 0) return undefined;
  const af = ac / an;
  return { chrom: s.chrom, pos: s.pos, ref: s.ref, alt: s.alt, af, afPopmax: af, faf95Max: poissonLowerBound(ac) / an, ac, an, homozygotes, pass: true, line: s.line };
}

/** Each PASS record's ALTs with per-sample counts, from the GT field. */
async function* siteCounts(file: string, skip: SkipCounter): AsyncGenerator<SiteCounts> {
  const { lines } = await openVcf(file);
  for await (const { no, variant: v } of lines) {
    const chrom = v.CHROM === undefined ? undefined : ucscChrom(v.CHROM);
    if (!chrom) {
      skip.add('non_primary_contig');
      continue;
    }
    if (v.FILTER !== undefined && v.FILTER !== 'PASS') {
      skip.add('not_pass');
      continue;
    }
    const alts = v.ALT ?? [];
    const gts = v.GENOTYPES();
    // the header's samples: the same list in every file of a cohort (cohortsOf groups by it)
    const names = v.sampleNames;
    const sampleCount = names.length;
    const perAlt = alts.map((alt) => ({ alt, copies: new Uint8Array(sampleCount) }));
    const called = new Uint8Array(sampleCount);
    names.forEach((name, i) => {
      const gt = gts[name];
      if (gt === undefined || gt === '' || gt === '.') return;
      for (const a of gt.split(/[/|]/)) {
        if (a === '.') continue;
        const k = Number(a);
        if (!Number.isInteger(k) || k < 0 || k > alts.length) throw new InputError(`genotype "${gt.slice(0, 40)}" of sample ${i + 1} names no allele of this record`, { file, line: no, field: 'GT' });
        called[i]++;
        if (k > 0) perAlt[k - 1].copies[i]++;
      }
    });
    for (const p of perAlt) {
      if (!/^[ACGTN]+$/i.test(p.alt)) {
        skip.add('symbolic_alt');
        continue;
      }
      yield { chrom, pos: v.POS, ref: v.REF!.toUpperCase(), alt: p.alt.toUpperCase(), copies: p.copies, called, line: no };
    }
  }
}
