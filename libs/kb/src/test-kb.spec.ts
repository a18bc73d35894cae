import { openTestKb } from './test-kb';

describe('the shared test KB', () => {
  it('is built from the real mirror and opens', async () => {
    const kb = await openTestKb();
    expect(kb.manifest.sources.find((s) => s.id === 'hpo-ontology')?.version).toBe('2025-05-06');
    expect((await kb.phenotype()).diseases.length).toBeGreaterThan(12000);
  });
});
