import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/app-config.module';
import type { BaseConfig } from '../config/base-config';
import type { ServiceIdentity } from '../bootstrap/service-identity';
import { SERVICE_IDENTITY } from '../bootstrap/service-identity.token';

/** Injection token for the service's own ioredis client (health pings, small keys); BullMQ opens its own. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * ioredis waits `disconnectTimeout` (2 s) for a socket to report "close" on disconnect; a socket that
 * never connected never does, so shutdown would hang that long whenever Redis was unreachable.
 */
export const REDIS_DISCONNECT_TIMEOUT_MS = 200;

export const redisClientProvider: Provider = {
  provide: REDIS_CLIENT,
  inject: [APP_CONFIG, SERVICE_IDENTITY],
  // lazyConnect: building the module (and unit tests) must not need a server; we connect at bootstrap.
  useFactory: (config: BaseConfig, identity: ServiceIdentity) =>
    new Redis(config.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS,
      connectionName: `rarerank-${identity.name}`,
    }),
};

/** Connects the client when the app starts (ioredis keeps reconnecting after that) and closes it on shutdown. */
@Injectable()
export class RedisClientLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {
    // Without a listener, a connection error event would crash the process; readiness reports it instead.
    this.redis.on('error', (err: Error) => this.logger.warn(`redis connection error: ${err.message}`));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.redis.status !== 'wait') return;
    try {
      await this.redis.connect();
    } catch (err) {
      this.logger.warn(`redis not reachable at startup, retrying in the background: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
