import { MongooseModule } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { EnsureIndexesOnConnect, ApiKeyRepository, AuditRepository, BatchRepository, CandidateVariantRepository, CaseRepository, DataAccess, DataAccessModule, FileStore, LabRepository, ResultRepository, ReviewRepository, VariantChunkRepository } from '@rarerank/data-access';
import { serverUrls, uniqueName } from '../smoke/server-urls';
import { newCaseInput } from './fixtures';

describe('DataAccessModule', () => {
  it("provides every repository and the file store over the app's default connection", async () => {
    const url = new URL(serverUrls().mongoUrl);
    url.pathname = `/${uniqueName('da_nest')}`;
    const app = await Test.createTestingModule({ imports: [MongooseModule.forRoot(url.toString()), DataAccessModule] }).compile();
    await app.init();
    const da = app.get(DataAccess);
    try {
      for (const token of [LabRepository, ApiKeyRepository, CaseRepository, VariantChunkRepository, CandidateVariantRepository, ResultRepository, ReviewRepository, AuditRepository, BatchRepository, FileStore]) {
        expect(app.get(token)).toBeInstanceOf(token);
      }
      // the injected repositories are the bundle's own, on the same connection
      expect(app.get(CaseRepository)).toBe(da.cases);
      // indexes are created on connect: the unique chunk index rejects a duplicate
      await app.get(EnsureIndexesOnConnect).done;
      await da.connection.collection('variantchunks').insertOne({ caseId: 'c', chunk: 0 });
      await expect(da.connection.collection('variantchunks').insertOne({ caseId: 'c', chunk: 0 })).rejects.toMatchObject({ code: 11000 });
      const c = await app.get(CaseRepository).create(newCaseInput('lab-nest'));
      expect(await da.cases.findForLab('lab-nest', c.id)).toMatchObject({ id: c.id });
    } finally {
      await da.connection.dropDatabase();
      await app.close();
    }
  });

  it('creates the indexes when a lazily opened connection (as InfraModule makes it) opens after bootstrap', async () => {
    const url = new URL(serverUrls().mongoUrl);
    url.pathname = `/${uniqueName('da_nest_lazy')}`;
    const app = await Test.createTestingModule({ imports: [MongooseModule.forRoot(url.toString(), { lazyConnection: true }), DataAccessModule] }).compile();
    await app.init();
    const da = app.get(DataAccess);
    try {
      expect(da.connection.readyState).not.toBe(1);
      await da.connection.openUri(url.toString());
      await app.get(EnsureIndexesOnConnect).done;
      const indexes = await da.connection.collection('apikeys').indexes();
      expect(indexes).toContainEqual(expect.objectContaining({ key: { prefix: 1 }, unique: true }));
    } finally {
      await da.connection.dropDatabase();
      await app.close();
    }
  });
});
