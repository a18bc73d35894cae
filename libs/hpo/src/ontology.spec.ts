import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError } from '@rarerank/io';
import { Ontology } from './ontology';
import { readObo } from './read-obo';
import { readObographs } from './read-obographs';
import { mirrorFile } from './test-support';

describe('HPO ontology from the official releases', () => {
  let hpo: Ontology;
  beforeAll(async () => {
    hpo = Ontology.fromRaw(await readObographs(mirrorFile('hpo', 'hp.json.gz')));
  });

  it('reads the 2025-05-06 obographs release with its current terms, alt ids and obsolete terms', () => {
    expect(hpo.version).toBe('2025-05-06');
    expect(hpo.size).toBe(19177); // 19,650 HP classes minus 473 deprecated
    expect(hpo.altIdCount).toBeGreaterThan(3800);
    expect(hpo.obsoleteCount).toBeGreaterThanOrEqual(473);
  });

  it('keeps both is_a parents of a term and derives its ancestors up to the root', () => {
    const arachnodactyly = hpo.indexOf('HP:0001166')!;
    expect(hpo.names[arachnodactyly]).toBe('Arachnodactyly');
    expect([...hpo.parents[arachnodactyly]].map((p) => hpo.ids[p]).sort()).toEqual(['HP:0001238', 'HP:0100807']);
    const ancestors = [...hpo.ancestors(arachnodactyly)].map((a) => hpo.ids[a]);
    expect(ancestors).toEqual(expect.arrayContaining(['HP:0001166', 'HP:0000118', 'HP:0000001', 'HP:0040064']));
    expect(hpo.isA(arachnodactyly, hpo.indexOf('HP:0000118')!)).toBe(true);
    expect(hpo.isA(hpo.indexOf('HP:0000118')!, arachnodactyly)).toBe(false);
  });

  it('maps alt ids and obsolete ids to current terms', () => {
    expect(hpo.resolve('HP:0004715')).toEqual({ status: 'alt-id', id: 'HP:0000003', from: 'HP:0004715' });
    // HP:0000057 is both obsolete and an alt id of HP:0008665: either way it lands on the current term
    expect(hpo.resolve('HP:0000057')).toMatchObject({ id: 'HP:0008665', from: 'HP:0000057' });
    expect(hpo.resolve('HP:0003114')).toEqual({ status: 'replaced', id: 'HP:0001626', from: 'HP:0003114' });
    expect(hpo.resolve('HP:0001726')).toEqual({ status: 'obsolete', from: 'HP:0001726', consider: ['HP:0001654'] });
    expect(hpo.resolve('HP:9999999')).toEqual({ status: 'unknown', from: 'HP:9999999' });
  });

  it('round-trips through the compact KB form', () => {
    const again = new Ontology(JSON.parse(JSON.stringify(hpo.toCompact())));
    expect(again.size).toBe(hpo.size);
    const t = hpo.indexOf('HP:0001166')!;
    expect([...again.ancestors(t)].sort()).toEqual([...hpo.ancestors(t)].sort());
    expect(again.resolve('HP:0003114')).toEqual(hpo.resolve('HP:0003114'));
  });

  it('reads the OBO format (2016 release) into the same model', async () => {
    const old = Ontology.fromRaw(await readObo(mirrorFile('hpo', 'hp.2016-04-01.obo.gz')));
    expect(old.version).toBe('2016-04-01');
    expect(old.size).toBe(11785 - 112);
    const t = old.indexOf('HP:0000002')!;
    expect(old.names[t]).toBe('Abnormality of body height');
    expect([...old.parents[t]].map((p) => old.ids[p])).toEqual(['HP:0001507']);
  });
});

describe('HPO readers reject bad input with the file and line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-hpo-'));
  const write = (name: string, body: string | Buffer) => {
    const f = path.join(dir, name);
    writeFileSync(f, body);
    return f;
  };

  it('truncated gzip obographs', async () => {
    const full = gzipSync(Buffer.from(JSON.stringify({ graphs: [{ nodes: [], edges: [] }]}).repeat(50)));
    const f = write('trunc.json.gz', full.subarray(0, full.length - 30));
    await expect(readObographs(f)).rejects.toThrow(InputError);
    await expect(readObographs(f)).rejects.toThrow(/trunc\.json\.gz/);
  });

  it('JSON that is not obographs', async () => {
    const f = write('other.json', '{"hello": 1}');
    await expect(readObographs(f)).rejects.toThrow(/other\.json.*obographs/);
  });

  it('OBO with a malformed is_a names the line', async () => {
    const f = write('bad.obo', 'format-version: 1.2\ndata-version: releases/2020-01-01\n\n[Term]\nid: HP:0000001\nname: All\n\n[Term]\nid: HP:0000002\nis_a: HPO:12 ! nonsense\n');
    await expect(readObo(f)).rejects.toThrow(/bad\.obo, line 10, field is_a/);
  });

  it('a file that is not OBO at all', async () => {
    const f = write('notobo.obo', '#CHROM\tPOS\n');
    await expect(readObo(f)).rejects.toThrow(InputError);
  });
});
