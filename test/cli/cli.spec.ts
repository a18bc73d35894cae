import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Runs the built CLI as a user would (`npm test` builds first).
const root = path.resolve(__dirname, '..', '..');
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin', 'rarerank.js'), ...args], { encoding: 'utf8', env: { ...process.env, RARERANK_KB: '' } });

describe('rarerank CLI', () => {
  it.each([[['--help']], [['kb', '--help']], [['kb', 'build', '--help']], [['kb', 'info', '--help']], [['example', '--help']]])('%j prints help', (args) => {
    const r = run(...args);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: rarerank/);
  });

  it('kb info on a folder without a KB exits 2 and says what to do', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-cli-'));
    const r = run('kb', 'info', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/manifest\.json.*rarerank kb build/);
  });

  it('kb build with a wrong-format source exits 2 naming the file and line, and writes no KB', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-cli-'));
    const bad = path.join(dir, 'genes_to_disease.txt');
    writeFileSync(bad, 'ncbi_gene_id\tgene_symbol\tassociation_type\tdisease_id\tsource\nNCBIGene:2200\tFBN1\tMENDELIAN\n');
    const out = path.join(dir, 'kb');
    const r = run('kb', 'build', '--quiet', '--out', out, '--source', `hpo-genes-to-disease=${bad}`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/genes_to_disease\.txt, line 2: expected 5 columns, found 3/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['genes_to_disease.txt']);
  });

  it('the main job builds the KB, prints it as a table and checks the shipped example case', () => {
    const kb = path.join(mkdtempSync(path.join(tmpdir(), 'rr-cli-')), 'kb');
    const r = run('example', '--kb', kb);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/hpo-ontology\s+loaded\s+2025-05-06\s+terms=19177/);
    expect(r.stdout).toMatch(/gene-models\s+loaded\s+-\s+transcripts=19316/);
    expect(r.stdout).toMatch(/observed HP:0001166 Arachnodactyly/);
    expect(r.stdout).toMatch(/excluded HP:0001249 Intellectual disability/);
    expect(r.stdout).toMatch(/VCF: 49 variant records, sample PROBAND/);
    const info = run('kb', 'info', kb, '--json');
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout).sources.find((s: { id: string }) => s.id === 'alphamissense-gene')).toMatchObject({ nonCommercial: true, status: 'loaded' });
  }, 120_000);
});
