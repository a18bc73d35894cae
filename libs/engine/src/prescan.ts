import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RegionOptions } from '@rarerank/annotation';
import type { Assembly, PrescannedFile, Sex } from '@rarerank/vcf';

/** What the pre-scan thread needs: the KB (its region filter and chain) and the case's VCF options. */
export interface PrescanRequest {
  kbDir: string;
  regions: RegionOptions;
  vcf: string;
  proband?: string;
  ped?: string;
  sex?: Sex;
  assembly?: Assembly;
  ignoreInputAnnotations?: boolean;
}

/** A pre-scan under way. */
export interface Prescan {
  vcf: string;
  /** the forwarded lines; never rejects: undefined when the thread failed (ingest then reads the file) */
  wait(): Promise<PrescannedFile | undefined>;
}

/**
 * Starts reading a VCF on a worker thread (decompression, line checks, the region pre-filter:
 * libs/vcf prescanVcf) so that it overlaps the KB load on the main thread. Pass it to
 * Engine.prioritize; the main thread then parses only the kept lines. Any failure there (a bad
 * file, a thread that cannot start) leaves the file to the ordinary ingest, which reports the
 * error exactly as without a pre-scan.
 */
export function startPrescan(req: PrescanRequest): Prescan {
  let worker: Worker | undefined;
  try {
    worker = new Worker(path.join(__dirname, 'prescan-worker.js'), { workerData: req });
  } catch {
    worker = undefined;
  }
  const w = worker;
  const result = new Promise<PrescannedFile | undefined>((resolve) => {
    if (!w) return resolve(undefined);
    w.unref(); // a CLI that fails before it needs the lines does not wait for them
    w.once('message', (m: { result?: PrescannedFile; failed?: string }) => resolve(m.result));
    w.once('error', () => resolve(undefined));
    w.once('exit', () => resolve(undefined));
  });
  return {
    vcf: req.vcf,
    wait: () => {
      w?.ref(); // now the process waits for it
      return result;
    },
  };
}
