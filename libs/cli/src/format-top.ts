import { type CaseResult, VARIANT_RANK_MEANING, VARIANT_SCORE_MEANING } from '@rarerank/report';

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** The top candidates of one case as plain text for a terminal. */
export function formatTopCandidates(r: CaseResult, top: number): string {
  const lines: string[] = [`case ${r.caseId} (${r.mode}), KB built ${r.kb.builtAt}, HPO ${r.kb.hpo ?? '?'}`];
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  if (r.mode === 'vcf') {
    lines.push('', `top genes:`);
    for (const g of r.genes.slice(0, top)) {
      lines.push(`  ${g.rank}. ${g.symbol}  score ${fmt(g.score)} (phenotype ${fmt(g.phenotypeScore)}, variant ${fmt(g.variantScore)})${g.moi ? `  ${g.moi}` : ''}${g.acmgClass ? `  ${g.acmgClass}` : ''}`);
      for (const e of g.explanation.slice(0, 4)) lines.push(`       ${e}`);
    }
    lines.push('', 'top variants:', `  (${VARIANT_RANK_MEANING};`, `   ${VARIANT_SCORE_MEANING})`);
    for (const v of r.variants.slice(0, top)) {
      const inGene = `${v.gene ?? '-'}${v.geneRank === undefined ? '' : ` (gene #${v.geneRank})`}`;
      lines.push(`  ${v.rank}. ${v.chrom}:${v.pos} ${v.ref}>${v.alt} ${inGene} ${v.hgvsC ?? ''} ${v.consequence} ${v.zygosity}  variant score ${fmt(v.score)}  ACMG ${v.acmg.classification}`);
    }
  }
  lines.push('', 'top diseases:');
  for (const d of r.diseases.slice(0, top)) {
    lines.push(`  ${d.rank}. ${d.id} ${d.name}  score ${fmt(d.score)}${d.genes.length ? `  genes ${d.genes.slice(0, 3).join(',')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
