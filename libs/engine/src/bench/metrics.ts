/** Accumulates 1-based ranks (undefined = not found) into top-k rates and mean reciprocal rank. */
export class RankMetrics {
  private ranks: Array<number | undefined> = [];

  add(rank: number | undefined): void {
    this.ranks.push(rank);
  }

  get count(): number {
    return this.ranks.length;
  }

  topK(k: number): number {
    if (!this.ranks.length) return 0;
    return this.ranks.filter((r) => r !== undefined && r <= k).length / this.ranks.length;
  }

  mrr(): number {
    if (!this.ranks.length) return 0;
    return this.ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / this.ranks.length;
  }

  summary(): { n: number; top1: number; top3: number; top5: number; top10: number; mrr: number } {
    return { n: this.count, top1: this.topK(1), top3: this.topK(3), top5: this.topK(5), top10: this.topK(10), mrr: this.mrr() };
  }
}
