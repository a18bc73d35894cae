import type { AcmgAssessment } from '@rarerank/case-model';
import type { CaseContext } from './case-context';
import { geneExplanation } from './gene-explanation';
import { GeneWork, type GeneGroup } from './gene-work';
import type { InheritanceContext } from './inheritance';
import type { AcmgSource, ExplanationSource } from './ranked-records';

/**
 * What an output gene keeps for its lazily built parts (the ACMG of its variants, its
 * explanation): the group and the case context, from which the scored gene is rebuilt on first
 * use (the same inputs give the same result). Ranking scores every gene once and drops the
 * scored gene: keeping thousands of them alive costs more in garbage collection than rebuilding
 * the few that are read.
 */
export class GeneSource implements AcmgSource, ExplanationSource {
  private work: GeneWork | undefined;

  constructor(
    private readonly cx: CaseContext,
    private readonly group: GeneGroup,
    private readonly ictx: InheritanceContext,
  ) {}

  scored(): GeneWork {
    return (this.work ??= new GeneWork(this.cx, this.group, this.ictx));
  }

  acmgOf(index: number): AcmgAssessment {
    return this.scored().acmgOf(index);
  }

  explain(): string[] {
    return geneExplanation(this.cx, this.scored());
  }
}
