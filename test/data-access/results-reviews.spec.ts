import type { CaseResult } from '@rarerank/report';
import type { DataAccess } from '@rarerank/data-access';
import { dropTestDb, openTestDb, type TestDb } from './test-db';

/** A small results.json: the repository stores it as it is. */
function caseResult(caseId: string, topGene: string): CaseResult {
  return {
    caseId,
    kb: { builtAt: '2025-05-06T00:00:00Z', hpo: '2025-05-06', sources: [{ id: 'hpo-ontology', version: '2025-05-06' }] },
    mode: 'vcf',
    input: { hpo: { observed: [{ id: 'HP:0001166', label: 'Arachnodactyly' }], excluded: [] }, vcfs: ['exome.vcf.gz'], assembly: 'GRCh38', proband: 'HG002.proband', sex: 'FEMALE' },
    warnings: [],
    diseases: [],
    genes: [{ rank: 1, symbol: topGene, score: 0.93, phenotypeScore: 0.9, variantScore: 0.95, explanation: ['fits'] }],
    variants: [],
    stats: { variants: 1234, candidates: 87 },
  };
}

describe('ResultRepository, ReviewRepository, BatchRepository, LabRepository against FerretDB', () => {
  let db: TestDb;
  let da: DataAccess;

  beforeAll(async () => {
    db = await openTestDb('da_results');
    da = db.da;
  });
  afterAll(() => dropTestDb(db));

  describe('results', () => {
    it('saves one result per analysis (a re-run replaces it) and returns the latest by default', async () => {
      await da.results.save({ caseId: 'case-r1', labId: 'lab-a', analysis: 1, result: caseResult('case-r1', 'FBN1') });
      await da.results.save({ caseId: 'case-r1', labId: 'lab-a', analysis: 1, result: caseResult('case-r1', 'FBN1') });
      await da.results.save({
        caseId: 'case-r1',
        labId: 'lab-a',
        analysis: 2,
        result: caseResult('case-r1', 'TGFBR2'),
        changes: { againstAnalysis: 1, genes: [{ key: 'TGFBR2', kind: 'entered', to: 1 }], diseases: [] },
      });
      expect(await db.connection.collection('results').countDocuments({ caseId: 'case-r1' })).toBe(2);

      const latest = await da.results.get('lab-a', 'case-r1');
      expect(latest).toMatchObject({ analysis: 2, result: { genes: [{ symbol: 'TGFBR2' }] }, changes: { genes: [{ key: 'TGFBR2', kind: 'entered' }] } });
      expect((await da.results.get('lab-a', 'case-r1', 1))?.result.genes[0].symbol).toBe('FBN1');
      expect(await da.results.get('lab-a', 'case-r1', 3)).toBeNull();
      expect((await da.results.listAnalyses('lab-a', 'case-r1')).map((a) => a.analysis)).toEqual([1, 2]);
    });

    it("returns nothing of another lab's results", async () => {
      await da.results.save({ caseId: 'case-r2', labId: 'lab-a', analysis: 1, result: caseResult('case-r2', 'FBN1') });
      expect(await da.results.get('lab-b', 'case-r2')).toBeNull();
      expect(await da.results.get('lab-b', 'case-r2', 1)).toBeNull();
      expect(await da.results.listAnalyses('lab-b', 'case-r2')).toEqual([]);
    });
  });

  describe('reviews', () => {
    /** a reviewer as the gateway passes one: user id and name */
    const u = (name: string) => ({ userId: `u-${name}`, name });
    it('keeps one review per target, replaced on each write, and remembers every author', async () => {
      await da.reviews.upsert('lab-a', 'case-v1', { kind: 'gene', key: 'FBN1' }, { tags: ['candidate'], acmgClass: 'likely_pathogenic', note: 'fits Marfan' }, u('alice'), 1);
      const second = await da.reviews.upsert('lab-a', 'case-v1', { kind: 'gene', key: 'FBN1' }, { acmgClass: 'pathogenic', criteriaChanges: [{ criterion: 'PS2', action: 'add' }] }, u('bob'), 1);
      expect(second).toMatchObject({ target: { kind: 'gene', key: 'FBN1' }, acmgClass: 'pathogenic', tags: [], reviewer: 'bob', reviewerId: 'u-bob', authors: ['u-alice', 'u-bob'], analysis: 1, criteriaChanges: [{ criterion: 'PS2', action: 'add' }] });
      expect(second.note).toBeUndefined();
      await da.reviews.upsert('lab-a', 'case-v1', { kind: 'variant', key: 'chr15-48487317-C-A' }, { tags: ['de novo'] }, u('carol'), 1);

      const list = await da.reviews.list('lab-a', 'case-v1');
      expect(list.map((r) => `${r.target.kind}:${r.target.key}`)).toEqual(['gene:FBN1', 'variant:chr15-48487317-C-A']);
      expect(await da.reviews.authorsOf('lab-a', 'case-v1')).toEqual(['u-alice', 'u-bob', 'u-carol']);
    });

    it('keeps both authors when two reviewers write the same target at once', async () => {
      const target = { kind: 'gene' as const, key: 'COL1A1' };
      await Promise.all(['dave', 'erin', 'frank', 'grace'].map((name) => da.reviews.upsert('lab-a', 'case-v2', target, { tags: [name] }, u(name), 1)));
      const [review] = await da.reviews.list('lab-a', 'case-v2');
      expect([...review.authors].sort()).toEqual(['u-dave', 'u-erin', 'u-frank', 'u-grace']);
      expect(review.tags).toEqual([review.reviewer]);
    });

    it("returns nothing of another lab's reviews and refuses to write into them", async () => {
      await da.reviews.upsert('lab-a', 'case-v3', { kind: 'gene', key: 'FBN1' }, {}, u('alice'), 1);
      expect(await da.reviews.list('lab-b', 'case-v3')).toEqual([]);
      expect(await da.reviews.authorsOf('lab-b', 'case-v3')).toEqual([]);
      await expect(da.reviews.upsert('lab-b', 'case-v3', { kind: 'gene', key: 'FBN1' }, {}, u('mallory'), 1)).rejects.toThrow(/another lab/);
      expect(await da.reviews.authorsOf('lab-a', 'case-v3')).toEqual(['u-alice']);
    });
  });

  describe('batches', () => {
    it("creates a batch and returns it only to its lab", async () => {
      const b = await da.batches.create({ labId: 'lab-a', caseIds: ['c1', 'c2'], createdBy: 'alice' });
      expect(await da.batches.get('lab-a', b.id)).toMatchObject({ id: b.id, caseIds: ['c1', 'c2'], createdBy: 'alice' });
      expect(await da.batches.get('lab-b', b.id)).toBeNull();
    });
  });

  describe('labs', () => {
    it('creates a lab, sets and clears its webhook', async () => {
      const lab = await da.labs.create({ name: 'Clinical Genomics Lab' });
      expect(await da.labs.get(lab.id)).toMatchObject({ id: lab.id, name: 'Clinical Genomics Lab' });
      expect(await da.labs.updateWebhook(lab.id, { url: 'https://lims.example/hook', secret: 's3cret' })).toMatchObject({ webhookUrl: 'https://lims.example/hook', webhookSecret: 's3cret' });
      const cleared = await da.labs.updateWebhook(lab.id, null);
      expect(cleared).not.toHaveProperty('webhookUrl');
      expect(await da.labs.updateWebhook('no-such-lab', null)).toBeNull();
      expect((await da.labs.list()).map((l) => l.id)).toContain(lab.id);
    });
  });
});
