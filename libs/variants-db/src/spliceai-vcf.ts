import { InputError } from '@rarerank/io';
import { ucscChrom } from './chrom';
import { isoDate, vcfAssembly } from './clinvar-vcf';
import type { SpliceAiRecord } from './predictor-records';
import { collect, maxOfRepeats, type RecordStream } from './record-stream';
import { parseScore } from './score-fields';
import { SkipCounter } from './skip-counter';
import type { Assembly, ReadResult } from './types';
import { openVcf, type VcfHeader } from './vcf';

const DS_FIELDS = ['DS_AG', 'DS_AL', 'DS_DG', 'DS_DL'];
const DEFAULT_FORMAT = ['ALLELE', 'SYMBOL', ...DS_FIELDS, 'DP_AG', 'DP_AL', 'DP_DG', 'DP_DL'];

/** Where ALLELE, SYMBOL and the four DS fields sit, from the INFO description's "Format: A|B|…" (SpliceAI writes it). */
function entryLayout(header: VcfHeader): { allele: number; symbol: number; ds: number[]; width: number } {
  const decl = header.info.get('SpliceAI');
  if (!decl) throw new InputError('not a SpliceAI VCF: no ##INFO=<ID=SpliceAI,…> declaration in the header', { file: header.file });
  const stated = /Format:\s*([A-Za-z_|]+)/.exec(decl.description)?.[1].split('|');
  const format = stated && stated.length > 1 ? stated : DEFAULT_FORMAT;
  const at = (name: string) => {
    const i = format.indexOf(name);
    if (i < 0) throw new InputError(`the SpliceAI INFO format "${format.join('|')}" has no ${name}`, { file: header.file });
    return i;
  };
  return { allele: at('ALLELE'), symbol: at('SYMBOL'), ds: DS_FIELDS.map(at), width: format.length };
}

/**
 * SpliceAI's VCF: the precomputed releases (spliceai_scores.raw|masked.snv|indel.hg38|hg19.vcf.gz)
 * and the tool's own output. INFO `SpliceAI=ALLELE|SYMBOL|DS_AG|DS_AL|DS_DG|DS_DL|DP_…`, one
 * comma-separated entry per (ALT, gene). Per ALT we keep the highest delta score over its four
 * DS values and all its genes: the usual reading of "the SpliceAI score" (≥ 0.2 splice-altering).
 * Entries the tool could not score ('.' scores) and records without the key are counted in
 * `skipped`; consecutive lines of the same allele are merged (max).
 */
export async function streamSpliceAiVcf(file: string, opts: { assembly?: Assembly } = {}): Promise<RecordStream<SpliceAiRecord>> {
  const { header, lines } = await openVcf(file);
  const layout = entryLayout(header);
  const assembly = vcfAssembly(file, header, opts.assembly);
  const skip = new SkipCounter();
  let merged = 0;
  async function* raw(): AsyncGenerator<SpliceAiRecord & { line: number }> {
    for await (const { no, variant: v } of lines) {
      const chrom = ucscChrom(v.CHROM ?? '');
      if (!chrom) {
        skip.add('non_primary_contig');
        continue;
      }
      const alts = (v.ALT ?? []).map((a) => a.toUpperCase());
      const entries = v.INFO.SpliceAI;
      if (!alts.length || !Array.isArray(entries) || !entries.length) {
        skip.add(alts.length ? 'no_spliceai_entry' : 'no_alt');
        continue;
      }
      const best = new Map<string, { score: number; gene: string }>();
      for (const entry of entries) {
        const f = String(entry ?? '').split('|');
        if (f.length !== layout.width) throw new InputError(`SpliceAI entry "${entry}" has ${f.length} |-separated fields, the header's format ${layout.width}`, { file, line: no, field: 'SpliceAI' });
        const allele = f[layout.allele].toUpperCase();
        if (!alts.includes(allele)) throw new InputError(`SpliceAI entry for allele ${allele}, which is not an ALT of the record (${alts.join(',')})`, { file, line: no, field: 'SpliceAI' });
        if (layout.ds.every((i) => f[i] === '.')) {
          skip.add('not_scored_entry');
          continue;
        }
        let score = 0;
        for (const i of layout.ds) score = Math.max(score, parseScore(f[i], { file, line: no, field: 'SpliceAI' }, [0, 1]));
        const cur = best.get(allele);
        if (!cur || score > cur.score) best.set(allele, { score, gene: f[layout.symbol] });
      }
      for (const alt of alts) {
        const b = best.get(alt);
        if (!b) continue;
        if (!/^[ACGTN]+$/.test(alt)) {
          skip.add('symbolic_alt');
          continue;
        }
        yield { chrom, pos: v.POS, ref: v.REF!.toUpperCase(), alt, spliceAiMax: b.score, gene: b.gene, line: no };
      }
    }
  }
  const summary = () => {
    const notes = ['spliceAiMax = max(DS_AG, DS_AL, DS_DG, DS_DL) over every gene entry of the allele'];
    if (merged) notes.push(`${merged} lines repeated an allele already read (another gene): merged, max kept`);
    const toolVersion = /SpliceAI\s*v?(\d+(?:\.\d+)+)/i.exec(header.info.get('SpliceAI')!.description)?.[1];
    const date = isoDate(header.simple.get('fileDate'));
    const version = [toolVersion && `v${toolVersion}`, date].filter(Boolean).join(', ') || undefined;
    return { skipped: skip.counts, version, versionFrom: version ? ('header' as const) : undefined, assembly, notes };
  };
  return { records: maxOfRepeats(raw(), 'spliceAiMax', () => merged++), summary };
}

/** Reads a whole SpliceAI VCF into memory (excerpts; a full release goes through the variant store). */
export async function readSpliceAiVcf(file: string, opts: { assembly?: Assembly } = {}): Promise<ReadResult<SpliceAiRecord>> {
  return collect(await streamSpliceAiVcf(file, opts));
}
