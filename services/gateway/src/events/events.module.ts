import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { CaseEventHub } from './case-event-hub';
import { CaseEventsController } from './case-events.controller';
import { CaseStageListener } from './case-stage.listener';

/** case.stage events in (Redis transport), out to SSE streams and webhooks. */
@Module({ imports: [CasesModule, WebhooksModule], controllers: [CaseEventsController, CaseStageListener], providers: [CaseEventHub] })
export class EventsModule {}
