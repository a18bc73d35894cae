import { Module } from '@nestjs/common';
import { CaseLookup } from '../common/case-lookup';
import { KbModule } from '../kb/kb.module';
import { PipelineModule } from '../pipeline/pipeline.module';
import { CaseSubmissionService } from './case-submission.service';
import { CasesController } from './cases.controller';
import { HpoTermCheck } from './hpo-term-check';
import { ReanalysisService } from './reanalysis.service';

@Module({
  imports: [KbModule, PipelineModule],
  controllers: [CasesController],
  providers: [CaseLookup, CaseSubmissionService, ReanalysisService, HpoTermCheck],
  exports: [CaseLookup, CaseSubmissionService, HpoTermCheck, KbModule],
})
export class CasesModule {}
