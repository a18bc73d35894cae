import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveMirror } from '@rarerank/io';
import { buildGeneEvidence, GENE_EVIDENCE_SOURCES } from './build-gene-evidence';
import { KB_FILES } from './kb-files';
import { KnowledgeBase } from './knowledge-base';
import { openTestKb } from './test-kb';

const mirror = resolveMirror();
const S = GENE_EVIDENCE_SOURCES;

describe('gene evidence sources in the KB', () => {
  it('the real KB lists every source with its version and licence, and loads mouse profiles and the network', async () => {
    const kb = await openTestKb();
    const entry = (id: string) => kb.manifest.sources.find((s) => s.id === id)!;
    expect(entry('mp-ontology')).toMatchObject({ status: 'loaded', version: '2025-08-27', licence: 'CC BY 4.0' });
    expect(entry('mouse-phenotypes')).toMatchObject({ status: 'loaded', version: '2016-09-12' });
    expect(entry('mouse-phenotypes').records.humanGenesWithProfile).toBeGreaterThan(8000);
    expect(entry('mgi-orthologs').version).toBe('2024-12');
    expect(entry('upheno-species-neutral').status).toBe('loaded');
    expect(entry('mgi-mp-hp-mappings').status).toBe('loaded');
    expect(entry('string-ppi')).toMatchObject({ status: 'loaded', version: 'v12.0', licence: 'CC BY 4.0' });
    expect(entry('biogrid-ppi')).toMatchObject({ status: 'loaded', version: '4.4.232' });
    expect(entry('clingen-validity')).toMatchObject({ status: 'loaded', version: '2025-07-01' });
    const mouse = (await kb.mouseModels())!;
    expect(mouse.models.find((m) => m.symbol === 'FBN1')?.mouseSymbol).toBe('Fbn1');
    const net = (await kb.proximity())!;
    expect(net.symbols).toContain('SCN1A');
    expect((await kb.clingen())!.AARS1?.[0].classification).toBe('Definitive');
  });

  const hpo = async () => (await (await openTestKb()).phenotype()).ontology;

  it('missing files are recorded as missing, and the KB has no mouse or network part', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-ge-missing-'));
    const overrides = Object.fromEntries(Object.values(S).map((s) => [s.id, `/nonexistent/${s.id}`]));
    const entries = await buildGeneEvidence(mirror, overrides, dir, await hpo(), new Set(['A']), () => undefined);
    for (const s of Object.values(S)) {
      const e = entries.find((x) => x.id === s.id)!;
      expect(e.status).toBe('missing');
      expect(e.notes.join(' ')).toMatch(/nonexistent/);
    }
    expect(existsSync(path.join(dir, KB_FILES.mouseModels))).toBe(false);
    expect(existsSync(path.join(dir, KB_FILES.proximity))).toBe(false);
    const kb = await KnowledgeBase.open(dir.replace(/$/, '')).catch(() => undefined);
    expect(kb).toBeUndefined(); // no manifest: this directory is only the gene-evidence part
  });

  it('a network alone builds the proximity matrix from the symbols the KB knows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-ge-net-'));
    const edges = path.join(dir, 'edges.tsv');
    writeFileSync(edges, 'gene_a\tgene_b\nSCN1A\tSCN2A\nscn2a\tSCN3A\nSCN1A\tNOTAGENE\n');
    const overrides = { ...Object.fromEntries(Object.values(S).map((s) => [s.id, '/nonexistent/x'])), [S.string.id]: edges };
    const entries = await buildGeneEvidence(mirror, overrides, dir, await hpo(), new Set(['SCN1A', 'SCN2A', 'SCN3A']), () => undefined);
    expect(entries.find((e) => e.id === S.string.id)).toMatchObject({ status: 'loaded', records: { edges: 3, keptEdges: 2 } });
    expect(existsSync(path.join(dir, KB_FILES.proximity))).toBe(true);
  });

  it('a corrupt file fails the build naming the file and line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-ge-bad-'));
    const bad = path.join(dir, 'clingen.csv');
    writeFileSync(bad, '"CLINGEN GENE DISEASE VALIDITY CURATIONS"\n"GENE SYMBOL","GENE ID (HGNC)","DISEASE LABEL","DISEASE ID (MONDO)","MOI","SOP","CLASSIFICATION","ONLINE REPORT","CLASSIFICATION DATE","GCEP"\n"AARS1","20","x","MONDO:1","AD","SOP10","Definitive","u","2024-03-14","g"\n');
    const overrides = { ...Object.fromEntries(Object.values(S).map((s) => [s.id, '/nonexistent/x'])), [S.clingen.id]: bad };
    await expect(buildGeneEvidence(mirror, overrides, dir, await hpo(), new Set(), () => undefined)).rejects.toThrow(/clingen\.csv, line 3, field GENE ID \(HGNC\)/);
  });
});
