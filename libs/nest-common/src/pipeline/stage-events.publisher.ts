import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { CASE_STAGE_EVENT, type CaseStageEvent, caseStageEventSchema } from '@rarerank/pipeline';
import { lastValueFrom, timeout } from 'rxjs';
import { APP_CONFIG } from '../config/app-config.module';
import type { BaseConfig } from '../config/base-config';
import { redisOptionsFromUrl } from '../infra/redis-options';

const EMIT_TIMEOUT_MS = 2_000;

/**
 * Emits `case.stage` events over the @nestjs/microservices Redis transport (the gateway fans them
 * out to SSE and webhooks). Best effort: the Case document is the truth, so a lost event never
 * fails a job; it is logged (ids only) and the job goes on.
 */
@Injectable()
export class StageEventPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(StageEventPublisher.name);
  private readonly client: ClientProxy;

  constructor(@Inject(APP_CONFIG) config: BaseConfig) {
    this.client = ClientProxyFactory.create({
      transport: Transport.REDIS,
      options: { ...redisOptionsFromUrl(config.REDIS_URL), retryAttempts: Number.MAX_SAFE_INTEGER, retryDelay: 1_000 },
    });
  }

  async emit(event: Omit<CaseStageEvent, 'at'> & { at?: string }): Promise<void> {
    const parsed = caseStageEventSchema.parse({ ...event, at: event.at ?? new Date().toISOString() });
    try {
      await lastValueFrom(this.client.emit(CASE_STAGE_EVENT, parsed).pipe(timeout(EMIT_TIMEOUT_MS)), { defaultValue: undefined });
    } catch (err) {
      this.logger.warn({ caseId: parsed.caseId, stage: parsed.stage, status: parsed.status }, `stage event not delivered: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
