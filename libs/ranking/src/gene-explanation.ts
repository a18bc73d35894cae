import type { AcmgAssessment } from '@rarerank/case-model';
import type { CaseContext } from './case-context';
import { acmgLines, indirectEvidenceLine, downWeightLine, fallbackDownWeightLine, fallbackModeLine, genotypeLines, modeLine, noGenotypeLine, phenotypeLines, scoreLine } from './explain';
import type { GeneWork } from './gene-work';

/** The readable lines of a gene with variants (README §7). */
export function geneExplanation(cx: CaseContext, w: GeneWork): string[] {
  const { best } = w;
  const phenotypeScore = best ? best.pheno.score : w.phen.geneScore;
  const diseaseId = best ? best.pheno.diseaseId : w.phen.bestDiseaseId;
  const disease = diseaseId ? cx.diseaseById.get(diseaseId) : undefined;
  const pg = cx.phenoGene.get(w.key);
  const unannotated = pg?.bestDiseaseUnannotated === true && pg.bestDiseaseId === diseaseId;
  const indirect = indirectEvidenceLine(pg?.evidence, phenotypeScore);
  // mouse or network evidence decided the score: say so first; the human disease lines follow when there is one
  const lines = indirect ? [indirect] : [];
  if (!indirect || diseaseId) lines.push(...phenotypeLines(w.symbol, indirect ? (pg?.evidence?.human ?? 0) : phenotypeScore, disease, diseaseId, cx.input.patient, cx.termName, unannotated));
  if (!best) {
    lines.push(noGenotypeLine(w.symbol, w.evaluated, w.variants.length + w.filteredCount, w.failedQc));
    return lines;
  }
  const mode = best.call.mode;
  const rawId = w.phen.bestDiseaseId;
  if (rawId && best.pheno.score < w.phen.geneScore * (1 - 1e-9)) {
    const line = w.fallback ? fallbackDownWeightLine : downWeightLine;
    lines.push(line(cx.diseaseLabel(rawId)!, cx.codesOf(rawId), mode, w.phen.geneScore, best.pheno.score));
  }
  lines.push(...genotypeLines(w.symbol, best.call, w.variants, w.inh.deNovo));
  if (w.fallback) lines.push(fallbackModeLine(mode, w.symbol, w.knownModes));
  else {
    const info = diseaseId ? { name: disease?.name ?? diseaseId, codes: cx.codesOf(diseaseId), modes: cx.diseaseModes(diseaseId, w.kind) } : undefined;
    lines.push(modeLine(mode, w.knownModes, info));
  }
  const acmg: AcmgAssessment[] = [];
  for (const i of best.call.variants) acmg[i] = w.acmgOf(i);
  lines.push(...acmgLines(best.call, w.variants, acmg));
  lines.push(scoreLine(best.combined, best.pheno.score, best.call.score, best.posterior()));
  return lines;
}
