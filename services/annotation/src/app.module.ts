import { type DynamicModule, Module } from '@nestjs/common';
import { PipelineWorkerModule, ServiceCoreModule, serviceIdentity } from '@rarerank/nest-common';
import { annotateChunkContract } from '@rarerank/pipeline';
import { AnnotateChunkHandler } from './annotate-chunk/annotate-chunk.handler';
import { CaseProbandCache } from './annotate-chunk/case-proband.cache';
import type { AnnotationConfig } from './config';

/** The annotation worker: one chunk of ingested variants per job → its annotated ranking candidates. */
@Module({})
export class AppModule {
  static forRoot(config: AnnotationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forWorker(serviceIdentity('annotation'), config),
        PipelineWorkerModule.forStage({ consumes: [annotateChunkContract], handlers: [AnnotateChunkHandler], providers: [CaseProbandCache] }),
      ],
    };
  }
}
