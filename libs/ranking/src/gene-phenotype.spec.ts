import { phenotypeForMode, type GenePhenotype } from './gene-phenotype';

describe('phenotypeForMode', () => {
  const listed = [{ id: 'OMIM:1', scaled: 0.4, modes: ['AD' as const] }];

  it('halves a listed disease whose inheritance excludes the mode', () => {
    const g: GenePhenotype = { geneScore: 0.6, bestDiseaseId: 'OMIM:1', diseases: listed, bestModes: ['AD'] };
    expect(phenotypeForMode(g, 'AR', 0.5)).toEqual({ score: 0.3, diseaseId: 'OMIM:1', contradicted: true });
    expect(phenotypeForMode(g, 'AD', 0.5)).toEqual({ score: 0.6, diseaseId: 'OMIM:1', contradicted: false });
  });

  it('lets a best disease missing from the result (no annotations, no known inheritance) carry the gene score under every mode', () => {
    const g: GenePhenotype = { geneScore: 0.6, bestDiseaseId: 'OMIM:9', diseases: listed, bestModes: [] };
    expect(phenotypeForMode(g, 'AR', 0.5)).toEqual({ score: 0.6, diseaseId: 'OMIM:9', contradicted: false });
    expect(phenotypeForMode(g, 'AD', 0.5)).toEqual({ score: 0.6, diseaseId: 'OMIM:9', contradicted: false });
  });

  it('down-weights a missing best disease by its own inheritance', () => {
    const g: GenePhenotype = { geneScore: 0.6, bestDiseaseId: 'OMIM:9', diseases: [{ id: 'OMIM:1', scaled: 0.4, modes: ['AR'] }], bestModes: ['AD'] };
    // under AR the listed AR disease (weight 1) beats the AD best disease halved
    expect(phenotypeForMode(g, 'AR', 0.5)).toEqual({ score: 0.6, diseaseId: 'OMIM:1', contradicted: false });
    expect(phenotypeForMode(g, 'AD', 0.5)).toEqual({ score: 0.6, diseaseId: 'OMIM:9', contradicted: false });
  });
});
