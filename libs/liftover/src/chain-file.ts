import { InputError, upperBound } from '@rarerank/io';
import { normalizeChrom } from '@rarerank/genes';
import { ChainHeader, parseChains } from './chain-parser';
import { reverseComplement } from './dna';

export interface LiftedPosition {
  /** 'chrN' style */
  chrom: string;
  /** 1-based position on the forward strand of the new assembly */
  pos: number;
  /** strand of the new assembly the source forward strand aligns to */
  strand: '+' | '-';
}

export interface VariantCoordinates {
  chrom: string;
  /** 1-based VCF POS */
  pos: number;
  ref: string;
  /** one allele or a VCF comma-separated list */
  alt: string;
}

export interface LiftedVariant extends VariantCoordinates {
  strand: '+' | '-';
}

export type LiftVariantResult = LiftedVariant | { unmapped: string };

export function isLifted(r: LiftVariantResult): r is LiftedVariant {
  return !('unmapped' in r);
}

export interface LiftVariantOptions {
  /** Base of the NEW assembly at a 1-based position ('chrN' names), used to re-anchor indels lifted to a '-' strand. */
  referenceBase?: (chrom: string, pos: number) => string | undefined;
}

/** Blocks of one source chromosome, sorted by target start, as parallel typed arrays for binary search. */
interface ChromBlocks {
  tStart: Float64Array;
  tEnd: Float64Array;
  /** query start in the coordinates of the chain's query strand */
  qStart: Float64Array;
  /** max(tEnd[0..i]): lets a lookup stop scanning left once no earlier block can reach the position */
  maxEnd: Float64Array;
  chain: Uint32Array;
}

interface BlockHit {
  chain: ChainHeader;
  block: number;
  blocks: ChromBlocks;
}

/**
 * A loaded UCSC chain file (e.g. hg19ToHg38.over.chain.gz) for lifting positions and VCF
 * variants from the source (target, "t") assembly to the destination (query, "q") assembly.
 * Source chromosomes are accepted as '1' or 'chr1'; results always use 'chrN' names.
 */
export class ChainFile {
  private constructor(
    readonly file: string,
    private readonly chains: ChainHeader[],
    private readonly byChrom: Map<string, ChromBlocks>,
  ) {}

  /** built on first use by indelAtNewAssemblyGap */
  private newGaps?: Map<string, GapIntervals>;

  /** Parses and indexes a plain or gzipped chain file; malformed input → InputError with the line. */
  static async load(file: string): Promise<ChainFile> {
    const chains: ChainHeader[] = [];
    const raw = new Map<string, { tStart: number[]; qStart: number[]; size: number[]; chain: number[] }>();
    for await (const { header, blocks } of parseChains(file)) {
      const ci = chains.push(header) - 1;
      const chrom = normalizeChrom(header.tName);
      let r = raw.get(chrom);
      if (!r) raw.set(chrom, (r = { tStart: [], qStart: [], size: [], chain: [] }));
      for (const b of blocks) {
        if (b.size === 0) continue;
        r.tStart.push(b.tStart);
        r.qStart.push(b.qStart);
        r.size.push(b.size);
        r.chain.push(ci);
      }
    }
    if (chains.length === 0) throw new InputError('no chains found (not a chain file?)', { file });
    const byChrom = new Map<string, ChromBlocks>();
    for (const [chrom, r] of raw) byChrom.set(chrom, indexBlocks(r));
    return new ChainFile(file, chains, byChrom);
  }

  get chainCount(): number {
    return this.chains.length;
  }

  /** Source chromosomes ('chrN' style) that have at least one chain. */
  sourceChroms(): string[] {
    return [...this.byChrom.keys()];
  }

  /** Lifts one 1-based position; null when it lies outside every aligned block (deleted, or in a chain gap). */
  liftPosition(chrom: string, pos: number): LiftedPosition | null {
    const hit = this.hits(normalizeChrom(chrom), pos - 1)[0];
    if (!hit) return null;
    const { chain, block, blocks } = hit;
    const qOnStrand = blocks.qStart[block] + (pos - 1 - blocks.tStart[block]);
    const q0 = chain.qStrand === '+' ? qOnStrand : chain.qSize - 1 - qOnStrand;
    return { chrom: normalizeChrom(chain.qName), pos: q0 + 1, strand: chain.qStrand };
  }

