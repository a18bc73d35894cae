/** Longest stored upload name; longer names are cut (they are metadata only). */
const MAX_NAME_LENGTH = 200;

/**
 * The part of a client-supplied file name that is safe to keep as metadata: the base name, with
 * control characters dropped and no way to climb directories. Undefined when nothing safe remains.
 * Stored files are addressed by id, never by this name.
 */
export function sanitizeUploadName(original: string): string | undefined {
  // both separators count: a Windows client sends C:\\Users\\…\\case.vcf
  const base = original.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/\.{2,}/g, '.')
    .trim();
  if (cleaned === '' || cleaned === '.') return undefined;
  return cleaned.slice(0, MAX_NAME_LENGTH);
}
