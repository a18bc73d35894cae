import type { DiseasePhenotypeScore, ModeOfInheritance } from '@rarerank/case-model';

/**
 * Maps the phenotype result's disease scores to [0,1] over the case: score/max when no score is
 * negative, else (score − min)/(max − min) (log-likelihood scorers can go below 0).
 */
export function diseaseScaler(diseases: readonly DiseasePhenotypeScore[]): (score: number) => number {
  let max = -Infinity;
  let min = Infinity;
  for (const d of diseases) {
    if (d.score > max) max = d.score;
    if (d.score < min) min = d.score;
  }
  if (!diseases.length) return () => 0;
  if (min >= 0) return max > 0 ? (s) => s / max : () => 0;
  return max > min ? (s) => (s - min) / (max - min) : () => 1;
}

export interface GenePhenotype {
  /** the phenotype result's gene score (0 when the gene is not in it) */
  geneScore: number;
  bestDiseaseId?: string;
  /** the gene's diseases present in the phenotype result: scaled score and modes (for this gene's chromosome) */
  diseases: Array<{ id: string; scaled: number; modes: ModeOfInheritance[] }>;
  /** modes of the best disease, when it is not among `diseases` */
  bestModes: ModeOfInheritance[];
}

export interface ModePhenotype {
  score: number;
  diseaseId?: string;
  /** the disease behind the score has a known inheritance that is not this mode (its score was down-weighted) */
  contradicted: boolean;
}

/**
 * The gene's phenotype score under one mode, Exomiser style: each disease of the gene counts with
 * its score halved (`weight`) when its known inheritance excludes the mode, and the gene takes
 * its best disease. Expressed relative to the phenotype result's own gene score, so a gene whose
 * best disease fits the mode keeps exactly that score.
 */
export function phenotypeForMode(g: GenePhenotype, mode: ModeOfInheritance, weight: number): ModePhenotype {
  const w = (modes: ModeOfInheritance[]) => (modes.length === 0 || modes.includes(mode) ? 1 : weight);
  if (g.geneScore <= 0) return { score: 0, diseaseId: g.bestDiseaseId, contradicted: false };
  let top = 0;
  for (const d of g.diseases) top = Math.max(top, d.scaled);
  if (top > 0) {
    let best: { id: string; value: number; w: number } | undefined;
    for (const d of g.diseases) {
      const dw = w(d.modes);
      const value = d.scaled * dw;
      // ties: the phenotype result's best disease, then the smaller id
      if (!best || value > best.value || (value === best.value && (d.id === g.bestDiseaseId || (best.id !== g.bestDiseaseId && d.id < best.id)))) best = { id: d.id, value, w: dw };
    }
    // the best disease is not listed (no phenotype annotation, or a source not listed): it carries the gene's score itself
    if (g.bestDiseaseId !== undefined && !g.diseases.some((d) => d.id === g.bestDiseaseId)) {
      const bw = w(g.bestModes);
      if (top * bw >= best!.value) best = { id: g.bestDiseaseId, value: top * bw, w: bw };
    }
    return { score: (g.geneScore * best!.value) / top, diseaseId: best!.id, contradicted: best!.w < 1 };
  }
  const bw = w(g.bestModes);
  return { score: g.geneScore * bw, diseaseId: g.bestDiseaseId, contradicted: bw < 1 };
}