  /**
   * Lifts a VCF record. The whole REF span must sit inside one ungapped block, so it maps to a
   * span of the same length; otherwise the record is reported unmapped with the reason. On a
   * '-' strand chain REF and ALT are reverse-complemented and POS becomes the lifted left end.
   *
   * An anchored indel (REF and ALT share their first base, lengths differ) on a '-' strand chain
   * would end up with its anchor base on the right, which VCF does not allow; re-anchoring needs
   * the base left of the lifted span in the new assembly. Pass `referenceBase` (e.g. from the new
   * FASTA) to re-anchor; without it such records are unmapped, as UCSC/CrossMap-style lifts without
   * a FASTA drop them. The new assembly's REF is otherwise not checked (that also needs its FASTA).
   */
  liftVariant(v: VariantCoordinates, opts: LiftVariantOptions = {}): LiftVariantResult {
    if (!Number.isInteger(v.pos) || v.pos < 1) return { unmapped: `invalid POS ${v.pos}` };
    if (!/^[ACGTNacgtn]+$/.test(v.ref)) return { unmapped: `REF "${v.ref}" is not a plain base sequence` };
    const chrom = normalizeChrom(v.chrom);
    const start0 = v.pos - 1;
    const end0 = start0 + v.ref.length;
    const hits = this.hits(chrom, start0);
    if (hits.length === 0) {
      return {
        unmapped: this.byChrom.has(chrom)
          ? 'POS is not in any aligned block (deleted in the new assembly or in a chain gap)'
          : `no chains for source chromosome ${chrom}`,
      };
    }
    const hit = hits.find((h) => end0 <= h.blocks.tEnd[h.block]);
    if (!hit) return { unmapped: 'REF span crosses an alignment gap (it does not lift to a span of the same length)' };
    // A block ends where the assemblies differ. An indel whose REF ends there (an insertion after its
    // last base, a deletion up to it) sits on that difference: without the new FASTA it cannot be told
    // whether the new assembly's reference already carries the change (a GRCh37 error fixed in
    // GRCh38 makes a GRCh37 call of the true sequence look like an indel), so, as Picard's
    // LiftoverVcf rejects indels that straddle blocks, it is not lifted.
    if (end0 === hit.blocks.tEnd[hit.block] && isIndel(v.ref, v.alt)) return { unmapped: INDEL_AT_GAP };
    const { chain, block, blocks } = hit;
    const qOnStrand = blocks.qStart[block] + (start0 - blocks.tStart[block]);
    const newChrom = normalizeChrom(chain.qName);
    if (chain.qStrand === '+') return { chrom: newChrom, pos: qOnStrand + 1, ref: v.ref, alt: v.alt, strand: '+' };

    // '-' strand: source [start0, end0) is query-strand [qOnStrand, qOnStrand + len),
    // i.e. forward-strand [qSize - qOnStrand - len, qSize - qOnStrand).
    const left0 = chain.qSize - qOnStrand - v.ref.length;
    const ref = reverseComplement(v.ref)!;
    const alts: string[] = [];
    for (const a of v.alt.split(',')) {
      if (a === '*' || a === '.') alts.push(a);
      else {
        const rc = reverseComplement(a);
        if (rc === undefined) return { unmapped: `ALT "${a}" cannot be reverse-complemented for a '-' strand chain` };
        alts.push(rc);
      }
    }
    const lifted: LiftedVariant = { chrom: newChrom, pos: left0 + 1, ref, alt: alts.join(','), strand: '-' };
    return isAnchoredIndel(v.ref, v.alt) ? reanchor(lifted, opts.referenceBase) : lifted;
  }

  /**
   * Whether an indel given in the NEW assembly's coordinates (1-based POS, REF length) touches a gap
   * of the chain's alignment there: a point where the assemblies differ, which is where a record lifted
   * from the old assembly without its reference (or with one, but no check) is most likely the new
   * assembly's reference itself (see liftVariant). For VCFs that were lifted before they reached us.
   */
  indelAtNewAssemblyGap(chrom: string, pos: number, refLength: number): boolean {
    const gaps = (this.newGaps ??= newAssemblyGaps(this.chains, this.byChrom)).get(normalizeChrom(chrom));
    if (!gaps) return false;
    // the change lies after the anchor base up to the base after REF: 0-based [pos, pos - 1 + refLength]
    const lo = pos;
    const hi = pos - 1 + refLength;
    // first gap starting after hi; scan left while a gap can still reach lo
    for (let i = upperBound(gaps.start, hi) - 1; i >= 0 && gaps.maxEnd[i] >= lo; i--) if (gaps.end[i] >= lo) return true;
    return false;
  }

  /** Blocks containing 0-based source position p, best chain (highest score) first. */
  private hits(chrom: string, p: number): BlockHit[] {
    const blocks = this.byChrom.get(chrom);
    if (!blocks) return [];
    const out: BlockHit[] = [];
    // last block with tStart <= p
    for (let i = upperBound(blocks.tStart, p) - 1; i >= 0 && blocks.maxEnd[i] > p; i--) {
      if (blocks.tEnd[i] > p) out.push({ chain: this.chains[blocks.chain[i]], block: i, blocks });
    }
    if (out.length > 1) out.sort((a, b) => b.chain.score - a.chain.score);
    return out;
  }
}

