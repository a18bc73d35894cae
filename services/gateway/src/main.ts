import 'reflect-metadata';
import { bootstrapHttpService, loadConfig, runMain } from '@rarerank/nest-common';
import { AppModule } from './app.module';
import { gatewayConfigSchema } from './config';

runMain(async () => {
  const config = loadConfig(gatewayConfigSchema);
  await bootstrapHttpService(AppModule.forRoot(config), config.PORT);
});
