import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { type ApiKey, DataAccess, type Lab, type Role, type User } from '@rarerank/data-access';
import { testKbDir } from '@rarerank/kb';
import { parseConfig } from '@rarerank/nest-common';
import { IndexesAtBoot } from '../../../services/gateway/src/common/indexes-at-boot';
import { type GatewayConfig, gatewayConfigSchema } from '../../../services/gateway/src/config';
import { startGateway } from '../../../services/gateway/src/gateway-app';
import { serverUrls, uniqueName } from '../../smoke/server-urls';

export interface TestGateway {
  app: INestApplication;
  base: string;
  config: GatewayConfig;
  data: DataAccess;
  /** this gateway's own upload temp dir (UPLOAD_TMP_DIR), to check that uploads are cleaned up */
  uploadTmp: string;
  /** keepDatabase: another gateway of the test still uses it */
  close(opts?: { keepDatabase?: boolean }): Promise<void>;
}

/**
 * Boots the gateway in-process on a free port against the real servers: a database of its own,
 * and a Redis database of its own (each spec file passes a different `redisDb`), so the webhook
 * queue of one spec's gateway never takes another's jobs. A second replica passes the first
 * one's database name.
 */
export async function startTestGateway(redisDb: number, env: Record<string, string> = {}, dbName = uniqueName('gateway')): Promise<TestGateway> {
  const { redisUrl, mongoUrl } = serverUrls();
  const mongo = new URL(mongoUrl);
  mongo.pathname = `/${dbName}`;
  const redis = new URL(redisUrl);
  redis.pathname = `/${redisDb}`;
  const uploadTmp = await mkdtemp(path.join(tmpdir(), 'rarerank-gw-test-'));
  const config = parseConfig(gatewayConfigSchema, {
    REDIS_URL: redis.toString(),
    MONGO_URL: mongo.toString(),
    RARERANK_KB: testKbDir(),
    UPLOAD_TMP_DIR: uploadTmp,
    PORT: '0',
    LOG_LEVEL: 'silent',
    // the specs' webhook receivers listen on 127.0.0.1: allowed here explicitly, refused by default
    WEBHOOK_ALLOW_PRIVATE: 'true',
    ...env,
  });
  const app = await startGateway(config, '127.0.0.1');
  await app.get(IndexesAtBoot).ensure();
  const data = app.get(DataAccess);
  return {
    app,
    base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
    config,
    data,
    uploadTmp,
    async close(opts = {}) {
      if (!opts.keepDatabase) await data.connection.dropDatabase().catch(() => undefined);
      await app.close();
      await rm(uploadTmp, { recursive: true, force: true });
    },
  };
}

export interface TestLab {
  lab: Lab;
  keys: Record<'submitter' | 'reviewer' | 'reviewer2' | 'admin', { key: ApiKey; secret: string; user: User }>;
}

/** A user record of the lab and one key of it with `role`. */
export async function createUserKey(data: DataAccess, labId: string, name: string, role: Role): Promise<{ key: ApiKey; secret: string; user: User }> {
  const user = await data.users.create({ labId, name, roles: [role], createdBy: 'operator' });
  const { key, plaintext } = await data.apiKeys.create(labId, { userId: user.id, user: user.name }, role);
  return { key, secret: plaintext, user };
}

/** A lab with one user and key per role (two reviewers, for the four-eyes rule). */
export async function createLab(data: DataAccess, name: string, webhook?: { url: string; secret: string }): Promise<TestLab> {
  const lab = await data.labs.create({ name, ...(webhook ? { webhookUrl: webhook.url, webhookSecret: webhook.secret } : {}) });
  const make = (user: string, role: Role) => createUserKey(data, lab.id, user, role);
  return {
    lab,
    keys: {
      submitter: await make('sam', 'submitter'),
      reviewer: await make('rita', 'reviewer'),
      reviewer2: await make('rob', 'reviewer'),
      admin: await make('ada', 'admin'),
    },
  };
}

export const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
