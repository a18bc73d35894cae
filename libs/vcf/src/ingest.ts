import type { Variant } from '@rarerank/case-model';
import { chromRank } from '@rarerank/genes';
import { InputError, scanLines } from '@rarerank/io';
import { DEFAULT_LIMITS, type IngestOptions, type IngestResult, type IngestStats } from './types';
import { feedPrescanned } from './prescan';
import { newIngestState, VcfReader } from './vcf-reader';

/**
 * The ingest stage: VCF(s) (+ pedigree) → one Variant per ALT allele carried by the proband or a
 * genotyped family member, normalized (split, trimmed, 'chrN', GRCh38), genotype-QC-flagged,
 * sorted in karyotype order. Files are streamed; several files (per chromosome, or SNVs and
 * indels apart) must have the same samples and are read one after the other.
 */
export async function ingestVcfs(opts: IngestOptions): Promise<IngestResult> {
  if (opts.vcfs.length === 0) throw new InputError('no VCF given', { file: '(none)' });
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const state = newIngestState(opts);
  const stats = state.stats;
  for (const file of opts.vcfs) {
    const reader = new VcfReader(file, state);
    const pre = await opts.prescanned?.(file);
    if (pre) {
      const n = feedPrescanned(pre, reader.onLine);
      reader.addPrescanned(pre.prefiltered, pre.lines, n);
      reader.finish(pre.lines);
    } else reader.finish(await scanLines(file, limits, reader.onLine));
    stats.files++;
    opts.onProgress?.(state.linesRead);
  }
  const setup = state.setup!;
  // One empty file among several (e.g. a chrY file of a female) is a warning; no records at all is a mistake.
  if (stats.records === 0) {
    const which = opts.vcfs.length === 1 ? 'the VCF has' : `none of the ${opts.vcfs.length} VCFs has`;
    throw new InputError(`${which} no variant records (header only): give the proband's calls, or no VCF for a phenotype-only analysis`, { file: opts.vcfs[0], field: 'records' });
  }
  if (stats.unlifted > 0) {
    state.warnings.push(`${stats.unlifted} GRCh37 allele(s) could not be lifted to GRCh38 (or were lifted where GRCh37 and GRCh38 differ) and were dropped, e.g. ${state.unliftedExamples.join('; ')}`);
  }
  const variants = sortAndDedupe(state.variants, stats, setup.proband);
  if (stats.duplicates > 0) {
    const why = setup.assembly === 'GRCh37' ? ' (after lifting: duplicated GRCh37 regions can map to one GRCh38 region)' : '';
    state.warnings.push(`${stats.duplicates} allele(s) appeared more than once at the same position with the same alleles${why}; the first was kept`);
  }
  return { variants, samples: setup.samples, proband: setup.proband, genotyped: setup.genotyped, assembly: setup.assembly, stats, warnings: state.warnings };
}

/**
 * Reads the VCF(s) through the same checks as ingestVcfs (header, samples, proband/PED, columns,
 * REF/ALT, GT, sort order, contig lengths, gzip limits) without keeping variants, so memory stays
 * flat on a whole genome. Throws the same InputError ingest would; returns the counts.
 */
export async function validateVcfs(opts: Omit<IngestOptions, 'validateOnly' | 'keepRegion'>): Promise<Omit<IngestResult, 'variants'>> {
  const result: Partial<IngestResult> = await ingestVcfs({ ...opts, validateOnly: true });
  delete result.variants;
  return result as Omit<IngestResult, 'variants'>;
}

const ranks = new Map<string, number>();
function rank(chrom: string): number {
  let r = ranks.get(chrom);
  if (r === undefined) ranks.set(chrom, (r = chromRank(chrom)));
  return r;
}

function compare(a: Variant, b: Variant): number {
  if (a.chrom !== b.chrom) return rank(a.chrom) - rank(b.chrom) || (a.chrom < b.chrom ? -1 : 1);
  return a.pos - b.pos || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0) || (a.alt < b.alt ? -1 : a.alt > b.alt ? 1 : 0);
}

/** Sorts only when needed (a lift or several files can reorder), then drops exact repeats. */
function sortAndDedupe(variants: Variant[], stats: IngestStats, proband: string): Variant[] {
  let sorted = true;
  for (let i = 1; i < variants.length && sorted; i++) if (compare(variants[i - 1], variants[i]) > 0) sorted = false;
  if (!sorted) variants.sort(compare);
  let w = 0;
  for (let i = 0; i < variants.length; i++) {
    const v = variants[i];
    const prev = w > 0 ? variants[w - 1] : undefined;
    if (prev && prev.pos === v.pos && prev.chrom === v.chrom && prev.ref === v.ref && prev.alt === v.alt) {
      stats.duplicates++;
      stats.kept--;
      if (!v.genotypes[proband].passedQc) stats.failedQc--;
      continue;
    }
    variants[w++] = v;
  }
  variants.length = w;
  return variants;
}
