import 'reflect-metadata';
import { bootstrapWorker, loadConfig, runMain } from '@rarerank/nest-common';
import { AppModule } from './app.module';
import { ingestionConfigSchema } from './config';

runMain(async () => {
  const config = loadConfig(ingestionConfigSchema);
  await bootstrapWorker(AppModule.forRoot(config));
});
