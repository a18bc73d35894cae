import type { Connection, Model } from 'mongoose';
import { ensureModelIndexes, modelOn } from '../mongo/model-on';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CaseResult } from '@rarerank/report';
import { insertOrReplace } from '../mongo/insert-or-replace';
import { toBuffer, toPlain } from '../mongo/plain';
import { type ResultRecord, resultSchema } from '../schemas/result.schema';
import type { AnalysisSummary, NewResult, ResultDoc } from '../types';

const resultId = (caseId: string, analysis: number) => `${caseId}.a${analysis}`;

/** The `results` collection: one CaseResult per (case, analysis). */
export class ResultRepository {
  private readonly model: Model<ResultRecord>;

  constructor(connection: Connection) {
    this.model = modelOn(connection, 'Result', resultSchema);
  }

  async ensureIndexes(): Promise<void> {
    await ensureModelIndexes(this.model);
  }

  /** Upsert by (caseId, analysis): a re-run rank job replaces its own result. */
  async save(input: NewResult, now = new Date()): Promise<ResultDoc> {
    // results.json as gzipped JSON: its stats keys contain '.' ("ingest.files"), which FerretDB rejects in documents
    const rec: ResultRecord = { _id: resultId(input.caseId, input.analysis), ...input, result: gzipSync(JSON.stringify(input.result)), createdAt: now };
    await insertOrReplace(this.model, rec);
    return { ...toPlain<ResultDoc>(rec), result: input.result };
  }

  /** The result of the analysis, or of the latest analysis that has one when `analysis` is absent. */
  async get(labId: string, caseId: string, analysis?: number): Promise<ResultDoc | null> {
    // by _id when the analysis is known: FerretDB v1 answers other filters by reading the whole collection
    const rec =
      analysis !== undefined
        ? await this.model.findById(resultId(caseId, analysis)).lean<ResultRecord>()
        : await this.model.findOne({ caseId, labId }).sort({ analysis: -1 }).lean<ResultRecord>();
    if (!rec || rec.labId !== labId) return null;
    return { ...toPlain<ResultDoc>(rec), result: JSON.parse(gunzipSync(toBuffer(rec.result)).toString('utf8')) as CaseResult };
  }

  /** The analyses of the case that have a result, in order. */
  async listAnalyses(labId: string, caseId: string): Promise<AnalysisSummary[]> {
    const recs = await this.model.find({ caseId, labId }).select({ analysis: 1, createdAt: 1 }).sort({ analysis: 1 }).lean();
    return recs.map((r) => ({ analysis: r.analysis, createdAt: r.createdAt }));
  }
}
