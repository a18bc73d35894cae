import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import mongoose, { type Connection } from 'mongoose';
import type { FileMetadata, StoredFile } from '../types';
import { FileNotFoundError, FileTooLargeError } from './file-errors';

const BUCKET = 'files';
type ObjectId = mongoose.mongo.ObjectId;
type GridFSBucket = mongoose.mongo.GridFSBucket;
type GridFSFile = mongoose.mongo.GridFSFile;

export interface SaveFileOptions {
  filename: string;
  metadata: FileMetadata;
  /** bytes; one more aborts the upload, deletes what was written and throws FileTooLargeError */
  maxBytes?: number;
}

/**
 * Files in the GridFS bucket `files`: uploads and large intermediate blobs. A file exists only
 * once it was written completely: a failed or over-limit upload leaves nothing behind.
 */
export class FileStore {
  constructor(private readonly connection: Connection) {}

  async ensureIndexes(): Promise<void> {
    const db = this.db();
    // the driver would create the GridFS indexes on the first upload; at boot no two uploads race to do it
    await db.collection(`${BUCKET}.chunks`).createIndex({ files_id: 1, n: 1 }, { unique: true });
    await db.collection(`${BUCKET}.files`).createIndex({ filename: 1, uploadDate: 1 });
    // listForCase
    await db.collection(`${BUCKET}.files`).createIndex({ 'metadata.caseId': 1 });
  }

  /**
   * Streams `source` into a new file, computing its sha256 and size on the way. Over `maxBytes`
   * → FileTooLargeError; on that or any stream error the partial file is deleted before throwing.
   */
  async save(source: Readable, opts: SaveFileOptions): Promise<StoredFile> {
    const upload = this.bucket().openUploadStream(opts.filename, { metadata: { ...opts.metadata } });
    const id = upload.id as ObjectId;
    const hash = createHash('sha256');
    let size = 0;
    try {
      // Each write is awaited, so when anything fails no chunk insert is still in flight
      // and the cleanup below cannot be overtaken by a late chunk.
      for await (const chunk of source) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        size += buf.length;
        if (opts.maxBytes !== undefined && size > opts.maxBytes) throw new FileTooLargeError(opts.filename, opts.maxBytes);
        hash.update(buf);
        await new Promise<void>((resolve, reject) => upload.write(buf, (err) => (err ? reject(err) : resolve())));
      }
      await new Promise<void>((resolve, reject) => {
        upload.once('error', reject);
        upload.end(() => resolve());
      });
    } catch (err) {
      source.destroy();
      upload.destroy();
      await this.removeById(id);
      throw err;
    }
    const sha256 = hash.digest('hex');
    await this.db().collection(`${BUCKET}.files`).updateOne({ _id: id }, { $set: { 'metadata.sha256': sha256 } });
    const file = await this.stat(id.toHexString());
    if (!file) throw new FileNotFoundError(id.toHexString());
    return file;
  }

  async stat(id: string): Promise<StoredFile | null> {
    const oid = toObjectId(id);
    if (!oid) return null;
    const [file] = await this.bucket().find({ _id: oid }).toArray();
    return file ? toStoredFile(file) : null;
  }

  /** The file's bytes; the stream errors with FileNotFoundError when there is no such file. */
  openReadStream(id: string): Readable {
    const bucket = this.bucket();
    const oid = toObjectId(id);
    return Readable.from(
      (async function* () {
        if (!oid) throw new FileNotFoundError(id);
        try {
          for await (const chunk of bucket.openDownloadStream(oid)) yield chunk as Buffer;
        } catch (err) {
          throw isFileNotFound(err as Error) ? new FileNotFoundError(id) : err;
        }
      })(),
      { objectMode: false },
    );
  }

  /** Writes the file to `localPath`; on failure no partial local file remains. */
  async downloadTo(id: string, localPath: string): Promise<void> {
    try {
      await pipeline(this.openReadStream(id), createWriteStream(localPath));
    } catch (err) {
      await unlink(localPath).catch(() => undefined);
      throw err;
    }
  }

  async readBuffer(id: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const c of this.openReadStream(id)) parts.push(c as Buffer);
    return Buffer.concat(parts);
  }

  /** true when a file was deleted. */
  async delete(id: string): Promise<boolean> {
    const oid = toObjectId(id);
    return oid ? this.removeById(oid) : false;
  }

  async listForCase(caseId: string): Promise<StoredFile[]> {
    return (await this.bucket().find({ 'metadata.caseId': caseId }).sort({ uploadDate: 1 }).toArray()).map(toStoredFile);
  }

  /** A JSON blob (e.g. phenotype scores), gzipped. */
  async saveJson(value: unknown, opts: { filename: string; metadata: FileMetadata }): Promise<StoredFile> {
    const gz = gzipSync(JSON.stringify(value));
    return this.save(Readable.from([gz]), { ...opts, metadata: { ...opts.metadata, contentEncoding: 'gzip' } });
  }

  async readJson<T>(id: string): Promise<T> {
    return JSON.parse(gunzipSync(await this.readBuffer(id)).toString('utf8')) as T;
  }

  /** Deletes the file document and its chunks, whichever exist (bucket.delete() fails when the files document was never written). */
  private async removeById(id: ObjectId): Promise<boolean> {
    const db = this.db();
    const files = await db.collection(`${BUCKET}.files`).deleteOne({ _id: id });
    await db.collection(`${BUCKET}.chunks`).deleteMany({ files_id: id });
    return files.deletedCount === 1;
  }

  private db() {
    const db = this.connection.db;
    if (!db) throw new Error('FileStore: the MongoDB connection is not open');
    return db;
  }

  private bucket(): GridFSBucket {
    return new mongoose.mongo.GridFSBucket(this.db(), { bucketName: BUCKET });
  }
}

function toObjectId(id: string): ObjectId | undefined {
  return /^[0-9a-f]{24}$/i.test(id) ? new mongoose.mongo.ObjectId(id) : undefined;
}

function isFileNotFound(err: Error): boolean {
  return /FileNotFound/i.test(err.message) || (err as { code?: string }).code === 'ENOENT';
}

function toStoredFile(f: GridFSFile): StoredFile {
  const metadata = (f.metadata ?? {}) as FileMetadata;
  return { id: f._id.toHexString(), filename: f.filename, length: f.length, sha256: metadata.sha256 ?? '', uploadDate: f.uploadDate, metadata };
}
