import type { GeneRecord } from '@rarerank/kb';

/**
 * One key per gene across the phenotype result (NCBI id + symbol), the annotation (symbol, maybe
 * NCBI id) and the gene records (symbol → NCBI id): the NCBI id when any source knows it, so a
 * renamed symbol still joins; else the symbol.
 */
export class GeneKeys {
  private readonly bySymbol = new Map<string, string>();
  private readonly byNcbi = new Map<string, string>();

  constructor(private readonly genes: ReadonlyMap<string, GeneRecord>) {}

  of(symbol: string, ncbiGeneId?: string): string {
    const id = ncbiGeneId ?? this.genes.get(symbol)?.ncbiGeneId;
    if (id) {
      let key = this.byNcbi.get(id);
      if (!key) this.byNcbi.set(id, (key = `ncbi:${id}`));
      if (!this.bySymbol.has(symbol)) this.bySymbol.set(symbol, key);
      return key;
    }
    return this.bySymbol.get(symbol) ?? `symbol:${symbol}`;
  }
}
