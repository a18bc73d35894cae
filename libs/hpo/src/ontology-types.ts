/** One ontology class as read from an official release (obographs JSON or OBO). */
export interface RawTerm {
  id: string; // HP:0000118
  name: string;
  definition?: string;
  synonyms: string[];
  parents: string[]; // is_a targets
  altIds: string[];
  obsolete: boolean;
  replacedBy?: string;
  consider: string[];
}

export interface RawOntology {
  /** release date read from the file, e.g. 2025-05-06 */
  version: string;
  format: 'obographs-json' | 'obo';
  terms: RawTerm[];
}

/** How a user-supplied id was resolved against the current release. */
export type TermResolution =
  | { status: 'current'; id: string }
  | { status: 'alt-id'; id: string; from: string }
  | { status: 'replaced'; id: string; from: string }
  | { status: 'obsolete'; from: string; consider: string[] }
  | { status: 'unknown'; from: string };

/** Root of the phenotypic-abnormality subontology: patient features live below it. */
export const PHENOTYPIC_ABNORMALITY = 'HP:0000118';
export const HPO_ROOT = 'HP:0000001';
