import { scanLines, type LineHandler } from '@rarerank/io';
import { DEFAULT_LIMITS, type IngestOptions, type PrescannedFile } from './types';
import { newIngestState, VcfReader } from './vcf-reader';

const BLOCK_BYTES = 1 << 20;

/** Forwarded lines packed into 1 MB blocks (transferable to another thread without a copy). */
class LinePacker {
  blocks: Uint8Array[] = [];
  private cur = new Uint8Array(BLOCK_BYTES);
  private used = 0;
  private n = 0;
  block = new Int32Array(1024);
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  no = new Int32Array(1024);

  readonly add: LineHandler = (buf, s, e, no) => {
    const len = e - s;
    if (this.used + len > this.cur.length) {
      this.blocks.push(this.cur.subarray(0, this.used));
      this.cur = new Uint8Array(Math.max(BLOCK_BYTES, len));
      this.used = 0;
    }
    if (this.n === this.no.length) this.grow();
    this.cur.set(buf.subarray(s, e), this.used);
    this.block[this.n] = this.blocks.length;
    this.start[this.n] = this.used;
    this.end[this.n] = this.used + len;
    this.no[this.n] = no;
    this.used += len;
    this.n++;
  };

  private grow(): void {
    const g = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.block = g(this.block);
    this.start = g(this.start);
    this.end = g(this.end);
    this.no = g(this.no);
  }

  finish(file: string, lines: number, prefiltered: number): PrescannedFile {
    this.blocks.push(this.cur.subarray(0, this.used));
    const n = this.n;
    return { file, lines, prefiltered, blocks: this.blocks, block: this.block.slice(0, n), start: this.start.slice(0, n), end: this.end.slice(0, n), no: this.no.slice(0, n) };
  }
}

/**
 * The first half of an ingest, for another thread: reads one VCF with every check ingest makes
 * before parsing a record (header, samples, sort order, POS, contig length, gzip limits) and
 * keepRegion, and keeps the header lines and the data lines keepRegion lets through, unparsed.
 * ingestVcfs with `prescanned` then reads only those: on a genome with the default regions, 3%
 * of the lines. The variants, warnings and counts are those of reading the file (a spec compares
 * them); a file that fails any check here throws, and the caller then reads the file itself, so
 * every error is still raised by the one reader, at its line.
 */
export async function prescanVcf(file: string, opts: Omit<IngestOptions, 'vcfs' | 'forwardLine' | 'prescanned' | 'validateOnly'>): Promise<PrescannedFile> {
  const packer = new LinePacker();
  const state = newIngestState({ ...opts, vcfs: [file], forwardLine: packer.add });
  const reader = new VcfReader(file, state);
  const lines = await scanLines(file, { ...DEFAULT_LIMITS, ...opts.limits }, reader.onLine);
  reader.finish(lines);
  return packer.finish(file, lines, state.stats.prefiltered);
}

/** Hands a pre-scanned file's lines to a reader, in file order; returns how many. */
export function feedPrescanned(p: PrescannedFile, onLine: LineHandler): number {
  const bufs = p.blocks.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  for (let k = 0; k < p.no.length; k++) onLine(bufs[p.block[k]], p.start[k], p.end[k], p.no[k]);
  return p.no.length;
}
