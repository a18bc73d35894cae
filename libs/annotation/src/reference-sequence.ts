import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { normalizeChrom } from '@rarerank/genes';
import { InputError } from '@rarerank/io';

/**
 * The genome reference, for codon-level consequences and HGVS p. `getBases` returns the bases of
 * [start0, end0) (0-based, half-open), in any case; it may answer synchronously (a local indexed
 * FASTA, an in-memory sequence) or with a promise (a bgzipped FASTA read through
 * @gmod/indexedfasta), in which case `Annotator.prepare(variants)` must fetch the bases first.
 */
export interface ReferenceSequence {
  getBases(chrom: string, start0: number, end0: number): Promise<string> | string;
}

/** A reference held in memory: chromosome name → sequence. For tests and small genomes. */
export class InMemoryReference implements ReferenceSequence {
  private readonly seqs = new Map<string, string>();

  constructor(sequences: Record<string, string>) {
    for (const [name, seq] of Object.entries(sequences)) this.seqs.set(normalizeChrom(name), seq.toUpperCase());
  }

  getBases(chrom: string, start0: number, end0: number): string {
    const s = this.seqs.get(normalizeChrom(chrom));
    if (s === undefined) throw new Error(`reference has no sequence ${chrom}`);
    return s.slice(Math.max(0, start0), Math.max(0, end0));
  }
}

interface FaiEntry {
  length: number;
  offset: number;
  lineBases: number;
  lineWidth: number;
}

/**
 * An uncompressed FASTA with its samtools `.fai` index, read synchronously (one positioned read
 * per request), so `Annotator.annotate` stays synchronous with a real genome. Sequence names are
 * matched after `normalizeChrom`, so a FASTA with '1' serves 'chr1'.
 */
export class IndexedFastaReference implements ReferenceSequence {
  private readonly index = new Map<string, FaiEntry>();
  private readonly fd: number;

  constructor(
    readonly fasta: string,
    readonly fai = `${fasta}.fai`,
  ) {
    if (!existsSync(fasta)) throw new InputError('reference FASTA not found', { file: fasta });
    if (!existsSync(fai)) throw new InputError('no .fai index beside the FASTA (create it with `samtools faidx`)', { file: fai });
    const lines = readFileSync(fai, 'utf8').split(/\r?\n/);
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      const f = text.split('\t');
      const nums = f.slice(1, 5).map(Number);
      if (f.length < 5 || nums.some((x) => !Number.isInteger(x) || x < 0) || nums[2] <= 0 || nums[3] < nums[2]) {
        throw new InputError('a .fai line needs NAME, LENGTH, OFFSET, LINEBASES, LINEWIDTH (non-negative integers, LINEWIDTH ≥ LINEBASES > 0)', { file: fai, line: i + 1 });
      }
      this.index.set(normalizeChrom(f[0]), { length: nums[0], offset: nums[1], lineBases: nums[2], lineWidth: nums[3] });
    });
    if (this.index.size === 0) throw new InputError('the .fai index lists no sequences', { file: fai });
    this.fd = openSync(fasta, 'r');
  }

  has(chrom: string): boolean {
    return this.index.has(normalizeChrom(chrom));
  }

  getBases(chrom: string, start0: number, end0: number): string {
    const e = this.index.get(normalizeChrom(chrom));
    if (!e) throw new Error(`${this.fasta} has no sequence ${chrom}`);
    const s = Math.max(0, start0);
    const t = Math.min(end0, e.length);
    if (t <= s) return '';
    const byte = (i: number) => e.offset + Math.floor(i / e.lineBases) * e.lineWidth + (i % e.lineBases);
    const from = byte(s);
    const buf = Buffer.alloc(byte(t - 1) + 1 - from);
    const got = readSync(this.fd, buf, 0, buf.length, from);
    if (got < buf.length) throw new InputError(`truncated FASTA: ${chrom}:${s}-${t} is beyond the end of the file`, { file: this.fasta });
    return buf.toString('latin1').replace(/[\r\n]/g, '').toUpperCase();
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The part of @gmod/indexedfasta this loader uses. */
interface GmodFasta {
  getSequence(name: string, start: number, end: number): Promise<string | undefined>;
  getSequenceNames(): Promise<string[]>;
}

/**
 * Opens a reference FASTA: an uncompressed `.fa` with `.fai` → `IndexedFastaReference`
 * (synchronous); a bgzipped `.fa.gz` with `.fai` and `.gzi` → @gmod/indexedfasta's
 * BgzipIndexedFasta (asynchronous: call `Annotator.prepare` before `annotate`).
 */
export async function loadReference(fasta: string): Promise<ReferenceSequence> {
  if (!/\.b?gz$/i.test(fasta)) return new IndexedFastaReference(fasta);
  if (!existsSync(fasta)) throw new InputError('reference FASTA not found', { file: fasta });
  for (const idx of [`${fasta}.fai`, `${fasta}.gzi`]) {
    if (!existsSync(idx)) throw new InputError(`a bgzipped FASTA needs ${idx.slice(fasta.length)} beside it (create it with \`samtools faidx\`)`, { file: idx });
  }
  let mod: { BgzipIndexedFasta: new (opts: { path: string; faiPath: string; gziPath: string }) => GmodFasta };
  try {
    // an optional dependency, resolved at run time (a variable keeps the compiler from requiring its types)
    const name = '@gmod/indexedfasta';
    mod = await import(name);
  } catch {
    throw new Error('reading a bgzipped FASTA needs the @gmod/indexedfasta package (npm install @gmod/indexedfasta), or decompress it and run `samtools faidx`');
  }
  const f = new mod.BgzipIndexedFasta({ path: fasta, faiPath: `${fasta}.fai`, gziPath: `${fasta}.gzi` });
  const names = new Map<string, string>();
  for (const n of await f.getSequenceNames()) names.set(normalizeChrom(n), n);
  return {
    async getBases(chrom: string, start0: number, end0: number): Promise<string> {
      const name = names.get(normalizeChrom(chrom));
      if (name === undefined) throw new Error(`${fasta} has no sequence ${chrom}`);
      return ((await f.getSequence(name, Math.max(0, start0), end0)) ?? '').toUpperCase();
    },
  };
}
