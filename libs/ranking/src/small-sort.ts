/**
 * Sorts in place, stably: insertion sort for the short lists of one gene (Array.prototype.sort
 * allocates working storage on every call, which adds up over thousands of genes), the built-in
 * sort otherwise.
 */
export function sortSmall<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  const n = xs.length;
  if (n > 16) return xs.sort(cmp);
  for (let i = 1; i < n; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && cmp(xs[j], x) > 0) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}
