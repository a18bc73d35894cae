import { gzipSync } from 'node:zlib';
import type { DataAccess } from '@rarerank/data-access';
import { dropTestDb, openTestDb, type TestDb } from './test-db';
import { annotatedVariants } from './fixtures';

describe('VariantChunkRepository and CandidateVariantRepository against FerretDB', () => {
  let db: TestDb;
  let da: DataAccess;

  beforeAll(async () => {
    db = await openTestDb('da_chunks');
    da = db.da;
  });
  afterAll(() => dropTestDb(db));

  it('round-trips a full chunk of 2,000 annotated variants, sample names with "." and "$" included', async () => {
    const variants = annotatedVariants(2_000);
    await da.candidateVariants.upsert('case-big', 1, 0, variants);
    const [chunk] = await da.candidateVariants.loadAll('case-big', 1);
    expect(chunk.variants).toHaveLength(2_000);
    expect(chunk.variants).toEqual(variants);
    // stored compressed: well under the 16 MB document limit
    const stored = await db.connection.collection('candidatevariants').findOne({ caseId: 'case-big' });
    expect(stored?.count).toBe(2_000);
    expect(stored?.variants.buffer.byteLength).toBeLessThan(gzipSync(JSON.stringify(variants)).length * 1.1);
  });

  it('upserts a chunk idempotently, also when two deliveries write it at once', async () => {
    const v = annotatedVariants(50);
    await Promise.all([da.variantChunks.upsert('case-idem', 0, v), da.variantChunks.upsert('case-idem', 0, v), da.variantChunks.upsert('case-idem', 0, v)]);
    await da.variantChunks.upsert('case-idem', 0, v);
    expect(await da.variantChunks.count('case-idem')).toBe(1);
    expect((await da.variantChunks.get('case-idem', 0))?.variants).toEqual(v);
    expect(await da.variantChunks.get('case-idem', 1)).toBeNull();
  });

  it('keeps the proband with the chunk (annotation reads nothing else), and replaces a chunk written again', async () => {
    await da.variantChunks.upsert('case-proband', 0, annotatedVariants(3));
    expect((await da.variantChunks.get('case-proband', 0))?.proband).toBeUndefined();
    await da.variantChunks.upsert('case-proband', 0, annotatedVariants(3), new Date(), 'P1');
    expect(await da.variantChunks.get('case-proband', 0)).toMatchObject({ proband: 'P1', variants: annotatedVariants(3) });
    expect(await da.variantChunks.count('case-proband')).toBe(1);
  });

  it('stores each chunk under an _id derived from its key, so reads need no collection scan on FerretDB', async () => {
    await da.variantChunks.upsert('case-id', 4, annotatedVariants(2));
    await da.candidateVariants.upsert('case-id', 2, 4, annotatedVariants(2));
    const ids = async (name: string) => (await db.connection.collection(name).find({ caseId: 'case-id' }).toArray()).map((d) => d._id as unknown);
    expect(await ids('variantchunks')).toEqual(['case-id.c4']);
    expect(await ids('candidatevariants')).toEqual(['case-id.a2.c4']);
  });

  it('loads all chunks of a case in chunk order, whatever order they were written in', async () => {
    for (const i of [3, 0, 2, 1]) await da.variantChunks.upsert('case-order', i, annotatedVariants(5, i * 5));
    await da.variantChunks.upsert('case-other', 0, annotatedVariants(5, 100));
    const chunks = await da.variantChunks.loadAll('case-order');
    expect(chunks.map((c) => c.chunk)).toEqual([0, 1, 2, 3]);
    expect(chunks.flatMap((c) => c.variants).map((v) => v.pos)).toEqual(annotatedVariants(20).map((v) => v.pos));
  });

  it('keeps candidate chunks per analysis and deletes one analysis or the whole case', async () => {
    for (const a of [1, 2]) for (const i of [1, 0]) await da.candidateVariants.upsert('case-del', a, i, annotatedVariants(3, a * 10 + i));
    expect((await da.candidateVariants.loadAll('case-del', 2)).map((c) => [c.analysis, c.chunk])).toEqual([[2, 0], [2, 1]]);
    expect(await da.candidateVariants.deleteForCase('case-del', 1)).toBe(2);
    expect(await da.candidateVariants.count('case-del', 1)).toBe(0);
    expect(await da.candidateVariants.count('case-del', 2)).toBe(2);
    expect(await da.candidateVariants.deleteForCase('case-del')).toBe(2);
    await da.variantChunks.upsert('case-del', 0, annotatedVariants(2));
    expect(await da.variantChunks.deleteForCase('case-del')).toBe(1);
    expect(await da.variantChunks.loadAll('case-del')).toEqual([]);
  });
});
