import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ResultsController } from './results.controller';

@Module({ imports: [CasesModule], controllers: [ResultsController] })
export class ResultsModule {}
