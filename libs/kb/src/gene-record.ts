/** Gene-level facts the engine uses, one record per gene with a transcript model. */
export interface GeneConstraintFacts {
  release: string; // 'v4.1' | 'v2.1.1'
  pLI?: number;
  oeLof?: number;
  loeuf?: number;
  misZ?: number;
}

export interface GeneRecord {
  symbol: string;
  ncbiGeneId?: string;
  hgncId?: string;
  ensemblGeneId?: string;
  /** the transcript that variant consequences are reported on (MANE Select where available) */
  transcriptId: string;
  refseqTranscriptId?: string;
  /** gnomAD LoF/missense constraint, newest release first */
  constraint: GeneConstraintFacts[];
  /** AlphaMissense mean pathogenicity over the gene's MANE transcript */
  alphaMissenseMean?: number;
}
