import { KnowledgeBase } from './knowledge-base';

/**
 * The KB that test/global-setup.ts built from the real mirror for this jest run. Specs that need
 * a KB use this instead of building their own.
 */
export function testKbDir(): string {
  const dir = process.env.RARERANK_TEST_KB;
  if (!dir) throw new Error('RARERANK_TEST_KB is not set: run specs through jest (test/global-setup.ts builds the test KB)');
  return dir;
}

let opened: Promise<KnowledgeBase> | undefined;
export function openTestKb(): Promise<KnowledgeBase> {
  opened ??= KnowledgeBase.open(testKbDir());
  return opened;
}
