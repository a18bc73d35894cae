import type { InputEvidence } from '@rarerank/case-model';
import { InputError } from '@rarerank/io';
import { benignFrequency } from '@rarerank/variants-db';
import { AlleleMatcher } from './allele-match';
import { NUMERIC_TARGETS, type Target } from './field-targets';
import type { CsqPlan, PreAnnotationPlan } from './header-plan';
import { clinvarFromText, maxNumber } from './values';

/** Every pre-annotation error says how to proceed without the input's annotations. */
const HINT = ' (to rank without the VCF\'s own annotations: --ignore-input-annotations)';

/** What one ALT collected from the record's annotations. */
class AlleleEvidence {
  af?: number;
  afField?: string;
  homozygotes?: number;
  faf95?: number;
  revel?: number;
  cadd?: number;
  spliceAi?: number;
  significance: string[] = [];
  review: string[] = [];

  add(target: Target, field: string, text: string, value: number | undefined): void {
    switch (target) {
      case 'af':
        // the highest population frequency of any field, as maxAf is over the KB's sources
        if (value !== undefined && (this.af === undefined || value > this.af)) {
          this.af = value;
          this.afField = field;
        }
        return;
      case 'clinvarSignificance':
        if (text !== '' && text !== '.') this.significance.push(text);
        return;
      case 'clinvarReview':
        if (text !== '' && text !== '.') this.review.push(text);
        return;
      default:
        if (value !== undefined) this[target] = Math.max(this[target] ?? -Infinity, value);
    }
  }

  evidence(clnsigCodes: boolean): InputEvidence | undefined {
    const out: InputEvidence = {};
    if (this.af !== undefined) {
      out.frequency = { maxAf: this.af, source: `input VCF (${this.afField})` };
      if (this.faf95 !== undefined) out.frequency.faf95 = this.faf95;
      // the input's annotations do not say how many alleles were behind them: taken as a population database's
      const benign = benignFrequency({ faf95Max: this.faf95, afPopmax: this.af })!;
      out.frequency.benignAf = benign.af;
      out.frequency.benignAfIsFaf95 = benign.faf95;
      if (this.homozygotes !== undefined) out.frequency.homozygotes = this.homozygotes;
    }
    const clinvar = this.significance.length ? clinvarFromText(this.significance, this.review, clnsigCodes) : undefined;
    if (clinvar) out.clinvar = clinvar;
    if (this.revel !== undefined || this.cadd !== undefined || this.spliceAi !== undefined) {
      out.predictors = {};
      if (this.revel !== undefined) out.predictors.revel = this.revel;
      if (this.spliceAi !== undefined) out.predictors.spliceAi = this.spliceAi;
      if (this.cadd !== undefined) out.predictors.cadd = this.cadd;
    }
    return out.frequency || out.clinvar || out.predictors ? out : undefined;
  }
}

/** ANNOVAR writes ';', ',', '=' and spaces inside values as \x3b, \x2c, \x3d and '_'. */
const unescapeAnnovar = (v: string) => v.replace(/\\x3b/g, ';').replace(/\\x2c/g, ',').replace(/\\x3d/g, '=');
/** VEP writes ';' and ',' inside CSQ values percent-encoded. */
const unescapeVep = (v: string) => (v.includes('%') ? v.replace(/%3B/gi, ';').replace(/%2C/gi, ',').replace(/%3D/gi, '=') : v);

/**
 * Reads one record's pre-annotation (the plan says which fields) into evidence per ALT. Values
 * are matched to ALTs as their format says: Number=A INFO keys by position, CSQ entries by
 * ALLELE_NUM or their Allele column (VEP's trimming conventions, see AlleleMatcher), ANNOVAR
 * blocks in ALT order; a value of the whole record (Number=1 or '.') is used only when the record
 * has one ALT, since it cannot be attributed otherwise. A value that is not a number where a number
 * is read, a CSQ entry with another number of fields than the header's Format list, or a Number=A
 * key with another number of values than ALTs is an InputError naming file, line and field.
 */
export class PreAnnotationReader {
  /** records whose record-level value could not be given to one of several ALTs */
  unattributed = 0;

  constructor(private readonly plan: PreAnnotationPlan) {}

  get summary(): string {
    return this.plan.summary;
  }

