import type { CaseTruth } from './case-truth';

/**
 * VCF data lines for the causal variants, with the background's FORMAT (GT:AD:DP:GQ) and values
 * typical of a good call, so spiked records look like the background's own calls.
 */
export function spikedLines(truth: CaseTruth, sampleCount = 1): string[] {
  return truth.variants.map((v) => {
    const call = v.zygosity === 'het' ? '0/1:16,15:31:99' : v.zygosity === 'hemi' && (v.chrom === 'chrX' || v.chrom === 'chrY') ? '1:0,30:30:99' : '1/1:0,30:30:99';
    const samples = Array.from({ length: sampleCount }, () => call).join('\t');
    return `${v.chrom}\t${v.pos}\t.\t${v.ref}\t${v.alt}\t500\tPASS\t.\tGT:AD:DP:GQ\t${samples}`;
  });
}

const chromOrder = (c: string) => {
  const n = c.replace(/^chr/, '');
  return n === 'X' ? 23 : n === 'Y' ? 24 : n === 'M' || n === 'MT' ? 25 : Number(n) || 26;
};

/** Merges spiked lines into sorted background data lines (same chrom/pos: the spiked record replaces the background one). */
export function mergeSorted(background: string[], spiked: string[]): string[] {
  const key = (l: string) => {
    const t1 = l.indexOf('\t');
    const t2 = l.indexOf('\t', t1 + 1);
    return [chromOrder(l.slice(0, t1)), Number(l.slice(t1 + 1, t2))] as const;
  };
  const spikedKeys = new Set(spiked.map((l) => key(l).join(':')));
  const all = background.filter((l) => !spikedKeys.has(key(l).join(':'))).concat(spiked);
  return all.sort((a, b) => {
    const [ca, pa] = key(a);
    const [cb, pb] = key(b);
    return ca - cb || pa - pb;
  });
}
