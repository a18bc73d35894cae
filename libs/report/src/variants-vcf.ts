import { writeFile } from 'node:fs/promises';
import { criterionCode } from './acmg-text';
import type { CaseResult, CaseVariantResult } from './case-result';
import { compareContigs, GRCH38_CONTIGS } from './grch38-contigs';
import { formatNumber } from './round-number';
import { evidenceFromText } from './variants-tsv';

/** The INFO fields RareRank adds; pipe-separated fields list their parts in the Description. */
const INFO_HEADERS = [
  '##INFO=<ID=RARERANK_RANK,Number=1,Type=Integer,Description="Rank of the variant among all ranked variants of the case (1 = best)">',
  '##INFO=<ID=RARERANK_GENE,Number=1,Type=String,Description="Gene symbol the variant was ranked for">',
  '##INFO=<ID=RARERANK_GENE_RANK,Number=1,Type=Integer,Description="Rank of that gene among the ranked genes">',
  '##INFO=<ID=RARERANK_SCORE,Number=1,Type=Float,Description="Variant score in [0,1] (frequency x pathogenicity)">',
  '##INFO=<ID=RARERANK_CSQ,Number=1,Type=String,Description="Consequence on the reporting transcript. Format: Consequence|Transcript|HGVSc|HGVSp">',
  '##INFO=<ID=RARERANK_ACMG,Number=1,Type=String,Description="Automated ACMG/AMP assessment. Format: Class|Points|Criteria (criteria joined by &)">',
  '##INFO=<ID=RARERANK_ZYGOSITY,Number=1,Type=String,Description="Zygosity in the proband">',
  '##INFO=<ID=RARERANK_AF,Number=1,Type=Float,Description="Highest population allele frequency over the frequency sources (absent when not seen)">',
  '##INFO=<ID=RARERANK_CLINVAR,Number=1,Type=String,Description="ClinVar clinical significance">',
  '##INFO=<ID=RARERANK_EVIDENCE_FROM,Number=1,Type=String,Description="Where each piece of evidence came from, kind:kb or kind:input (the input VCF\'s own annotations), joined by &">',
  '##INFO=<ID=RARERANK_CONTRIBUTING,Number=0,Type=Flag,Description="Part of its gene\'s best-scoring genotype">',
];

/**
 * Percent-encodes what may not appear inside an INFO value (whitespace, ; = , %, and our own
 * | & separators), the encoding VCF 4.3 standardised and parsers such as @gmod/vcf decode.
 */
export function vcfInfoValue(s: string | undefined): string {
  if (s === undefined || s === '') return '.';
  return s.replace(/[\s;=,%|&]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function infoField(v: CaseVariantResult, geneRank: Map<string, number>): string {
  const parts = [`RARERANK_RANK=${v.rank}`];
  if (v.gene) parts.push(`RARERANK_GENE=${vcfInfoValue(v.gene)}`);
  const gr = v.gene ? geneRank.get(v.gene) : undefined;
  if (gr !== undefined) parts.push(`RARERANK_GENE_RANK=${gr}`);
  parts.push(`RARERANK_SCORE=${formatNumber(v.score)}`);
  parts.push(`RARERANK_CSQ=${[v.consequence, v.transcript, v.hgvsC, v.hgvsP].map((x) => vcfInfoValue(x)).join('|')}`);
  const criteria = v.acmg.criteria.map((e) => vcfInfoValue(criterionCode(e))).join('&');
  parts.push(`RARERANK_ACMG=${vcfInfoValue(v.acmg.classification)}|${formatNumber(v.acmg.points)}|${criteria || '.'}`);
  parts.push(`RARERANK_ZYGOSITY=${vcfInfoValue(v.zygosity)}`);
  if (v.frequency !== undefined) parts.push(`RARERANK_AF=${formatNumber(v.frequency)}`);
  if (v.clinvar) parts.push(`RARERANK_CLINVAR=${vcfInfoValue(v.clinvar)}`);
  const from = evidenceFromText(v.evidenceFrom);
  if (from) parts.push(`RARERANK_EVIDENCE_FROM=${from.split(',').map((x) => vcfInfoValue(x)).join('&')}`);
  if (v.contributing) parts.push('RARERANK_CONTRIBUTING');
  return parts.join(';');
}

/**
 * variants.vcf: a sites-only VCF 4.2 of the ranked variants on GRCh38, sorted by contig and
 * position, with RareRank's ranks and assessments in INFO.
 */
export function formatVariantsVcf(result: CaseResult): string {
  const geneRank = new Map(result.genes.map((g) => [g.symbol, g.rank]));
  const variants = [...result.variants].sort(
    (a, b) => compareContigs(a.chrom, b.chrom) || a.pos - b.pos || cmp(a.ref, b.ref) || cmp(a.alt, b.alt) || a.rank - b.rank,
  );
  const known = new Set(GRCH38_CONTIGS.map(([name]) => name));
  const extra = [...new Set(variants.map((v) => v.chrom).filter((c) => !known.has(c)))].sort(compareContigs);
  const lines = [
    '##fileformat=VCFv4.2',
    '##source=RareRank',
    '##reference=GRCh38',
    `##rarerank_case=${headerValue(result.caseId)}`,
    `##rarerank_kb=<Built="${headerValue(result.kb.builtAt)}",HPO="${headerValue(result.kb.hpo ?? 'unknown')}">`,
    ...GRCH38_CONTIGS.map(([name, length]) => `##contig=<ID=${name},length=${length},assembly=GRCh38>`),
    ...extra.map((name) => `##contig=<ID=${name}>`),
    ...INFO_HEADERS,
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
    ...variants.map((v) => [v.chrom, v.pos, '.', v.ref, v.alt, '.', '.', infoField(v, geneRank)].join('\t')),
  ];
  return lines.join('\n') + '\n';
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Header meta values are one line and must not break the <...> / "..." structure. */
const headerValue = (s: string): string => s.replace(/[\r\n"<>]/g, '_');

export async function writeVariantsVcf(file: string, result: CaseResult): Promise<void> {
  await writeFile(file, formatVariantsVcf(result));
}
