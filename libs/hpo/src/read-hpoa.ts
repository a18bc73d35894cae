import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import type { DiseaseRecord } from './disease-types';
import { parseHpoaCount, parseHpoaFrequency, UNKNOWN_FREQUENCY } from './hpoa-frequency';
import type { Ontology } from './ontology';

const HEADER = ['database_id', 'disease_name', 'qualifier', 'hpo_id', 'reference', 'evidence', 'onset', 'frequency', 'sex', 'modifier', 'aspect', 'biocuration'];
const DISEASE_ID = /^(OMIM|ORPHA|DECIPHER|MONDO):\w+$/;

export interface HpoaResult {
  version: string;
  diseases: DiseaseRecord[];
  rows: number;
  /** term ids not in the ontology after alt-id/replacement mapping, with how often they occurred */
  unresolvedTerms: Record<string, number>;
  remappedTerms: number;
}

/**
 * Reads phenotype.hpoa (the official HPO disease annotation file). Terms are mapped onto the
 * given ontology through alt ids and replacements, so an annotation file and an ontology of
 * slightly different releases still combine; what cannot be mapped is counted, not dropped silently.
 */
export async function readHpoa(file: string, ontology: Ontology): Promise<HpoaResult> {
  let version: string | undefined;
  let headerSeen = false;
  let rows = 0;
  let remapped = 0;
  const unresolved: Record<string, number> = {};
  const byId = new Map<string, DiseaseRecord & { freqByTerm: Map<number, number>; countByTerm: Map<number, { n: number; m: number }> }>();

  for await (const { no, text } of readLines(file, REFERENCE_TEXT_LIMITS)) {
    if (!headerSeen) {
      if (text.startsWith('#')) {
        const m = /^#(?:version|date):\s*(\d{4}-\d{2}-\d{2})/.exec(text);
        if (m) version = m[1];
        continue;
      }
      const cols = text.split('\t');
      if (cols.join('\t') !== HEADER.join('\t')) {
        throw new InputError(`not a phenotype.hpoa header; expected columns ${HEADER.join(', ')}`, { file, line: no });
      }
      headerSeen = true;
      continue;
    }
    if (text === '') continue;
    const c = text.split('\t');
    if (c.length !== HEADER.length) throw new InputError(`expected ${HEADER.length} columns, found ${c.length}`, { file, line: no });
    const [diseaseId, name, qualifier, hpoId, , , onset, frequency, sex, , aspect] = c;
    if (!DISEASE_ID.test(diseaseId)) throw new InputError(`invalid disease id "${diseaseId}"`, { file, line: no, field: 'database_id' });
    if (!/^HP:\d{7}$/.test(hpoId)) throw new InputError(`invalid HPO id "${hpoId}"`, { file, line: no, field: 'hpo_id' });
    if (qualifier !== '' && qualifier !== 'NOT') throw new InputError(`unknown qualifier "${qualifier}"`, { file, line: no, field: 'qualifier' });
    if (!'PICMH'.includes(aspect) || aspect.length !== 1) throw new InputError(`unknown aspect "${aspect}"`, { file, line: no, field: 'aspect' });
    const freq = parseHpoaFrequency(frequency);
    if (freq === undefined) throw new InputError(`unparseable frequency "${frequency}"`, { file, line: no, field: 'frequency' });
    if (sex !== '' && sex.toUpperCase() !== 'MALE' && sex.toUpperCase() !== 'FEMALE') {
      throw new InputError(`unknown sex "${sex}"`, { file, line: no, field: 'sex' });
    }
    rows++;

    let d = byId.get(diseaseId);
    if (!d) {
      d = { id: diseaseId, name, terms: [], freqs: [], notTerms: [], inheritance: [], course: [], sexSpecific: [], freqByTerm: new Map(), countByTerm: new Map() };
      byId.set(diseaseId, d);
    }
    const resolved = ontology.resolve(hpoId);
    if (resolved.status === 'unknown' || resolved.status === 'obsolete') {
      unresolved[hpoId] = (unresolved[hpoId] ?? 0) + 1;
      continue;
    }
    if (resolved.status !== 'current') remapped++;
    const termId = resolved.id;
    if (aspect === 'I') {
      if (!d.inheritance.includes(termId)) d.inheritance.push(termId);
      continue;
    }
    if (aspect === 'C') {
      if (!d.course.includes(termId)) d.course.push(termId);
      continue;
    }
    if (aspect !== 'P') continue; // M (modifier) and H (past medical history) do not describe the phenotype
    const t = ontology.indexOf(termId)!;
    if (qualifier === 'NOT') {
      if (!d.notTerms.includes(t)) d.notTerms.push(t);
      continue;
    }
    if (sex !== '') d.sexSpecific.push([t, sex.toUpperCase() as 'MALE' | 'FEMALE']);
    void onset; // per-annotation onset is rare in the release; disease-level course terms carry onset
    // The same term may be annotated from several references: counts ("n/m") are pooled; otherwise
    // (frequency terms, percentages, or counts against them) the highest stated frequency is kept.
    const count = parseHpoaCount(frequency);
    if (count) {
      const c = d.countByTerm.get(t);
      if (c) {
        c.n += count.n;
        c.m += count.m;
      } else d.countByTerm.set(t, { ...count });
      continue;
    }
    const prev = d.freqByTerm.get(t);
    if (prev === undefined) d.freqByTerm.set(t, freq);
    else if (freq !== UNKNOWN_FREQUENCY && (prev === UNKNOWN_FREQUENCY || freq > prev)) d.freqByTerm.set(t, freq);
  }
  if (!headerSeen) throw new InputError('no header line found', { file });
  if (!version) throw new InputError('no "#version: YYYY-MM-DD" line in the header', { file, field: 'version' });

  const diseases: DiseaseRecord[] = [];
  for (const { freqByTerm, countByTerm, ...d } of byId.values()) {
    const totals = new Map<number, number>();
    for (const [t, { n, m }] of countByTerm) {
      const prev = freqByTerm.get(t);
      if (prev === undefined || prev === UNKNOWN_FREQUENCY || n / m > prev) {
        freqByTerm.set(t, n / m);
        totals.set(t, m);
      }
    }
    const entries = [...freqByTerm.entries()].sort((a, b) => a[0] - b[0]);
    diseases.push({ ...d, terms: entries.map((e) => e[0]), freqs: entries.map((e) => e[1]), freqTotals: entries.map((e) => totals.get(e[0]) ?? 0) });
  }
  diseases.sort((a, b) => a.id.localeCompare(b.id));
  return { version, diseases, rows, unresolvedTerms: unresolved, remappedTerms: remapped };
}
