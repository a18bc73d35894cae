import { Controller, Inject, type MessageEvent, Param, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG } from '@rarerank/nest-common';
import { CASE_STAGE_EVENT, type CaseStageEvent } from '@rarerank/pipeline';
import { concat, finalize, interval, last, map, merge, type Observable, of, ReplaySubject, share, takeUntil, takeWhile } from 'rxjs';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { type Actor, CurrentActor } from '../auth/actor';
import { CaseLookup } from '../common/case-lookup';
import { ApiCaseNotFound } from '../common/openapi';
import type { GatewayConfig } from '../config';
import { CaseEventHub } from './case-event-hub';
import { closesStream, statusMessage } from './stage-stream';

@ApiTags('cases')
@ApiKeyAuth()
@ApiCaseNotFound()
@Controller('cases')
export class CaseEventsController {
  constructor(
    private readonly hub: CaseEventHub,
    private readonly lookup: CaseLookup,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Sse(':id/events')
  @ApiOperation({ summary: 'Server-sent events: first `status` (where the case stands), then each `case.stage` event until the analysis completes or fails' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'the event stream (ends once the analysis completed or failed)' })
  async events(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<Observable<MessageEvent>> {
    // listen before reading the case, so an event between the read and the subscription is not lost
    const live = new ReplaySubject<CaseStageEvent>();
    const subscription = this.hub.forCase(actor.labId, id).subscribe(live);
    let status: ReturnType<typeof statusMessage>;
    try {
      status = statusMessage(await this.lookup.get(actor, id));
    } catch (err) {
      subscription.unsubscribe();
      throw err;
    }
    const first = of<MessageEvent>({ type: 'status', data: status });
    if (status.terminal) {
      subscription.unsubscribe();
      return first;
    }
    const stages = live.pipe(
      takeWhile((e) => !closesStream(e, status.analysis), true),
      map((e): MessageEvent => ({ type: CASE_STAGE_EVENT, data: e })),
      share(),
    );
    // proxies drop idle connections: a heartbeat until the stages end
    const heartbeat = interval(this.config.SSE_HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: {} })),
      takeUntil(stages.pipe(last(undefined, null))),
    );
    return concat(first, merge(stages, heartbeat)).pipe(finalize(() => subscription.unsubscribe()));
  }
}
