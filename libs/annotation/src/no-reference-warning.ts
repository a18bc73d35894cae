/**
 * What an annotation without a reference FASTA does and does not know (see codon-effect.ts and
 * the annotator's consequence()): the case warning, worded once here beside the logic it describes.
 */
export const NO_REFERENCE_WARNING =
  'No reference FASTA (--reference): the amino-acid change is not known, so there is no HGVS p. ' +
  'A coding SNV is labelled missense_variant, synonymous_variant, stop_gained, start_lost, stop_lost or stop_retained_variant ' +
  "only where the genetic code settles it from the variant's own bases, whatever the rest of the codon (about half of coding SNVs); " +
  'the others are protein_altering_variant (missense or stop gained) or coding_sequence_variant, ' +
  'scored by the chance of each effect over the codons the reference could have. ' +
  'Substitutions across two codons are coding_sequence_variant; indels are frameshift or in-frame as their length says, ' +
  'one touching the start or stop codon counts as start_lost / stop_lost (a possible loss; an in-frame one at the stop codon is scored by the chance ' +
  "that the bases moved into its place form a stop codon again), and indel HGVS c. is not shifted 3'.";
