import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Transport } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { redisOptionsFromUrl } from '@rarerank/nest-common';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { GatewayConfig } from './config';
import { closeOnUnreadBody } from './common/close-on-unread-body';
import { setupOpenApi } from './openapi-document';
import { serveWebApp } from './web-app/serve-web-app';
import { loadWebAppFiles, webAppDir } from './web-app/web-app-files';

/**
 * Boots the gateway: HTTP API (JSON bodies parsed after authentication by JsonBodyGuard, hence
 * bodyParser off),
 * OpenAPI at /docs, the counselor web app at /app (static, outside the OpenAPI document), and the Redis-transport listener for case.stage events (a hybrid app).
 */
export async function startGateway(config: GatewayConfig, host?: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(closeOnUnreadBody);
  app.use('/app', serveWebApp(loadWebAppFiles(webAppDir())));
  app.connectMicroservice<MicroserviceOptions>({ transport: Transport.REDIS, options: redisOptionsFromUrl(config.REDIS_URL) });
  setupOpenApi(app);
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  await app.listen(config.PORT, host ?? config.HOST);
  return app;
}
