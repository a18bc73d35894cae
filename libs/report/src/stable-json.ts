import { roundSig } from './round-number';

/**
 * The key order of a JSON document: an object literal lists its keys in the order to write them
 * (keys it does not list follow, sorted); `[shape]` is an array of that shape; `'sorted'` is an
 * object of free keys (written sorted, recursively); `'value'` is anything else.
 */
export type JsonShape = 'value' | 'sorted' | readonly [JsonShape] | { readonly [key: string]: JsonShape };

/**
 * Serializes deterministically: keys in the shape's order whatever order the object was built in,
 * numbers rounded to fixed significant digits, undefined members dropped, 2-space indent, final
 * newline. Array order is kept: it carries the ranking.
 */
export function stableJson(value: unknown, shape: JsonShape = 'sorted'): string {
  return JSON.stringify(canonical(value, shape), null, 2) + '\n';
}

function canonical(value: unknown, shape: JsonShape | undefined): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'number') return roundSig(value);
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const inner = Array.isArray(shape) ? (shape as readonly [JsonShape])[0] : undefined;
    return value.map((v) => (v === undefined ? null : canonical(v, inner)));
  }
  const obj = value as Record<string, unknown>;
  const ordered = shape !== undefined && typeof shape === 'object' && !Array.isArray(shape) ? (shape as Record<string, JsonShape>) : undefined;
  const known = ordered ? Object.keys(ordered).filter((k) => Object.hasOwn(obj, k)) : [];
  const rest = Object.keys(obj)
    .filter((k) => !ordered || !Object.hasOwn(ordered, k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...rest]) {
    if (obj[key] === undefined) continue;
    out[key] = canonical(obj[key], ordered?.[key]);
  }
  return out;
}
