import { formatReportHtml } from './report-html';
import { sampleCaseResult } from './sample-case-result';

describe('report.html', () => {
  const html = formatReportHtml(sampleCaseResult());

  it('has the header, input, warnings, top genes, candidates, diseases and footer', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('CASE-0001');
    expect(html).toContain('HPO release 2025-05-06');
    expect(html).toMatch(/alphamissense-gene <span class="badge nc"[^>]*>NC<\/span>/);
    expect(html).toContain('id="input"');
    expect(html).toContain('Arachnodactyly');
    expect(html).toMatch(/Excluded features \(1\)[\s\S]*Intellectual disability/);
    expect(html).toMatch(/class="warnings"[\s\S]*No reference FASTA \(--reference\): the amino-acid change is not known/);
    expect(html).toMatch(/id="top-genes"[\s\S]*<th>MOI<\/th>[\s\S]*<th>ACMG class<\/th>/);
    for (const rank of [1, 2, 3]) expect(html).toContain(`id="candidate-${rank}"`);
    expect(html).toContain('Phenotype: 3 of 3 observed terms fit Marfan syndrome (OMIM:154700)');
    expect(html).toMatch(/Matching patient features \(3\)[\s\S]*Ectopia lentis/);
    // what the excluded term did, under the heading of its direction, with its LR (Cystic fibrosis has it: lowered)
    expect(html).toMatch(/Lowered by absent features \(1\)[\s\S]*Intellectual disability[\s\S]*0\.2</);
    expect(html).not.toMatch(/Raised by absent features/);
    expect(html).toMatch(/Absent features with no effect \(LR 1\)[\s\S]*Intellectual disability/); // Marfan lacks it
    expect(html).toContain('NM_000492.4:c.1521_1523del');
    // what a variant's score and its place in the list mean
    expect(html).toMatch(/<p class="note">Variant score \(0–1\) is the variant&#39;s own: [^<]*rank follows the gene ranking/);
    expect(html).toContain('<th class="num">Variant score</th>');
    expect(html).toMatch(/<b>PVS1<\/b>: frameshift in a gene where loss of function causes disease/);
    expect(html).toContain('Pathogenic/Likely pathogenic; drug response, other');
    expect(html).toMatch(/id="diseases"[\s\S]*Marfan syndrome[\s\S]*81\.2%/);
    expect(html).toMatch(/<footer>[\s\S]*Method[\s\S]*not a diagnosis by itself/);
  });

  it('is self-contained and printable: inline CSS with print rules, no scripts, no external resources', () => {
    expect(html).toContain('@media print');
    expect(html).toMatch(/break-before:page/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/https?:\/\//i);
  });

  it('HTML-escapes every label, so a malicious gene or HPO label cannot inject markup', () => {
    const r = sampleCaseResult();
    r.genes[0].symbol = '<script>alert("gene")</script>';
    r.variants[0].gene = r.genes[0].symbol;
    r.input.hpo.observed[0].label = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    r.diseases[0].name = 'Marfan & <b>friends</b>';
    r.warnings.push('"quoted" <warning>');
    r.genes[0].explanation.push("it's <i>bad</i>");
    const out = formatReportHtml(r);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toContain('<b>friends</b>');
    expect(out).toContain('&lt;script&gt;alert(&quot;gene&quot;)&lt;/script&gt;');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(out).toContain('Marfan &amp; &lt;b&gt;friends&lt;/b&gt;');
    expect(out).toContain('&quot;quoted&quot; &lt;warning&gt;');
    expect(out).toContain('it&#39;s &lt;i&gt;bad&lt;/i&gt;');
  });

  it('limits the candidates to the top N and leaves out variant columns in phenotype-only mode', () => {
    const r = sampleCaseResult();
    r.mode = 'phenotype-only';
    r.variants = [];
    r.warnings = [];
    const out = formatReportHtml(r, { topN: 2, maxDiseases: 1 });
    expect(out).toContain('id="candidate-2"');
    expect(out).not.toContain('id="candidate-3"');
    expect(out).not.toContain('class="warnings"');
    expect(out).not.toContain('Variant (GRCh38)');
    expect(out).toContain('phenotype only');
    expect(out).toContain('Disease ranking (top 1 of 3)');
  });
});
