import { excludedEffects, lrText, type TermMatch } from '@rarerank/case-model';
import { ACMG_CLASS_ORDER, acmgClassLabel, criterionCode } from './acmg-text';
import type { CaseDiseaseResult, CaseGeneResult, CaseResult, CaseVariantResult } from './case-result';
import { esc } from './html-escape';
import { fmtFrequency, fmtScore } from './report-format';
import { VARIANT_RANK_MEANING, VARIANT_SCORE_MEANING } from './variant-rank-wording';

export function acmgBadge(c: string | undefined): string {
  if (!c) return '—';
  return `<span class="badge acmg-${esc(c)}">${esc(acmgClassLabel(c as CaseGeneResult['acmgClass']))}</span>`;
}

/** The gene's class if the engine set one, else the most severe class among its contributing variants. */
function geneAcmg(g: CaseGeneResult, variants: CaseVariantResult[]): string | undefined {
  if (g.acmgClass) return g.acmgClass;
  const classes = variants.filter((v) => v.contributing).map((v) => ACMG_CLASS_ORDER.indexOf(v.acmg.classification));
  return classes.length ? ACMG_CLASS_ORDER[Math.min(...classes)] : undefined;
}

/** Genes whose phenotype score came from the mouse ortholog or the interaction network say so beside the disease. */
function evidenceNote(g: CaseGeneResult): string {
  if (g.phenotypeEvidence === 'mouse') return ' <span class="evidence">phenotype from the mouse ortholog</span>';
  if (g.phenotypeEvidence === 'interactome') return ' <span class="evidence">phenotype through interaction partners</span>';
  return '';
}

export function renderTopGenes(r: CaseResult, genes: CaseGeneResult[], byGene: Map<string, CaseVariantResult[]>, diseases: Map<string, CaseDiseaseResult>): string {
  if (!genes.length) return '<section id="top-genes"><h2>Candidate genes</h2><p class="none">No candidate genes.</p></section>';
  const rows = genes.map((g) => {
    const d = g.bestDiseaseId ? diseases.get(g.bestDiseaseId) : undefined;
    return `<tr><td class="num">${g.rank}</td><td><b>${esc(g.symbol)}</b></td><td>${esc(g.moi ?? '—')}</td>` +
      `<td class="num">${fmtScore(g.score)}</td><td class="num">${fmtScore(g.phenotypeScore)}</td><td class="num">${r.mode === 'vcf' ? fmtScore(g.variantScore) : '—'}</td>` +
      `<td>${acmgBadge(geneAcmg(g, byGene.get(g.symbol) ?? []))}</td><td>${d ? `${esc(d.name)} <span class="mono">${esc(d.id)}</span>` : esc(g.bestDiseaseId ?? '—')}${evidenceNote(g)}</td></tr>`;
  });
  return `<section id="top-genes">
<h2>Top ${genes.length} candidate genes</h2>
<table><thead><tr><th class="num">Rank</th><th>Gene</th><th>MOI</th><th class="num">Combined</th><th class="num">Phenotype</th><th class="num">Variant</th><th>ACMG class</th><th>Best-matching disease</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`;
}

function termRows(matches: TermMatch[], labels: Map<string, string>): string {
  const name = (id: string | undefined) => (id ? `${labels.has(id) ? `${esc(labels.get(id))} ` : ''}<span class="mono">${esc(id)}</span>` : '—');
  return matches
    .map((m) => `<tr><td>${name(m.patientTerm)}</td><td>${esc(m.kind)}</td><td>${name(m.diseaseTerm)}</td><td>${name(m.commonAncestor)}</td><td class="num">${fmtScore(m.contribution)}</td></tr>`)
    .join('\n');
}

function termTable(title: string, matches: TermMatch[], labels: Map<string, string>): string {
  if (!matches.length) return `<h4>${title}</h4><p class="none">none</p>`;
  return `<h4>${title} (${matches.length})</h4>
<table><thead><tr><th>Patient term</th><th>Match</th><th>Disease term</th><th>Common ancestor</th><th class="num">Contribution</th></tr></thead>
<tbody>${termRows(matches, labels)}</tbody></table>`;
}

