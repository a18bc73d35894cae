import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';

/** One `chain` header of the UCSC chain format (https://genome.ucsc.edu/goldenPath/help/chain.html). */
export interface ChainHeader {
  score: number;
  tName: string;
  tSize: number;
  tStrand: '+' | '-';
  tStart: number;
  tEnd: number;
  qName: string;
  qSize: number;
  qStrand: '+' | '-';
  qStart: number;
  qEnd: number;
  id: string;
  /** 1-based line of the header, for error messages */
  line: number;
}

/** An ungapped aligned block: target [tStart, tStart+size) ↔ query [qStart, qStart+size) on the chain's query strand. */
export interface ChainBlock {
  tStart: number;
  qStart: number;
  size: number;
}

export interface ParsedChain {
  header: ChainHeader;
  blocks: ChainBlock[];
}

function int(text: string, what: string, file: string, line: number): number {
  if (!/^\d+$/.test(text)) throw new InputError(`${what} is not a non-negative integer: "${text}"`, { file, line, field: what });
  return Number(text);
}

function strand(text: string, what: string, file: string, line: number): '+' | '-' {
  if (text !== '+' && text !== '-') throw new InputError(`${what} must be + or -, found "${text}"`, { file, line, field: what });
  return text;
}

function parseHeader(fields: string[], file: string, line: number): ChainHeader {
  // 'chain' + 12 fields; the trailing id is optional in the spec.
  if (fields.length !== 12 && fields.length !== 13) {
    throw new InputError(`chain header needs 12 or 13 fields, found ${fields.length}`, { file, line });
  }
  const h: ChainHeader = {
    score: Number(fields[1]),
    tName: fields[2],
    tSize: int(fields[3], 'tSize', file, line),
    tStrand: strand(fields[4], 'tStrand', file, line),
    tStart: int(fields[5], 'tStart', file, line),
    tEnd: int(fields[6], 'tEnd', file, line),
    qName: fields[7],
    qSize: int(fields[8], 'qSize', file, line),
    qStrand: strand(fields[9], 'qStrand', file, line),
    qStart: int(fields[10], 'qStart', file, line),
    qEnd: int(fields[11], 'qEnd', file, line),
    id: fields[12] ?? String(line),
    line,
  };
  if (!Number.isFinite(h.score)) throw new InputError(`score is not a number: "${fields[1]}"`, { file, line, field: 'score' });
  // liftOver itself only accepts target '+' chains; a '-' target would need a different lookup.
  if (h.tStrand !== '+') throw new InputError('target strand must be +', { file, line, field: 'tStrand' });
  if (h.tStart > h.tEnd || h.tEnd > h.tSize) throw new InputError(`target range ${h.tStart}-${h.tEnd} outside 0-${h.tSize}`, { file, line });
  if (h.qStart > h.qEnd || h.qEnd > h.qSize) throw new InputError(`query range ${h.qStart}-${h.qEnd} outside 0-${h.qSize}`, { file, line });
  return h;
}

/**
 * Streams the chains of a (gzipped) UCSC chain file. Each chain's blocks are checked to add up
 * to exactly the header's target and query ranges, which catches truncated or hand-edited files.
 */
export async function* parseChains(file: string): AsyncGenerator<ParsedChain> {
  let current: ParsedChain | undefined;
  let t = 0;
  let q = 0;
  let ended = true; // true once the last (single-number) block line of the current chain was read

  const finish = (c: ParsedChain, line: number): ParsedChain => {
    if (!ended) throw new InputError(`chain ${c.header.id} (line ${c.header.line}) has no final block line`, { file, line });
    if (t !== c.header.tEnd || q !== c.header.qEnd) {
      throw new InputError(
        `chain ${c.header.id} blocks end at target ${t} / query ${q} but the header says ${c.header.tEnd} / ${c.header.qEnd}`,
        { file, line: c.header.line },
      );
    }
    return c;
  };

  let lastLine = 0;
  for await (const { no, text } of readLines(file, REFERENCE_TEXT_LIMITS)) {
    lastLine = no;
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const fields = trimmed.split(/\s+/);
    if (fields[0] === 'chain') {
      if (current) yield finish(current, no);
      const header = parseHeader(fields, file, no);
      current = { header, blocks: [] };
      t = header.tStart;
      q = header.qStart;
      ended = false;
      continue;
    }
    if (!current) throw new InputError('block line before any chain header (not a chain file?)', { file, line: no });
    if (ended) throw new InputError(`block line after the final block of chain ${current.header.id}`, { file, line: no });
    if (fields.length !== 3 && fields.length !== 1) {
      throw new InputError(`block line needs 3 fields (size dt dq) or 1 (last size), found ${fields.length}`, { file, line: no });
    }
    const size = int(fields[0], 'size', file, no);
    current.blocks.push({ tStart: t, qStart: q, size });
    t += size;
    q += size;
    if (fields.length === 3) {
      t += int(fields[1], 'dt', file, no);
      q += int(fields[2], 'dq', file, no);
    } else {
      ended = true;
    }
  }
  if (current) yield finish(current, lastLine + 1);
}
