import { existsSync } from 'node:fs';
import path from 'node:path';
// type-only: @gmod/tabix is loaded when an indexed gnomAD VCF is opened, not by every process importing this library
import type { TabixIndexedFile } from '@gmod/tabix';
import type { Variant } from '@gmod/vcf';
import { InputError } from '@rarerank/io';
import { assemblyFromVcfHeader } from './assembly';
import { ucscChrom } from './chrom';
import { SkipCounter } from './skip-counter';
import type { FrequencyRecord, ReadResult } from './types';
import { collect, type RecordStream } from './record-stream';
import { ByteSite } from './byte-site';
import { siteRecords } from './site-records';
import { infoNumber, openVcfText, parseVcfHeader, parseVcfLine, requireInfoDeclarations, type VcfHeader } from './vcf';

/** Not genetic-ancestry groups even though they look like AF_<group> keys. */
const NOT_GROUPS = new Set(['raw', 'joint', 'grpmax', 'popmax', 'remaining', 'oth', 'other']);
/**
 * Groups gnomAD leaves out of its grpmax/popmax: founder or small groups (Amish, Ashkenazi
 * Jewish, Finnish, Middle Eastern) whose AF runs high by drift and would mark pathogenic
 * variants as common.
 */
const BOTTLENECKED = new Set(['ami', 'asj', 'fin', 'mid']);

/** Which INFO keys of a gnomAD sites VCF this reader uses, found from its header. */
interface GnomadKeys {
  /** the release family the header's keys belong to (their names changed between v2, v3 and v4) */
  scheme: GnomadScheme;
  /** groups of AF_<group> keys whose description names an ancestry group, bottlenecked ones excluded (afr, amr, eas, nfe, sas) */
  groups: string[];
  /** AF_<group> of each group */
  groupKeys: string[];
  /** one key holding the filtering AF of the group-max population: v4 fafmax_faf95_max, v3 faf95_popmax */
  faf95?: string;
  /** else (v2.1.1, which has no such key) the per-group faf95_<group> keys of the groups above, their maximum taken */
  faf95Groups: string[];
  /** XY (v3, v4: AC_XY) or male (v2: AC_male) allele count, for hemizygotes */
  hemizygoteKey?: string;
  /** the file flags non-PAR sex-chromosome sites itself (gnomAD v4's `nonpar`) */
  nonparFlag: boolean;
  /** else the pseudoautosomal regions of its assembly */
  par: Record<string, Array<[number, number]>>;
}

/**
 * gnomAD's INFO names by release: v2.1.1 `AF_popmax`, per-group `faf95_<grp>` only, `AC_male`;
 * v3.1.2 `AF_popmax`, `faf95_popmax`, `AC_XY`; v4.x `AF_grpmax`, `fafmax_faf95_max`, `AC_XY`
 * (v4.1 adds `AF_joint`). Told from the header, never from the file name.
 */
type GnomadScheme = 'v2' | 'v3' | 'v4' | 'unknown';

function schemeOf(header: VcfHeader): GnomadScheme {
  const has = (id: string) => header.info.has(id);
  if (has('AF_grpmax') || has('fafmax_faf95_max') || has('grpmax')) return 'v4';
  if (has('faf95_popmax') || (has('AF_popmax') && has('AC_XY'))) return 'v3';
  if (has('AF_popmax') || has('AC_male')) return 'v2';
  return 'unknown';
}

/** Pseudoautosomal regions (1-based, inclusive; the same on chrX and chrY coordinates of each PAR's own chromosome). */
const PAR = {
  GRCh38: { chrX: [[10001, 2781479], [155701383, 156030895]], chrY: [[10001, 2781479], [56887903, 57217415]] },
  GRCh37: { chrX: [[60001, 2699520], [154931044, 155260560]], chrY: [[10001, 2649520], [59034050, 59373566]] },
} as const;

function inPar(par: Record<string, Array<[number, number]>>, chrom: string, pos: number): boolean {
  return (par[chrom] ?? []).some(([a, b]) => pos >= a && pos <= b);
}

