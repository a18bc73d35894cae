import path from 'node:path';
import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import { assemblyFromFileName } from './assembly';
import { ucscChrom } from './chrom';
import { SkipCounter } from './skip-counter';
import type { Assembly, FrequencyRecord, ReadResult } from './types';

interface Dosage {
  line: number;
  dosage: number;
  ref?: string;
  alts?: string[];
  id?: string;
  used: boolean;
}

// 'chr1:1055000' or 'chr1:874496_A/G_rs57181708' (ALT may list several alleles: 'C/G,T')
const KEY = /^([^:\s]+):(\d+)(?:_([ACGTN]+)\/([ACGTN]+(?:,[ACGTN]+)*)(?:_(\S+))?)?$/i;

async function readDosages(file: string): Promise<Map<string, Dosage>> {
  const out = new Map<string, Dosage>();
  for await (const { no, text } of readLines(file, REFERENCE_TEXT_LIMITS)) {
    if (text === '' || text.startsWith('#')) continue;
    const cells = text.split('\t');
    if (cells.length !== 2) throw new InputError(`expected 2 tab-separated columns (site, dosage), found ${cells.length}`, { file, line: no });
    const m = KEY.exec(cells[0]);
    if (!m) throw new InputError(`site is not chr:pos or chr:pos_REF/ALT_ID: "${cells[0]}"`, { file, line: no, field: 'site' });
    const dosage = Number(cells[1]);
    if (cells[1].trim() === '' || !Number.isFinite(dosage) || dosage < 0 || dosage > 2) {
      throw new InputError(`dosage must be a number in [0, 2]: "${cells[1]}"`, { file, line: no, field: 'dosage' });
    }
    const key = `${m[1]}:${m[2]}`;
    if (out.has(key)) throw new InputError(`site ${key} listed twice (first on line ${out.get(key)!.line})`, { file, line: no });
    out.set(key, { line: no, dosage, ref: m[3]?.toUpperCase(), alts: m[4]?.toUpperCase().split(','), id: m[5], used: false });
  }
  return out;
}

/**
 * 1000 Genomes allele frequencies in VerifyBamID's resource format: a BED of biallelic sites
 * (chrom, start, end, REF, ALT) and a dosage table (site key, mean ALT dosage over the 2,504
 * samples). AF = dosage / 2; there are no population columns, so afPopmax = AF. Where the dosage
 * key spells alleles it must agree with the BED (the BED's ALT is one of the key's ALTs at the few
 * multi-allelic sites). Sites on alt contigs are skipped.
 */
export async function read1000gDosage(sitesBed: string, dosageTsv: string, opts: { assembly?: Assembly } = {}): Promise<ReadResult<FrequencyRecord>> {
  const dosages = await readDosages(dosageTsv);
  const skip = new SkipCounter();
  const records: FrequencyRecord[] = [];
  const file = sitesBed;
  for await (const { no, text } of readLines(file, REFERENCE_TEXT_LIMITS)) {
    if (text === '' || text.startsWith('#') || text.startsWith('track') || text.startsWith('browser')) continue;
    const c = text.split('\t');
    if (c.length < 5) throw new InputError(`expected 5 tab-separated columns (chrom, start, end, REF, ALT), found ${c.length}`, { file, line: no });
    if (!/^\d+$/.test(c[1])) throw new InputError(`start is not a non-negative integer: "${c[1]}"`, { file, line: no, field: 'start' });
    if (!/^\d+$/.test(c[2])) throw new InputError(`end is not a non-negative integer: "${c[2]}"`, { file, line: no, field: 'end' });
    const ref = c[3].toUpperCase();
    const alt = c[4].toUpperCase();
    if (!/^[ACGTN]+$/.test(ref) || !/^[ACGTN]+$/.test(alt)) throw new InputError(`alleles must be bases: "${c[3]}" "${c[4]}"`, { file, line: no });
    const pos = Number(c[1]) + 1;
    const d = dosages.get(`${c[0]}:${pos}`);
    if (!d) {
      skip.add('no_dosage');
      continue;
    }
    d.used = true;
    if ((d.ref && d.ref !== ref) || (d.alts && !d.alts.includes(alt))) {
      throw new InputError(`alleles ${ref}>${alt} of ${c[0]}:${pos} disagree with the sites file line ${no}`, { file: dosageTsv, line: d.line });
    }
    const chrom = ucscChrom(c[0]);
    if (!chrom) {
      skip.add('non_primary_contig');
      continue;
    }
    const af = d.dosage / 2;
    const rec: FrequencyRecord = { chrom, pos, ref, alt, af, afPopmax: af };
    if (d.id) rec.id = d.id;
    records.push(rec);
  }
  const orphans = [...dosages.values()].filter((d) => !d.used).length;
  if (orphans) skip.add('dosage_without_site', orphans);
  const phase = /phase\s*[._-]?\s*(\d)/i.exec(path.basename(sitesBed));
  return {
    records,
    skipped: skip.counts,
    version: phase ? `phase ${phase[1]}` : undefined,
    versionFrom: phase ? 'file name' : undefined,
    assembly: opts.assembly ?? assemblyFromFileName(sitesBed),
    notes: ['AF = mean ALT dosage / 2 over all samples; no population groups, so afPopmax = AF'],
  };
}
