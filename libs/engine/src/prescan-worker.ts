// Worker thread entry (see prescan.ts): pre-scans one VCF while the main thread loads the KB.
import { parentPort, workerData } from 'node:worker_threads';
import { keepRegionFilter } from '@rarerank/annotation';
import { KnowledgeBase } from '@rarerank/kb';
import { ChainFile } from '@rarerank/liftover';
import { pedigreeFor, prescanVcf, readPed } from '@rarerank/vcf';
import type { PrescanRequest } from './prescan';

async function run(req: PrescanRequest): Promise<void> {
  const kb = await KnowledgeBase.open(req.kbDir);
  const chainFile = kb.chainFile();
  const [keepRegion, chain, pedigree] = await Promise.all([
    keepRegionFilter(kb, { regions: req.regions }),
    chainFile ? ChainFile.load(chainFile) : undefined,
    req.ped && req.proband ? readPed(req.ped).then((p) => pedigreeFor(p, req.proband!)) : undefined,
  ]);
  const result = await prescanVcf(req.vcf, { proband: req.proband, pedigree, probandSex: req.sex, assembly: req.assembly, chain, keepRegion, ignoreInputAnnotations: req.ignoreInputAnnotations });
  parentPort!.postMessage({ result }, result.blocks.map((b) => b.buffer as ArrayBuffer));
}

run(workerData as PrescanRequest).catch((e: unknown) => parentPort!.postMessage({ failed: String((e as Error)?.message ?? e) }));
