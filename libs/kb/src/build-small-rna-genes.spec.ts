import path from 'node:path';
import { resolveMirror } from '@rarerank/io';
import type { GeneBuild } from './build-genes';
import { addSmallRnaDiseaseGenes, MAX_SMALL_RNA_GENE_BP } from './build-small-rna-genes';

// Reads the mirror's real Ensembl BioMart gene table; the disease links are written by hand.
const link = (symbol: string, ncbiGeneId: string) => ({ symbol, ncbiGeneId, diseaseId: 'OMIM:000000', association: 'MENDELIAN' });

function emptyBuild(): GeneBuild {
  const fbn1 = { id: 'ENST00000316623.10', geneSymbol: 'FBN1', ncbiGeneId: '2200', chrom: 'chr15', strand: '-' as const, start: 48408312, end: 48645709, exons: [[48408312, 48645709]] as Array<[number, number]>, tags: [], source: 'mane-bigbed' as const };
  return { transcripts: [fbn1], genes: [{ symbol: 'FBN1', ncbiGeneId: '2200', transcriptId: fbn1.id, constraint: [] }], symbolOfNcbi: new Map([['2200', 'FBN1']]), entries: [] };
}

describe('small RNA disease genes from gene intervals', () => {
  it('models a short disease gene that the gene models lack as one non-coding exon, and nothing else', async () => {
    const build = emptyBuild();
    // RNU4-2 (141 bp snRNA), DIRC3 (a 472 kb lncRNA: too long), FBN1 (already modelled), RNU4-1 (no disease link)
    await addSmallRnaDiseaseGenes(build, [link('RNU4-2', '26833'), link('DIRC3', '729582'), link('FBN1', '2200')], resolveMirror(), {});
    const added = build.transcripts.filter((t) => t.source === 'gene-interval');
    expect(added).toEqual([
      expect.objectContaining({ geneSymbol: 'RNU4-2', ncbiGeneId: '26833', chrom: 'chr12', start: 120291762, end: 120291903, exons: [[120291762, 120291903]], geneId: 'ENSG00000202538' }),
    ]);
    expect(added[0].cdsStart).toBeUndefined();
    expect(build.genes.map((g) => g.symbol)).toEqual(['FBN1', 'RNU4-2']);
    expect(build.symbolOfNcbi.get('26833')).toBe('RNU4-2');
    expect(build.entries[0]).toMatchObject({ id: 'gene-intervals', status: 'loaded', records: { smallRnaDiseaseGenesAdded: 1, diseaseGenesLongerThanLimit: 1 } });
    expect(MAX_SMALL_RNA_GENE_BP).toBeLessThan(472_000);
  });

  it('records the source as missing when the mirror has no gene table', async () => {
    const build = emptyBuild();
    await addSmallRnaDiseaseGenes(build, [link('RNU4-2', '26833')], path.join(__dirname, 'no-such-mirror'), {});
    expect(build.transcripts).toHaveLength(1);
    expect(build.entries[0]).toMatchObject({ id: 'gene-intervals', status: 'missing' });
  });
});
