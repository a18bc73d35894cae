import 'reflect-metadata';
import { bootstrapWorker, loadConfig, runMain } from '@rarerank/nest-common';
import { AppModule } from './app.module';
import { annotationConfigSchema } from './config';

runMain(async () => {
  const config = loadConfig(annotationConfigSchema);
  await bootstrapWorker(AppModule.forRoot(config));
});
