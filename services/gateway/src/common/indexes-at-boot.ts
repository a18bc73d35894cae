import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { DataAccess } from '@rarerank/data-access';
import type { Connection } from 'mongoose';

const CONNECTED = 1;

/**
 * Creates the collections' indexes once MongoDB is reachable (idempotent). It does not hold up
 * the boot: while the database is down, readiness reports it and this runs on (re)connection.
 */
@Injectable()
export class IndexesAtBoot implements OnApplicationBootstrap {
  private readonly logger = new Logger(IndexesAtBoot.name);
  private done?: Promise<void>;

  constructor(
    private readonly data: DataAccess,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  onApplicationBootstrap(): void {
    if (this.connection.readyState === CONNECTED) void this.ensure();
    else this.connection.once('open', () => void this.ensure());
  }

  /** Resolves once the indexes exist (tests await it). */
  ensure(): Promise<void> {
    this.done ??= this.data.ensureIndexes().catch((err: Error) => {
      this.done = undefined;
      this.logger.error(`index creation failed: ${err.message}`);
    });
    return this.done;
  }
}
