import { mergeEvidence } from './evidence-merge';

// The one rule for the input VCF's own annotations against the KB (docs/SCORING.md, "Pre-annotated input").
describe('mergeEvidence: input evidence against KB evidence', () => {
  const kbFreq = { maxAf: 0.0001, source: 'gnomad-v4.0-exomes', homozygotes: 0 };
  const kbClinvar = { significance: 'likely_benign', reviewStatus: 'criteria provided, single submitter', stars: 1 };

  it('without input evidence: the KB as it is, provenance KB', () => {
    const m = mergeEvidence(undefined, { frequency: kbFreq, clinvar: kbClinvar, predictors: { revel: 0.4 } });
    expect(m).toEqual({ frequency: kbFreq, clinvar: kbClinvar, predictors: { revel: 0.4 }, from: { frequency: 'kb', clinvar: 'kb', revel: 'kb' }, conflicts: [] });
  });

  it('the input fills what the KB lacks', () => {
    const input = { frequency: { maxAf: 0.2, source: 'input VCF (CSQ/gnomADe_AF)' }, clinvar: { significance: 'pathogenic', reviewStatus: 'unknown', stars: 0 }, predictors: { cadd: 31, spliceAi: 0.8 } };
    const m = mergeEvidence(input, { predictors: { revel: 0.4 } });
    expect(m.frequency).toBe(input.frequency);
    expect(m.clinvar).toBe(input.clinvar);
    expect(m.predictors).toEqual({ revel: 0.4, cadd: 31, spliceAi: 0.8 });
    expect(m.from).toEqual({ frequency: 'input', clinvar: 'input', revel: 'kb', spliceAi: 'input', cadd: 'input' });
    expect(m.conflicts).toEqual([]);
  });

  it('frequency: the higher AF wins, so a variant the input calls common is never scored rare; the disagreement names both', () => {
    const input = { frequency: { maxAf: 0.2, source: 'input VCF (EXACMAX_AF)' } };
    const m = mergeEvidence(input, { frequency: kbFreq, predictors: {} });
    expect(m.frequency).toBe(input.frequency);
    expect(m.from.frequency).toBe('input');
    expect(m.conflicts).toEqual(['allele frequency: 0.2 in the input VCF (EXACMAX_AF), 1.00e-4 in the KB (gnomad-v4.0-exomes); the higher is used']);
    // the KB's higher AF stays; close values (within 2-fold) are no disagreement
    const lower = mergeEvidence({ frequency: { maxAf: 0.00008, source: 'input VCF (gnomad_AF)' } }, { frequency: kbFreq, predictors: {} });
    expect(lower.frequency).toBe(kbFreq);
    expect(lower.from.frequency).toBe('kb');
    expect(lower.conflicts).toEqual([]);
  });

  it('ClinVar and predictors: the KB wins where it has a value (its release is recorded); disagreements keep both values', () => {
    const input = { clinvar: { significance: 'pathogenic', reviewStatus: 'criteria provided, single submitter', stars: 1 }, predictors: { revel: 0.9, cadd: 25.1 } };
    const m = mergeEvidence(input, { clinvar: kbClinvar, predictors: { revel: 0.3, cadd: 25.0 } });
    expect(m.clinvar).toBe(kbClinvar);
    expect(m.predictors).toEqual({ revel: 0.3, cadd: 25.0 });
    expect(m.from).toEqual({ clinvar: 'kb', revel: 'kb', cadd: 'kb' });
    expect(m.conflicts).toEqual([
      'ClinVar: pathogenic (1★) in the input VCF, likely benign (1★) in the KB; the KB\'s is used',
      'REVEL: 0.9 in the input VCF, 0.3 in the KB; the KB\'s is used',
    ]); // CADD 25.1 vs 25.0 is rounding, not a disagreement
  });

  it("the allele's AlphaMissense (KB only) is named in the provenance, with or without pre-annotation", () => {
    expect(mergeEvidence(undefined, { predictors: { alphaMissense: 0.8, cadd: 20 } }).from).toEqual({ cadd: 'kb', alphaMissense: 'kb' });
    const m = mergeEvidence({ predictors: { revel: 0.5 } }, { predictors: { alphaMissense: 0.8 } });
    expect(m.from).toEqual({ revel: 'input', alphaMissense: 'kb' });
    expect(m.predictors).toEqual({ alphaMissense: 0.8, revel: 0.5 });
  });
});
