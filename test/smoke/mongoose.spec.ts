import mongoose, { type Connection, Schema } from 'mongoose';
import { serverUrls, uniqueName } from './server-urls';

interface Sample {
  caseId: string;
  genes: string[];
  score: number;
}

const sampleSchema = new Schema<Sample>({
  caseId: { type: String, required: true, unique: true },
  genes: { type: [String], default: [] },
  score: { type: Number, required: true },
});

describe('mongoose against the real MongoDB-compatible server', () => {
  const { mongoUrl } = serverUrls();
  const dbName = uniqueName('smoke');
  let connection: Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrl, { dbName, serverSelectionTimeoutMS: 5_000 }).asPromise();
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('creates, queries, updates and deletes documents', async () => {
    const Samples = connection.model<Sample>('Sample', sampleSchema);
    await Samples.init(); // builds the unique index

    await Samples.create([
      { caseId: 'case-1', genes: ['FBN1'], score: 0.5 },
      { caseId: 'case-2', genes: ['COL1A1', 'COL1A2'], score: 0.9 },
    ]);
    const top = await Samples.find({ score: { $gt: 0.6 } }).lean();
    expect(top.map((s) => s.caseId)).toEqual(['case-2']);

    // The unique index is enforced by the server, not just declared.
    await expect(Samples.create({ caseId: 'case-1', score: 0.1 })).rejects.toMatchObject({ code: 11000 });

    await Samples.updateOne({ caseId: 'case-1' }, { $push: { genes: 'TGFBR2' }, $set: { score: 0.7 } });
    const updated = await Samples.findOne({ caseId: 'case-1' }).lean();
    expect(updated).toMatchObject({ genes: ['FBN1', 'TGFBR2'], score: 0.7 });

    const ranked = await Samples.find().sort({ score: -1 }).lean();
    expect(ranked.map((s) => s.caseId)).toEqual(['case-2', 'case-1']);

    expect((await Samples.deleteOne({ caseId: 'case-2' })).deletedCount).toBe(1);
    expect(await Samples.countDocuments()).toBe(1);
  });
});
