/** Keys look like `rr_<prefix>_<secret>` (docs/SERVICES.md). */

/** Why a pasted key cannot be one, or undefined when it is shaped like a key. */
export function keyShapeProblem(key: string): string | undefined {
  if (!key) return 'Paste your API key.';
  if (/\s/.test(key)) return 'The key must not contain spaces or line breaks.';
  if (!key.startsWith('rr_')) return 'API keys start with rr_ (copy the whole key your lab admin gave you).';
  return undefined;
}

/** The header's words for the signed-in caller (GET /me), with the key's public part. */
export function whoText(me: { user: string; role: string; userId?: string }, key: string): string {
  const legacy = me.userId ? '' : ', a legacy key: may read and submit, not review';
  return `Signed in as ${me.user} (${me.role}${legacy}) with key ${keyLabel(key)}`;
}

/** The key's public part, to show which key is in use without showing the secret: `rr_ab12cd…`. */
export function keyLabel(key: string): string {
  const m = /^rr_([^_]+)_/.exec(key);
  return m ? `rr_${m[1]}_…` : 'rr_…';
}
