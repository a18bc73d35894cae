import { type DynamicModule, Module } from '@nestjs/common';
import { PipelineWorkerModule, ServiceCoreModule, serviceIdentity } from '@rarerank/nest-common';
import { ingestCaseContract } from '@rarerank/pipeline';
import type { IngestionConfig } from './config';
import { IngestCaseHandler } from './ingest-case/ingest-case.handler';

/** The ingestion worker: a case's uploaded VCFs (and PED) → stored variant chunks; then the annotation and phenotype jobs. */
@Module({})
export class AppModule {
  static forRoot(config: IngestionConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forWorker(serviceIdentity('ingestion'), config),
        PipelineWorkerModule.forStage({ consumes: [ingestCaseContract], handlers: [IngestCaseHandler] }),
      ],
    };
  }
}
