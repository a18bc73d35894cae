import type { Pedigree } from '@rarerank/case-model';
import { InputError } from '@rarerank/io';
import { assemblyEvidence } from './assembly';
import type { VcfHeader } from './header';
import type { Assembly, IngestOptions, Sex } from './types';

/** Who is genotyped and how, decided from the first file's header and the options. */
export interface CaseSetup {
  samples: string[];
  proband: string;
  /** proband first, then pedigree members present in the VCF */
  genotyped: string[];
  sex: Map<string, Sex>;
  assembly: Assembly;
}

const list = (ids: string[]) => (ids.length > 8 ? `${ids.slice(0, 8).join(', ')} … (${ids.length})` : ids.join(', '));

export function setupCase(header: VcfHeader, opts: IngestOptions, warnings: string[]): CaseSetup {
  const { file, samples } = header;
  if (samples.length === 0) throw new InputError('the VCF has no sample columns (a sites-only VCF has no genotypes)', { file });
  const ped: Pedigree | undefined = opts.pedigree;
  if (opts.proband && ped && opts.proband !== ped.proband) {
    throw new InputError(`the proband given (${opts.proband}) is not the PED's proband (${ped.proband})`, { file, field: 'proband' });
  }
  const inVcf = new Set(samples);
  if (ped && !ped.members.some((m) => inVcf.has(m.id))) {
    throw new InputError(`the PED and the VCF share no individual (PED: ${list(ped.members.map((m) => m.id))}; VCF: ${list(samples)})`, { file });
  }
  const proband = opts.proband ?? ped?.proband ?? (samples.length === 1 ? samples[0] : undefined);
  if (proband === undefined) {
    throw new InputError(`the VCF has ${samples.length} samples (${list(samples)}): name the proband`, { file, field: 'proband' });
  }
  if (!inVcf.has(proband)) throw new InputError(`proband ${proband} is not a sample of the VCF (samples: ${list(samples)})`, { file, field: 'proband' });

  const genotyped = [proband];
  const sex = new Map<string, Sex>();
  for (const m of ped?.members ?? []) {
    sex.set(m.id, m.sex);
    if (m.id !== proband && inVcf.has(m.id)) genotyped.push(m.id);
  }
  const missing = (ped?.members ?? []).filter((m) => !inVcf.has(m.id)).map((m) => m.id);
  if (missing.length) warnings.push(`PED members without genotypes in the VCF: ${list(missing)}`);

  const pedSex = sex.get(proband) ?? 'UNKNOWN';
  const given = opts.probandSex ?? 'UNKNOWN';
  if (given !== 'UNKNOWN' && pedSex !== 'UNKNOWN' && given !== pedSex) {
    warnings.push(`proband sex ${given} contradicts the PED (${pedSex}); using ${given}`);
  }
  sex.set(proband, given !== 'UNKNOWN' ? given : pedSex);

  return { samples, proband, genotyped, sex, assembly: resolveAssembly(header, opts.assembly, warnings) };
}

/**
 * The input assembly: the caller's declaration, else the header's contig lengths, else its
 * ##reference-style names, else GRCh38 (with a warning). Contig lengths that contradict the
 * declaration, the header's own names, or each other are an InputError: coordinates would be
 * silently wrong otherwise.
 */
export function resolveAssembly(header: VcfHeader, declared: Assembly | undefined, warnings: string[]): Assembly {
  const file = header.file;
  const ev = assemblyEvidence(header.metaLines);
  if (ev.lengthConflict) {
    throw new InputError(`the header mixes contigs of GRCh37 and GRCh38 (lengths): ${ev.lengthConflict.slice(0, 100)}`, { file, field: 'contig' });
  }
  if (ev.byLength && ev.byName && ev.byLength !== ev.byName) {
    throw new InputError(`the header's contig lengths are ${ev.byLength} but it names ${ev.byName} (${ev.nameSource!.slice(0, 100)})`, { file, field: 'contig' });
  }
  const fromHeader = ev.byLength ?? ev.byName;
  if (declared && fromHeader && declared !== fromHeader) {
    const what = ev.byLength ? 'contig lengths are' : `header names ${ev.nameSource!.slice(0, 80)}:`;
    throw new InputError(`the case is ${declared} but the VCF's ${what} ${fromHeader}`, { file, field: ev.byLength ? 'contig' : 'reference' });
  }
  if (declared) return declared;
  if (fromHeader) return fromHeader;
  warnings.push(`${file}: the header names no assembly (no ##reference or ##contig lengths); assumed GRCh38`);
  return 'GRCh38';
}
