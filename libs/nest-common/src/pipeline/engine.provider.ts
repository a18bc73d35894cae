import type { Provider } from '@nestjs/common';
import type { HealthIndicatorFunction } from '@nestjs/terminus';
import { Engine } from '@rarerank/engine';
import { resolveKbDir } from '@rarerank/io';
import { APP_CONFIG } from '../config/app-config.module';
import type { BaseConfig } from '../config/base-config';
import { READINESS_CHECKS } from '../health/readiness.service';

/**
 * The engine, with the KB loaded once at boot (inject `Engine`). The app does not finish starting
 * until the KB is loaded, so a worker never takes a job it cannot run; a missing or broken KB
 * fails the boot with the KB's own message.
 */
export const engineProvider: Provider = {
  provide: Engine,
  inject: [APP_CONFIG],
  useFactory: (config: BaseConfig) => Engine.create({ kbDir: resolveKbDir(config.RARERANK_KB) }),
};

/** Readiness names the KB version the worker runs with (an analysis records the version it was requested under). */
export const kbReadinessProvider: Provider = {
  provide: READINESS_CHECKS,
  inject: [Engine],
  // the KB is loaded before the app starts, so once the probe answers this check is up
  useFactory: (engine: Engine): HealthIndicatorFunction[] => [async () => ({ kb: { status: 'up', version: engine.kbVersion } })],
};
