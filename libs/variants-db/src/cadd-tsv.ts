import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import { assemblyFromFileName } from './assembly';
import { ucscChrom } from './chrom';
import type { CaddRecord } from './predictor-records';
import { collect, maxOfRepeats, type RecordStream } from './record-stream';
import { parseAllele, parsePosition, parseScore } from './score-fields';
import { SkipCounter } from './skip-counter';
import type { Assembly, ReadResult } from './types';

const REQUIRED = ['Chrom', 'Pos', 'Ref', 'Alt', 'RawScore', 'PHRED'];

/**
 * `## CADD GRCh38-v1.7 (c) …` → assembly and release. Releases before v1.4 name no assembly
 * ('## CADD v1.3 (c) …') and were GRCh37-only.
 */
function caddBanner(line: string): { version?: string; assembly?: Assembly } {
  const m = /CADD\s+(?:(GRCh3[78])-)?v?(\d+(?:\.\d+)*)/i.exec(line);
  if (!m) return {};
  const version = `v${m[2]}`;
  const assembly = m[1] ? (m[1].replace(/^grch/i, 'GRCh') as Assembly) : Number(m[2]) < 1.4 ? 'GRCh37' : undefined;
  return { version, assembly };
}

/**
 * CADD's scored-variant TSV (whole_genome_SNVs.tsv.gz, the InDel files, and the CADD-scripts
 * output for a VCF, with or without annotation columns): `## CADD …` banner, then the header
 * `#Chrom Pos Ref Alt … RawScore PHRED`. Annotated files repeat an allele once per transcript on
 * consecutive lines; those are merged (max PHRED). The assembly comes from the banner, else the
 * file name, else `opts.assembly`; GRCh37 records are for the KB build to lift.
 */
export async function streamCaddTsv(file: string, opts: { assembly?: Assembly } = {}): Promise<RecordStream<CaddRecord>> {
  const it = readLines(file, REFERENCE_TEXT_LIMITS);
  let banner: { version?: string; assembly?: Assembly } = {};
  let col: Record<string, number> | undefined;
  let width = 0;
  for (;;) {
    const next = await it.next();
    if (next.done) throw new InputError('no #Chrom header line: not a CADD score file', { file });
    const { no, text } = next.value;
    if (text.startsWith('##')) {
      if (/CADD/i.test(text)) banner = caddBanner(text);
      continue;
    }
    if (text.trim() === '') continue;
    const header = text.replace(/^#/, '').split('\t').map((h) => h.trim());
    const index = new Map(header.map((h, i) => [h.toLowerCase(), i]));
    const missing = REQUIRED.filter((c) => !index.has(c.toLowerCase()));
    if (missing.length) {
      await it.return(undefined);
      throw new InputError(`not a CADD header: missing column ${missing.join(', ')} (expected #${REQUIRED.join('\t')}; found: ${header.slice(0, 8).join(', ')})`, { file, line: no });
    }
    col = Object.fromEntries(REQUIRED.map((c) => [c, index.get(c.toLowerCase())!]));
    width = header.length;
    break;
  }
  const stated = banner.assembly;
  if (stated && opts.assembly && stated !== opts.assembly) throw new InputError(`the CADD banner says ${stated}, but ${opts.assembly} was requested`, { file });
  const assembly = stated ?? opts.assembly ?? assemblyFromFileName(file);
  if (!assembly) throw new InputError('the assembly is stated neither in the "## CADD GRChNN-vX" banner nor in the file name: pass it explicitly', { file });

  const skip = new SkipCounter();
  let merged = 0;
  const columns = col;
  async function* raw(): AsyncGenerator<CaddRecord & { line: number }> {
    const col = columns!;
    for await (const { no, text } of it) {
      if (text === '' || text.startsWith('#')) continue;
      const c = text.split('\t');
      if (c.length !== width) throw new InputError(`expected ${width} tab-separated columns, found ${c.length}`, { file, line: no });
      const chrom = ucscChrom(c[col.Chrom]);
      if (!chrom) {
        skip.add('non_primary_contig');
        continue;
      }
      const at = (field: string) => ({ file, line: no, field });
      yield {
        chrom,
        pos: parsePosition(c[col.Pos], at('Pos')),
        ref: parseAllele(c[col.Ref], at('Ref')),
        alt: parseAllele(c[col.Alt], at('Alt')),
        caddPhred: parseScore(c[col.PHRED], at('PHRED'), [0, Infinity]),
        caddRaw: parseScore(c[col.RawScore], at('RawScore')),
        line: no,
      };
    }
  }
  const summary = () => {
    const notes: string[] = [];
    if (merged) notes.push(`${merged} lines repeated an allele already read (one line per transcript): merged, max PHRED kept`);
    if (!stated) notes.push(`assembly ${assembly} from ${opts.assembly ? 'the caller' : 'the file name'}: the banner names none`);
    return { skipped: skip.counts, version: banner.version, versionFrom: banner.version ? ('header' as const) : undefined, assembly, notes };
  };
  return { records: maxOfRepeats(raw(), 'caddPhred', () => merged++), summary };
}

/** Reads a whole CADD TSV into memory (excerpts; a full release goes through the variant store). */
export async function readCaddTsv(file: string, opts: { assembly?: Assembly } = {}): Promise<ReadResult<CaddRecord>> {
  return collect(await streamCaddTsv(file, opts));
}
