import { PHENOTYPIC_ABNORMALITY, type Ontology } from '@rarerank/hpo';
import { seededRandom } from '@rarerank/io';

/**
 * How a published case's observed terms are degraded to look like a clinical record (the
 * simulations of Köhler 2009 (Phenomizer) and Robinson 2014/2020 (Exomiser, LIRICAL)):
 * - `noise`: add max(1, round(noise · n)) terms drawn uniformly from Phenotypic abnormality
 *   (incidental or unrelated findings); 0: none;
 * - `imprecision`: the probability that each term is replaced by one of its ancestors, drawn
 *   uniformly among those below Phenotypic abnormality (a coarser description); 0: none;
 * - `seed`: the same seed and case id always give the same perturbed case, whatever slice it is in.
 */
export interface PerturbationSpec {
  noise: number;
  imprecision: number;
  seed: number;
}

/** "noise=0.5,imprecision=1,seed=1" → a spec; unset keys are 0 (seed 1); anything else is an error naming the key. */
export function parsePerturbation(text: string): PerturbationSpec {
  const spec: PerturbationSpec = { noise: 0, imprecision: 0, seed: 1 };
  for (const part of text.split(',').filter((s) => s.trim())) {
    const [key, value, extra] = part.split('=').map((s) => s.trim());
    const x = Number(value);
    if (extra !== undefined || value === undefined || value === '' || !Number.isFinite(x)) throw new RangeError(`perturbation "${text}": "${part}" is not key=number`);
    if (key === 'noise') {
      if (x < 0) throw new RangeError(`perturbation "${text}": noise must be ≥ 0`);
      spec.noise = x;
    } else if (key === 'imprecision') {
      if (x < 0 || x > 1) throw new RangeError(`perturbation "${text}": imprecision must be in [0,1]`);
      spec.imprecision = x;
    } else if (key === 'seed') {
      if (!Number.isInteger(x)) throw new RangeError(`perturbation "${text}": seed must be an integer`);
      spec.seed = x;
    } else throw new RangeError(`perturbation "${text}": unknown key "${key}" (noise, imprecision, seed)`);
  }
  return spec;
}

/** FNV-1a of the seed and the case id: each case draws from its own stream. */
function caseSeed(seed: number, caseId: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < caseId.length; i++) h = Math.imul(h ^ caseId.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Perturbs cases' observed terms against one ontology (the KB's HPO release). */
export class PhenotypePerturber {
  private readonly pool: number[];
  private readonly below: (t: number) => boolean;

  constructor(
    private readonly ontology: Ontology,
    readonly spec: PerturbationSpec,
  ) {
    const pa = ontology.indexOf(PHENOTYPIC_ABNORMALITY);
    if (pa === undefined) throw new RangeError(`the ontology has no ${PHENOTYPIC_ABNORMALITY} (Phenotypic abnormality)`);
    this.below = (t) => t !== pa && ontology.isA(t, pa);
    this.pool = [];
    for (let t = 0; t < ontology.size; t++) if (this.below(t)) this.pool.push(t);
  }

  /**
   * The case's observed terms, each made imprecise with probability `imprecision`, then the noise
   * terms. Ids the ontology cannot resolve are kept as they are (the scorer reports them); a term
   * directly below Phenotypic abnormality has no coarser ancestor and stays.
   */
  perturb(caseId: string, observed: readonly string[]): string[] {
    const { noise, imprecision, seed } = this.spec;
    const random = seededRandom(caseSeed(seed, caseId));
    const onto = this.ontology;
    const out: string[] = [];
    for (const id of observed) {
      const r = onto.resolve(id);
      const t = r.status === 'obsolete' || r.status === 'unknown' ? undefined : onto.indexOf(r.id);
      if (t === undefined || !(imprecision > 0 && random() < imprecision)) {
        out.push(id);
        continue;
      }
      const coarser = [...onto.ancestors(t)].filter((a) => a !== t && this.below(a));
      out.push(coarser.length ? onto.ids[coarser[Math.floor(random() * coarser.length)]] : id);
    }
    const have = new Set(out);
    // never more than the pool can supply (tiny test ontologies)
    const k = noise > 0 ? Math.min(Math.max(1, Math.round(noise * observed.length)), this.pool.length - have.size) : 0;
    for (let added = 0; added < k; ) {
      const id = onto.ids[this.pool[Math.floor(random() * this.pool.length)]];
      if (have.has(id)) continue;
      have.add(id);
      out.push(id);
      added++;
    }
    return out;
  }
}
