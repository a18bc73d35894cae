import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, serviceIdentity, StageQueueModule } from '@rarerank/nest-common';
import type { AnnotationConfig } from './config';

/**
 * The annotation worker. Annotates variants (frequency, pathogenicity, consequence) from the knowledge base.
 * For now it only holds its connections and its stage queue; the job processor arrives with the stage logic.
 */
@Module({})
export class AppModule {
  static forRoot(config: AnnotationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forWorker(serviceIdentity('annotation'), config), StageQueueModule.register('annotation')],
    };
  }
}
