import { type DynamicModule, Module } from '@nestjs/common';
import { DataAccessModule } from '@rarerank/data-access';
import { ServiceCoreModule, serviceIdentity } from '@rarerank/nest-common';
import { BatchesModule } from './batches/batches.module';
import { CasesModule } from './cases/cases.module';
import { IndexesAtBoot } from './common/indexes-at-boot';
import type { GatewayConfig } from './config';
import { EventsModule } from './events/events.module';
import { KbModule } from './kb/kb.module';
import { KeysModule } from './keys/keys.module';
import { MeModule } from './me/me.module';
import { ResultsModule } from './results/results.module';
import { ReviewsModule } from './reviews/reviews.module';
import { UsersModule } from './users/users.module';

/** The public REST API (docs/SERVICES.md), plus the case.stage listener that feeds SSE and webhooks. */
@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forHttpApp(serviceIdentity('gateway'), config),
        DataAccessModule,
        KbModule,
        CasesModule,
        ResultsModule,
        ReviewsModule,
        BatchesModule,
        UsersModule,
        KeysModule,
        MeModule,
        EventsModule,
      ],
      providers: [IndexesAtBoot],
    };
  }
}
