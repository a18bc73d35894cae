import 'reflect-metadata';
import { bootstrapWorker, loadConfig, runMain } from '@rarerank/nest-common';
import { AppModule } from './app.module';
import { rankingConfigSchema } from './config';

runMain(async () => {
  const config = loadConfig(rankingConfigSchema);
  await bootstrapWorker(AppModule.forRoot(config));
});
