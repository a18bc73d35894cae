/**
 * The real servers the integration tests run against. Missing URLs are a failure, never a skip:
 * a green run must mean the smoke tests actually talked to Redis and FerretDB/MongoDB.
 */
export interface ServerUrls {
  redisUrl: string;
  mongoUrl: string;
}

export function serverUrls(): ServerUrls {
  const redisUrl = process.env.REDIS_URL;
  const mongoUrl = process.env.MONGO_URL;
  if (redisUrl && mongoUrl) return { redisUrl, mongoUrl };
  const missing = [!redisUrl && 'REDIS_URL', !mongoUrl && 'MONGO_URL'].filter(Boolean).join(' and ');
  throw new Error(
    process.env.CI && process.env.CI !== 'false'
      ? `${missing} not set in CI: the integration tests need real servers; run them through \`npm test\` (scripts/with-test-servers.sh).`
      : `${missing} not set: run the integration tests with real servers via \`npm test\` or \`bash scripts/with-test-servers.sh npx jest test/smoke\`.`,
  );
}

/** A name no other run (or concurrent engineer) uses, so tests never see each other's data. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
