import VCFParser, { type Variant } from '@gmod/vcf';
import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';

/** One INFO header declaration. */
export interface InfoDeclaration {
  id: string;
  number: string;
  type: string;
  description: string;
}

export interface VcfHeader {
  file: string;
  /** the `##` lines, verbatim */
  metaLines: string[];
  /** `##key=value` lines that are not structured (fileDate, source, reference…) */
  simple: Map<string, string>;
  info: Map<string, InfoDeclaration>;
  parser: VCFParser;
}

export interface VcfLine {
  no: number;
  variant: Variant;
}

const COLUMNS = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'];

/** Builds the header model; `file` and `line` only name the source in errors. */
export function parseVcfHeader(file: string, metaLines: string[], columnLine: string, line?: number): VcfHeader {
  const cols = columnLine.split('\t');
  if (COLUMNS.some((c, i) => cols[i] !== c)) {
    throw new InputError(`the #CHROM line must start with ${COLUMNS.join(' ')}`, { file, line });
  }
  let parser: VCFParser;
  try {
    parser = new VCFParser({ header: [...metaLines, columnLine].join('\n') });
  } catch (e) {
    throw new InputError(`unreadable VCF header: ${(e as Error).message}`, { file });
  }
  const simple = new Map<string, string>();
  const info = new Map<string, InfoDeclaration>();
  for (const meta of metaLines) {
    const m = /^##([^=]+)=(.*)$/.exec(meta);
    if (!m) continue;
    if (!m[2].startsWith('<')) simple.set(m[1], m[2]);
    else if (m[1] === 'INFO') {
      const id = /[<,]ID=([^,>]+)/.exec(m[2])?.[1];
      if (!id) continue;
      info.set(id, {
        id,
        number: /[<,]Number=([^,>]+)/.exec(m[2])?.[1] ?? '.',
        type: /[<,]Type=([^,>]+)/.exec(m[2])?.[1] ?? 'String',
        description: /Description="((?:[^"\\]|\\.)*)"/.exec(m[2])?.[1] ?? '',
      });
    }
  }
  return { file, metaLines, simple, info, parser };
}

/**
 * Parses one data line with the header's parser after checking what @gmod/vcf does not:
 * 8 columns, a positive integer POS, a REF.
 */
export function parseVcfLine(header: VcfHeader, text: string, no?: number): Variant {
  const file = header.file;
  const cols = text.split('\t', 8);
  if (cols.length < 8) throw new InputError(`expected at least 8 tab-separated VCF columns, found ${cols.length}`, { file, line: no });
  if (!/^\d+$/.test(cols[1]) || Number(cols[1]) < 1) throw new InputError(`POS is not a positive integer: "${cols[1]}"`, { file, line: no, field: 'POS' });
  if (!cols[3]) throw new InputError('empty REF', { file, line: no, field: 'REF' });
  try {
    return header.parser.parseLine(text);
  } catch (e) {
    throw new InputError(`unreadable VCF record: ${(e as Error).message}`, { file, line: no });
  }
}

/**
 * Opens a (b)gzipped or plain VCF: reads the header up to #CHROM, then streams the records.
 * A data line before #CHROM, or a file without one, is an InputError.
 */
export async function openVcf(file: string): Promise<{ header: VcfHeader; lines: AsyncGenerator<VcfLine> }> {
  const { header: h, text } = await openVcfText(file);
  async function* lines(): AsyncGenerator<VcfLine> {
    for await (const { no, text: t } of text) yield { no, variant: parseVcfLine(h, t, no) };
  }
  return { header: h, lines: lines() };
}

/**
 * Like openVcf, but the records stay text lines (blank and '#' lines dropped): for readers of
 * genome-wide releases that scan the few INFO keys they need instead of parsing every record.
 */
export async function openVcfText(file: string): Promise<{ header: VcfHeader; text: AsyncGenerator<{ no: number; text: string }> }> {
  const it = readLines(file, REFERENCE_TEXT_LIMITS);
  const meta: string[] = [];
  let header: VcfHeader | undefined;
  for (;;) {
    const next = await it.next();
    if (next.done) throw new InputError('no #CHROM header line: not a VCF', { file });
    const { no, text } = next.value;
    if (text.startsWith('##')) meta.push(text);
    else if (text.startsWith('#')) {
      header = parseVcfHeader(file, meta, text, no);
      break;
    } else if (text.trim() !== '') {
      await it.return(undefined);
      throw new InputError('data line before the #CHROM header line: not a VCF or header missing', { file, line: no });
    }
  }
  async function* text(): AsyncGenerator<{ no: number; text: string }> {
    for await (const line of it) {
      if (line.text === '' || line.text.startsWith('#')) continue;
      yield line;
    }
  }
  return { header, text: text() };
}

/**
 * The value of an INFO key for ALT allele `altIndex` of `altCount`, honouring the declared
 * Number: A → one value per ALT, R → REF first then one per ALT. Numbers declared '.' but given
 * once per ALT (older GATK writes AC/AF so) are split the same way. Otherwise the whole value
 * (strings re-joined with ',', since @gmod/vcf splits every value on commas).
 */
export function infoForAllele(header: VcfHeader, info: Variant['INFO'], key: string, altIndex: number, altCount = 1): string | number | boolean | undefined {
  const v = info[key];
  if (v === undefined) return undefined;
  if (v === true) return true;
  const decl = header.info.get(key);
  if (decl?.number === 'A') return v[altIndex];
  if (decl?.number === 'R') return v[altIndex + 1];
  const numeric = decl?.type === 'Integer' || decl?.type === 'Float';
  if (numeric && decl?.number === '.' && altCount > 1 && v.length === altCount) return v[altIndex];
  if (v.length === 1) return v[0];
  return numeric ? v[0] : v.map((x) => x ?? '.').join(',');
}

export function infoNumber(header: VcfHeader, info: Variant['INFO'], key: string, altIndex: number, altCount = 1): number | undefined {
  const v = infoForAllele(header, info, key, altIndex, altCount);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function infoString(header: VcfHeader, info: Variant['INFO'], key: string, altIndex = 0, altCount = 1): string | undefined {
  const v = infoForAllele(header, info, key, altIndex, altCount);
  return v === undefined || v === true ? undefined : String(v);
}

/**
 * Checks the header's declarations of the INFO keys a reader uses (keys the header does not
 * declare are not checked): a key declared with another Number or Type would be read wrongly
 * (a per-site value taken per allele, a string read as a number), so it is an InputError naming
 * the header line.
 */
export function requireInfoDeclarations(header: VcfHeader, wanted: Record<string, { number: string[]; type: string[] }>): void {
  for (const [id, want] of Object.entries(wanted)) {
    const decl = header.info.get(id);
    if (!decl) continue;
    if (want.number.includes(decl.number) && want.type.includes(decl.type)) continue;
    const line = header.metaLines.findIndex((m) => m.startsWith('##INFO=') && new RegExp(`[<,]ID=${id}[,>]`).test(m)) + 1;
    throw new InputError(`INFO ${id} is declared Number=${decl.number},Type=${decl.type}; this reader needs Number=${want.number.join('|')},Type=${want.type.join('|')}`, { file: header.file, line: line || undefined, field: `INFO/${id}` });
  }
}
