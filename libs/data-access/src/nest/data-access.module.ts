import { Global, Module, type Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { DataAccess } from '../data-access';
import { FileStore } from '../files/file-store';
import { ApiKeyRepository } from '../repositories/api-key.repository';
import { AuditRepository } from '../repositories/audit.repository';
import { BatchRepository } from '../repositories/batch.repository';
import { CandidateVariantRepository } from '../repositories/candidate-variant.repository';
import { CaseRepository } from '../repositories/case.repository';
import { LabRepository } from '../repositories/lab.repository';
import { ResultRepository } from '../repositories/result.repository';
import { ReviewRepository } from '../repositories/review.repository';
import { UserRepository } from '../repositories/user.repository';
import { VariantChunkRepository } from '../repositories/variant-chunk.repository';
import { EnsureIndexesOnConnect } from './ensure-indexes-on-connect';

/** Each injectable class, taken from the one DataAccess bundle built on the default connection (InfraModule). */
const fromBundle: Array<[new (...args: never[]) => unknown, (d: DataAccess) => unknown]> = [
  [LabRepository, (d) => d.labs],
  [UserRepository, (d) => d.users],
  [ApiKeyRepository, (d) => d.apiKeys],
  [CaseRepository, (d) => d.cases],
  [VariantChunkRepository, (d) => d.variantChunks],
  [CandidateVariantRepository, (d) => d.candidateVariants],
  [ResultRepository, (d) => d.results],
  [ReviewRepository, (d) => d.reviews],
  [AuditRepository, (d) => d.audit],
  [BatchRepository, (d) => d.batches],
  [FileStore, (d) => d.files],
];

const providers: Provider[] = [
  { provide: DataAccess, inject: [getConnectionToken()], useFactory: (connection: Connection) => new DataAccess(connection) },
  ...fromBundle.map(([token, pick]): Provider => ({ provide: token, inject: [DataAccess], useFactory: pick })),
  EnsureIndexesOnConnect,
];

/**
 * Provides every repository and the FileStore, injectable by class, over the default mongoose
 * connection (InfraModule). Indexes are created once that connection opens.
 */
@Global()
@Module({
  providers,
  exports: [DataAccess, EnsureIndexesOnConnect, ...fromBundle.map(([token]) => token)],
})
export class DataAccessModule {}
