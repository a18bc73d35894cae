import { DEFAULT_QC, type QcOptions, type SampleGenotype, type Variant } from '@rarerank/case-model';
import { normalizeChrom } from '@rarerank/genes';
import { InputError } from '@rarerank/io';
import { type ChainFile, isLifted } from '@rarerank/liftover';
import { altKind, isValidRef, trimAlleles } from './alleles';
import { chromLength } from './assembly';
import { type CaseSetup, resolveAssembly, setupCase } from './case-setup';
import { type FormatLayout, type SampleCall, carries, emptyCall, formatLayout, readSampleColumn, splitGenotype, zygosityOf } from './genotype';
import { type SiteColumns, parseSiteColumnsWithGmod, readSiteColumns } from './site-columns';
import { type VcfHeader, checkFileFormat, parseHeader } from './header';
import { PreAnnotationReader, preAnnotationPlan } from './pre-annotation';
import { liftoverFromGrch37 } from './lifted-input';
import { isOneCopyRegion } from './sex-chromosomes';
import type { IngestOptions, IngestStats, Sex } from './types';

/** State shared by the files of one ingest. */
export interface IngestState {
  opts: IngestOptions;
  qc: QcOptions;
  stats: IngestStats;
  warnings: string[];
  variants: Variant[];
  setup?: CaseSetup;
  /** the first file, named when a later one disagrees with it */
  firstFile?: string;
  unliftedExamples: string[];
  linesRead: number;
}

/** The empty state of an ingest (or of a pre-scan) over `opts`. */
export function newIngestState(opts: IngestOptions): IngestState {
  const stats: IngestStats = { files: 0, records: 0, prefiltered: 0, alleles: 0, symbolic: 0, refCalls: 0, unlifted: 0, duplicates: 0, failedQc: 0, kept: 0 };
  return { opts, qc: { ...DEFAULT_QC, ...opts.qc }, stats, warnings: [], variants: [], unliftedExamples: [], linesRead: 0 };
}

const PROGRESS_EVERY = 100_000;

const INDEL_AT_GAP_LIFTED = 'an indel where GRCh37 and GRCh38 differ (a gap of the chain), most likely the GRCh38 reference itself';

/**
 * Reads one VCF line by line (see scanLines). The header goes through @gmod/vcf's VCFParser. Data
 * lines are first looked at as bytes: CHROM and POS are located with indexOf, checked for order
 * and handed to keepRegion, so that lines outside the regions of interest are never decoded or
 * parsed. For the rest, the site columns are read (readSiteColumns, or @gmod/vcf's parseLine with
 * siteParser 'gmod') and only the genotyped samples' columns are read, straight from the bytes;
 * then each ALT allele is split off, trimmed, lifted when GRCh37, and appended to state.variants.
 */
export class VcfReader {
  private phase: 'start' | 'meta' | 'data' = 'start';
  private version = '';
  private metaLines: string[] = [];
  private metaLineNumbers: number[] = [];
  /** the input's own annotations (VEP CSQ, INFO keys, ANNOVAR) when its header declares any */
  private preAnnotation?: PreAnnotationReader;
  private header?: VcfHeader;
  private setup!: CaseSetup;
  private chain?: ChainFile;
  private lift = false;
  /** a GRCh38 VCF lifted from GRCh37 before it reached us: its indels at the chain's gaps are dropped */
  private liftedBefore = false;

  // genotyped samples: their column index (ascending) and id, parallel
  private sampleCols = new Int32Array(0);
  private sampleIds: string[] = [];
  private sampleSex: Sex[] = [];
  private colStart = new Int32Array(0);
  private colEnd = new Int32Array(0);
  /** tabs[k] = offset of the k-th tab of the current line (tabs[9] = end of FORMAT) */
  private tabs = new Int32Array(10);
  private formats = new Map<string, FormatLayout>();
  private formatBytes = Buffer.alloc(0);
  private layout = formatLayout(undefined);
  /** one reusable call per genotyped sample, refilled for every record */
  private calls: SampleCall[] = [];
  private readonly useGmod: boolean;
  private site: SiteColumns = { id: undefined, ref: '', alts: [], qual: undefined, filters: [] };
  /** reused error location (only copied when an error is thrown) */
  private where = { file: '', line: 0 };

