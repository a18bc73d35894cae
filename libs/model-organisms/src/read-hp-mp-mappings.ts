import { InputError, readLines } from '@rarerank/io';

/**
 * SSSOM TSV rows: `#` metadata lines, a header, then rows; trailing optional columns may be left
 * off a row (real files do), but the required ones must be there.
 */
async function* readSssom(file: string, required: string[]): AsyncGenerator<{ no: number; get: (column: string) => string }> {
  let index: Map<string, number> | undefined;
  for await (const { no, text } of readLines(file)) {
    if (text.startsWith('#') || text.trim() === '') continue;
    const cells = text.split('\t');
    if (!index) {
      index = new Map(cells.map((h, i) => [h.trim(), i]));
      const missing = required.filter((c) => !index!.has(c));
      if (missing.length) throw new InputError(`missing column "${missing[0]}" in the SSSOM header (found: ${cells.slice(0, 8).join(', ')})`, { file, line: no });
      continue;
    }
    const last = Math.max(...required.map((c) => index!.get(c)!));
    if (cells.length <= last) throw new InputError(`expected at least ${last + 1} columns, found ${cells.length}`, { file, line: no });
    const at = index;
    yield { no, get: (column: string) => cells[at.get(column) ?? -1] ?? '' };
  }
  if (!index) throw new InputError('empty file: no SSSOM header line', { file });
}

/** One HP ↔ MP correspondence. `mpIsNarrower`: the MP term is more specific than the HP term (safe to read the mouse term as the HP one). */
export interface HpMpMapping {
  hp: string;
  mp: string;
  /** 1 for curated or logical equivalences; the uPheno Jaccard score for best matches */
  score: number;
  source: 'upheno-species-neutral' | 'mgi-curated' | 'upheno-best-match';
}

const HP = /^HP:\d{7}$/;
const MP = /^MP:\d{7}$/;

/**
 * uPheno `hp-to-mp-bestmatches.tsv`: HP id, HP label, MP id, MP label, Jaccard score, a second
 * score; no header. Each HP term's best-matching MP term (which may be much broader).
 */
export async function readUphenoBestMatches(file: string): Promise<HpMpMapping[]> {
  const out: HpMpMapping[] = [];
  for await (const { no, text } of readLines(file)) {
    if (text === '' || text.startsWith('#')) continue;
    const c = text.split('\t');
    if (c.length < 5) throw new InputError(`expected 6 tab-separated columns (HP id, label, MP id, label, scores), found ${c.length}`, { file, line: no });
    if (!HP.test(c[0])) throw new InputError(`invalid HP id "${c[0].slice(0, 40)}"`, { file, line: no, field: 'column 1' });
    if (!MP.test(c[2])) throw new InputError(`invalid MP id "${c[2].slice(0, 40)}"`, { file, line: no, field: 'column 3' });
    const score = Number(c[4]);
    if (!(score >= 0 && score <= 1)) throw new InputError(`score "${c[4].slice(0, 20)}" is not in [0,1]`, { file, line: no, field: 'column 5' });
    out.push({ hp: c[0], mp: c[2], score, source: 'upheno-best-match' });
  }
  if (!out.length) throw new InputError('no mapping rows', { file });
  return out;
}

/**
 * uPheno species-neutral SSSOM: UPHENO class → species term (crossSpeciesExactMatch). An HP and
 * an MP term equivalent to the same UPHENO class are equivalent to each other.
 */
export async function readUphenoSpeciesNeutral(file: string): Promise<{ mappings: HpMpMapping[]; version: string | null }> {
  const byClass = new Map<string, { hp: string[]; mp: string[] }>();
  let version: string | null = null;
  for await (const { text } of readLines(file)) {
    if (!text.startsWith('#')) break;
    const m = /^#\s*mapping_set_version:\s*(\S+)/.exec(text) ?? /^#\s*mapping_date:\s*(\S+)/.exec(text);
    if (m) version = m[1];
  }
  for await (const row of readSssom(file, ['subject_id', 'predicate_id', 'object_id'])) {
    const cls = row.get('subject_id');
    const obj = row.get('object_id');
    if (!/^[A-Za-z]+:\S+$/.test(cls)) throw new InputError(`invalid subject id "${cls.slice(0, 40)}"`, { file, line: row.no, field: 'subject_id' });
    if (!/Match$/.test(row.get('predicate_id')) || !/exact/i.test(row.get('predicate_id'))) continue;
    const kind = HP.test(obj) ? 'hp' : MP.test(obj) ? 'mp' : undefined;
    if (!kind) continue;
    let e = byClass.get(cls);
    if (!e) byClass.set(cls, (e = { hp: [], mp: [] }));
    e[kind].push(obj);
  }
  if (!byClass.size) throw new InputError('no subject_id / object_id mapping rows', { file });
  const mappings: HpMpMapping[] = [];
  for (const { hp, mp } of byClass.values()) for (const h of hp) for (const m of mp) mappings.push({ hp: h, mp: m, score: 1, source: 'upheno-species-neutral' });
  return { mappings, version };
}

/**
 * MGI-curated MP ↔ HP SSSOM (mouse-human mapping initiative): subject MP, object HP. Exact and
 * close matches are equivalences; a broadMatch (the HP term is broader than the MP term) is
 * also safe to read from the mouse side. Narrow and related matches would claim more than the
 * mouse shows and are skipped.
 */
export async function readMgiMappings(file: string): Promise<{ mappings: HpMpMapping[]; version: string | null }> {
  const mappings: HpMpMapping[] = [];
  let latest = '';
  for await (const row of readSssom(file, ['subject_id', 'predicate_id', 'object_id'])) {
    const mp = row.get('subject_id');
    const hp = row.get('object_id');
    if (!MP.test(mp)) throw new InputError(`invalid MP id "${mp.slice(0, 40)}"`, { file, line: row.no, field: 'subject_id' });
    if (!HP.test(hp)) throw new InputError(`invalid HP id "${hp.slice(0, 40)}"`, { file, line: row.no, field: 'object_id' });
    const p = row.get('predicate_id');
    if (p !== 'skos:exactMatch' && p !== 'skos:closeMatch' && p !== 'skos:broadMatch') continue;
    mappings.push({ hp, mp, score: 1, source: 'mgi-curated' });
    const date = row.get('mapping_date');
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date > latest) latest = date;
  }
  return { mappings, version: latest || null };
}