function gnomadKeys(header: VcfHeader): GnomadKeys {
  const groups: string[] = [];
  for (const [id, decl] of header.info) {
    const m = /^AF_([a-z]+)$/.exec(id);
    if (m && !NOT_GROUPS.has(m[1]) && !BOTTLENECKED.has(m[1]) && /ancestry/i.test(decl.description)) groups.push(m[1]);
  }
  const assembly = assemblyFromVcfHeader(header.metaLines) ?? 'GRCh38';
  const faf95 = ['fafmax_faf95_max', 'faf95_popmax'].find((id) => header.info.has(id));
  return {
    scheme: schemeOf(header),
    groups,
    groupKeys: groups.map((g) => `AF_${g}`),
    faf95,
    faf95Groups: faf95 ? [] : groups.map((g) => `faf95_${g}`).filter((id) => header.info.has(id)),
    hemizygoteKey: ['AC_XY', 'AC_male'].find((id) => header.info.has(id)),
    nonparFlag: header.info.has('nonpar'),
    par: PAR[assembly] as unknown as Record<string, Array<[number, number]>>,
  };
}

/** The filtering AF of the group-max population: the file's own key, else (v2.1.1) the highest faf95_<group>. */
function faf95Of(keys: GnomadKeys, num: (key: string) => number | undefined): number | undefined {
  if (keys.faf95) return num(keys.faf95);
  let max: number | undefined;
  for (const id of keys.faf95Groups) {
    const x = num(id);
    if (x !== undefined && (max === undefined || x > max)) max = x;
  }
  return max;
}

/** One VCF site as gnomadRecords reads it: from a parsed @gmod/vcf record, or scanned from the text line. */
interface Site {
  chrom: string | undefined;
  pos: number;
  id: string | undefined;
  ref: string;
  alts: string[];
  pass: boolean;
  num(key: string, altIndex: number, altCount: number): number | undefined;
  flag(key: string): boolean;
}

function parsedSite(header: VcfHeader, v: Variant): Site {
  return {
    chrom: v.CHROM,
    pos: v.POS,
    id: v.ID?.length ? v.ID.join(';') : undefined,
    ref: v.REF!,
    alts: v.ALT ?? [],
    pass: v.FILTER === undefined || v.FILTER === 'PASS',
    num: (key, i, n) => infoNumber(header, v.INFO, key, i, n),
    flag: (key) => v.INFO[key] === true,
  };
}

function gnomadRecords(keys: GnomadKeys, site: Site, skip: SkipCounter): FrequencyRecord[] {
  const chrom = site.chrom === undefined ? undefined : ucscChrom(site.chrom);
  if (!chrom) {
    skip.add('non_primary_contig');
    return [];
  }
  if (!site.alts.length) {
    skip.add('no_alt');
    return [];
  }
  const out: FrequencyRecord[] = [];
  const n = site.alts.length;
  const pass = site.pass;
  site.alts.forEach((alt, i) => {
    if (!/^[ACGTN]+$/i.test(alt)) {
      skip.add('symbolic_alt');
      return;
    }
    const num = (key: string) => site.num(key, i, n);
    const an = num('AN');
    const ac = num('AC');
    const af = num('AF') ?? (an && ac !== undefined ? ac / an : undefined);
    if (af === undefined) {
      skip.add('no_af'); // AN=0: no called genotypes at the site
      return;
    }
    let afPopmax = af;
    let popmaxGroup: string | undefined;
    let anyGroup = false;
    for (let k = 0; k < keys.groups.length; k++) {
      const x = num(keys.groupKeys[k]);
      if (x === undefined) continue;
      if (!anyGroup || x > afPopmax) {
        afPopmax = x;
        popmaxGroup = keys.groups[k];
      }
      anyGroup = true;
    }
    const rec: FrequencyRecord = { chrom, pos: site.pos, ref: site.ref.toUpperCase(), alt: alt.toUpperCase(), af, afPopmax, pass };
    if (popmaxGroup && afPopmax > 0) rec.popmaxGroup = popmaxGroup;
    setIf(rec, 'faf95Max', faf95Of(keys, num));
    setIf(rec, 'ac', ac);
    setIf(rec, 'an', an);
    setIf(rec, 'homozygotes', num('nhomalt'));
    // v4.1 exomes/genomes carry the joint (exomes + genomes) frequency as AF_joint
    setIf(rec, 'afJoint', num('AF_joint'));
    // gnomAD's hemizygotes: XY carriers outside the pseudoautosomal regions (v3, v4: AC_XY; v2: AC_male; nonpar flag where declared)
    if (keys.hemizygoteKey && (chrom === 'chrX' || chrom === 'chrY') && (keys.nonparFlag ? site.flag('nonpar') : !inPar(keys.par, chrom, site.pos))) setIf(rec, 'hemizygotes', num(keys.hemizygoteKey));
    if (site.id !== undefined) rec.id = site.id;
    out.push(rec);
  });
  return out;
}

