import { readLines } from '@rarerank/io';

/**
 * Disease id → the PMIDs that phenotype.hpoa cites for its annotations. A benchmark case whose
 * publication is among them was (partly) the source of its diagnosis's annotations, so ranking it
 * is closer to recall than to a new patient; the cases whose paper is not cited are the fairer test.
 */
export async function readHpoaCitations(hpoaFile: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for await (const { text } of readLines(hpoaFile)) {
    if (text.startsWith('#') || text.startsWith('database_id')) continue;
    const cols = text.split('\t');
    const refs = (cols[4] ?? '').split(';').filter((r) => r.startsWith('PMID:'));
    if (!refs.length) continue;
    let set = out.get(cols[0]);
    if (!set) out.set(cols[0], (set = new Set()));
    for (const r of refs) set.add(r.trim());
  }
  return out;
}

/** True when some diagnosis of the case cites none of the case's PMIDs (a case without PMIDs counts as not cited). */
export function notCitedForDiagnosis(casePmids: readonly string[], diagnosisIds: readonly string[], citations: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  return !diagnosisIds.some((d) => casePmids.some((p) => citations.get(d)?.has(p)));
}

/** The PMIDs a phenopacket lists among its external references. */
export function phenopacketPmids(pp: { metaData?: { externalReferences?: Array<{ id?: string }> } }): string[] {
  return (pp.metaData?.externalReferences ?? []).flatMap((r) => (r.id && /^PMID:\d+$/.test(r.id.trim()) ? [r.id.trim()] : []));
}
