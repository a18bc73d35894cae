import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type DataAccess, FileNotFoundError, FileTooLargeError } from '@rarerank/data-access';
import { dropTestDb, openTestDb, type TestDb } from './test-db';

/** `bytes` delivered in 64 KiB pieces, like an HTTP upload; fails after `failAfter` bytes when given. */
function upload(bytes: Buffer, failAfter?: number): Readable {
  return Readable.from(
    (async function* () {
      for (let at = 0; at < bytes.length; at += 65_536) {
        if (failAfter !== undefined && at >= failAfter) throw new Error('client disconnected');
        yield bytes.subarray(at, at + 65_536);
      }
    })(),
  );
}

describe('FileStore (GridFS bucket `files`) against FerretDB', () => {
  let db: TestDb;
  let da: DataAccess;
  const tmp = mkdtempSync(path.join(tmpdir(), 'rr-files-'));
  const meta = { labId: 'lab-f', caseId: 'case-f', role: 'vcf' as const };

  beforeAll(async () => {
    db = await openTestDb('da_files');
    da = db.da;
  });
  afterAll(() => dropTestDb(db));

  /** GridFS chunks whose file document is missing: what a half-written upload would leave. */
  async function orphanChunks(): Promise<number> {
    const fileIds = (await db.connection.collection('files.files').find({}).toArray()).map((f) => String(f._id));
    const chunks = await db.connection.collection('files.chunks').find({}, { projection: { files_id: 1 } }).toArray();
    return chunks.filter((c) => !fileIds.includes(String(c.files_id))).length;
  }

  it('stores a streamed upload with its size and sha256, and reads it back', async () => {
    const bytes = randomBytes(700_000); // several 255 KiB GridFS chunks
    const file = await da.files.save(upload(bytes), { filename: 'exome.vcf.gz', metadata: meta, maxBytes: 1_000_000 });
    expect(file).toMatchObject({ filename: 'exome.vcf.gz', length: 700_000, sha256: createHash('sha256').update(bytes).digest('hex'), metadata: { ...meta, sha256: file.sha256 } });
    expect(await da.files.stat(file.id)).toEqual(file);

    const parts: Buffer[] = [];
    for await (const c of da.files.openReadStream(file.id)) parts.push(c as Buffer);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);

    const local = path.join(tmp, 'copy.vcf.gz');
    await da.files.downloadTo(file.id, local);
    expect(readFileSync(local).equals(bytes)).toBe(true);
    expect((await da.files.listForCase('case-f')).map((f) => f.id)).toContain(file.id);
  });

  it('accepts a file of exactly the limit', async () => {
    const file = await da.files.save(upload(randomBytes(1000)), { filename: 'ok.ped', metadata: { ...meta, role: 'ped' }, maxBytes: 1000 });
    expect(file.length).toBe(1000);
  });

  it('aborts an upload over the limit with FileTooLargeError and keeps nothing of it', async () => {
    const before = await db.connection.collection('files.chunks').countDocuments();
    const err = await da.files.save(upload(randomBytes(900_000)), { filename: 'huge.vcf', metadata: meta, maxBytes: 600_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileTooLargeError);
    expect(err).toMatchObject({ filename: 'huge.vcf', maxBytes: 600_000 });
    expect(await db.connection.collection('files.files').countDocuments({ filename: 'huge.vcf' })).toBe(0);
    expect(await db.connection.collection('files.chunks').countDocuments()).toBe(before);
    expect(await orphanChunks()).toBe(0);
  });

  it('deletes what was written when the source stream fails mid-way', async () => {
    const before = await db.connection.collection('files.chunks').countDocuments();
    await expect(da.files.save(upload(randomBytes(800_000), 600_000), { filename: 'cut.vcf', metadata: meta })).rejects.toThrow('client disconnected');
    expect(await db.connection.collection('files.files').countDocuments({ filename: 'cut.vcf' })).toBe(0);
    expect(await db.connection.collection('files.chunks').countDocuments()).toBe(before);
  });

  it('reports a missing file as FileNotFoundError and leaves no partial local copy', async () => {
    const missing = '65f0c0ffee0000000000abcd';
    expect(await da.files.stat(missing)).toBeNull();
    expect(await da.files.stat('not-an-id')).toBeNull();
    await expect(da.files.readBuffer(missing)).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(da.files.readBuffer('not-an-id')).rejects.toBeInstanceOf(FileNotFoundError);
    const local = path.join(tmp, 'missing.vcf');
    await expect(da.files.downloadTo(missing, local)).rejects.toBeInstanceOf(FileNotFoundError);
    expect(existsSync(local)).toBe(false);
  });

  it('deletes a file with its chunks', async () => {
    const file = await da.files.save(upload(randomBytes(300_000)), { filename: 'gone.vcf', metadata: meta });
    expect(await da.files.delete(file.id)).toBe(true);
    expect(await da.files.stat(file.id)).toBeNull();
    expect(await db.connection.collection('files.chunks').countDocuments({ files_id: new db.connection.base.mongo.ObjectId(file.id) })).toBe(0);
    expect(await da.files.delete(file.id)).toBe(false);
  });

  it('stores JSON blobs gzipped and reads them back', async () => {
    const scores = { diseases: Array.from({ length: 2_000 }, (_, i) => ({ diseaseId: `OMIM:${100000 + i}`, score: i / 2000, matched: [] })), genes: [], warnings: [] };
    const blob = await da.files.saveJson(scores, { filename: 'case-f.a1.phenotype.json.gz', metadata: { caseId: 'case-f', role: 'phenotype-scores' } });
    expect(blob.length).toBeLessThan(JSON.stringify(scores).length / 3);
    expect(await da.files.readJson(blob.id)).toEqual(scores);
  });
});
