import type { Connection } from 'mongoose';
import { FileStore } from './files/file-store';
import { ApiKeyRepository } from './repositories/api-key.repository';
import { AuditRepository } from './repositories/audit.repository';
import { BatchRepository } from './repositories/batch.repository';
import { CandidateVariantRepository } from './repositories/candidate-variant.repository';
import { CaseRepository } from './repositories/case.repository';
import { LabRepository } from './repositories/lab.repository';
import { ResultRepository } from './repositories/result.repository';
import { ReviewRepository } from './repositories/review.repository';
import { UserRepository } from './repositories/user.repository';
import { VariantChunkRepository } from './repositories/variant-chunk.repository';

/** Every repository and the file store over one connection (the CLI and tests use this; services get them from DataAccessModule). */
export class DataAccess {
  readonly labs: LabRepository;
  readonly users: UserRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly cases: CaseRepository;
  readonly variantChunks: VariantChunkRepository;
  readonly candidateVariants: CandidateVariantRepository;
  readonly results: ResultRepository;
  readonly reviews: ReviewRepository;
  readonly audit: AuditRepository;
  readonly batches: BatchRepository;
  readonly files: FileStore;

  constructor(readonly connection: Connection) {
    this.labs = new LabRepository(connection);
    this.users = new UserRepository(connection);
    this.apiKeys = new ApiKeyRepository(connection);
    this.cases = new CaseRepository(connection);
    this.variantChunks = new VariantChunkRepository(connection);
    this.candidateVariants = new CandidateVariantRepository(connection);
    this.results = new ResultRepository(connection);
    this.reviews = new ReviewRepository(connection);
    this.audit = new AuditRepository(connection);
    this.batches = new BatchRepository(connection);
    this.files = new FileStore(connection);
  }

  /** Creates every collection's indexes (idempotent; services call it at boot once the connection is open). */
  async ensureIndexes(): Promise<void> {
    for (const repo of [this.labs, this.users, this.apiKeys, this.cases, this.variantChunks, this.candidateVariants, this.results, this.reviews, this.audit, this.batches, this.files]) {
      await repo.ensureIndexes();
    }
  }
}
