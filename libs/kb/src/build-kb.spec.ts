import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolveMirror } from '@rarerank/io';
import { buildKb } from './build-kb';
import type { KbManifest } from './manifest';
import { PhenotypeKb } from './phenotype-kb';
import { readManifest } from './read-manifest';
import { KnowledgeBase } from './knowledge-base';

const mirror = resolveMirror();

describe('KB build from the real data mirror', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'rr-kb-')), 'kb');
  let manifest: KbManifest;
  beforeAll(async () => {
    manifest = await buildKb({ mirror, out });
  }, 300_000);

  const source = (id: string) => manifest.sources.find((s) => s.id === id)!;

  it('records HPO 2025-05-06 with ≥ 19,000 terms and ≥ 12,000 annotated diseases', () => {
    expect(source('hpo-ontology')).toMatchObject({ status: 'loaded', version: '2025-05-06' });
    expect(source('hpo-ontology').records.terms).toBeGreaterThanOrEqual(19000);
    expect(source('hpo-annotations').version).toBe('2025-05-06');
    expect(source('hpo-annotations').records.annotatedDiseases).toBeGreaterThanOrEqual(12000);
  });

  it('records ≥ 19,000 MANE transcripts', () => {
    expect(source('gene-models')).toMatchObject({ status: 'loaded' });
    expect(source('gene-models').records.transcripts).toBeGreaterThanOrEqual(19000);
  });

  it('records every source with checksums, and flags non-commercial licences', () => {
    for (const s of manifest.sources.filter((x) => x.status === 'loaded')) {
      expect(s.files.length).toBeGreaterThan(0);
      for (const f of s.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(source('alphamissense-gene')).toMatchObject({ status: 'loaded', nonCommercial: true });
    expect(source('hpo-ontology').nonCommercial).toBe(false);
    const manifestOnDisk = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    for (const [rel, o] of Object.entries(manifestOnDisk.outputs as Record<string, { bytes: number }>)) {
      expect(existsSync(path.join(out, rel))).toBe(true);
      expect(o.bytes).toBeGreaterThan(0);
    }
  });

  it('loads the phenotype part back with the same content', async () => {
    const kb = await PhenotypeKb.load(out);
    expect(kb.ontology.version).toBe('2025-05-06');
    expect(kb.ontology.size).toBe(source('hpo-ontology').records.terms);
    expect(kb.disease('OMIM:154700')?.name).toBe('Marfan syndrome');
    expect(kb.diseasesOfGene('2200').map((l) => l.diseaseId)).toContain('OMIM:154700');
    expect(kb.ic[kb.ontology.indexOf('HP:0001166')!]).toBeGreaterThan(3);
    expect((await readManifest(out)).builtAt).toBe(manifest.builtAt);
  });

  it('opens genes, transcripts and variant tables from the KB', async () => {
    const kb = await KnowledgeBase.open(out);
    const fbn1 = (await kb.genes()).find((g) => g.symbol === 'FBN1')!;
    expect(fbn1).toMatchObject({ ncbiGeneId: '2200', hgncId: 'HGNC:3603' });
    expect(fbn1.transcriptId).toMatch(/^ENST00000316623\./);
    expect(fbn1.constraint.map((c) => c.release)).toContain('v2.1.1');
    const transcripts = await kb.transcripts();
    // every MANE transcript, plus single-exon models of small RNA disease genes MANE lacks (RNU4-2, RMRP, …)
    expect(transcripts.filter((t) => t.source === 'mane-bigbed')).toHaveLength(19316);
    const smallRna = transcripts.filter((t) => t.source === 'gene-interval');
    expect(smallRna.map((t) => t.geneSymbol)).toEqual(expect.arrayContaining(['RNU4-2', 'RMRP', 'TERC']));
    expect(smallRna.every((t) => t.exons.length === 1 && t.end - t.start <= 1_000)).toBe(true);
    // ClinVar web export: NC_000015.10:48487316:C:A, FBN1 c.3458G>T, Pathogenic
    const clinvar = (await kb.clinvar())!;
    expect(clinvar.get('chr15', 48487317, 'C', 'A')).toMatchObject({ significance: 'pathogenic' });
    expect(clinvar.get('chr15', 48487317, 'C', 'G')).toBeUndefined();
    const freq = (await kb.variantLookup('frequency'))!;
    expect(freq.size).toBeGreaterThan(100000);
    expect(kb.chainFile()).toBeDefined();
  });

  it('takes gene models from a GFF3 or GTF release instead of the MANE bigBed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-kb-gff-'));
    const gff = await buildKb({ mirror, out: path.join(dir, 'gff'), overrides: { 'gene-models': path.join(mirror, 'genes', 'ensembl.GRCh38.chr21.gff3.gz') } });
    expect(gff.sources.find((s) => s.id === 'gene-models')!.records).toMatchObject({ transcripts: 2414 });
    const gtf = await buildKb({ mirror, out: path.join(dir, 'gtf'), overrides: { 'gene-models': path.join(mirror, 'genes', 'ensembl.GRCh38.chr21-24-27Mb.gtf.gz') } });
    expect(gtf.sources.find((s) => s.id === 'gene-models')!.records).toMatchObject({ transcripts: 103 });
  }, 300_000);

  it('a missing optional source is recorded, not fatal', async () => {
    const partial = path.join(mkdtempSync(path.join(tmpdir(), 'rr-kb-partial-')), 'kb');
    const m = await buildKb({ mirror, out: partial, overrides: { 'alphamissense-gene': '/nonexistent/AlphaMissense_gene_hg38.tsv.gz' } });
    expect(m.sources.find((s) => s.id === 'alphamissense-gene')).toMatchObject({ status: 'missing' });
    expect(m.sources.find((s) => s.id === 'alphamissense-gene')!.notes.join(' ')).toMatch(/nonexistent/);
  }, 300_000);
});

describe('KB build with a corrupt source', () => {
  it('fails naming the file and line, and leaves no KB behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-kb-bad-'));
    const bad = path.join(dir, 'phenotype.hpoa.gz');
    const body = '#version: 2025-05-06\ndatabase_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\tfrequency\tsex\tmodifier\taspect\tbiocuration\nOMIM:1\tX\t\tHP:0000118\tPMID:1\n';
    writeFileSync(bad, gzipSync(body));
    const out = path.join(dir, 'kb');
    await expect(buildKb({ mirror, out, overrides: { 'hpo-annotations': bad } })).rejects.toThrow(/phenotype\.hpoa\.gz, line 3/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['phenotype.hpoa.gz']);
  }, 300_000);

  it('an existing KB survives a failed rebuild untouched', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-kb-keep-'));
    const out = path.join(dir, 'kb');
    const first = await buildKb({ mirror, out });
    const truncated = path.join(dir, 'hp.json.gz');
    const full = readFileSync(path.join(mirror, 'hpo', 'hp.json.gz'));
    writeFileSync(truncated, full.subarray(0, Math.floor(full.length / 2)));
    await expect(buildKb({ mirror, out, overrides: { 'hpo-ontology': truncated } })).rejects.toThrow(/hp\.json\.gz/);
    expect((await readManifest(out)).builtAt).toBe(first.builtAt);
    expect(readdirSync(dir).sort()).toEqual(['hp.json.gz', 'kb']);
  }, 180_000);
});
