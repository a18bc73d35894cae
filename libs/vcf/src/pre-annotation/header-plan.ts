import { InputError } from '@rarerank/io';
import { GNOMAD_MARKERS, type Target, targetOf } from './field-targets';
import { usesClnsigCodes } from './values';

/** One declared INFO key that feeds an evidence field. */
export interface InfoFieldPlan {
  id: string;
  target: Target;
  /** Number=A: one value per ALT; otherwise the value belongs to the record */
  perAlt: boolean;
}

/**
 * An INFO key of '|'-separated entries whose columns the header's "Format:" list names: VEP's CSQ
 * (whatever --vcf_info_field called it) or the SpliceAI tool's own SpliceAI key.
 */
export interface CsqPlan {
  id: string;
  /** 'VEP CSQ' or 'SpliceAI': for messages */
  label: string;
  columns: number;
  alleleColumn: number;
  /** VEP --allele_number: the ALT's 1-based index, more robust than matching the Allele */
  alleleNumberColumn: number;
  targets: Array<{ column: number; name: string; target: Target }>;
}

/** How to read a VCF's own annotations: built from its header, undefined when it declares none. */
export interface PreAnnotationPlan {
  file: string;
  info: Map<string, InfoFieldPlan>;
  lists: Map<string, CsqPlan>;
  /** ANNOVAR's per-ALT blocks (ANNOVAR_DATE … ALLELE_END): keys it declared */
  annovar?: Map<string, Target>;
  /** CLNSIG in the old numeric codes (0, 2, 3, 4, 5) */
  clnsigCodes: boolean;
  /** what will be read, for the case's warnings: "VEP CSQ: gnomADe_AF, REVEL; INFO: CADD" */
  summary: string;
}

interface Declaration {
  id: string;
  number: string;
  type: string;
  description: string;
  line: number;
}

const INFO_LINE = /^##INFO=<ID=([^,>]+),Number=([^,>]+),Type=([^,>]+)(?:,Description="((?:[^"\\]|\\.)*)")?/;

/** The ##INFO declarations of a header (line = 1-based line number in the file). */
function declarations(metaLines: readonly string[], lineOf: (index: number) => number): Declaration[] {
  const out: Declaration[] = [];
  metaLines.forEach((text, i) => {
    const m = INFO_LINE.exec(text);
    if (m) out.push({ id: m[1], number: m[2], type: m[3], description: m[4] ?? '', line: lineOf(i) });
  });
  return out;
}

/**
 * Reads a VCF header for pre-annotation fields: VEP's CSQ (its "Format:" list), ANNOVAR's blocks
 * (header declares ANNOVAR_DATE; keys described as "provided by ANNOVAR"), and plain INFO keys
 * written by bcftools annotate, vcfanno or SnpSift (gnomAD / ExAC / 1000 Genomes frequencies,
 * ClinVar, REVEL, CADD, SpliceAI; field-targets.ts lists the names). Undefined when the header
 * declares none of them: then no INFO column is ever parsed. A CSQ without a readable Format
 * list is an InputError, since its fields could not be told apart.
 */
export function preAnnotationPlan(file: string, metaLines: readonly string[], lineOf: (index: number) => number = (i) => i + 1): PreAnnotationPlan | undefined {
  const decls = declarations(metaLines, lineOf);
  const ids = new Set(decls.map((d) => d.id));
  const annovarHeader = ids.has('ANNOVAR_DATE');
  const plainGnomad = decls.some((d) => GNOMAD_MARKERS.test(d.id));
  const info = new Map<string, InfoFieldPlan>();
  const annovar = new Map<string, Target>();
  const lists = new Map<string, CsqPlan>();
  let clnsigCodes = false;
  for (const d of decls) {
    const list = d.id === 'CSQ' || /Ensembl VEP/i.test(d.description) ? csqPlan(file, d, 'VEP CSQ') : d.id === 'SpliceAI' && /Format:/.test(d.description) ? csqPlan(file, d, 'SpliceAI') : undefined;
    if (list) {
      if (list.targets.length) lists.set(d.id, list);
      continue;
    }
    if (annovarHeader && /ANNOVAR/.test(d.description)) {
      const target = targetOf(d.id, { plainGnomad: true, description: d.description });
      if (target) annovar.set(d.id, target);
      continue;
    }
    const target = targetOf(d.id, { plainGnomad, description: d.description });
    if (!target || d.type === 'Flag') continue;
    if (target === 'clinvarSignificance' && usesClnsigCodes(d.description)) clnsigCodes = true;
    info.set(d.id, { id: d.id, target, perAlt: d.number === 'A' });
  }
  if (lists.size === 0 && info.size === 0 && annovar.size === 0) return undefined;
  const parts: string[] = [];
  for (const l of lists.values()) parts.push(`${l.label}: ${l.targets.map((t) => t.name).join(', ')}`);
  if (annovar.size) parts.push(`ANNOVAR: ${[...annovar.keys()].join(', ')}`);
  if (info.size) parts.push(`INFO: ${[...info.keys()].join(', ')}`);
  return { file, info, lists, annovar: annovar.size ? annovar : undefined, clnsigCodes, summary: parts.join('; ') };
}

function csqPlan(file: string, d: Declaration, label: string): CsqPlan {
  const field = `INFO/${d.id}`;
  const m = /Format:\s*([^"]+)$/.exec(d.description);
  if (!m) throw new InputError('the CSQ declaration has no "Format: Allele|Consequence|…" list, so its fields cannot be read (or use --ignore-input-annotations)', { file, line: d.line, field });
  const names = m[1].trim().split('|').map((s) => s.trim());
  const targets: CsqPlan['targets'] = [];
  names.forEach((name, column) => {
    // the SpliceAI tool's own key names its delta scores DS_AG, DS_AL, DS_DG, DS_DL
    const target = label === 'SpliceAI' ? (/^DS_(?:AG|AL|DG|DL)$/.test(name) ? 'spliceAi' : undefined) : targetOf(name, { vep: true });
    if (target) targets.push({ column, name, target });
  });
  const alleleColumn = names.findIndex((n) => n.toUpperCase() === 'ALLELE');
  if (alleleColumn < 0 && targets.length) throw new InputError(`the ${d.id} Format list has no Allele field, so entries cannot be matched to ALT alleles`, { file, line: d.line, field });
  return { id: d.id, label, columns: names.length, alleleColumn, alleleNumberColumn: names.indexOf('ALLELE_NUM'), targets };
}
