import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ontology, type CompactOntology, type DiseaseRecord, type GeneDiseaseLink } from '@rarerank/hpo';
import { KB_FILES } from './kb-files';

/** The phenotype part of the KB as stored on disk (one JSON document; integer term indices). */
export interface PhenotypeKbData {
  hpoaVersion: string;
  ontology: CompactOntology;
  /** information content per term index */
  ic: number[];
  diseaseCount: number;
  diseases: DiseaseRecord[];
  geneLinks: GeneDiseaseLink[];
}

/** The phenotype part of the KB in memory, with the lookups the scorers need. */
export class PhenotypeKb {
  readonly ontology: Ontology;
  readonly ic: Float64Array;
  readonly diseases: readonly DiseaseRecord[];
  readonly geneLinks: readonly GeneDiseaseLink[];
  readonly hpoaVersion: string;
  readonly diseaseCount: number;
  private readonly diseaseIndex: Map<string, number>;

  constructor(data: PhenotypeKbData) {
    this.ontology = new Ontology(data.ontology);
    this.ic = Float64Array.from(data.ic);
    this.diseases = data.diseases;
    this.geneLinks = data.geneLinks;
    this.hpoaVersion = data.hpoaVersion;
    this.diseaseCount = data.diseaseCount;
    this.diseaseIndex = new Map(data.diseases.map((d, i) => [d.id, i]));
  }

  static async load(kbDir: string): Promise<PhenotypeKb> {
    const text = await readFile(path.join(kbDir, KB_FILES.phenotype), 'utf8');
    return new PhenotypeKb(JSON.parse(text) as PhenotypeKbData);
  }

  disease(id: string): DiseaseRecord | undefined {
    const i = this.diseaseIndex.get(id);
    return i === undefined ? undefined : this.diseases[i];
  }

  /** Gene–disease links of one gene, by NCBI gene id. */
  diseasesOfGene(ncbiGeneId: string): GeneDiseaseLink[] {
    return this.geneLinks.filter((l) => l.ncbiGeneId === ncbiGeneId);
  }
}
