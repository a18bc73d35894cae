import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { BatchesController } from './batches.controller';
import { BatchesService } from './batches.service';

@Module({ imports: [CasesModule], controllers: [BatchesController], providers: [BatchesService] })
export class BatchesModule {}
