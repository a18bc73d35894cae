import 'reflect-metadata';
import { bootstrapWorker, loadConfig, runMain } from '@rarerank/nest-common';
import { AppModule } from './app.module';
import { phenotypeConfigSchema } from './config';

runMain(async () => {
  const config = loadConfig(phenotypeConfigSchema);
  await bootstrapWorker(AppModule.forRoot(config));
});
