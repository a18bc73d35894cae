import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG } from '../config/app-config.module';
import type { BaseConfig } from '../config/base-config';
import { MongoConnectionLifecycle, mongooseRootModule } from './mongo-connection';
import { REDIS_CLIENT, REDIS_DISCONNECT_TIMEOUT_MS, RedisClientLifecycle, redisClientProvider } from './redis-client';

/** Connections every service holds: MongoDB (mongoose), Redis for BullMQ, and a plain Redis client. */
@Global()
@Module({
  imports: [
    mongooseRootModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: BaseConfig) => ({ connection: { url: config.REDIS_URL, disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS } }),
    }),
  ],
  providers: [redisClientProvider, RedisClientLifecycle, MongoConnectionLifecycle],
  exports: [REDIS_CLIENT, BullModule, mongooseRootModule],
})
export class InfraModule {}