/** What each excluded patient term did to the disease, under a heading that says which way, with its LR. */
function excludedTables(r: CaseResult, disease: CaseDiseaseResult, labels: Map<string, string>): string {
  const excluded = r.input.hpo.excluded.map((t) => t.id);
  if (!excluded.length) return '';
  const e = excludedEffects(disease, excluded);
  const name = (id: string) => `${labels.has(id) ? `${esc(labels.get(id))} ` : ''}<span class="mono">${esc(id)}</span>`;
  const table = (title: string, rows: Array<{ term: string; lr: number }>) =>
    rows.length
      ? `<h4>${title} (${rows.length})</h4><table><thead><tr><th>Absent in the patient</th><th class="num">Likelihood ratio</th></tr></thead><tbody>${rows.map((x) => `<tr><td>${name(x.term)}</td><td class="num">${esc(lrText(x.lr))}</td></tr>`).join('')}</tbody></table>`
      : '';
  return (
    table('Lowered by absent features', e.lowered) +
    table('Raised by absent features (opt-in pertinent-negative model)', e.raised) +
    (e.unchanged.length ? `<h4>Absent features with no effect (LR 1)</h4><p>${e.unchanged.map(name).join(', ')}</p>` : '')
  );
}

function variantTable(variants: CaseVariantResult[]): string {
  const rows = variants.map((v) => {
    const hgvs = [v.hgvsC, v.hgvsP].filter(Boolean).map((x) => esc(x)).join('<br>') || '—';
    const criteria = v.acmg.criteria.length
      ? `<ul>${v.acmg.criteria.map((e) => `<li><b>${esc(criterionCode(e))}</b>: ${esc(e.reason)}</li>`).join('')}</ul>`
      : '<span class="none">no criteria met</span>';
    return `<tr><td class="mono">${esc(`${v.chrom}:${v.pos} ${v.ref}>${v.alt}`)}${v.contributing ? '<br><span class="badge">contributing</span>' : ''}</td>` +
      `<td class="mono">${hgvs}</td><td>${esc(v.consequence)}</td><td>${esc(v.zygosity)}</td><td class="num">${fmtFrequency(v.frequency)}</td>` +
      `<td>${esc(v.clinvar ?? '—')}</td><td class="num">${fmtScore(v.score)}</td><td>${acmgBadge(v.acmg.classification)} (${esc(v.acmg.points)} ${Math.abs(v.acmg.points) === 1 ? 'point' : 'points'})${criteria}</td></tr>`;
  });
  return `<table><thead><tr><th>Variant (GRCh38)</th><th>HGVS</th><th>Consequence</th><th>Zygosity</th><th class="num">Pop. AF</th><th>ClinVar</th><th class="num">Variant score</th><th>ACMG/AMP (automated)</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

const sentence = (s: string) => `${s[0].toUpperCase()}${s.slice(1)}.`;
// The report lists variants under their gene, contributing ones first, so the rank wording's gene part is the section itself.
const variantOrderNote = `<p class="note">${esc(sentence(VARIANT_SCORE_MEANING))} In the variant list (results.json, variants.tsv) the ${esc(VARIANT_RANK_MEANING)}.</p>`;

/** One section per top gene: why it ranks there, the phenotype match and its variants. */
export function renderCandidate(
  r: CaseResult,
  g: CaseGeneResult,
  variants: CaseVariantResult[],
  disease: CaseDiseaseResult | undefined,
  labels: Map<string, string>,
  maxVariants: number,
): string {
  const title = `${g.rank}. ${g.symbol}${disease ? ` — ${disease.name}` : ''}`;
  const shown = [...variants.filter((v) => v.contributing), ...variants.filter((v) => !v.contributing)].slice(0, maxVariants);
  const variantPart =
    r.mode === 'vcf'
      ? `<h4>Variants (${variants.length}${variants.length > shown.length ? `, ${shown.length} shown` : ''})</h4>${shown.length ? variantOrderNote + variantTable(shown) : '<p class="none">no ranked variants in this gene</p>'}`
      : '';
  return `<section class="candidate" id="candidate-${g.rank}">
<h3>${esc(title)}</h3>
<p class="meta">Combined ${fmtScore(g.score)} · phenotype ${fmtScore(g.phenotypeScore)}${r.mode === 'vcf' ? ` · variant ${fmtScore(g.variantScore)}` : ''}${g.moi ? ` · mode of inheritance ${esc(g.moi)}` : ''}${disease ? ` · disease <span class="mono">${esc(disease.id)}</span>` : ''}</p>
<h4>Why this gene</h4>
${g.explanation.length ? `<ul>${g.explanation.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '<p class="none">no explanation recorded</p>'}
${disease ? termTable('Matching patient features', disease.matched, labels) + termTable('Observed features the disease excludes (lower it)', disease.contradicting, labels) + excludedTables(r, disease, labels) : ''}
${variantPart}
</section>`;
}
