import type { Change } from './change';
import { reverseComplement } from './genetic-code';
import type { TranscriptModel } from './transcript-model';

/**
 * HGVS c. (n. for non-coding transcripts) of a change on a transcript, with the RefSeq NM_ as the
 * reference when the transcript has one: `NM_000138.5:c.3458G>T`, `c.1589-2A>G`, `c.-12C>T`,
 * `c.*5del`, `c.76_78del`, `c.76_77insT`, `c.76dup` (dup only when the caller found one with the
 * reference), `c.76_77delinsTT`. Minus-strand alleles are complemented and positions ordered in
 * transcript orientation. `dup` marks an insertion the caller showed to duplicate the bases
 * 5' of it (in transcript orientation); [a, b) is then the duplicated stretch.
 */
export function hgvsC(m: TranscriptModel, c: Change, dup = false): string | undefined {
  const s = ropeHgvsC(m, c, dup);
  // a template literal leaves a rope of its pieces (~8 small strings): reading a character makes
  // V8 copy it into one flat string, so each kept annotation carries ~200 bytes less (a genome keeps 133k)
  if (s !== undefined) s.charCodeAt(0);
  return s;
}

function ropeHgvsC(m: TranscriptModel, c: Change, dup: boolean): string | undefined {
  if (c.kind === 'other') return undefined;
  const prefix = `${m.hgvsRef}:${m.coding ? 'c' : 'n'}.`;
  const pos = (g: number) => m.positionText(g);
  const oriented = (s: string) => (m.plus ? s : reverseComplement(s));
  // first and last changed base in transcript orientation
  const range = (a: number, b: number) => {
    const [first, last] = m.plus ? [a, b - 1] : [b - 1, a];
    return first === last ? pos(first) : `${pos(first)}_${pos(last)}`;
  };
  if (dup) return `${prefix}${range(c.a, c.b)}dup`;
  switch (c.kind) {
    case 'snv':
      return `${prefix}${pos(c.a)}${oriented(c.ref)}>${oriented(c.alt)}`;
    case 'del':
      return `${prefix}${range(c.a, c.b)}del`;
    case 'ins': {
      const [first, second] = m.plus ? [c.a - 1, c.a] : [c.a, c.a - 1];
      return `${prefix}${pos(first)}_${pos(second)}ins${oriented(c.alt)}`;
    }
    case 'mnv':
    case 'delins':
      return `${prefix}${range(c.a, c.b)}delins${oriented(c.alt)}`;
  }
}
