import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The bad-input corpus shared by the CLI and REST tests: each scenario writes its files into a
 * fresh folder (large ones are generated, never committed) and says what the user must be told.
 * A few inputs are accepted on purpose (CRLF, obsolete HPO ids); they say which warning shows.
 */
export interface CaseFiles {
  vcfs?: string[];
  ped?: string;
  proband?: string;
  phenopacket?: string;
  hpo?: string;
  excludedHpo?: string;
  assembly?: string;
}

export interface Scenario {
  id: string;
  /** the bad input, for docs/RELIABILITY.md */
  what: string;
  make: (dir: string) => CaseFiles;
  /** rejected: the message (and where) the user gets; accepted: a warning the result carries */
  expect: { rejected: true; message: RegExp; file?: string; line?: number; field?: string } | { rejected: false; warning?: RegExp };
  /** the upload name of a file matters (REST) */
  only?: 'cli' | 'rest';
}

const META = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr15,length=101991189>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
];
const COLUMNS = '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT';
const header = (...samples: string[]) => [...META, [COLUMNS, ...samples].join('\t')];
const rec = (pos: number | string, ref: string, alt: string, ...samples: string[]) =>
  ['chr15', pos, '.', ref, alt, '50', 'PASS', '.', 'GT:AD:DP:GQ', ...samples].join('\t');
/** FBN1 exon 27 (c.3458G>T on GRCh38), a real-looking het call */
const GOOD_RECORDS = [rec(48487317, 'C', 'A', '0/1:20,18:38:99'), rec(48487400, 'G', 'A', '0/1:15,14:29:99')];
const GOOD = [...header('P1'), ...GOOD_RECORDS];
// META is 6 lines, #CHROM line 7, first record line 8.

const PHENO = 'HP:0001166,HP:0001083,HP:0002616';
const write = (dir: string, name: string, content: string | Buffer | string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, Array.isArray(content) ? content.join('\n') + '\n' : content);
  return file;
};
const vcfCase = (dir: string, name: string, content: string | Buffer | string[], more: CaseFiles = {}): CaseFiles => ({
  hpo: PHENO,
  vcfs: [write(dir, name, content)],
  ...more,
});
const phenopacket = (features: unknown) => ({ id: 'bad-input', subject: { id: 'p', sex: 'FEMALE' }, phenotypicFeatures: features });

