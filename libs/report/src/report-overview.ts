import type { CaseResult, CaseTerm } from './case-result';
import { esc } from './html-escape';

/** Header: who, which KB, which sources (non-commercial ones marked). */
export function renderHeader(r: CaseResult): string {
  const sources = r.kb.sources
    .map((s) => `<li>${esc(s.id)}${s.version ? ` <span class="mono">${esc(s.version)}</span>` : ''}${s.nonCommercial ? ' <span class="badge nc" title="licensed for non-commercial use only">NC</span>' : ''}</li>`)
    .join('');
  const anyNc = r.kb.sources.some((s) => s.nonCommercial);
  return `<header>
<h1>RareRank prioritization report</h1>
<dl class="meta">
<dt>Case</dt><dd class="mono">${esc(r.caseId)}</dd>
<dt>Analysis</dt><dd>${r.mode === 'vcf' ? 'phenotype + variants (VCF)' : 'phenotype only (no VCF)'}</dd>
<dt>Knowledge base</dt><dd>built ${esc(r.kb.builtAt)}; HPO release ${esc(r.kb.hpo ?? 'unknown')}</dd>
<dt>Sources</dt><dd><ul class="terms">${sources}</ul>${anyNc ? '<span class="badge nc">NC</span> = licensed for non-commercial use only.' : ''}</dd>
</dl>
</header>`;
}

const termList = (terms: CaseTerm[]): string =>
  terms.length ? `<ul class="terms">${terms.map((t) => `<li>${esc(t.label)} <span class="mono">${esc(t.id)}</span></li>`).join('')}</ul>` : '<p class="none">none</p>';

/** The input as the engine understood it. */
export function renderInput(r: CaseResult): string {
  const facts: string[] = [];
  if (r.input.proband) facts.push(`<dt>Proband</dt><dd class="mono">${esc(r.input.proband)}</dd>`);
  if (r.input.sex) facts.push(`<dt>Sex</dt><dd>${esc(r.input.sex)}</dd>`);
  if (r.input.vcfs.length) facts.push(`<dt>VCF</dt><dd class="mono">${r.input.vcfs.map(esc).join('<br>')}</dd>`);
  if (r.input.assembly) facts.push(`<dt>Input assembly</dt><dd>${esc(r.input.assembly)}</dd>`);
  return `<section id="input">
<h2>Patient phenotype and input</h2>
${facts.length ? `<dl class="meta">${facts.join('\n')}</dl>` : ''}
<h4>Observed features (${r.input.hpo.observed.length})</h4>
${termList(r.input.hpo.observed)}
<h4>Excluded features (${r.input.hpo.excluded.length})</h4>
${termList(r.input.hpo.excluded)}
</section>`;
}

/** Caveats the reader must see before the ranking (e.g. no reference FASTA). */
export function renderWarnings(r: CaseResult): string {
  if (!r.warnings.length) return '';
  return `<section class="warnings" id="warnings">
<h2>Warnings</h2>
<ul>${r.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>
</section>`;
}
