import { InputError, readLines } from '@rarerank/io';

const MGI = /^MGI:\d+$/;
const MP = /^MP:\d{7}$/;

export interface MouseAnnotations {
  /** MGI gene id → its MP terms (direct annotations, as written) */
  byGene: Map<string, string[]>;
  rows: number;
  /** rows of other species or other ontologies (FlyBase genes, HP/GO/FBbt objects), skipped */
  skipped: number;
}

/**
 * Monarch OWLSim input table `Mm_gene_phenotype.txt`: gene id TAB phenotype id, no header.
 * Only MGI genes with MP terms are kept (the table also carries FlyBase rows, and HP terms that
 * Monarch inferred: of unknown provenance, possibly from human disease models, so not used).
 */
export async function readMouseAnnotations(file: string): Promise<MouseAnnotations> {
  const byGene = new Map<string, string[]>();
  let rows = 0;
  let skipped = 0;
  for await (const { no, text } of readLines(file)) {
    if (text === '' || text.startsWith('#')) continue;
    const cells = text.split('\t');
    if (cells.length < 2 || !/^[A-Za-z]+:\S+$/.test(cells[0])) throw new InputError(`expected "gene id<TAB>phenotype id", found "${text.slice(0, 60)}"`, { file, line: no });
    rows++;
    const [gene, term] = cells;
    if (!MGI.test(gene) || !MP.test(term)) {
      skipped++;
      continue;
    }
    const list = byGene.get(gene);
    if (list) {
      if (!list.includes(term)) list.push(term);
    } else byGene.set(gene, [term]);
  }
  if (rows === 0) throw new InputError('no gene → phenotype rows', { file });
  return { byGene, rows, skipped };
}
