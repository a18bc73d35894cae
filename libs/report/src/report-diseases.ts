import type { CaseDiseaseResult } from './case-result';
import { esc } from './html-escape';
import { fmtProbability, fmtScore } from './report-format';

/** The phenotype-driven disease ranking, top rows only. */
export function renderDiseaseTable(diseases: CaseDiseaseResult[], max: number, total: number): string {
  if (!diseases.length) return '<section id="diseases" class="page"><h2>Disease ranking</h2><p class="none">No diseases ranked.</p></section>';
  const hasProbability = diseases.some((d) => d.probability !== undefined);
  const rows = diseases.slice(0, max).map(
    (d) =>
      `<tr><td class="num">${d.rank}</td><td class="mono">${esc(d.id)}</td><td>${esc(d.name)}</td><td>${d.genes.map(esc).join(', ') || '—'}</td>` +
      `<td class="num">${fmtScore(d.score)}</td>${hasProbability ? `<td class="num">${fmtProbability(d.probability)}</td>` : ''}` +
      `<td class="num">${d.matched.length}</td><td class="num">${d.contradicting.length}</td></tr>`,
  );
  return `<section id="diseases" class="page">
<h2>Disease ranking (top ${Math.min(max, diseases.length)} of ${total})</h2>
<table><thead><tr><th class="num">Rank</th><th>Disease</th><th>Name</th><th>Genes</th><th class="num">Score</th>${hasProbability ? '<th class="num">Probability</th>' : ''}<th class="num">Matched</th><th class="num">Contradicting</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`;
}
