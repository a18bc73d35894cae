import { inheritanceCodes, type InheritanceCode } from '@rarerank/hpo';
import type { GeneRecord, PhenotypeKb } from '@rarerank/kb';
import type { GeneRef } from './rank-types';

/** Gene records by symbol, the form RankInput.genes takes. */
export function geneRecordMap(records: readonly GeneRecord[]): Map<string, GeneRecord> {
  return new Map(records.map((g) => [g.symbol, g]));
}

export interface PhenotypeKbLookups {
  geneDiseases: (gene: GeneRef) => string[];
  diseaseInheritance: (diseaseId: string) => InheritanceCode[];
  termName: (hpoId: string) => string | undefined;
}

/**
 * RankInput's disease lookups from the KB: a gene's diseases from the gene–disease links (by NCBI
 * id, else symbol; polygenic associations left out), a disease's inheritance codes through the
 * HPO DAG, and term names.
 */
export function phenotypeKbLookups(kb: PhenotypeKb): PhenotypeKbLookups {
  const byNcbi = new Map<string, string[]>();
  const bySymbol = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, id: string) => {
    const list = m.get(k);
    if (!list) m.set(k, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const l of kb.geneLinks) {
    if (l.association === 'POLYGENIC') continue;
    add(byNcbi, l.ncbiGeneId, l.diseaseId);
    add(bySymbol, l.symbol, l.diseaseId);
  }
  const codes = new Map<string, InheritanceCode[]>();
  return {
    geneDiseases: (g) => (g.ncbiGeneId && byNcbi.get(g.ncbiGeneId)) || bySymbol.get(g.symbol) || [],
    diseaseInheritance: (id) => {
      let c = codes.get(id);
      if (!c) {
        c = inheritanceCodes(kb.ontology, kb.disease(id)?.inheritance ?? []);
        codes.set(id, c);
      }
      return c;
    },
    termName: (id) => {
      const i = kb.ontology.indexOf(id);
      return i === undefined ? undefined : kb.ontology.names[i];
    },
  };
}
