import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataAccess } from '../data-access';

const CONNECTED = 1;

/**
 * Creates the collections' indexes as soon as the default connection is open. The connection
 * may open later than bootstrap (InfraModule retries in the background while the database is
 * down), so this waits for it rather than holding up the app's start.
 */
@Injectable()
export class EnsureIndexesOnConnect implements OnApplicationBootstrap {
  private readonly logger = new Logger('DataAccess');

  constructor(private readonly dataAccess: DataAccess) {}

  onApplicationBootstrap(): void {
    const { connection } = this.dataAccess;
    if (connection.readyState === CONNECTED) void this.run();
    else connection.once('open', () => void this.run());
  }

  // declared before `done`, whose initializer replaces it (field initializers run in order)
  private resolveDone: () => void = () => undefined;
  /** Resolves once the indexes exist (tests and readiness checks may await it). */
  readonly done = new Promise<void>((resolve) => (this.resolveDone = resolve));

  private async run(): Promise<void> {
    try {
      await this.dataAccess.ensureIndexes();
      this.resolveDone();
    } catch (err) {
      this.logger.error(`could not create indexes: ${(err as Error).message}`);
    }
  }
}
