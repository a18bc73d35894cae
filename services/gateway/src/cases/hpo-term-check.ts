import { BadRequestException, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { resolveKbDir } from '@rarerank/io';
import { KnowledgeBase } from '@rarerank/kb';
import { APP_CONFIG } from '@rarerank/nest-common';
import { PhenotypeScorer } from '@rarerank/phenotype';
import type { GatewayConfig } from '../config';

/**
 * The terms of a submission against the KB's HPO release, with the phenotype stage's own rule:
 * ids are mapped or dropped as the engine does (resolvePatient), and a case none of whose observed
 * terms can be used is refused (400) instead of failing later in the pipeline; so is an id the
 * release does not know at all. Obsolete or
 * alternative ids are mapped and pass; the result carries the warning. The HPO starts loading at
 * boot (in the background, so a missing KB does not stop the gateway) and is awaited on first use.
 */
@Injectable()
export class HpoTermCheck implements OnApplicationBootstrap {
  private scorer?: Promise<PhenotypeScorer>;

  constructor(@Inject(APP_CONFIG) private readonly config: GatewayConfig) {}

  onApplicationBootstrap(): void {
    this.load().catch(() => undefined);
  }

  private load(): Promise<PhenotypeScorer> {
    this.scorer ??= KnowledgeBase.open(resolveKbDir(this.config.RARERANK_KB))
      .then((kb) => kb.phenotype())
      .then((p) => new PhenotypeScorer(p));
    // a failed load is retried by the next request
    this.scorer.catch(() => (this.scorer = undefined));
    return this.scorer;
  }

  async check(observed: readonly string[], excluded: readonly string[], field: string, excludedField = field): Promise<void> {
    const scorer = await this.load();
    // An id the release does not know is a typo or another ontology: refused, not silently dropped
    // (the counselor would read a ranking that ignored part of the phenotype).
    for (const [ids, name] of [[observed, field], [excluded, excludedField]] as const) {
      const unknown = scorer.unknownTerms(ids);
      if (unknown.length) throw new BadRequestException({ message: `${name}: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''} not in HPO ${scorer.hpoVersion}`, field: name });
    }
    const { phenotype, warnings } = scorer.resolvePatient({ observed: [...observed], excluded: [...excluded] });
    if (phenotype.observed.length > 0) return;
    const why = warnings.filter((w) => w.startsWith('observed term')).join('; ');
    throw new BadRequestException({ message: `${field}: none of the observed HPO terms can be used (${why})`, field });
  }
}
