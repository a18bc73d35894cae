import path from 'node:path';
import { InputError } from '@rarerank/io';
import { parseSpdi, spdiToAlleles } from './alleles';
import { refseqChromosome, yParToX } from './assembly';
import { clinicalSignificance, normalizeReviewStatus, reviewStars } from './clinvar-classification';
import { SkipCounter } from './skip-counter';
import type { Assembly, ClinvarRecord, ReadResult } from './types';
import { openTable, requireColumn } from './table';

/**
 * A tab-separated export of ClinVar's web search ("Download → Tabular"). Position and alleles
 * come from `Canonical SPDI` (see `spdiToAlleles` for the VCF-style conversion; pure
 * insertions/deletions stay anchorless with an empty allele), chromosome and assembly from its
 * RefSeq accession (NC_000001.11 → chr1 GRCh38; .10 → GRCh37; chrY pseudoautosomal positions
 * move to chrX, where callers place them). Significance from
 * `Germline classification` (older exports: `Clinical significance (Last reviewed)`), review
 * status from `Germline review status` (older: `Review status`). Rows without SPDI (large or
 * complex variants), haplotypes (several SPDIs), IUPAC-ambiguous alleles, non-chromosome
 * sequences and no-change rows are skipped and counted.
 */
export async function readClinvarWebExport(file: string): Promise<ReadResult<ClinvarRecord>> {
  const table = await openTable(file);
  const col = {
    spdi: requireColumn(file, table, 'Canonical SPDI'),
    sig: requireColumn(file, table, 'Germline classification', 'Clinical significance (Last reviewed)'),
    review: requireColumn(file, table, 'Germline review status', 'Review status'),
    id: requireColumn(file, table, 'VariationID'),
    gene: table.index.get('Gene(s)'),
    protein: table.index.get('Protein change'),
  };
  const source = path.basename(file);
  const skip = new SkipCounter();
  const records: ClinvarRecord[] = [];
  const assemblies = new Set<Assembly>();
  let anchorless = 0;
  let parMoved = 0;
  for await (const { no, cells } of table.rows) {
    const spdiText = cells[col.spdi].trim();
    if (spdiText === '') {
      skip.add('no_spdi');
      continue;
    }
    if (spdiText.includes('|')) {
      skip.add('haplotype'); // several SPDIs: the classification is of the combination, not of each part
      continue;
    }
    const spdi = parseSpdi(spdiText);
    if (!spdi) throw new InputError(`not a sequence-form SPDI: "${spdiText}"`, { file, line: no, field: 'Canonical SPDI' });
    const seq = refseqChromosome(spdi.sequence);
    if (!seq) {
      skip.add('not_a_chromosome_accession');
      continue;
    }
    if (!/^[ACGTN]*$/.test(spdi.deleted + spdi.inserted)) {
      skip.add('ambiguous_base');
      continue;
    }
    if (spdi.deleted === spdi.inserted) {
      skip.add('no_change');
      continue;
    }
    // chrM's accession is the same in both assemblies; the export is per assembly, so follow the others
    const assembly = seq.assembly ?? (assemblies.size === 1 ? [...assemblies][0] : 'GRCh38');
    assemblies.add(assembly);
    const alleles = spdiToAlleles(spdi);
    const { ref, alt } = alleles;
    let { pos } = alleles;
    let chrom = seq.chrom;
    const xPos = chrom === 'chrY' ? yParToX(pos, assembly) : undefined;
    if (xPos !== undefined) {
      chrom = 'chrX';
      pos = xPos;
      parMoved++;
    }
    if (ref === '' || alt === '') anchorless++;
    const reviewStatus = normalizeReviewStatus(cells[col.review]);
    const rec: ClinvarRecord = {
      chrom,
      pos,
      ref,
      alt,
      assembly,
      significance: clinicalSignificance(cells[col.sig].replace(/\(.*\)\s*$/, '')),
      reviewStatus,
      stars: reviewStars(reviewStatus),
      source,
    };
    const id = cells[col.id].trim();
    const gene = col.gene === undefined ? '' : cells[col.gene].split('|')[0].trim();
    const protein = col.protein === undefined ? '' : cells[col.protein].trim();
    if (id) rec.variationId = id;
    if (gene) rec.geneSymbol = gene;
    if (protein) rec.proteinChange = protein;
    records.push(rec);
  }
  const notes = [`${anchorless} pure insertions/deletions kept in the anchorless form (empty REF or ALT; pos = first changed base, or the base an insertion precedes)`];
  if (parMoved) notes.push(`${parMoved} chrY pseudoautosomal variants moved to their chrX position, where callers place them`);
  return { records, skipped: skip.counts, assembly: assemblies.size === 1 ? [...assemblies][0] : undefined, notes };
}
