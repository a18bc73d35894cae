import path from 'node:path';
import { InputError } from '@rarerank/io';
import { assemblyFromFileName, assemblyFromVcfHeader } from './assembly';
import { ucscChrom } from './chrom';
import { clinicalSignificance, normalizeReviewStatus, reviewStars } from './clinvar-classification';
import { SkipCounter } from './skip-counter';
import type { Assembly, ClinvarRecord, ReadResult } from './types';
import { collect, type RecordStream } from './record-stream';
import { ByteSite } from './byte-site';
import { siteRecords } from './site-records';
import { openVcfText, requireInfoDeclarations, type VcfHeader } from './vcf';

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
 * The official ClinVar VCF (clinvar.vcf.gz / clinvar_YYYYMMDD.vcf.gz of either assembly), streamed:
 * CLNSIG → significance, CLNREVSTAT → review status and stars, ID → VariationID, GENEINFO → first
 * gene symbol, ALLELEID → alleleId, CLNDN → diseaseNames. Records without CLNSIG (as in
 * INFO-stripped copies) are kept with significance 'other', review status 'unknown' and 0 stars,
 * so positions and VariationIDs stay usable; the count is in the summary's notes. Records with ALT
 * '.' (ClinVar lists reference-allele assertions so) are skipped. The INFO keys are read in place
 * from the line's bytes (`ByteSite`, as for gnomAD), not parsed whole: a release has ~3M records
 * with ~15 keys each; the spec checks the values equal those of a parsed record on every mirror
 * file and on UTF-8 and percent-encoded text.
 */
export async function streamClinvarVcf(file: string, opts: { assembly?: Assembly } = {}): Promise<RecordStream<ClinvarRecord>> {
  const { header, text } = await openVcfText(file);
  const assembly = vcfAssembly(file, header, opts.assembly);
  requireInfoDeclarations(header, { ALLELEID: { number: ['1'], type: ['Integer', 'String'] } });
  const source = path.basename(file);
  const skip = new SkipCounter();
  let unclassified = 0;
  const stream = siteRecords<ClinvarRecord>(file, text, new ByteSite(header), (v, no, out) => {
    const chrom = ucscChrom(v.chrom);
    if (!chrom) {
      skip.add('non_primary_contig');
      return;
    }
    if (!v.alts.length) {
      skip.add('no_alt');
      return;
    }
    const clnsig = v.str('CLNSIG');
    if (clnsig === undefined) unclassified++;
    const reviewStatus = normalizeReviewStatus(v.str('CLNREVSTAT'));
    const significance = clinicalSignificance(clnsig);
    const gene = v.str('GENEINFO')?.split('|')[0]?.split(':')[0];
    const alleleId = v.str('ALLELEID');
    const diseaseNames = v.str('CLNDN');
    for (const alt of v.alts) {
      if (!/^[ACGTN]+$/i.test(alt)) {
        skip.add('symbolic_alt');
        continue;
      }
      const rec: ClinvarRecord & { line: number } = { chrom, pos: v.pos, ref: v.ref.toUpperCase(), alt: alt.toUpperCase(), assembly, significance, reviewStatus, stars: reviewStars(reviewStatus), source, line: no };
      if (v.id) rec.variationId = v.id.split(';')[0];
      if (gene) rec.geneSymbol = gene;
      if (alleleId) rec.alleleId = alleleId;
      if (diseaseNames) rec.diseaseNames = diseaseNames;
      out.push(rec);
    }
  });
  const summary = () => {
    const notes: string[] = [];
    if (unclassified) notes.push(`${unclassified} records carry no CLNSIG (INFO stripped?): kept with significance 'other', review status 'unknown', 0 stars`);
    const version = isoDate(header.simple.get('fileDate'));
    return { skipped: skip.counts, version, versionFrom: version ? ('header' as const) : undefined, assembly, notes };
  };
  return { ...stream, summary };
}

/** Reads a whole official ClinVar VCF into memory (excerpts; the KB build streams it into a variant store). */
export async function readClinvarVcf(file: string, opts: { assembly?: Assembly } = {}): Promise<ReadResult<ClinvarRecord>> {
  return collect(await streamClinvarVcf(file, opts));
}