  // order check and chrom cache for the byte-level pre-filter
  private chromBytes = Buffer.alloc(0);
  private rawChrom = '';
  private chrom = '';
  private chromMax = Infinity;
  private prevPos = 0;
  private seenChroms = new Set<string>();
  private records = 0;

  constructor(
    readonly file: string,
    private readonly state: IngestState,
  ) {
    this.where.file = file;
    this.useGmod = state.opts.siteParser === 'gmod';
  }

  /** Bound line handler for scanLines. */
  readonly onLine = (buf: Buffer, start: number, end: number, no: number): void => {
    if (++this.state.linesRead % PROGRESS_EVERY === 0) this.state.opts.onProgress?.(this.state.linesRead);
    if (this.phase === 'data') this.dataLine(buf, start, end, no);
    else {
      this.headerLine(buf.toString('utf8', start, end), no);
      this.state.opts.forwardLine?.(buf, start, end, no);
    }
  };

  /**
   * After a pre-scanned file's forwarded lines: counts the data records the pre-scan skipped
   * (keepRegion said no) as this reader would have counted them.
   */
  addPrescanned(prefiltered: number, lines: number, forwardedLines: number): void {
    this.records += prefiltered;
    this.state.stats.records += prefiltered;
    this.state.stats.prefiltered += prefiltered;
    this.state.linesRead += lines - forwardedLines;
  }

  /** Call after the last line: a file must have reached its #CHROM line. */
  finish(lines: number): void {
    if (this.phase === 'start') throw new InputError('not a VCF: the file is empty', { file: this.file });
    if (this.phase === 'meta') throw new InputError('missing #CHROM header line (no column header before the end of the file)', { file: this.file, line: lines });
    if (this.records === 0) this.state.warnings.push(`${this.file}: no variant records (header only)`);
    const pre = this.preAnnotation;
    if (pre?.unattributed) {
      this.state.warnings.push(`${this.file}: ${pre.unattributed} multi-allelic record(s) carry a pre-annotation value for the whole record (not Number=A): not used, since it cannot be given to one ALT`);
    }
  }

  private headerLine(text: string, no: number): void {
    const file = this.file;
    if (this.phase === 'start') {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark from a Windows editor
      this.version = checkFileFormat(file, text);
      this.metaLines.push(text);
      this.metaLineNumbers.push(no);
      this.phase = 'meta';
      return;
    }
    if (text.startsWith('##')) {
      this.metaLines.push(text);
      this.metaLineNumbers.push(no);
      return;
    }
    if (text === '') return;
    if (!text.startsWith('#CHROM')) {
      throw new InputError(`missing #CHROM header line: found ${text.startsWith('#') ? 'a comment' : 'a data line'} before it`, { file, line: no });
    }
    this.header = parseHeader(file, this.version, this.metaLines, text, no);
    this.startData(this.header);
    this.phase = 'data';
  }

