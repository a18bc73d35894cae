import { InputError } from '@rarerank/io';
import { DEFAULT_GENE_EVIDENCE_OPTIONS, resolveGeneEvidenceOptions, type GeneEvidenceOptions } from '@rarerank/gene-evidence';
import { DEFAULT_OPTIONS, resolveOptions, type PhenotypeScorerOptions } from '@rarerank/phenotype';

/** Repeatable `--flag key=value`: collected by commander in order. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** key=value pairs, each key one of `defaults`' and its value of the same type (a list: comma-separated, or 'all'). */
function parsePairs(flag: string, pairs: readonly string[], defaults: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at) : '';
    const value = pair.slice(at + 1);
    if (!(key in defaults)) throw new InputError(`${flag} wants key=value with a key among ${Object.keys(defaults).join(', ')}, not "${pair.slice(0, 80)}"`, { file: flag });
    const like = defaults[key];
    if (typeof like === 'number') {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) throw new InputError(`${flag} ${key} must be a number, not "${value.slice(0, 80)}"`, { file: flag, field: key });
      out[key] = n;
    } else if (Array.isArray(like)) out[key] = value === 'all' ? 'all' : value.split(',').filter(Boolean);
    else out[key] = value;
  }
  return out;
}

/** `--phenotype-option key=value` (repeatable): phenotype scorer options (libs/phenotype options.ts), checked as the scorer checks them. */
export function phenotypeOptions(pairs: readonly string[] = []): PhenotypeScorerOptions | undefined {
  if (!pairs.length) return undefined;
  // what excluded terms do has its own flag (and a case may override it): not a second way in here
  const keys: Record<string, unknown> = { ...DEFAULT_OPTIONS };
  delete keys.excludedTerms;
  const opts = parsePairs('--phenotype-option', pairs, keys) as PhenotypeScorerOptions;
  try {
    resolveOptions(opts);
  } catch (e) {
    throw new InputError(`--phenotype-option: ${(e as Error).message}`, { file: '--phenotype-option' });
  }
  return opts;
}

/** `--gene-evidence-option key=value` (repeatable): the weights and seeds of the mouse and network evidence. */
export function geneEvidenceOptions(pairs: readonly string[] = []): Partial<GeneEvidenceOptions> | undefined {
  if (!pairs.length) return undefined;
  const opts = parsePairs('--gene-evidence-option', pairs, DEFAULT_GENE_EVIDENCE_OPTIONS as unknown as Record<string, unknown>) as Partial<GeneEvidenceOptions>;
  try {
    resolveGeneEvidenceOptions(opts);
  } catch (e) {
    throw new InputError(`--gene-evidence-option: ${(e as Error).message}`, { file: '--gene-evidence-option' });
  }
  return opts;
}