export const CORPUS: Scenario[] = [
  {
    id: 'truncated-gzip',
    what: 'a gzipped VCF cut off mid-stream',
    make: (dir) => {
      const lines = [...header('P1'), ...Array.from({ length: 20000 }, (_, i) => rec(48000000 + i * 7, 'A', 'G', '0/1:10,9:19:60'))];
      const gz = gzipSync(lines.join('\n') + '\n');
      return vcfCase(dir, 'truncated.vcf.gz', gz.subarray(0, Math.floor(gz.length * 0.6)));
    },
    expect: { rejected: true, message: /truncated/ },
  },
  {
    id: 'not-a-vcf',
    what: 'a BED file given as the VCF',
    make: (dir) => vcfCase(dir, 'regions.vcf', ['chr15\t48400000\t48600000\tFBN1']),
    expect: { rejected: true, message: /not a VCF/, line: 1, field: 'fileformat' },
  },
  {
    id: 'binary-file',
    what: 'a PNG image given as the VCF',
    make: (dir) => vcfCase(dir, 'photo.vcf', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')),
    expect: { rejected: true, message: /not a VCF/ },
  },
  {
    id: 'crlf',
    what: 'a VCF with Windows (CRLF) line ends',
    make: (dir) => vcfCase(dir, 'windows.vcf', GOOD.join('\r\n') + '\r\n'),
    expect: { rejected: false },
  },
  {
    id: 'missing-fileformat',
    what: 'a VCF without its ##fileformat header',
    make: (dir) => vcfCase(dir, 'noheader.vcf', GOOD.slice(1)),
    expect: { rejected: true, message: /not a VCF/, line: 1, field: 'fileformat' },
  },
  {
    id: 'missing-chrom-line',
    what: 'a VCF without the #CHROM line',
    make: (dir) => vcfCase(dir, 'nochrom.vcf', [...META, ...GOOD_RECORDS]),
    expect: { rejected: true, message: /missing #CHROM/, line: 7 },
  },
  {
    id: 'wrong-column-count',
    what: 'a record with fewer columns than the header',
    make: (dir) => vcfCase(dir, 'columns.vcf', [...header('P1'), GOOD_RECORDS[0], 'chr15\t48487400\t.\tG\tA\t50']),
    expect: { rejected: true, message: /expected 10 tab-separated columns, found 6/, line: 9 },
  },
  {
    id: 'non-numeric-pos',
    what: 'POS that is not a number',
    make: (dir) => vcfCase(dir, 'pos.vcf', [...header('P1'), rec('48487x17', 'C', 'A', '0/1:20,18:38:99')]),
    expect: { rejected: true, message: /POS/, line: 8, field: 'POS' },
  },
  {
    id: 'invalid-ref',
    what: 'REF with characters that are not bases',
    make: (dir) => vcfCase(dir, 'ref.vcf', [...header('P1'), rec(48487317, 'CQ', 'A', '0/1:20,18:38:99')]),
    expect: { rejected: true, message: /not a base sequence/, line: 8, field: 'REF' },
  },
  {
    id: 'invalid-alt',
    what: 'ALT with characters that are not bases',
    make: (dir) => vcfCase(dir, 'alt.vcf', [...header('P1'), rec(48487317, 'C', 'A1', '0/1:20,18:38:99')]),
    expect: { rejected: true, message: /ALT/, line: 8, field: 'ALT' },
  },
  {
    id: 'gt-missing-allele',
    what: 'a GT naming an ALT allele the record does not have',
    make: (dir) => vcfCase(dir, 'gt.vcf', [...header('P1'), rec(48487317, 'C', 'A', '0/2:20,18:38:99')]),
    expect: { rejected: true, message: /GT "0\/2" refers to allele 2 but the record has 1 ALT allele/, line: 8, field: 'GT' },
  },
  {
    id: 'proband-not-in-file',
    what: 'a proband sample name that is not in the VCF',
    make: (dir) => vcfCase(dir, 'sample.vcf', GOOD, { proband: 'NOT_THERE' }),
    expect: { rejected: true, message: /NOT_THERE is not a sample/, field: 'proband' },
  },
  {
    id: 'multi-sample-no-proband',
    what: 'a multi-sample VCF and no proband named',
    make: (dir) => vcfCase(dir, 'trio.vcf', [...header('P1', 'F', 'M'), rec(48487317, 'C', 'A', '0/1:20,18:38:99', '0/0:30,0:30:99', '0/0:30,0:30:99')]),
    expect: { rejected: true, message: /3 samples \(P1, F, M\): name the proband/, field: 'proband' },
  },
  {
    id: 'other-assembly-contigs',
    what: 'GRCh37 contigs in a case declared GRCh38',
    make: (dir) =>
      vcfCase(dir, 'grch37.vcf', [META[0], '##contig=<ID=15,length=102531392>', ...META.slice(2), [COLUMNS, 'P1'].join('\t'), ['15', 48779528, '.', 'C', 'A', '50', 'PASS', '.', 'GT', '0/1'].join('\t')], { assembly: 'GRCh38' }),
    expect: { rejected: true, message: /the case is GRCh38 but the VCF's contig lengths are GRCh37/, field: 'contig' },
  },
  {
    id: 'unsorted',
    what: 'an unsorted VCF',
    make: (dir) => vcfCase(dir, 'unsorted.vcf', [...header('P1'), GOOD_RECORDS[1], GOOD_RECORDS[0]]),
    expect: { rejected: true, message: /not sorted/, line: 9, field: 'POS' },
  },
  {
    id: 'line-100mb',
    what: 'a single line of 100 MB',
    make: (dir) => vcfCase(dir, 'longline.vcf', Buffer.concat([Buffer.from(GOOD.join('\n') + '\nchr15\t48487500\t.\t'), Buffer.alloc(100 * 1024 * 1024, 'A'), Buffer.from('\tG\n')])),
    expect: { rejected: true, message: /longer than 10485760 bytes/, line: 10 },
  },
  {
    id: 'gzip-bomb',
    what: 'a gzip bomb (decompresses more than 1000× its size)',
    make: (dir) => {
      const line = Buffer.concat([Buffer.from('chr15\t1\t'), Buffer.alloc(8 * 1024 * 1024, 'A'), Buffer.from('\n')]);
      const member = gzipSync(line, { level: 9 });
      return vcfCase(dir, 'bomb.vcf.gz', Buffer.concat([gzipSync(header('P1').join('\n') + '\n'), ...Array.from({ length: 13 }, () => member)]));
    },
    expect: { rejected: true, message: /gzip bomb/ },
  },
  {
    id: 'empty-vcf',
    what: 'a VCF with a header and no records',
    make: (dir) => vcfCase(dir, 'empty.vcf', header('P1')),
    expect: { rejected: true, message: /no variant records/, field: 'records' },
  },
  {
    id: 'zero-byte-vcf',
    what: 'a zero-byte VCF',
    make: (dir) => vcfCase(dir, 'zero.vcf', ''),
    expect: { rejected: true, message: /empty/ },
  },
  {
    id: 'bcf',
    what: 'a BCF (binary) file given as VCF',
    make: (dir) => vcfCase(dir, 'calls.vcf.gz', gzipSync(Buffer.concat([Buffer.from('BCF\x02\x02'), Buffer.alloc(64, 1)]))),
    expect: { rejected: true, message: /a BCF \(binary\) file: convert it to VCF first/ },
  },
  {
    id: 'different-samples',
    what: 'two VCFs of different people in one case',
    make: (dir) => ({ hpo: PHENO, vcfs: [write(dir, 'a.vcf', GOOD), write(dir, 'b.vcf', [...header('OTHER'), GOOD_RECORDS[1]])] }),
    expect: { rejected: true, message: /samples \(OTHER\) differ/ },
  },
  {
    id: 'ped-inconsistent',
    what: 'a PED that shares no sample with the VCF',
    make: (dir) => vcfCase(dir, 'ped-case.vcf', GOOD, { ped: write(dir, 'family.ped', ['FAM\tX1\t0\t0\t1\t2', 'FAM\tX2\t0\t0\t2\t1']), proband: 'X1' }),
    expect: { rejected: true, message: /the PED and the VCF share no individual \(PED: X1, X2; VCF: P1\)/ },
  },
  {
    id: 'ped-malformed',
    what: 'a PED line with too few columns',
    make: (dir) => vcfCase(dir, 'ped2.vcf', GOOD, { ped: write(dir, 'bad.ped', ['FAM\tP1\t0\t0\t1\t2', 'FAM\tF\t0']), proband: 'P1' }),
    expect: { rejected: true, message: /column/, line: 2 },
  },
  {
    id: 'ped-gzip-bomb',
    what: 'a gzipped PED of < 1 MB holding one 700 MB line (crashed the process through node:readline)',
    make: (dir) => {
      const fill = gzipSync(Buffer.alloc(8 * 1024 * 1024, '2'), { level: 9 });
      const bomb = Buffer.concat([gzipSync('FAM\tP1\t0\t0\t1\t'), ...Array.from({ length: 88 }, () => fill)]);
      return vcfCase(dir, 'ped-bomb.vcf', GOOD, { ped: write(dir, 'bomb.ped.gz', bomb), proband: 'P1' });
    },
    expect: { rejected: true, message: /line longer than 1048576 bytes \(limit maxLineBytes\)/, line: 1 },
  },
  {
    id: 'ped-100mb-field',
    what: 'a PED line whose phenotype field is 100 MB',
    make: (dir) =>
      vcfCase(dir, 'ped-long.vcf', GOOD, { ped: write(dir, 'long.ped', Buffer.concat([Buffer.from('FAM\tP1\t0\t0\t1\t'), Buffer.alloc(100 * 1024 * 1024, '7'), Buffer.from('\n')])), proband: 'P1' }),
    expect: { rejected: true, message: /line longer than 1048576 bytes \(limit maxLineBytes\)/, line: 1 },
  },
  {
    id: 'ped-long-field',
    what: 'a PED phenotype field of 512 kB (quoted as an 80-character excerpt)',
    make: (dir) => vcfCase(dir, 'ped-field.vcf', GOOD, { ped: write(dir, 'field.ped', `FAM\tP1\t0\t0\t1\t${'7'.repeat(512 * 1024)}\n`), proband: 'P1' }),
    expect: { rejected: true, message: /phenotype must be .*, found "7{80}… \(524208 more characters\)"/, line: 1, field: 'phenotype' },
  },
  {
    id: 'ped-inflates-past-limit',
    what: 'a gzipped PED of short lines that inflates past 64 MiB',
    make: (dir) => {
      const block = gzipSync('# padding line of a PED that never ends\n'.repeat(200_000), { level: 9 });
      return vcfCase(dir, 'ped-big.vcf', GOOD, { ped: write(dir, 'big.ped.gz', Buffer.concat(Array.from({ length: 10 }, () => block))), proband: 'P1' });
    },
    expect: { rejected: true, message: /more than 67108864 bytes of text \(limit maxDecompressedBytes\)/ },
  },
  {
    id: 'phenopacket-gzip-bomb',
    what: 'a gzipped phenopacket that inflates past 64 MiB (read whole as JSON)',
    make: (dir) => {
      const fill = gzipSync(Buffer.alloc(8 * 1024 * 1024, ' '), { level: 9 });
      return { phenopacket: write(dir, 'bomb.json.gz', Buffer.concat([gzipSync('{"id":"x",'), ...Array.from({ length: 12 }, () => fill)])) };
    },
    expect: { rejected: true, message: /more than 67108864 bytes of text \(limit maxDecompressedBytes\)/ },
    // REST takes a phenopacket up to JSON_BODY_LIMIT bytes as sent (a 413 otherwise) and parses it as JSON text
    only: 'cli',
  },
  {
    id: 'phenopacket-long-term-id',
    what: 'a phenopacket whose HPO id is a 200 kB string (quoted as an excerpt)',
    make: (dir) => ({ phenopacket: write(dir, 'longid.json', JSON.stringify(phenopacket([{ type: { id: `HP:${'1'.repeat(200 * 1024)}` } }]))) }),
    expect: { rejected: true, message: /"HP:1{77}… \(204723 more characters\)" is not an HPO id/, field: 'phenotypicFeatures[0].type.id' },
  },
  {
    id: 'hpo-nonexistent',
    what: 'HPO ids that do not exist',
    make: () => ({ hpo: 'HP:9999991,HP:9999992' }),
    expect: { rejected: true, message: /HP:9999991 is not an HPO 2025-05-06 term/, field: 'phenotypicFeatures' },
  },
  {
    id: 'hpo-malformed',
    what: 'a malformed HPO id',
    make: () => ({ hpo: 'HP:12,HP:0001166' }),
    expect: { rejected: true, message: /HP:12/ },
  },
  {
    id: 'hpo-obsolete',
    what: 'an obsolete HPO id (mapped to its replacement, with a warning)',
    // HP:0000057 "obsolete Clitoromegaly" is replaced by HP:0008665 in HPO 2025-05-06
    make: () => ({ hpo: 'HP:0001166,HP:0000057' }),
    expect: { rejected: false, warning: /HP:0000057 is an alternative id of HP:0008665 .*: mapped/ },
  },
  {
    id: 'phenopacket-no-features',
    what: 'a phenopacket with no phenotypic features',
    make: (dir) => ({ phenopacket: write(dir, 'nofeatures.json', JSON.stringify(phenopacket([]))) }),
    expect: { rejected: true, message: /no observed phenotypic features/, field: 'phenotypicFeatures' },
  },
  {
    id: 'phenopacket-invalid-json',
    what: 'a phenopacket that is not valid JSON',
    make: (dir) => ({ phenopacket: write(dir, 'broken.json', '{\n  "id": "x",\n  "phenotypicFeatures": [\n    { "type": { "id": "HP:0001166" } },,\n  ]\n}\n') }),
    expect: { rejected: true, message: /invalid JSON/, line: 4 },
  },
  {
    id: 'phenopacket-wrong-shape',
    what: 'a phenopacket whose features are not a list of HPO terms',
    make: (dir) => ({ phenopacket: write(dir, 'shape.json', JSON.stringify(phenopacket([{ type: { id: 'OMIM:154700' } }]))) }),
    expect: { rejected: true, message: /not an HPO id/, field: 'phenotypicFeatures[0].type.id' },
  },
  {
    id: 'vcf-missing-file',
    what: 'a VCF path that does not exist',
    make: (dir) => ({ hpo: PHENO, vcfs: [path.join(dir, 'nowhere.vcf.gz')] }),
    expect: { rejected: true, message: /cannot open/ },
    only: 'cli',
  },
];