function indexBlocks(r: { tStart: number[]; qStart: number[]; size: number[]; chain: number[] }): ChromBlocks {
  const n = r.tStart.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => r.tStart[a] - r.tStart[b]);
  const out: ChromBlocks = {
    tStart: new Float64Array(n),
    tEnd: new Float64Array(n),
    qStart: new Float64Array(n),
    maxEnd: new Float64Array(n),
    chain: new Uint32Array(n),
  };
  let maxEnd = 0;
  order.forEach((j, i) => {
    out.tStart[i] = r.tStart[j];
    out.tEnd[i] = r.tStart[j] + r.size[j];
    out.qStart[i] = r.qStart[j];
    out.chain[i] = r.chain[j];
    maxEnd = Math.max(maxEnd, out.tEnd[i]);
    out.maxEnd[i] = maxEnd;
  });
  return out;
}

const INDEL_AT_GAP =
  "indel at an alignment gap: the assemblies differ here, and without the new assembly's FASTA it cannot be told whether its reference already carries the change";

function isIndel(ref: string, alt: string): boolean {
  return alt.split(',').some((a) => a !== '*' && a !== '.' && a.length !== ref.length);
}

/** Gaps of the alignment in new-assembly coordinates: closed intervals [start, end] of 0-based boundary positions, sorted by start. */
interface GapIntervals {
  start: Float64Array;
  end: Float64Array;
  /** max(end[0..i]), as ChromBlocks.maxEnd */
  maxEnd: Float64Array;
}

/**
 * Between two consecutive blocks of one chain the new assembly has the bases [qEnd, qNext) (none
 * when only the old assembly has extra bases): the gap as the closed interval from the first base
 * after the left block to the first base of the right one, on the forward strand of the new
 * assembly. Blocks of a chain are in source order within ChromBlocks, interleaved with other chains'.
 */
function newAssemblyGaps(chains: ChainHeader[], byChrom: Map<string, ChromBlocks>): Map<string, GapIntervals> {
  const raw = new Map<string, Array<[number, number]>>();
  for (const blocks of byChrom.values()) {
    const last = new Map<number, number>();
    for (let i = 0; i < blocks.tStart.length; i++) {
      const c = blocks.chain[i];
      const prev = last.get(c);
      last.set(c, i);
      if (prev === undefined) continue;
      const qEnd = blocks.qStart[prev] + (blocks.tEnd[prev] - blocks.tStart[prev]);
      const qNext = blocks.qStart[i];
      if (qNext === qEnd && blocks.tStart[i] === blocks.tEnd[prev]) continue;
      const chain = chains[c];
      const gap: [number, number] = chain.qStrand === '+' ? [qEnd, qNext] : [chain.qSize - qNext, chain.qSize - qEnd];
      const chrom = normalizeChrom(chain.qName);
      let list = raw.get(chrom);
      if (!list) raw.set(chrom, (list = []));
      list.push(gap);
    }
  }
  const out = new Map<string, GapIntervals>();
  for (const [chrom, list] of raw) {
    list.sort((a, b) => a[0] - b[0]);
    const g: GapIntervals = { start: new Float64Array(list.length), end: new Float64Array(list.length), maxEnd: new Float64Array(list.length) };
    let maxEnd = -1;
    list.forEach(([s, e], i) => {
      g.start[i] = s;
      g.end[i] = e;
      maxEnd = Math.max(maxEnd, e);
      g.maxEnd[i] = maxEnd;
    });
    out.set(chrom, g);
  }
  return out;
}

/** VCF indel padded with a shared leading base: every real ALT starts with REF's first base and some length differs. */
function isAnchoredIndel(ref: string, alt: string): boolean {
  const alleles = alt.split(',').filter((a) => a !== '*' && a !== '.');
  const first = ref[0].toUpperCase();
  return alleles.length > 0
    && alleles.every((a) => a[0].toUpperCase() === first)
    && alleles.some((a) => a.length !== ref.length);
}

/**
 * After reverse-complementing, the shared anchor base is the LAST base of every allele. Drop it
 * and prepend the new assembly's base left of the span instead, moving POS one to the left.
 */
function reanchor(v: LiftedVariant, referenceBase: LiftVariantOptions['referenceBase']): LiftVariantResult {
  const why = "indel on a '-' strand chain: re-anchoring to the left needs the new assembly's reference base";
  if (!referenceBase) return { unmapped: why };
  if (v.pos < 2) return { unmapped: `${why} (lifted to the start of ${v.chrom})` };
  const base = referenceBase(v.chrom, v.pos - 1);
  if (!base || !/^[ACGTNacgtn]$/.test(base)) return { unmapped: `${why} (no base at ${v.chrom}:${v.pos - 1})` };
  const shift = (a: string) => (a === '*' || a === '.' ? a : base + a.slice(0, -1));
  return { ...v, pos: v.pos - 1, ref: shift(v.ref), alt: v.alt.split(',').map(shift).join(',') };
}
