import type { DiseasePhenotypeScore, GenePhenotypeScore, ModeOfInheritance } from '@rarerank/case-model';
import type { InheritanceCode } from '@rarerank/hpo';
import type { GeneRecord } from '@rarerank/kb';
import { combineFn, combineUsesAcmg } from './combined-score';
import { GeneKeys } from './gene-keys';
import { diseaseScaler } from './gene-phenotype';
import { modeMask, modesForGene, type ChromKind } from './modes';
import { resolveRankOptions, type CombineFn, type RankOptions } from './rank-options';
import type { GeneRef, PhenotypeGene, RankInput } from './rank-types';

interface DiseaseModes {
  codes: InheritanceCode[];
  /** per chromosome kind (KINDS order), filled on first use */
  modes: Array<ModeOfInheritance[] | undefined>;
  masks: number[];
}

const NO_IDS: readonly string[] = Object.freeze([]);
const KINDS: readonly ChromKind[] = ['autosome', 'X', 'Y', 'MT'];

/**
 * Disease modes by disease id, kept across cases for the same `diseaseInheritance` lookup (the
 * engine's lasts as long as its KB): every case asks about thousands of diseases.
 */
const modesCache = new WeakMap<(id: string) => InheritanceCode[], Map<string, DiseaseModes>>();

/** Lookups over the phenotype result and the KB shared by every gene of one case. */
export class CaseContext {
  readonly opts: RankOptions;
  readonly combine: CombineFn;
  /** the combination reads the ACMG posterior: assess the supporting variants of every gene and mode */
  readonly combineUsesAcmg: boolean;
  readonly keys: GeneKeys;
  readonly scale: (score: number) => number;
  readonly diseaseById = new Map<string, DiseasePhenotypeScore>();
  /** the phenotype result's gene scores by gene key (the best when a key repeats) */
  readonly phenoGene = new Map<string, PhenotypeGene>();
  /** diseases of the phenotype result listing the gene, by gene key */
  readonly diseasesOfKey = new Map<string, string[]>();
  private readonly modes: Map<string, DiseaseModes>;

  constructor(readonly input: RankInput) {
    this.opts = resolveRankOptions(input.options);
    this.combine = combineFn(this.opts.combine);
    this.combineUsesAcmg = combineUsesAcmg(this.opts.combine);
    this.keys = new GeneKeys(input.genes);
    const lookup = input.diseaseInheritance;
    let modes = lookup && modesCache.get(lookup);
    if (!modes) {
      modes = new Map();
      if (lookup) modesCache.set(lookup, modes);
    }
    this.modes = modes;
    const ph = input.phenotype;
    this.scale = diseaseScaler(ph.diseases);
    for (const g of ph.genes) {
      const key = this.keys.of(g.symbol, g.ncbiGeneId);
      const cur = this.phenoGene.get(key);
      if (!cur || g.score > cur.score) this.phenoGene.set(key, g);
    }
    for (const d of ph.diseases) {
      this.diseaseById.set(d.diseaseId, d);
      for (const g of d.genes) {
        const key = this.keys.of(g.symbol, g.ncbiGeneId);
        const list = this.diseasesOfKey.get(key);
        if (list) list.push(d.diseaseId);
        else this.diseasesOfKey.set(key, [d.diseaseId]);
      }
    }
  }

  private entry(id: string): DiseaseModes {
    let m = this.modes.get(id);
    if (!m) {
      const codes = this.input.diseaseInheritance?.(id) ?? this.diseaseById.get(id)?.inheritance ?? [];
      this.modes.set(id, (m = { codes, modes: [undefined, undefined, undefined, undefined], masks: [-1, -1, -1, -1] }));
    }
    return m;
  }

  codesOf(id: string): InheritanceCode[] {
    return this.entry(id).codes;
  }

  /** a disease's modes as they apply to a gene on this kind of chromosome */
  diseaseModes(id: string, kind: ChromKind): ModeOfInheritance[] {
    const m = this.entry(id);
    const k = KINDS.indexOf(kind);
    return (m.modes[k] ??= modesForGene(m.codes, kind));
  }

  diseaseModeMask(id: string, kind: ChromKind): number {
    const m = this.entry(id);
    const k = KINDS.indexOf(kind);
    if (m.masks[k] < 0) m.masks[k] = modeMask(this.diseaseModes(id, kind));
    return m.masks[k];
  }

  /**
   * The gene's diseases: the lookup's, those of the phenotype result that list the gene, and its
   * best disease. Unsorted (every use is order-independent); the lookup's own array when it
   * already holds them all.
   */
  geneDiseaseIds(key: string, g: GeneRef, pg: GenePhenotypeScore | undefined): readonly string[] {
    const fromLookup = this.input.geneDiseases?.(g) ?? NO_IDS;
    let ids: string[] | undefined;
    const fromResult = this.diseasesOfKey.get(key) ?? NO_IDS;
    const best = pg?.bestDiseaseId;
    for (let k = 0; k <= fromResult.length; k++) {
      const id = k < fromResult.length ? fromResult[k] : best;
      if (id === undefined || (ids ?? fromLookup).includes(id)) continue;
      ids ??= fromLookup.slice();
      ids.push(id);
    }
    return ids ?? fromLookup;
  }

  private recordByNcbi?: Map<string, GeneRecord>;
  /** gene facts by symbol, else by NCBI id (a symbol renamed since the KB's gene models) */
  geneRecord(symbol: string, ncbiGeneId: string | undefined): GeneRecord | undefined {
    const bySymbol = this.input.genes.get(symbol);
    if (bySymbol || !ncbiGeneId) return bySymbol;
    if (!this.recordByNcbi) {
      this.recordByNcbi = new Map();
      for (const r of this.input.genes.values()) if (r.ncbiGeneId) this.recordByNcbi.set(r.ncbiGeneId, r);
    }
    return this.recordByNcbi.get(ncbiGeneId);
  }

  termName = (id: string): string => this.input.termName?.(id) ?? id;

  diseaseLabel(id: string | undefined): string | undefined {
    if (!id) return undefined;
    const d = this.diseaseById.get(id);
    return d ? `${d.name} (${id})` : id;
  }
}
