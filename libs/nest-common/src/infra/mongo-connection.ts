import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { APP_CONFIG } from '../config/app-config.module';
import type { BaseConfig } from '../config/base-config';

const FIRST_ATTEMPT_TIMEOUT_MS = 5_000;
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * The default mongoose connection (so MongooseModule.forFeature works in services), created
 * unopened: building the module needs no server; MongoConnectionLifecycle opens it at bootstrap.
 */
export const mongooseRootModule = MongooseModule.forRootAsync({
  useFactory: () => ({ lazyConnection: true }),
});

/**
 * Opens the connection when the app starts. The first attempt is awaited so a healthy stack is
 * ready at once; if the database is down the app still starts (readiness reports it) and keeps
 * retrying with backoff, because the driver does not retry a failed initial connection itself.
 */
@Injectable()
export class MongoConnectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MongoDB');
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(APP_CONFIG) private readonly config: BaseConfig,
  ) {
    // Without a listener, a connection error event would crash the process; readiness reports it instead.
    this.connection.on('error', (err: Error) => this.logger.warn(`mongodb connection error: ${err.message}`));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.tryOpen())) this.scheduleRetry(1_000);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  private async tryOpen(): Promise<boolean> {
    try {
      await this.connection.openUri(this.config.MONGO_URL, { serverSelectionTimeoutMS: FIRST_ATTEMPT_TIMEOUT_MS });
      return true;
    } catch (err) {
      this.logger.warn(`mongodb not reachable, retrying in the background: ${(err as Error).message}`);
      return false;
    }
  }

  private scheduleRetry(delayMs: number): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(async () => {
      if (this.stopped || (await this.tryOpen())) return;
      this.scheduleRetry(Math.min(delayMs * 2, MAX_RETRY_DELAY_MS));
    }, delayMs);
    this.retryTimer.unref();
  }
}
