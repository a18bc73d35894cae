import path from 'node:path';
import { InputError } from '@rarerank/io';
import { assemblyFromFileName, assemblyFromVcfHeader } from './assembly';
import { ucscChrom } from './chrom';
import { clinicalSignificance, normalizeReviewStatus, reviewStars } from './clinvar-classification';
import { SkipCounter } from './skip-counter';
import type { Assembly, ClinvarRecord, ReadResult } from './types';
import { infoString, openVcf, type VcfHeader } from './vcf';

/** Header first; an explicit option only fills in for a header that says nothing (and must not contradict it). */
export function vcfAssembly(file: string, header: VcfHeader, explicit?: Assembly): Assembly {
  const stated = assemblyFromVcfHeader(header.metaLines);
  if (stated && explicit && stated !== explicit) throw new InputError(`the header says ${stated}, but ${explicit} was requested`, { file });
  const assembly = stated ?? explicit ?? assemblyFromFileName(file);
  if (!assembly) throw new InputError('the assembly is stated neither in the header (##reference, ##contig) nor in the file name: pass it explicitly', { file });
  return assembly;
}

/** `##fileDate=20230710` or `2023-07-10` → '2023-07-10'. */
export function isoDate(text: string | undefined): string | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text?.trim() ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * The official ClinVar VCF (clinvar.vcf.gz of either assembly): CLNSIG → significance,
 * CLNREVSTAT → review status and stars, ID → VariationID, GENEINFO → first gene symbol.
 * Records without CLNSIG (as in INFO-stripped copies) are kept with significance 'other',
 * review status 'unknown' and 0 stars, so positions and VariationIDs stay usable; the count is
 * in `notes`. Records with ALT '.' (ClinVar lists reference-allele assertions so) are skipped.
 */
export async function readClinvarVcf(file: string, opts: { assembly?: Assembly } = {}): Promise<ReadResult<ClinvarRecord>> {
  const { header, lines } = await openVcf(file);
  const assembly = vcfAssembly(file, header, opts.assembly);
  const source = path.basename(file);
  const skip = new SkipCounter();
  const records: ClinvarRecord[] = [];
  let unclassified = 0;
  for await (const { variant: v } of lines) {
    const chrom = ucscChrom(v.CHROM ?? '');
    if (!chrom) {
      skip.add('non_primary_contig');
      continue;
    }
    if (!v.ALT?.length) {
      skip.add('no_alt');
      continue;
    }
    const clnsig = infoString(header, v.INFO, 'CLNSIG');
    if (clnsig === undefined) unclassified++;
    const reviewStatus = normalizeReviewStatus(infoString(header, v.INFO, 'CLNREVSTAT'));
    const significance = clinicalSignificance(clnsig);
    const gene = infoString(header, v.INFO, 'GENEINFO')?.split('|')[0]?.split(':')[0];
    for (const alt of v.ALT) {
      if (!/^[ACGTN]+$/i.test(alt)) {
        skip.add('symbolic_alt');
        continue;
      }
      const rec: ClinvarRecord = { chrom, pos: v.POS, ref: v.REF!.toUpperCase(), alt: alt.toUpperCase(), assembly, significance, reviewStatus, stars: reviewStars(reviewStatus), source };
      if (v.ID?.[0]) rec.variationId = v.ID[0];
      if (gene) rec.geneSymbol = gene;
      records.push(rec);
    }
  }
  const notes: string[] = [];
  if (unclassified) notes.push(`${unclassified} records carry no CLNSIG (INFO stripped?): kept with significance 'other', review status 'unknown', 0 stars`);
  const version = isoDate(header.simple.get('fileDate'));
  return { records, skipped: skip.counts, version, versionFrom: version ? 'header' : undefined, assembly, notes };
}
