import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computeInformationContent } from './information-content';
import { inheritanceCodes } from './inheritance';
import { Ontology } from './ontology';
import { parseHpoaFrequency } from './hpoa-frequency';
import { readHpoa, type HpoaResult } from './read-hpoa';
import { markNondiseases, mergeGeneLinks, readGenesToDisease, readMim2GeneMedgen } from './read-gene-links';
import { readObographs } from './read-obographs';
import { mirrorFile } from './test-support';

describe('phenotype.hpoa and gene links from the real 2025-05-06 release', () => {
  let hpo: Ontology;
  let hpoa: HpoaResult;
  beforeAll(async () => {
    hpo = Ontology.fromRaw(await readObographs(mirrorFile('hpo', 'hp.json.gz')));
    hpoa = await readHpoa(mirrorFile('hpo', 'phenotype.hpoa.gz'), hpo);
  }, 60_000);

  it('reads every row and every disease', () => {
    expect(hpoa.version).toBe('2025-05-06');
    expect(hpoa.rows).toBe(272060);
    const byPrefix = (p: string) => hpoa.diseases.filter((d) => d.id.startsWith(p)).length;
    expect(byPrefix('OMIM:')).toBe(8362);
    expect(byPrefix('ORPHA:')).toBe(4281); // the header says 4283; the rows hold 4,281
    expect(byPrefix('DECIPHER:')).toBe(47);
  });

  it('parses Marfan syndrome: n/m and term frequencies, inheritance, merged duplicates', () => {
    const marfan = hpoa.diseases.find((d) => d.id === 'OMIM:154700')!;
    expect(marfan.name).toBe('Marfan syndrome');
    const freqOf = (id: string) => marfan.freqs[marfan.terms.indexOf(hpo.indexOf(id)!)];
    expect(freqOf('HP:0430043')).toBeCloseTo(16 / 21);
    expect(marfan.freqTotals![marfan.terms.indexOf(hpo.indexOf('HP:0430043')!)]).toBe(21); // patients behind a count
    expect(marfan.freqTotals![marfan.terms.indexOf(hpo.indexOf('HP:0032934')!)]).toBe(0); // a frequency term is no count
    expect(freqOf('HP:0032934')).toBeCloseTo(0.025); // HP:0040284 very rare
    expect(freqOf('HP:0005136')).toBe(-1); // no frequency given
    expect(marfan.inheritance).toEqual(['HP:0000006']);
    expect(inheritanceCodes(hpo, marfan.inheritance)).toEqual(['AD']);
  });

  it('keeps NOT annotations apart from observed ones', () => {
    const withNot = hpoa.diseases.filter((d) => d.notTerms.length > 0);
    expect(withNot.length).toBeGreaterThan(100);
    for (const d of withNot) for (const t of d.notTerms) expect(d.terms).not.toContain(t);
  });

  it('computes information content: root 0, specific terms high, monotone down the DAG', () => {
    const { ic, diseaseCount } = computeInformationContent(hpo, hpoa.diseases);
    expect(diseaseCount).toBeGreaterThan(12000);
    expect(ic[hpo.indexOf('HP:0000001')!]).toBeCloseTo(0, 6);
    const abnormality = ic[hpo.indexOf('HP:0000118')!];
    const arachnodactyly = ic[hpo.indexOf('HP:0001166')!];
    expect(abnormality).toBeLessThan(0.05);
    expect(arachnodactyly).toBeGreaterThan(3);
    for (let t = 0; t < hpo.size; t++) for (const p of hpo.parents[t]) expect(ic[p]).toBeLessThanOrEqual(ic[t] + 1e-12);
  });

  it('links genes to diseases from genes_to_disease and mim2gene_medgen', async () => {
    const g2d = await readGenesToDisease(mirrorFile('hpo', 'genes_to_disease.txt.gz'));
    expect(g2d.length).toBe(15602);
    expect(g2d).toContainEqual({ ncbiGeneId: '2200', symbol: 'FBN1', diseaseId: 'OMIM:154700', association: 'MENDELIAN' });
    const symbols = new Map(g2d.map((l) => [l.ncbiGeneId, l.symbol]));
    const mim = await readMim2GeneMedgen(mirrorFile('hpo', 'mim2gene_medgen.gz'), (id) => symbols.get(id));
    expect(mim.links.length).toBeGreaterThan(5000);
    // OMIM's nondiseases (Comment "nondisease; QTL 2" for WWC1's memory QTL) are reported; ordinary disorders are not
    expect(mim.nondiseases.has('OMIM:615602')).toBe(true);
    expect(mim.nondiseases.has('OMIM:154700')).toBe(false);
    expect(mim.nondiseases.size).toBeGreaterThan(100);
    // the reader's links are plain: the merged links are marked, in one place
    expect(mim.links).toContainEqual({ ncbiGeneId: '23286', symbol: 'WWC1', diseaseId: 'OMIM:615602', association: 'mim2gene' });
    expect(mim.links.some((l) => l.nondisease)).toBe(false);
    const marked = markNondiseases(mergeGeneLinks(g2d, mim.links), mim.nondiseases);
    // genes_to_disease calls the QTL MENDELIAN: the merged link carries the mark whichever source came first
    expect(marked.find((l) => l.symbol === 'WWC1' && l.diseaseId === 'OMIM:615602')).toMatchObject({ association: 'MENDELIAN', nondisease: true });
    // a nondisease only mim2gene links is marked too; every other link is left as it was
    const g2dKeys = new Set(g2d.map((l) => `${l.ncbiGeneId}|${l.diseaseId}`));
    const onlyMim = mim.links.find((l) => mim.nondiseases.has(l.diseaseId) && !g2dKeys.has(`${l.ncbiGeneId}|${l.diseaseId}`))!;
    expect(marked).toContainEqual({ ...onlyMim, nondisease: true });
    expect(marked.filter((l) => l.nondisease).every((l) => mim.nondiseases.has(l.diseaseId))).toBe(true);
    expect(marked.find((l) => l.diseaseId === 'OMIM:154700')!.nondisease).toBeUndefined();
    const merged = mergeGeneLinks(g2d, mim.links);
    expect(merged.length).toBeGreaterThanOrEqual(g2d.length);
    expect(new Set(merged.map((l) => `${l.ncbiGeneId}|${l.diseaseId}`)).size).toBe(merged.length);
  });
});

