/** Phenotype annotations of one disease, compact as stored in the KB (term indices into the ontology). */
export interface DiseaseRecord {
  id: string; // OMIM:601718, ORPHA:…, DECIPHER:…
  name: string;
  /** observed-in-disease phenotype terms (aspect P, no NOT qualifier) */
  terms: number[];
  /** frequency per entry of `terms`: fraction 0..1, or -1 when the annotation gives none */
  freqs: number[];
  /**
   * per entry of `terms`: the number of patients behind the frequency when the annotations give
   * counts ("n/m": m, summed over the references that count the same term), 0 otherwise; the
   * scorer uses it to smooth frequencies seen in a few patients. Absent in KBs built before it.
   */
  freqTotals?: number[];
  /** terms explicitly absent in the disease (qualifier NOT) */
  notTerms: number[];
  /** inheritance terms (aspect I), as HPO ids */
  inheritance: string[];
  /** clinical course terms (aspect C: onset, progression), as HPO ids */
  course: string[];
  /** annotations that apply to one sex only: [term index, 'MALE'|'FEMALE'] */
  sexSpecific: Array<[number, 'MALE' | 'FEMALE']>;
}

export interface GeneDiseaseLink {
  ncbiGeneId: string; // "2263"
  symbol: string;
  diseaseId: string;
  /** MENDELIAN | POLYGENIC | UNKNOWN (genes_to_disease) or "mim2gene" */
  association: string;
  /**
   * OMIM lists the entry as a nondisease (its [ ] brackets: a trait or a test value such as a memory
   * QTL or a blood group, not a disorder; mim2gene_medgen's Comment column says "nondisease").
   */
  nondisease?: true;
}

/** Mode-of-inheritance codes the engine reasons with, derived from the HPO inheritance terms. */
export type InheritanceCode = 'AD' | 'AR' | 'XD' | 'XR' | 'X' | 'MT' | 'Y' | 'SOMATIC' | 'OTHER';

export const INHERITANCE_ROOTS: Array<[string, InheritanceCode]> = [
  ['HP:0000006', 'AD'], // autosomal dominant (incl. de novo, semidominant, sex-limited below it)
  ['HP:0000007', 'AR'],
  ['HP:0001419', 'XR'],
  ['HP:0001423', 'XD'],
  ['HP:0001417', 'X'], // X-linked, unspecified
  ['HP:0001427', 'MT'],
  ['HP:0001450', 'Y'],
  ['HP:0001442', 'SOMATIC'], // typified by somatic mosaicism
];
