import 'reflect-metadata';
import { loadConfig, runMain } from '@rarerank/nest-common';
import { gatewayConfigSchema } from './config';
import { startGateway } from './gateway-app';

runMain(async () => {
  await startGateway(loadConfig(gatewayConfigSchema));
});
