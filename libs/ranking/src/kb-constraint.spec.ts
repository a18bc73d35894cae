import path from 'node:path';
import { MANE_SELECT, TranscriptIndex } from '@rarerank/genes';
import { readLines, resolveMirror } from '@rarerank/io';
import type { GeneRecord, PhenotypeKb } from '@rarerank/kb';
import { openTestKb } from '@rarerank/kb';
import { aminoAcidCriteria } from './acmg-amino-acid';
import { cdsPositionOf, codonPositions } from './codon';
import { codonPathogenicMissense } from './pathogenic-missense-lookup';
import { assessAcmg } from './acmg-assess';
import { geneRecordMap, phenotypeKbLookups, type PhenotypeKbLookups } from './kb-lookups';
import { consideredModes } from './modes';
import { DEFAULT_ACMG_OPTIONS } from './rank-options';
import { rankCase } from './rank-case';
import { gt, variant } from './test-support';

// PVS1's gene-level evidence from the real KB: gnomAD constraint and the HPO inheritance of the gene's diseases.
let genes: Map<string, GeneRecord>;
let pkb: PhenotypeKb;
let lookups: PhenotypeKbLookups;
beforeAll(async () => {
  const kb = await openTestKb();
  genes = geneRecordMap(await kb.genes());
  pkb = await kb.phenotype();
  lookups = phenotypeKbLookups(pkb);
});

const P = 'proband';
const nonsense = (gene: string, chrom = 'chr1') => variant({ chrom, pos: 1000, gene, ncbi: genes.get(gene)?.ncbiGeneId, term: 'stop_gained', gts: { [P]: gt('het') } });
const knownModes = (symbol: string) => {
  const ids = lookups.geneDiseases({ symbol, ncbiGeneId: genes.get(symbol)?.ncbiGeneId });
  const r = consideredModes([...new Set(ids.flatMap(lookups.diseaseInheritance))], 'autosome');
  return r.known ? r.modes : [];
};
const pvs1 = (symbol: string) =>
  assessAcmg(nonsense(symbol), { modes: ['AD'], knownModes: knownModes(symbol), gene: genes.get(symbol), deNovo: 'not-assessable', passedQc: true, phenotypeScore: 0, options: DEFAULT_ACMG_OPTIONS }).criteria.find(
    (e) => e.criterion === 'PVS1',
  );

describe('PVS1 on the real KB', () => {
  it('a LoF-intolerant gene (FBN1, gnomAD LOEUF < 0.35) gets PVS1', () => {
    expect(pvs1('FBN1')?.reason).toMatch(/^nonsense variant; LOEUF 0\.\d+ < 0\.35 \(gnomAD v2\.1\.1\)$/);
  });

  it('a LoF-tolerant gene without a known disease (OR4F5) does not', () => {
    expect(genes.get('OR4F5')!.constraint[0].loeuf).toBeGreaterThan(1);
    expect(knownModes('OR4F5')).toEqual([]);
    expect(pvs1('OR4F5')).toBeUndefined();
  });

  it('a LoF-tolerant gene whose disease is recessive (CFTR, cystic fibrosis) gets PVS1 through the mechanism', () => {
    expect(lookups.diseaseInheritance('OMIM:219700')).toEqual(['AR']);
    expect(pvs1('CFTR')?.reason).toBe("nonsense variant; the gene's disease is recessive (loss of function)");
  });
});

