/**
 * Allele representations. VCF needs an anchor base for insertions and deletions; sources
 * without a reference FASTA (SPDI, ANNOVAR) cannot always supply it. RareRank therefore keys
 * variants by their *minimal* form, which every representation of the same change reduces to:
 *
 *   trim the common suffix of REF and ALT, then the common prefix, advancing POS by the
 *   prefix length; an allele may become the empty string.
 *
 * Then `pos` is the 1-based position of the first changed reference base; for a pure insertion
 * it is the base *before which* the sequence is inserted. A left-aligned VCF deletion
 * `chr1 100 GAT G` becomes `chr1 101 AT ''`, and so does the SPDI `NC_000001.11:100:AT:`.
 */
export interface Alleles {
  pos: number;
  ref: string;
  alt: string;
}

export function minimalAlleles(pos: number, ref: string, alt: string): Alleles {
  let r = ref.toUpperCase();
  let a = alt.toUpperCase();
  let end = 0;
  while (end < r.length && end < a.length && r[r.length - 1 - end] === a[a.length - 1 - end]) end++;
  if (end) {
    r = r.slice(0, r.length - end);
    a = a.slice(0, a.length - end);
  }
  let start = 0;
  while (start < r.length && start < a.length && r[start] === a[start]) start++;
  return { pos: pos + start, ref: r.slice(start), alt: a.slice(start) };
}

/**
 * Trims like `minimalAlleles` but keeps at least one base on each side, so the result stays a
 * valid VCF allele pair whenever the input had one (suffix first, so the change moves left).
 */
export function trimKeepingAnchor(pos: number, ref: string, alt: string): Alleles {
  let r = ref;
  let a = alt;
  while (r.length > 1 && a.length > 1 && r[r.length - 1] === a[a.length - 1]) {
    r = r.slice(0, -1);
    a = a.slice(0, -1);
  }
  let p = pos;
  while (r.length > 1 && a.length > 1 && r[0] === a[0]) {
    r = r.slice(1);
    a = a.slice(1);
    p++;
  }
  return { pos: p, ref: r, alt: a };
}

export interface Spdi {
  sequence: string;
  /** 0-based, interbase */
  position: number;
  deleted: string;
  inserted: string;
}

/** 'NC_000001.11:94062680:CAG:CA' → parts (IUPAC letters allowed); undefined when it is not a sequence-form SPDI. */
export function parseSpdi(text: string): Spdi | undefined {
  const parts = text.trim().split(':');
  if (parts.length !== 4) return undefined;
  const [sequence, pos, deleted, inserted] = parts;
  if (!/^\d+$/.test(pos) || !/^[A-Z]*$/i.test(deleted) || !/^[A-Z]*$/i.test(inserted)) return undefined;
  return { sequence, position: Number(pos), deleted: deleted.toUpperCase(), inserted: inserted.toUpperCase() };
}

/**
 * SPDI → 1-based VCF-style alleles.
 * - substitutions, and indels whose SPDI carries shared context (ClinVar's canonical SPDI of an
 *   indel in a repeat spells the whole repeat): a valid VCF pair, the anchor taken from the SPDI's
 *   own sequence (e.g. `94062680:CAG…TCCA:CA` → pos 94062681, `CAG…TCC` → `C`);
 * - pure insertions/deletions (`100::T`, `100:AT:`): no anchor base is known without the
 *   reference FASTA, so they stay in the minimal form with an empty allele (see `minimalAlleles`),
 *   which `VariantTable` matches against any left-aligned VCF representation.
 */
export function spdiToAlleles(spdi: Spdi): Alleles {
  const pos = spdi.position + 1;
  if (spdi.deleted === '' || spdi.inserted === '') return { pos, ref: spdi.deleted, alt: spdi.inserted };
  return trimKeepingAnchor(pos, spdi.deleted, spdi.inserted);
}

/**
 * ANNOVAR-style alleles ('-' for the empty allele, as in InterVar's databases) → the minimal
 * form. ANNOVAR writes an insertion at the base *after which* it is inserted, and a deletion
 * from its first deleted base.
 */
export function annovarToAlleles(start: number, ref: string, alt: string): Alleles {
  if (ref === '-') return { pos: start + 1, ref: '', alt };
  if (alt === '-') return { pos: start, ref, alt: '' };
  return { pos: start, ref, alt };
}
