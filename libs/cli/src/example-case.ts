import { readFile } from 'node:fs/promises';
import path from 'node:path';
import VCFParser from '@gmod/vcf';
import { InputError, readLines } from '@rarerank/io';
import type { PhenotypeKb } from '@rarerank/kb';

export interface ExampleCase {
  caseId: string;
  terms: Array<{ id: string; label: string; excluded: boolean }>;
  variantCount: number;
  sample: string;
}

/** Reads the shipped example (a Phenopacket v2 and a small VCF) and checks them against the KB. */
export async function readExampleCase(dir: string, kb: PhenotypeKb): Promise<ExampleCase> {
  const ppFile = path.join(dir, 'example.phenopacket.json');
  const pp = JSON.parse(await readFile(ppFile, 'utf8')) as { id: string; phenotypicFeatures?: Array<{ type: { id: string }; excluded?: boolean }> };
  const terms = (pp.phenotypicFeatures ?? []).map((f, i) => {
    const r = kb.ontology.resolve(f.type.id);
    if (r.status === 'unknown' || r.status === 'obsolete') throw new InputError(`HPO term ${f.type.id} is ${r.status} in HPO ${kb.ontology.version}`, { file: ppFile, field: `phenotypicFeatures[${i}].type.id` });
    return { id: r.id, label: kb.ontology.names[kb.ontology.indexOf(r.id)!], excluded: f.excluded === true };
  });

  const vcfFile = path.join(dir, 'example.vcf');
  const header: string[] = [];
  let parser: VCFParser | undefined;
  let variantCount = 0;
  for await (const { no, text } of readLines(vcfFile)) {
    if (text.startsWith('#')) {
      header.push(text);
      continue;
    }
    parser ??= new VCFParser({ header: header.join('\n') });
    const v = parser.parseLine(text);
    if (!v.CHROM || !Number.isFinite(v.POS)) throw new InputError('unparseable VCF record', { file: vcfFile, line: no });
    variantCount++;
  }
  const sample = header.at(-1)?.split('\t')[9];
  if (!sample) throw new InputError('no sample column in the #CHROM line', { file: vcfFile });
  return { caseId: pp.id, terms, variantCount, sample };
}