  private startData(header: VcfHeader): void {
    const state = this.state;
    if (!state.setup) {
      state.setup = setupCase(header, state.opts, state.warnings);
      state.firstFile = this.file;
    } else {
      const a = [...header.samples].sort().join('\t');
      const b = [...state.setup.samples].sort().join('\t');
      if (a !== b) {
        throw new InputError(`the samples (${header.samples.join(', ')}) differ from those of ${state.firstFile} (${state.setup.samples.join(', ')})`, { file: this.file });
      }
      resolveAssembly(header, state.setup.assembly, state.warnings);
    }
    this.setup = state.setup;
    if (!state.opts.ignoreInputAnnotations) {
      const plan = preAnnotationPlan(this.file, this.metaLines, (i) => this.metaLineNumbers[i]);
      if (plan) {
        this.preAnnotation = new PreAnnotationReader(plan);
        state.warnings.push(`${this.file}: pre-annotated input, reading ${plan.summary} (KB values take precedence, but for frequency the higher AF; see docs/SCORING.md)`);
      }
    }
    if (this.setup.assembly === 'GRCh37' && !state.opts.validateOnly) {
      if (!state.opts.chain) throw new InputError('the VCF is on GRCh37: a liftover chain (KnowledgeBase.chainFile()) is needed', { file: this.file });
      this.chain = state.opts.chain;
      this.lift = true;
    } else if (this.setup.assembly === 'GRCh38' && state.opts.chain && liftoverFromGrch37(this.metaLines)) {
      this.chain = state.opts.chain;
      this.liftedBefore = true;
    }
    const cols = this.setup.genotyped.map((id) => ({ id, col: 9 + header.samples.indexOf(id) })).sort((x, y) => x.col - y.col);
    this.sampleCols = Int32Array.from(cols, (c) => c.col);
    this.sampleIds = cols.map((c) => c.id);
    this.sampleSex = cols.map((c) => this.setup.sex.get(c.id) ?? 'UNKNOWN');
    this.calls = cols.map(() => emptyCall());
    this.colStart = new Int32Array(cols.length);
    this.colEnd = new Int32Array(cols.length);
  }

  private columnError(found: number, no: number): InputError {
    return new InputError(`expected ${this.header!.columns} tab-separated columns, found ${found}`, { file: this.file, line: no });
  }

