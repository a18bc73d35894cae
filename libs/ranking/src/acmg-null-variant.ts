import type { AcmgEvidence, AnnotatedVariant, ModeOfInheritance, SoTerm } from '@rarerank/case-model';
import type { GeneRecord } from '@rarerank/kb';
import { mainTerm, reportingConsequence } from './format';
import type { AcmgOptions } from './rank-options';

export const NULL_TERMS: ReadonlySet<SoTerm> = new Set<SoTerm>(['transcript_ablation', 'splice_acceptor_variant', 'splice_donor_variant', 'stop_gained', 'frameshift_variant', 'start_lost']);

/** Why loss of function is a known disease mechanism for the gene, or undefined. */
export function lofMechanism(gene: GeneRecord | undefined, knownModes: readonly ModeOfInheritance[], o: AcmgOptions): string | undefined {
  for (const c of gene?.constraint ?? []) {
    const maxLoeuf = c.release.startsWith('v2') ? o.lofMaxLoeuf.v2 : o.lofMaxLoeuf.v4;
    if (c.loeuf !== undefined && c.loeuf < maxLoeuf) return `LOEUF ${c.loeuf} < ${maxLoeuf} (gnomAD ${c.release})`;
    if (c.pLI !== undefined && c.pLI >= o.lofMinPli) return `pLI ${c.pLI} ≥ ${o.lofMinPli} (gnomAD ${c.release})`;
  }
  if (knownModes.includes('AR') || knownModes.includes('XR')) return "the gene's disease is recessive (loss of function)";
  return undefined;
}

/** "12/66" → [12, 66] */
function exonOf(text: string | undefined): [number, number] | undefined {
  const m = text && /^(\d+)(?:-\d+)?\/(\d+)$/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const TERM_WORDS: Partial<Record<SoTerm, string>> = {
  transcript_ablation: 'deletion of the transcript',
  splice_acceptor_variant: 'canonical splice acceptor variant',
  splice_donor_variant: 'canonical splice donor variant',
  stop_gained: 'nonsense variant',
  frameshift_variant: 'frameshift variant',
  start_lost: 'start codon loss',
};

/**
 * PVS1 for a null variant in a gene where loss of function causes disease. Strength, after
 * ClinGen's PVS1 decision tree as far as the annotation tells: nonsense/frameshift in the last
 * exon (or a single-exon gene) escapes NMD → Strong; start loss → Moderate; the 50-bp rule in the
 * penultimate exon and exon-skipping predictions for splice sites need exon lengths and the
 * reference sequence, and are not applied.
 */
export function pvs1(v: AnnotatedVariant, gene: GeneRecord | undefined, knownModes: readonly ModeOfInheritance[], o: AcmgOptions): AcmgEvidence | undefined {
  const term = mainTerm(v);
  if (!NULL_TERMS.has(term)) return undefined;
  const why = lofMechanism(gene, knownModes, o);
  if (!why) return undefined;
  const what = TERM_WORDS[term] ?? term;
  if (term === 'start_lost') return { criterion: 'PVS1', strength: 'moderate', reason: `${what} (downgraded: an alternative start may be used); ${why}` };
  const exon = exonOf(reportingConsequence(v)?.exon);
  if ((term === 'stop_gained' || term === 'frameshift_variant') && exon && exon[0] === exon[1]) {
    return { criterion: 'PVS1', strength: 'strong', reason: `${what} in the last exon ${exon[0]}/${exon[1]}, likely escaping nonsense-mediated decay; ${why}` };
  }
  return { criterion: 'PVS1', strength: 'very_strong', reason: `${what}; ${why}` };
}

/** PM4: protein length change by an in-frame indel or a stop loss (repeat regions are not checked: no reference sequence). */
export function pm4(v: AnnotatedVariant): AcmgEvidence | undefined {
  const term = mainTerm(v);
  if (term === 'stop_lost') return { criterion: 'PM4', strength: 'moderate', reason: 'stop loss lengthens the protein' };
  if (term === 'inframe_deletion' || term === 'inframe_insertion') {
    const what = term === 'inframe_deletion' ? 'in-frame deletion' : 'in-frame insertion';
    return { criterion: 'PM4', strength: 'moderate', reason: `${what} changes the protein length (repeat regions not checked)` };
  }
  return undefined;
}