  /** Evidence for each ALT (index k-1), undefined when the record carries none. */
  read(info: string, ref: string, alts: readonly string[], line: number): Array<InputEvidence | undefined> | undefined {
    const plan = this.plan;
    const acc: Array<AlleleEvidence | undefined> = new Array(alts.length);
    const at = (k: number) => (acc[k] ??= new AlleleEvidence());
    let block = -1; // ANNOVAR: which ALT's block we are in
    let matcher: AlleleMatcher | undefined;
    for (const item of info.split(';')) {
      const eq = item.indexOf('=');
      const key = eq < 0 ? item : item.slice(0, eq);
      if (plan.annovar && key === 'ANNOVAR_DATE') {
        block++;
        continue;
      }
      if (eq < 0) continue;
      const value = item.slice(eq + 1);
      const list = plan.lists.get(key);
      if (list) {
        matcher ??= new AlleleMatcher(ref, alts);
        this.readList(list, value, matcher, alts.length, at, line);
        continue;
      }
      const annovarTarget = block >= 0 ? plan.annovar?.get(key) : undefined;
      if (annovarTarget) {
        if (block < alts.length) this.add(at(block), annovarTarget, key, unescapeAnnovar(value), line, `INFO/${key}`);
        continue;
      }
      const field = plan.info.get(key);
      if (field) this.readInfo(field.id, field.target, field.perAlt, value, alts.length, at, line);
    }
    let out: Array<InputEvidence | undefined> | undefined;
    for (let k = 0; k < alts.length; k++) {
      const e = acc[k]?.evidence(plan.clnsigCodes);
      if (e) (out ??= new Array(alts.length))[k] = e;
    }
    return out;
  }

  private readInfo(id: string, target: Target, perAlt: boolean, value: string, nAlts: number, at: (k: number) => AlleleEvidence, line: number): void {
    const field = `INFO/${id}`;
    const numeric = NUMERIC_TARGETS.has(target);
    // ClinVar's texts contain commas of their own ('criteria_provided,_single_submitter')
    const values = perAlt || numeric ? value.split(',') : [value];
    if (perAlt && values.length !== nAlts) {
      throw new InputError(`${id} is declared Number=A but has ${values.length} value(s) for ${nAlts} ALT allele(s)${HINT}`, { file: this.plan.file, line, field });
    }
    if (values.length === nAlts) {
      for (let k = 0; k < nAlts; k++) this.add(at(k), target, id, values[k], line, field);
    } else if (nAlts === 1) {
      for (const v of values) this.add(at(0), target, id, v, line, field);
    } else this.unattributed++;
  }

  private readList(csq: CsqPlan, value: string, matcher: AlleleMatcher, nAlts: number, at: (k: number) => AlleleEvidence, line: number): void {
    for (const entry of value.split(',')) {
      const cols = entry.split('|');
      if (cols.length !== csq.columns) {
        throw new InputError(`a ${csq.id} entry has ${cols.length} fields but the header's Format list declares ${csq.columns}: "${entry.slice(0, 80)}"${HINT}`, { file: this.plan.file, line, field: `INFO/${csq.id}` });
      }
      const k = this.csqAlt(csq, cols, matcher, nAlts);
      if (k < 0) continue;
      for (const t of csq.targets) this.add(at(k), t.target, `${csq.id}/${t.name}`, unescapeVep(cols[t.column]), line, `INFO/${csq.id}/${t.name}`);
    }
  }

  private csqAlt(csq: CsqPlan, cols: string[], matcher: AlleleMatcher, nAlts: number): number {
    const num = csq.alleleNumberColumn >= 0 ? Number(cols[csq.alleleNumberColumn]) : NaN;
    if (Number.isInteger(num) && num >= 1 && num <= nAlts) return num - 1;
    return matcher.altIndex(cols[csq.alleleColumn]);
  }

  private add(acc: AlleleEvidence, target: Target, name: string, text: string, line: number, field: string): void {
    if (!NUMERIC_TARGETS.has(target)) return acc.add(target, name, text, undefined);
    const { value, bad } = maxNumber(text);
    if (bad !== undefined) throw new InputError(`"${bad.slice(0, 40)}" is not a number (${name} is read as a number)${HINT}`, { file: this.plan.file, line, field });
    acc.add(target, name, text, value);
  }
}
