import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ontology, readObo, type RawTerm } from '@rarerank/hpo';
import { resolveMirror } from '@rarerank/io';
import { buildMouseModels, hpToMp } from './mouse-models';
import { readMgiMappings, readUphenoBestMatches, readUphenoSpeciesNeutral } from './read-hp-mp-mappings';
import { readMouseAnnotations } from './read-mouse-annotations';
import { readOrthologs } from './read-orthologs';

const mo = (f: string) => path.join(resolveMirror(), 'model-organisms', f);
const tmp = mkdtempSync(path.join(tmpdir(), 'rr-mo-'));
const write = (name: string, text: string) => {
  const f = path.join(tmp, name);
  writeFileSync(f, text);
  return f;
};
const term = (id: string, name: string, parents: string[] = []): RawTerm => ({ id, name, synonyms: [], parents, altIds: [], obsolete: false, consider: [] });

describe('model-organism readers on the real mirror files', () => {
  it('reads the Mammalian Phenotype ontology (OBO, 2025-08-27)', async () => {
    const raw = await readObo(mo('mp.2025-08-27.obo.gz'), /^MP:\d{6,7}$/);
    expect(raw.version).toBe('2025-08-27');
    const mp = Ontology.fromRaw(raw);
    expect(mp.size).toBeGreaterThan(14000);
    const arachnodactyly = mp.indexOf('MP:0006296')!;
    expect(mp.names[arachnodactyly]).toBe('arachnodactyly');
  });

  it('reads MGI gene → MP annotations, skipping FlyBase rows and HP terms', async () => {
    const a = await readMouseAnnotations(mo('monarch-owlsim.Mm_gene_phenotype.2016-09-12.txt.gz'));
    expect(a.byGene.size).toBeGreaterThan(10000);
    expect(a.byGene.get('MGI:95489')).toContain('MP:0000286'); // Fbn1: abnormal mitral valve morphology
    for (const terms of a.byGene.values()) for (const t of terms) expect(t).toMatch(/^MP:/);
    expect(a.skipped).toBeGreaterThan(50000); // 51,144 HP rows + FlyBase rows
  });

  it('reads the MGI orthologs (FBN1 ↔ Fbn1)', async () => {
    const o = await readOrthologs(mo('HMD_HumanPhenotype.2024-12.rpt.gz'));
    expect(o.find((x) => x.humanSymbol === 'FBN1')).toEqual({ humanSymbol: 'FBN1', ncbiGeneId: '2200', mouseSymbol: 'Fbn1', mgiId: 'MGI:95489' });
  });

  it('reads the three HP ↔ MP mapping sets', async () => {
    const best = await readUphenoBestMatches(mo('upheno.hp-to-mp-bestmatches.2020-01-24.tsv.gz'));
    expect(best).toHaveLength(13600);
    const neutral = await readUphenoSpeciesNeutral(mo('upheno.species-independent.2025-07-31.sssom.tsv.gz'));
    expect(neutral.mappings.length).toBeGreaterThan(500);
    const mgi = await readMgiMappings(mo('mhmi.mp_hp_mgi_all.2026-06-23.sssom.tsv'));
    // Inguinal hernia = inguinal hernia (exactMatch); narrow and related matches are not read
    expect(mgi.mappings).toContainEqual({ hp: 'HP:0000023', mp: 'MP:0006077', score: 1, source: 'mgi-curated' });
    expect(mgi.mappings.length).toBeLessThan(1564);
    expect(mgi.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('bad model-organism files fail naming the file and line', () => {
  it('annotations', async () => {
    const f = write('ann.txt', 'MGI:1\tMP:0000001\nnot a row\n');
    await expect(readMouseAnnotations(f)).rejects.toThrow(/ann\.txt, line 2/);
  });
  it('orthologs', async () => {
    const f = write('hmd.rpt', 'FBN1\t2200\tFbn1\tMGI:95489\t\nABC\tx\tAbc\tMGI:1\t\n');
    await expect(readOrthologs(f)).rejects.toThrow(/hmd\.rpt, line 2, field NCBI gene id/);
  });
  it('uPheno best matches', async () => {
    const f = write('bm.tsv', 'HP:0000001\tAll\tMP:0000001\tmammalian phenotype\t2\t1\n');
    await expect(readUphenoBestMatches(f)).rejects.toThrow(/bm\.tsv, line 1, field column 5/);
  });
  it('SSSOM without the required columns', async () => {
    const f = write('x.sssom.tsv', '#curie_map:\nsubject_id\tobject_id\nMP:0000001\tHP:0000001\n');
    await expect(readMgiMappings(f)).rejects.toThrow(/x\.sssom\.tsv, line 2: missing column "predicate_id"/);
  });
});

describe('mouse profiles (hand-checkable)', () => {
  // HP: root > abnormality > {limb, eye}; limb > long fingers. MP: root > {digit, lens}
  const hpo = Ontology.fromRaw({ version: 't', format: 'obo', terms: [term('HP:0000001', 'All'), term('HP:0000118', 'Phenotypic abnormality', ['HP:0000001']), term('HP:0000002', 'limb', ['HP:0000118']), term('HP:0000003', 'long fingers', ['HP:0000002']), term('HP:0000004', 'eye', ['HP:0000118'])] });
  const mpo = Ontology.fromRaw({ version: 't', format: 'obo', terms: [term('MP:0000001', 'mammalian phenotype'), term('MP:0000010', 'abnormal digit', ['MP:0000001']), term('MP:0000011', 'arachnodactyly', ['MP:0000010']), term('MP:0000020', 'lens dislocation', ['MP:0000001'])] });

  it('an equivalence wins over a best match; a best match keeps its Jaccard weight', () => {
    const t = hpToMp(hpo, mpo, [
      { hp: 'HP:0000003', mp: 'MP:0000010', score: 0.5, source: 'upheno-best-match' },
      { hp: 'HP:0000003', mp: 'MP:0000011', score: 1, source: 'mgi-curated' },
      { hp: 'HP:0000004', mp: 'MP:0000020', score: 0.7, source: 'upheno-best-match' },
    ]);
    expect([...t.get(hpo.indexOf('HP:0000003')!)!]).toEqual([[mpo.indexOf('MP:0000011'), 1]]);
    expect([...t.get(hpo.indexOf('HP:0000004')!)!]).toEqual([[mpo.indexOf('MP:0000020'), 0.7]]);
  });

  it('one model per human gene with an annotated ortholog', () => {
    const m = buildMouseModels({
      hpo,
      mpo,
      annotations: new Map([['MGI:1', ['MP:0000011', 'MP:9999999']], ['MGI:2', []]]),
      orthologs: [
        { humanSymbol: 'FBN1', ncbiGeneId: '2200', mouseSymbol: 'Fbn1', mgiId: 'MGI:1' },
        { humanSymbol: 'XYZ', ncbiGeneId: '9', mouseSymbol: 'Xyz', mgiId: 'MGI:2' },
      ],
      mappings: [],
    });
    expect(m.models).toEqual([{ ncbiGeneId: '2200', symbol: 'FBN1', mouseSymbol: 'Fbn1', terms: [mpo.indexOf('MP:0000011')] }]);
    expect(m.unknownMp).toBe(1);
  });
});
