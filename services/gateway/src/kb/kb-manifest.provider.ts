import type { Provider } from '@nestjs/common';
import { resolveKbDir } from '@rarerank/io';
import { kbVersion, type KbManifest, KnowledgeBase, manifestSummary } from '@rarerank/kb';
import { APP_CONFIG } from '@rarerank/nest-common';
import type { GatewayConfig } from '../config';

/** The manifest of the KB the gateway was started with (the gateway opens nothing else of the KB). */
export const KB_MANIFEST = Symbol('KB_MANIFEST');

export const kbManifestProvider: Provider = {
  provide: KB_MANIFEST,
  inject: [APP_CONFIG],
  // KnowledgeBase.open reads and checks manifest.json only; every other part loads on first use
  useFactory: async (config: GatewayConfig): Promise<KbManifest> => (await KnowledgeBase.open(resolveKbDir(config.RARERANK_KB))).manifest,
};

/** The KB version rule of libs/kb, shared with the workers' Engine.kbVersion. */
export const kbVersionOf = kbVersion;

/** What GET /kb answers: the version, the result summary and per-source facts, without build paths. */
export function kbSummary(manifest: KbManifest) {
  return {
    version: kbVersionOf(manifest),
    rarerankVersion: manifest.rarerankVersion,
    assembly: manifest.assembly,
    schemaVersion: manifest.schemaVersion,
    ...manifestSummary(manifest),
    sourceDetails: manifest.sources.map((s) => ({
      id: s.id,
      title: s.title,
      status: s.status,
      version: s.version,
      records: s.records,
      licence: s.licence,
      nonCommercial: s.nonCommercial,
    })),
  };
}