describe('rankCase with the KB lookups', () => {
  it('ranks a heterozygous FBN1 nonsense variant as autosomal dominant Marfan syndrome with PVS1', () => {
    const marfan = pkb.disease('OMIM:154700')!;
    const out = rankCase({
      variants: [nonsense('FBN1', 'chr15')],
      phenotype: {
        diseases: [{ diseaseId: marfan.id, name: marfan.name, score: 1, matched: [], contradicting: [], excludedFeatures: [], inheritance: lookups.diseaseInheritance(marfan.id), genes: [{ symbol: 'FBN1', ncbiGeneId: genes.get('FBN1')!.ncbiGeneId! }] }],
        genes: [{ symbol: 'FBN1', ncbiGeneId: genes.get('FBN1')!.ncbiGeneId!, score: 1, bestDiseaseId: marfan.id }],
        warnings: [],
      },
      proband: P,
      probandSex: 'FEMALE',
      genes,
      ...lookups,
    });
    const g = out.genes[0];
    expect(g).toMatchObject({ symbol: 'FBN1', moi: 'AD', bestDiseaseId: 'OMIM:154700' });
    expect(g.variants[0].acmg.criteria.map((e) => e.criterion)).toEqual(['PVS1', 'PM2', 'PP4']);
    expect(g.variants[0].acmg.classification).toBe('pathogenic');
    expect(g.explanation).toContain('Mode: autosomal dominant (Marfan syndrome is AD)');
  });

  it('names HPO terms', () => {
    expect(lookups.termName('HP:0001166')).toBe('Arachnodactyly');
    expect(lookups.termName('HP:9999999')).toBeUndefined();
  });
});

describe('PS1/PM5 codon lookup on the real KB', () => {
  it("finds the ClinVar pathogenic missense changes at a variant's codon and gives PS1 / PM5", async () => {
    const kb = await openTestKb();
    const table = (await kb.variantTable('pathogenicMissense'))!;
    const transcripts = await kb.transcripts();
    const index = new TranscriptIndex(transcripts);
    const byId = new Map(transcripts.map((t) => [t.id, t]));
    const lookup = codonPathogenicMissense(table, (id) => byId.get(id));
    // records of the mirror's InterVar table that lie in a MANE Select CDS
    let checked = 0;
    let residueAgrees = 0;
    let tested = false;
    for await (const { text } of readLines(path.join(resolveMirror(), 'clinvar/intervar.PS1.pathogenic-missense.GRCh38.tsv'))) {
      const [c, start, , ref, alt, refAA, altAA, protein] = text.split('\t');
      const pos = Number(start);
      const chrom = `chr${c}`;
      const t = index.overlapping(chrom, pos - 1, pos).find((x) => x.tags.includes(MANE_SELECT) && cdsPositionOf(x, pos) !== undefined);
      if (!t || ref.length !== 1 || alt.length !== 1) continue;
      const cds = cdsPositionOf(t, pos)!;
      const residue = Number(/\d+/.exec(protein)![0]);
      checked++;
      if (Math.ceil(cds / 3) === residue) residueAgrees++;
      if (!tested && Math.ceil(cds / 3) === residue) {
        tested = true;
        // another base of the same codon, giving the same amino acid (PS1) or another one (PM5)
        const other = codonPositions(t, cds)!.find((p) => p !== pos)!;
        const at = (newAA: string) =>
          variant({ chrom, pos: other, ref: 'N', alt: 'N', gene: t.geneSymbol, gts: { [P]: gt('het') }, hgvsP: `p.${refAA}${residue}${newAA}`, aminoAcidEffectKnown: true });
        const same = at(altAA);
        same.annotation.primary = { ...same.annotation.primary!, transcriptId: t.id, cdsPosition: cdsPositionOf(t, other) };
        const hits = lookup(same);
        expect(hits).toContainEqual(expect.objectContaining({ chrom, pos, ref, alt, refAA, altAA, proteinChange: protein }));
        expect(aminoAcidCriteria(same, hits).map((e) => e.criterion)).toEqual(['PS1']);
        // an amino acid no ClinVar change at this codon has → PM5
        const another = 'ACDEFGHIKLMNPQRSTVWY'.split('').find((aa) => aa !== refAA && !hits.some((h) => h.altAA === aa))!;
        const diff = at(another);
        diff.annotation.primary = { ...same.annotation.primary!, hgvsP: `p.${refAA}${residue}${another}` };
        expect(aminoAcidCriteria(diff, lookup(diff)).map((e) => e.criterion)).toEqual(['PM5']);
      }
      if (checked >= 200) break;
    }
    expect(tested).toBe(true);
    // the c. → residue mapping agrees with ClinVar's protein change on the MANE transcript for most records
    expect(residueAgrees / checked).toBeGreaterThan(0.8);
  });
});