function setIf<K extends keyof FrequencyRecord>(rec: FrequencyRecord, key: K, value: FrequencyRecord[K] | undefined): void {
  if (value !== undefined) rec[key] = value;
}

/** gnomAD does not state its release inside the sites VCF; its file names do (gnomad.exomes.v4.1.sites.chr1.vcf.bgz; v2: gnomad.exomes.r2.1.1.sites.vcf.bgz). */
function versionFromName(file: string): string | undefined {
  const m = /(?:^|[^a-z])[vr](\d+(?:\.\d+)+)/i.exec(path.basename(file));
  return m ? `v${m[1]}` : undefined;
}

const SCHEME_KEYS: Record<GnomadScheme, string> = {
  v2: 'the INFO keys of gnomAD v2 (AF_popmax; filtering AF = max faf95_<group>; hemizygotes AC_male)',
  v3: 'the INFO keys of gnomAD v3 (AF_popmax; filtering AF faf95_popmax; hemizygotes AC_XY)',
  v4: 'the INFO keys of gnomAD v4 (AF_grpmax; filtering AF fafmax_faf95_max; hemizygotes AC_XY; AF_joint where present)',
  unknown: 'no gnomAD group-max keys (AF_popmax, AF_grpmax): read as a plain sites VCF (AF, AC, AN, nhomalt)',
};

/** A file named for one gnomAD release whose header has another release's keys is not what its name claims. */
function checkScheme(file: string, keys: GnomadKeys): void {
  const named = versionFromName(file);
  const major = named ? /^v(\d+)/.exec(named)![1] : undefined;
  if (!major || keys.scheme === 'unknown' || !['2', '3', '4'].includes(major) || `v${major}` === keys.scheme) return;
  throw new InputError(`the file name says gnomAD ${named}, but its header has ${SCHEME_KEYS[keys.scheme]}: rename the file or give the right one`, { file });
}

function summary(file: string, header: VcfHeader, keys: GnomadKeys, skip: SkipCounter): Omit<ReadResult<FrequencyRecord>, 'records'> {
  const version = versionFromName(file);
  const notes = [
    `header has ${SCHEME_KEYS[keys.scheme]}`,
    `afPopmax = max AF over ${keys.groups.length ? keys.groups.join(', ') : 'no ancestry groups (afPopmax = AF)'} (gnomAD's grpmax rule: bottlenecked ami/asj/fin/mid and 'remaining'/'oth' left out)`,
    'multi-allelic records are split per ALT (Number=A values per allele)',
  ];
  if (version) notes.push('release taken from the file name: gnomAD sites VCFs do not state it in the header');
  return {
    skipped: skip.counts,
    version,
    versionFrom: version ? 'file name' : undefined,
    assembly: assemblyFromVcfHeader(header.metaLines),
    notes,
  };
}

/** What each INFO key this reader uses must be declared as: a file saying otherwise is not what its name claims. */
function checkDeclarations(header: VcfHeader, keys: GnomadKeys): void {
  const perAllele = (type: string) => ({ number: ['A'], type: [type] });
  requireInfoDeclarations(header, {
    AF: perAllele('Float'),
    AC: perAllele('Integer'),
    AN: { number: ['1'], type: ['Integer'] },
    AF_joint: perAllele('Float'),
    AC_XY: perAllele('Integer'),
    AC_male: perAllele('Integer'),
    nhomalt: perAllele('Integer'),
    AF_popmax: perAllele('Float'),
    AF_grpmax: perAllele('Float'),
    ...Object.fromEntries(keys.faf95Groups.map((id) => [id, perAllele('Float')])),
    ...Object.fromEntries(keys.groups.map((g) => [`AF_${g}`, perAllele('Float')])),
    ...(keys.faf95 ? { [keys.faf95]: perAllele('Float') } : {}),
  });
}

/**
 * Streams a gnomAD sites VCF (v2–v4 INFO names; bgzip, gzip or plain), one record per ALT, with
 * its line number. Records on alt/unplaced contigs, symbolic ALTs and sites without called
 * genotypes (AN=0) are counted in the summary's `skipped`.
 */
