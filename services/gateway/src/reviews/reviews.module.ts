import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AuditController } from './audit.controller';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({ imports: [CasesModule], controllers: [ReviewsController, AuditController], providers: [ReviewsService] })
export class ReviewsModule {}