  private dataLine(buf: Buffer, s: number, e: number, no: number): void {
    if (s === e) return;
    this.records++;
    this.state.stats.records++;
    // CHROM and POS are a few bytes: a loop here costs less than two native Buffer.indexOf calls per line
    const tab1 = tabAfter(buf, s, e);
    if (tab1 < 0) throw this.columnError(1, no);
    const tab2 = tabAfter(buf, tab1 + 1, e);
    if (tab2 < 0) throw this.columnError(2, no);
    if (!this.sameChrom(buf, s, tab1)) this.newChrom(buf, s, tab1, no);

    let pos = 0;
    for (let i = tab1 + 1; i < tab2; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) pos = -1;
      if (pos < 0) break;
      pos = pos * 10 + d;
    }
    if (pos <= 0 || tab2 === tab1 + 1) {
      throw new InputError(`POS must be a positive integer, found "${buf.toString('latin1', tab1 + 1, tab2)}"`, { file: this.file, line: no, field: 'POS' });
    }
    if (pos < this.prevPos) {
      throw new InputError(
        `the VCF is not sorted: ${this.rawChrom}:${pos} comes after ${this.rawChrom}:${this.prevPos} (sort it, e.g. bcftools sort)`,
        { file: this.file, line: no, field: 'POS' },
      );
    }
    this.prevPos = pos;
    if (pos > this.chromMax) {
      throw new InputError(
        `POS ${pos} lies beyond the end of ${this.chrom} in ${this.setup.assembly} (${this.chromMax}): is the VCF on another assembly?`,
        { file: this.file, line: no, field: 'POS' },
      );
    }
    const keep = this.state.opts.keepRegion;
    if (keep) {
      let chrom = this.chrom;
      let at = pos;
      let placed = true;
      if (this.lift) {
        // an unliftable position goes on to parsing, where its alleles are counted as unlifted
        const lifted = this.chain!.liftPosition(chrom, pos);
        if (lifted) {
          chrom = lifted.chrom;
          at = lifted.pos;
        } else placed = false;
      }
      if (placed && !keep(chrom, at)) {
        this.state.stats.prefiltered++;
        return;
      }
    }
    const forward = this.state.opts.forwardLine;
    if (forward) forward(buf, s, e, no);
    else this.record(buf, s, e, tab2, pos, no);
  }

  private sameChrom(buf: Buffer, s: number, tab: number): boolean {
    const prev = this.chromBytes;
    const len = tab - s;
    if (prev.length !== len) return false;
    for (let i = 0; i < len; i++) if (buf[s + i] !== prev[i]) return false;
    return true;
  }

  private newChrom(buf: Buffer, s: number, tab: number, no: number): void {
    const raw = buf.toString('latin1', s, tab);
    if (this.seenChroms.has(raw)) {
      throw new InputError(`the VCF is not sorted: ${raw} appears again after ${this.rawChrom} (sort it, e.g. bcftools sort)`, { file: this.file, line: no, field: 'CHROM' });
    }
    this.seenChroms.add(raw);
    this.chromBytes = Buffer.from(buf.subarray(s, tab));
    this.rawChrom = raw;
    this.chrom = normalizeChrom(raw);
    this.chromMax = chromLength(this.setup.assembly, this.chrom) ?? Infinity;
    this.prevPos = 0;
  }

  /**
   * Finds the tabs around INFO and FORMAT and the genotyped samples' columns (absolute offsets in
   * buf), checking the column count on the way: indexOf jumps over the site columns, one byte
   * loop walks the sample columns (cheaper than thousands of indexOf calls on a cohort VCF).
   */
  private locateColumns(buf: Buffer, e: number, tab2: number, no: number): void {
    const columns = this.header!.columns;
    const tabs = this.tabs;
    tabs[2] = tab2;
    const fixedTabs = Math.min(9, columns - 1);
    for (let k = 3; k <= fixedTabs; k++) {
      const t = buf.indexOf(9, tabs[k - 1] + 1);
      if (t < 0 || t >= e) throw this.columnError(k, no);
      tabs[k] = t;
    }
    if (columns <= 9) {
      const extra = buf.indexOf(9, tabs[fixedTabs] + 1);
      if (extra >= 0 && extra < e) throw this.columnError(columns + 1, no);
      tabs[fixedTabs + 1] = e;
      if (columns === 8) tabs[9] = e;
      return;
    }
    const cols = this.sampleCols;
    let need = 0;
    let col = 9;
    let start = tabs[9] + 1;
    for (let i = start; ; i++) {
      if (i === e || buf[i] === 9) {
        if (need < cols.length && cols[need] === col) {
          this.colStart[need] = start;
          this.colEnd[need] = i;
          need++;
        }
        if (i === e) break;
        col++;
        start = i + 1;
      }
    }
    if (col + 1 !== columns) throw this.columnError(col + 1, no);
  }

  private record(buf: Buffer, s: number, e: number, tab2: number, pos: number, no: number): void {
    const { file, state } = this;
    const stats = state.stats;
    this.locateColumns(buf, e, tab2, no);
    const tabs = this.tabs;
    let site: SiteColumns;
    if (this.useGmod) {
      try {
        site = parseSiteColumnsWithGmod(this.header!.parser, buf, s, tabs);
      } catch (err) {
        throw new InputError(`unreadable VCF record: ${(err as Error).message}`, { file, line: no });
      }
    } else site = readSiteColumns(buf, tabs, this.site);
    const { ref, alts } = site;
    if (!isValidRef(ref)) throw new InputError(`REF "${ref.slice(0, 40)}" is not a base sequence`, { file, line: no, field: 'REF' });
    if (alts.length === 0) return; // ALT '.': a reference-only record, no alleles
    stats.alleles += alts.length;

    const where = this.where;
    where.line = no;
    const layout = this.layoutOf(buf, tabs[8] + 1, tabs[9]);
    const ids = this.sampleIds;
    const calls = this.calls;
    for (let i = 0; i < ids.length; i++) readSampleColumn(buf, this.colStart[i], this.colEnd[i], layout, alts.length, where, ids[i], calls[i]);
    const filtered = site.filters.length > 0;
    const upperRef = ref.toUpperCase();
    const inputEvidence = this.preAnnotation?.read(buf.toString('latin1', tabs[7] + 1, tabs[8]), upperRef, alts, no);

    for (let k = 1; k <= alts.length; k++) {
      const rawAlt = alts[k - 1];
      const kind = altKind(rawAlt);
      if (kind === 'symbolic') {
        stats.symbolic++;
        continue;
      }
      if (kind === 'invalid') throw new InputError(`ALT "${rawAlt.slice(0, 40)}" is neither a base sequence nor a symbolic allele`, { ...where, field: 'ALT' });
      let carried = false;
      for (let i = 0; i < calls.length && !carried; i++) carried = carries(calls[i], k);
      if (!carried) {
        stats.refCalls++;
        continue;
      }
      let { pos: p, ref: r, alt: a } = trimAlleles(pos, upperRef, rawAlt.toUpperCase());
      let chrom = this.chrom;
      if (this.lift) {
        const lifted = this.chain!.liftVariant({ chrom, pos: p, ref: r, alt: a });
        if (!isLifted(lifted)) {
          stats.unlifted++;
          if (state.unliftedExamples.length < 3) state.unliftedExamples.push(`${this.rawChrom}:${pos} ${ref}>${rawAlt} (${lifted.unmapped})`);
          continue;
        }
        ({ chrom, pos: p, ref: r, alt: a } = lifted);
      } else if (this.liftedBefore && r.length !== a.length && this.chain!.indelAtNewAssemblyGap(chrom, p, r.length)) {
        stats.unlifted++;
        if (state.unliftedExamples.length < 3) state.unliftedExamples.push(`${this.rawChrom}:${pos} ${ref}>${rawAlt} (lifted from GRCh37 before input: ${INDEL_AT_GAP_LIFTED})`);
        continue;
      }
      const genotypes: Record<string, SampleGenotype> = {};
      const mito = chrom === 'chrM';
      for (let i = 0; i < ids.length; i++) {
        const zyg = zygosityOf(calls[i], k, isOneCopyRegion(chrom, p, this.sampleSex[i]), mito);
        genotypes[ids[i]] = splitGenotype(calls[i], k, zyg, filtered, state.qc);
      }
      if (!genotypes[this.setup.proband].passedQc) stats.failedQc++;
      stats.kept++;
      if (state.opts.validateOnly) continue;
      const variant: Variant = {
        chrom,
        pos: p,
        ref: r,
        alt: a,
        id: site.id,
        qual: site.qual,
        filters: site.filters,
        genotypes,
        origin: { file, line: no, chrom: this.rawChrom, pos, ref, alt: rawAlt, altIndex: k, assembly: this.setup.assembly },
      };
      const evidence = inputEvidence?.[k - 1];
      if (evidence) variant.inputEvidence = evidence;
      state.variants.push(variant);
    }
  }

  /** The FORMAT layout of buf[a, b); the previous line's is reused when the bytes are the same. */
  private layoutOf(buf: Buffer, a: number, b: number): FormatLayout {
    const prev = this.formatBytes;
    let same = prev.length === b - a;
    for (let i = 0; same && i < prev.length; i++) same = buf[a + i] === prev[i];
    if (same) return this.layout;
    const format = buf.toString('latin1', a, b);
    let layout = this.formats.get(format);
    if (!layout) this.formats.set(format, (layout = formatLayout(format)));
    this.formatBytes = Buffer.from(buf.subarray(a, b));
    this.layout = layout;
    return layout;
  }
}

/** The first tab in buf[from, end), or -1. */
function tabAfter(buf: Buffer, from: number, end: number): number {
  for (let i = from; i < end; i++) if (buf[i] === 9) return i;
  return -1;
}