export async function streamGnomadSitesVcf(file: string): Promise<RecordStream<FrequencyRecord>> {
  const { header, text } = await openVcfText(file);
  const keys = gnomadKeys(header);
  checkDeclarations(header, keys);
  if (!header.info.has('AF') && header.info.has('AF_joint')) {
    throw new InputError('a gnomAD joint file (AF_joint without AF): not read yet; give the v4.1 exomes and genomes sites VCFs, which carry AF_joint too', { file });
  }
  checkScheme(file, keys);
  const skip = new SkipCounter();
  const stream = siteRecords<FrequencyRecord>(file, text, new ByteSite(header), (site, no, out) => {
    for (const r of gnomadRecords(keys, site, skip)) {
      (r as FrequencyRecord & { line: number }).line = no;
      out.push(r as FrequencyRecord & { line: number });
    }
  });
  return { ...stream, summary: () => summary(file, header, keys, skip) };
}

/** Reads a whole gnomAD sites VCF into memory (excerpts; a full release goes through the variant store). */
export async function readGnomadSitesVcf(file: string): Promise<ReadResult<FrequencyRecord>> {
  return collect(await streamGnomadSitesVcf(file));
}

/**
 * A bgzipped, tabix-indexed (.tbi or .csi) gnomAD sites VCF opened for region queries, so a
 * lab's full-size gnomAD is read in place rather than extracted. Open once, query many times.
 */
export class IndexedGnomadVcf {
  private constructor(
    readonly file: string,
    private readonly tbx: TabixIndexedFile,
    private readonly header: VcfHeader,
    private readonly keys: GnomadKeys,
    private readonly refNames: string[],
  ) {}

  static async open(file: string): Promise<IndexedGnomadVcf> {
    const csi = `${file}.csi`;
    const { TabixIndexedFile } = await import('@gmod/tabix');
    const tbx = new TabixIndexedFile(existsSync(`${file}.tbi`) || !existsSync(csi) ? { path: file, tbiPath: `${file}.tbi` } : { path: file, csiPath: csi });
    let headerText: string;
    let refNames: string[];
    try {
      headerText = await tbx.getHeader();
      refNames = await tbx.getReferenceSequenceNames();
    } catch (e) {
      throw new InputError(`cannot read as a tabix-indexed bgzip VCF: ${(e as Error).message}`, { file });
    }
    const headerLines = headerText.split('\n').filter((l) => l !== '');
    const columnLine = headerLines.find((l) => l.startsWith('#CHROM'));
    if (!columnLine) throw new InputError('no #CHROM header line: not a VCF', { file });
    const header = parseVcfHeader(file, headerLines.filter((l) => l.startsWith('##')), columnLine);
    return new IndexedGnomadVcf(file, tbx, header, gnomadKeys(header), refNames);
  }

  /**
   * The records whose POS lies in [start, end] (1-based, inclusive). `chrom` may be spelled
   * '1' or 'chr1'; the file's own spelling is found from the index.
   */
  async query(chrom: string, start: number, end: number): Promise<ReadResult<FrequencyRecord>> {
    const skip = new SkipCounter();
    const records: FrequencyRecord[] = [];
    const wanted = ucscChrom(chrom);
    const refName = this.refNames.find((r) => r === chrom) ?? this.refNames.find((r) => wanted !== undefined && ucscChrom(r) === wanted);
    if (refName !== undefined) {
      const lines: string[] = [];
      try {
        await this.tbx.getLines(refName, start - 1, end, (line: string) => void lines.push(line));
      } catch (e) {
        throw new InputError(`cannot read ${refName}:${start}-${end} through the index: ${(e as Error).message}`, { file: this.file });
      }
      for (const line of lines) {
        const v = parseVcfLine(this.header, line);
        // tabix returns records *overlapping* the region; keep those that start in it
        if (v.POS < start || v.POS > end) continue;
        for (const r of gnomadRecords(this.keys, parsedSite(this.header, v), skip)) records.push(r);
      }
    }
    return { records, ...summary(this.file, this.header, this.keys, skip) };
  }
}

/** One region query of an indexed gnomAD sites VCF (see `IndexedGnomadVcf` to query repeatedly). */
export async function queryGnomadSitesVcf(file: string, chrom: string, start: number, end: number): Promise<ReadResult<FrequencyRecord>> {
  return (await IndexedGnomadVcf.open(file)).query(chrom, start, end);
}
