import { Global, Module, type Provider } from '@nestjs/common';
import type { HealthIndicatorFunction } from '@nestjs/terminus';
import type { KbManifest } from '@rarerank/kb';
import { READINESS_CHECKS } from '@rarerank/nest-common';
import { KbController } from './kb.controller';
import { KB_MANIFEST, kbManifestProvider, kbVersionOf } from './kb-manifest.provider';

/** /health/ready names the KB version new cases are recorded under, as the workers' probes do. */
const kbReadinessProvider: Provider = {
  provide: READINESS_CHECKS,
  inject: [KB_MANIFEST],
  useFactory: (manifest: KbManifest): HealthIndicatorFunction[] => [async () => ({ kb: { status: 'up', version: kbVersionOf(manifest) } })],
};

// global: READINESS_CHECKS must reach the HealthModule's ReadinessService
@Global()
@Module({ controllers: [KbController], providers: [kbManifestProvider, kbReadinessProvider], exports: [KB_MANIFEST, READINESS_CHECKS] })
export class KbModule {}
