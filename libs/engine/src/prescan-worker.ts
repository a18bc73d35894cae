// Worker thread entry (see prescan.ts): pre-scans one VCF while the main thread loads the KB.
import { parentPort, workerData } from 'node:worker_threads';
import { keepRegionFilter } from '@rarerank/annotation';
import { InputError } from '@rarerank/io';
import { KnowledgeBase } from '@rarerank/kb';
import { ChainFile } from '@rarerank/liftover';
import { pedigreeFor, prescanVcf, readPed } from '@rarerank/vcf';
import type { PrescanRequest } from './prescan';

async function run(req: PrescanRequest): Promise<void> {
  const kb = await KnowledgeBase.open(req.kbDir);
  const [keepRegion, pedigree] = await Promise.all([
    keepRegionFilter(kb, { regions: req.regions }),
    req.ped && req.proband ? readPed(req.ped).then((p) => pedigreeFor(p, req.proband!)) : undefined,
  ]);
  const opts = { proband: req.proband, pedigree, probandSex: req.sex, assembly: req.assembly, keepRegion, ignoreInputAnnotations: req.ignoreInputAnnotations };
  const chainFile = kb.chainFile();
  // the chain only for GRCh37 input: without it such a file stops at its header, and is read again with it
  const result = await prescanVcf(req.vcf, opts).catch(async (e: unknown) => {
    if (!chainFile || !(e instanceof InputError) || !/liftover chain/.test(e.message)) throw e;
    return prescanVcf(req.vcf, { ...opts, chain: await ChainFile.load(chainFile) });
  });
  parentPort!.postMessage({ result }, result.blocks.map((b) => b.buffer as ArrayBuffer));
}

run(workerData as PrescanRequest).catch((e: unknown) => parentPort!.postMessage({ failed: String((e as Error)?.message ?? e) }));
