import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { caseTruth } from './case-truth';
import { everyNth, listPhenopackets } from './run-bench';
import { mergeSorted, spikedLines } from './spike';
import { readDataLines, vcfHeader } from './vcf-lines';

export interface CorpusOptions {
  phenopacketDir: string;
  background: string;
  out: string;
  every: number;
  offset?: number;
  limit?: number;
}

export interface CorpusReport {
  /** file stems written: <out>/phenopackets/<stem>.json and <out>/vcf/<stem>.vcf.gz */
  written: string[];
  skipped: Array<{ file: string; why: string }>;
}

/**
 * A corpus laid out as PhEval expects (`phenopackets/` + `vcf/`, one stem per case): each selected
 * phenopacket as published (PhEval reads the truth from it) and the background exome with the
 * case's causal variants spiked in, exactly as `rarerank bench --faithful` builds it. Cases with no
 * spikeable causal variant are skipped, as the benchmark's VCF mode skips them.
 */
export async function writeCorpus(opts: CorpusOptions): Promise<CorpusReport> {
  let files = everyNth(listPhenopackets(opts.phenopacketDir), opts.every, opts.offset ?? 0);
  if (opts.limit) files = files.slice(0, opts.limit);
  const header = await vcfHeader(opts.background);
  const sampleCount = header.at(-1)!.split('\t').length - 9;
  const background = await readDataLines(opts.background);
  mkdirSync(path.join(opts.out, 'phenopackets'), { recursive: true });
  mkdirSync(path.join(opts.out, 'vcf'), { recursive: true });
  const report: CorpusReport = { written: [], skipped: [] };
  const stems = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const truth = caseTruth(JSON.parse(text));
    if (truth.variants.length === 0) {
      report.skipped.push({ file, why: `no spikeable causal variant (${truth.unspikeable[0] ?? 'none listed'})` });
      continue;
    }
    const stem = path.basename(file, '.json');
    if (stems.has(stem)) {
      report.skipped.push({ file, why: `a case named ${stem} is already in the corpus` });
      continue;
    }
    const vcf = [...header, ...mergeSorted(background, spikedLines(truth, sampleCount))].join('\n') + '\n';
    writeFileSync(path.join(opts.out, 'vcf', `${stem}.vcf.gz`), gzipSync(vcf));
    writeFileSync(path.join(opts.out, 'phenopackets', `${stem}.json`), text);
    stems.add(stem);
    report.written.push(stem);
  }
  return report;
}
