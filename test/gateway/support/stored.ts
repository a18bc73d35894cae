import { readdir } from 'node:fs/promises';
import type { DataAccess } from '@rarerank/data-access';
import { STAGE_QUEUES } from '@rarerank/pipeline';
import { Queue } from 'bullmq';
import type { TestGateway } from './test-gateway';

/** What a lab has stored: its cases and its GridFS files (uploads are tagged with the lab). */
export async function storedFor(data: DataAccess, labId: string): Promise<{ cases: number; files: number }> {
  const cases = (await data.cases.list(labId, { pageSize: 200 })).total;
  const files = await data.connection.collection('files.files').countDocuments({ 'metadata.labId': labId });
  return { cases, files };
}

/** Upload dirs the gateway has not removed (yet). */
export async function leftoverUploadDirs(gw: TestGateway): Promise<string[]> {
  return (await readdir(gw.uploadTmp)).filter((d) => d.startsWith('rarerank-upload-'));
}

/** A BullMQ handle on one of the gateway's stage queues, on the gateway's Redis database. */
export function stageQueue(gw: TestGateway, stage: keyof typeof STAGE_QUEUES): Queue {
  return new Queue(STAGE_QUEUES[stage], { connection: { url: gw.config.REDIS_URL } });
}
