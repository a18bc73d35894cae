import path from 'node:path';
import { InputError } from '@rarerank/io';
import { ucscChrom } from './chrom';
import { clinicalSignificance, normalizeReviewStatus, reviewStars } from './clinvar-classification';
import { vcfAssembly } from './clinvar-vcf';
import { SkipCounter } from './skip-counter';
import type { Assembly, ClinvarRecord, ReadResult } from './types';
import { infoString, openVcf } from './vcf';

/**
 * The MacArthur lab's ClinVar VCF (macarthur-lab/clinvar, one record per allele):
 * CLINICAL_SIGNIFICANCE lists every submitted class ('Benign|Likely_benign|not_provided'),
 * aggregated here by ClinVar's rule (see `clinicalSignificance`); REVIEW_STATUS uses '..' for
 * ', '; MEASURESET_ID is ClinVar's VariationID; SYMBOL the gene. Records with MUT=REF (the
 * asserted allele is the reference base, so carriers of ALT do not carry it) are skipped.
 */
export async function readClinvarMacarthurVcf(file: string, opts: { assembly?: Assembly } = {}): Promise<ReadResult<ClinvarRecord>> {
  const { header, lines } = await openVcf(file);
  for (const key of ['CLINICAL_SIGNIFICANCE', 'REVIEW_STATUS']) {
    if (!header.info.has(key)) throw new InputError(`not a MacArthur-lab ClinVar VCF: no ##INFO ${key} in the header`, { file, field: key });
  }
  const assembly = vcfAssembly(file, header, opts.assembly);
  const source = path.basename(file);
  const skip = new SkipCounter();
  const records: ClinvarRecord[] = [];
  for await (const { variant: v } of lines) {
    const chrom = ucscChrom(v.CHROM ?? '');
    if (!chrom) {
      skip.add('non_primary_contig');
      continue;
    }
    if (infoString(header, v.INFO, 'MUT') === 'REF') {
      skip.add('asserted_allele_is_ref');
      continue;
    }
    const alts = v.ALT ?? [];
    if (alts.length !== 1 || !/^[ACGTN]+$/i.test(alts[0])) {
      skip.add(alts.length === 0 ? 'no_alt' : alts.length > 1 ? 'multi_allelic' : 'symbolic_alt');
      continue;
    }
    const reviewStatus = normalizeReviewStatus(infoString(header, v.INFO, 'REVIEW_STATUS'));
    const rec: ClinvarRecord = {
      chrom,
      pos: v.POS,
      ref: v.REF!.toUpperCase(),
      alt: alts[0].toUpperCase(),
      assembly,
      significance: clinicalSignificance(infoString(header, v.INFO, 'CLINICAL_SIGNIFICANCE')),
      reviewStatus,
      stars: reviewStars(reviewStatus),
      source,
    };
    const id = infoString(header, v.INFO, 'MEASURESET_ID');
    const gene = infoString(header, v.INFO, 'SYMBOL');
    if (id) rec.variationId = id;
    if (gene) rec.geneSymbol = gene;
    records.push(rec);
  }
  const date = /\d{4}-\d{2}-\d{2}/.exec(path.basename(file))?.[0];
  return {
    records,
    skipped: skip.counts,
    version: date,
    versionFrom: date ? 'file name' : undefined,
    assembly,
    notes: ['significance aggregated from all submitted classes: differing tiers (P/LP vs VUS vs B/LB) → conflicting'],
  };
}