describe('mim2gene_medgen without its Comment column (older files)', () => {
  it('reads the links and marks nothing', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'rr-mim-')), 'mim2gene_medgen');
    writeFileSync(file, '#MIM number\tGeneID\ttype\n615602\t23286\tphenotype\n610533\t23286\tgene\n');
    const mim = await readMim2GeneMedgen(file, () => 'WWC1');
    expect(mim.links).toEqual([{ ncbiGeneId: '23286', symbol: 'WWC1', diseaseId: 'OMIM:615602', association: 'mim2gene' }]);
    expect(mim.nondiseases.size).toBe(0);
  });
});

describe('phenotype.hpoa bad input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-hpoa-'));
  const header = '#version: 2025-05-06\ndatabase_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\tfrequency\tsex\tmodifier\taspect\tbiocuration\n';
  let hpo: Ontology;
  beforeAll(async () => {
    hpo = Ontology.fromRaw(await readObographs(mirrorFile('hpo', 'hp.json.gz')));
  });
  const file = (name: string, body: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, body);
    return f;
  };

  it.each([
    ['wrong column count', 'OMIM:1\tX\t\tHP:0000118\tPMID:1\tPCS\n', /line 3.*expected 12 columns/],
    ['bad frequency', 'OMIM:1\tX\t\tHP:0000118\tPMID:1\tPCS\t\t7 of 9\t\t\tP\tx\n', /line 3, field frequency/],
    ['bad HPO id', 'OMIM:1\tX\t\tHP:118\tPMID:1\tPCS\t\t\t\t\tP\tx\n', /line 3, field hpo_id/],
    ['bad aspect', 'OMIM:1\tX\t\tHP:0000118\tPMID:1\tPCS\t\t\t\t\tQ\tx\n', /line 3, field aspect/],
  ])('%s', async (_name, row, message) => {
    await expect(readHpoa(file(`${_name}.hpoa`, header + row), hpo)).rejects.toThrow(message);
  });

  it('pools counts of the same term from several references; a higher frequency term wins over them', async () => {
    const row = (term: string, freq: string, ref: string) => `OMIM:1\tX\t\t${term}\t${ref}\tPCS\t\t${freq}\t\t\tP\tx\n`;
    const r = await readHpoa(file('pooled.hpoa', header + row('HP:0001166', '1/1', 'PMID:1') + row('HP:0001166', '2/5', 'PMID:2') + row('HP:0000545', '1/4', 'PMID:1') + row('HP:0000545', 'HP:0040282', 'PMID:2')), hpo);
    const d = r.diseases[0];
    const at = (id: string) => d.terms.indexOf(hpo.indexOf(id)!);
    expect([d.freqs[at('HP:0001166')], d.freqTotals![at('HP:0001166')]]).toEqual([3 / 6, 6]);
    expect([d.freqs[at('HP:0000545')], d.freqTotals![at('HP:0000545')]]).toEqual([0.545, 0]);
  });

  it('a file with another header is rejected at line 1', async () => {
    await expect(readHpoa(file('x.hpoa', 'gene\tdisease\n'), hpo)).rejects.toThrow(/x\.hpoa, line 1/);
  });

  it('frequency parser covers the official encodings', () => {
    expect(parseHpoaFrequency('HP:0040281')).toBeCloseTo(0.895);
    expect(parseHpoaFrequency('3/4')).toBe(0.75);
    expect(parseHpoaFrequency('25%')).toBe(0.25);
    expect(parseHpoaFrequency('')).toBe(-1);
    expect(parseHpoaFrequency('5/4')).toBeUndefined();
  });
});
