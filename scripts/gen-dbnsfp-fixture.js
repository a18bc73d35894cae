#!/usr/bin/env node
// Writes small dbNSFP 4.x chromosome files for the reader's specs (the real release, ~40 GB, is not
// in the data mirror): the header is dbNSFP 4.9a's documented column list from its first column
// (`#chr`) through the predictor, CADD, conservation and 1000 Genomes columns (the ~170 leading
// columns of ~710; the reader picks columns by name, so the later population, ClinVar, GTEx and
// gene columns are left out), tab-separated, '.' for missing values and ';' between the values of
// a variant's transcripts (in `Ensembl_transcriptid` order), as the release writes them. The rows
// are hand-made cases named below, sorted by GRCh38 position as the release is; gzip output is
// byte-stable (no mtime), so `gen-dbnsfp-fixture.spec` can check the committed fixtures.
// Usage: node scripts/gen-dbnsfp-fixture.js [OUT_DIR]   (default libs/variants-db/fixtures)
//        node scripts/gen-dbnsfp-fixture.js --rows N OUT.gz   a synthetic chr1 file for the reader's
//        throughput (docs/BENCHMARKS.md): the same leading columns then `pad_*` ones up to the
//        release's ~710, every score column '.' or 1–3 ';'-joined transcript values, ~3.5 kB a row.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const COLUMNS = [
  '#chr', 'pos(1-based)', 'ref', 'alt', 'aaref', 'aaalt', 'rs_dbSNP', 'hg19_chr', 'hg19_pos(1-based)', 'hg18_chr', 'hg18_pos(1-based)',
  'aapos', 'genename', 'Ensembl_geneid', 'Ensembl_transcriptid', 'Ensembl_proteinid', 'Uniprot_acc', 'Uniprot_entry',
  'HGVSc_ANNOVAR', 'HGVSp_ANNOVAR', 'HGVSc_snpEff', 'HGVSp_snpEff', 'HGVSc_VEP', 'HGVSp_VEP', 'APPRIS', 'GENCODE_basic', 'TSL', 'VEP_canonical', 'MANE',
  'cds_strand', 'refcodon', 'codonpos', 'codon_degeneracy', 'Ancestral_allele', 'AltaiNeandertal', 'Denisova', 'VindijiaNeandertal', 'ChagyrskayaNeandertal',
  'SIFT_score', 'SIFT_converted_rankscore', 'SIFT_pred', 'SIFT4G_score', 'SIFT4G_converted_rankscore', 'SIFT4G_pred',
  'Polyphen2_HDIV_score', 'Polyphen2_HDIV_rankscore', 'Polyphen2_HDIV_pred', 'Polyphen2_HVAR_score', 'Polyphen2_HVAR_rankscore', 'Polyphen2_HVAR_pred',
  'LRT_score', 'LRT_converted_rankscore', 'LRT_pred', 'LRT_Omega',
  'MutationTaster_score', 'MutationTaster_converted_rankscore', 'MutationTaster_pred', 'MutationTaster_model', 'MutationTaster_AAE',
  'MutationAssessor_score', 'MutationAssessor_rankscore', 'MutationAssessor_pred', 'FATHMM_score', 'FATHMM_converted_rankscore', 'FATHMM_pred',
  'PROVEAN_score', 'PROVEAN_converted_rankscore', 'PROVEAN_pred', 'VEST4_score', 'VEST4_rankscore',
  'MetaSVM_score', 'MetaSVM_rankscore', 'MetaSVM_pred', 'MetaLR_score', 'MetaLR_rankscore', 'MetaLR_pred', 'Reliability_index',
  'MetaRNN_score', 'MetaRNN_rankscore', 'MetaRNN_pred', 'M-CAP_score', 'M-CAP_rankscore', 'M-CAP_pred', 'REVEL_score', 'REVEL_rankscore',
  'MutPred_score', 'MutPred_rankscore', 'MutPred_protID', 'MutPred_AAchange', 'MutPred_Top5features', 'MVP_score', 'MVP_rankscore',
  'gMVP_score', 'gMVP_rankscore', 'MPC_score', 'MPC_rankscore', 'PrimateAI_score', 'PrimateAI_rankscore', 'PrimateAI_pred',
  'DEOGEN2_score', 'DEOGEN2_rankscore', 'DEOGEN2_pred', 'BayesDel_addAF_score', 'BayesDel_addAF_rankscore', 'BayesDel_addAF_pred',
  'BayesDel_noAF_score', 'BayesDel_noAF_rankscore', 'BayesDel_noAF_pred', 'ClinPred_score', 'ClinPred_rankscore', 'ClinPred_pred',
  'LIST-S2_score', 'LIST-S2_rankscore', 'LIST-S2_pred', 'VARITY_R_score', 'VARITY_R_rankscore', 'VARITY_ER_score', 'VARITY_ER_rankscore',
  'VARITY_R_LOO_score', 'VARITY_R_LOO_rankscore', 'VARITY_ER_LOO_score', 'VARITY_ER_LOO_rankscore',
  'ESM1b_score', 'ESM1b_rankscore', 'ESM1b_pred', 'EVE_score', 'EVE_rankscore', 'EVE_Class10_pred', 'EVE_Class20_pred', 'EVE_Class25_pred',
  'EVE_Class30_pred', 'EVE_Class40_pred', 'EVE_Class50_pred', 'EVE_Class60_pred', 'EVE_Class70_pred', 'EVE_Class75_pred', 'EVE_Class80_pred', 'EVE_Class90_pred',
  'AlphaMissense_score', 'AlphaMissense_rankscore', 'AlphaMissense_pred',
  'Aloft_Fraction_transcripts_affected', 'Aloft_prob_Tolerant', 'Aloft_prob_Recessive', 'Aloft_prob_Dominant', 'Aloft_pred', 'Aloft_Confidence',
  'CADD_raw', 'CADD_raw_rankscore', 'CADD_phred', 'CADD_raw_hg19', 'CADD_raw_rankscore_hg19', 'CADD_phred_hg19',
  'DANN_score', 'DANN_rankscore', 'fathmm-MKL_coding_score', 'fathmm-MKL_coding_rankscore', 'fathmm-MKL_coding_pred', 'fathmm-MKL_coding_group',
  'fathmm-XF_coding_score', 'fathmm-XF_coding_rankscore', 'fathmm-XF_coding_pred',
  'Eigen-raw_coding', 'Eigen-raw_coding_rankscore', 'Eigen-phred_coding', 'Eigen-PC-raw_coding', 'Eigen-PC-raw_coding_rankscore', 'Eigen-PC-phred_coding',
  'GenoCanyon_score', 'GenoCanyon_rankscore', 'integrated_fitCons_score', 'integrated_fitCons_rankscore', 'integrated_confidence_value',
  'LINSIGHT', 'LINSIGHT_rankscore', 'GERP++_NR', 'GERP++_RS', 'GERP++_RS_rankscore',
  'phyloP100way_vertebrate', 'phyloP100way_vertebrate_rankscore', 'phyloP470way_mammalian', 'phyloP470way_mammalian_rankscore',
  'phyloP17way_primate', 'phyloP17way_primate_rankscore', 'phastCons100way_vertebrate', 'phastCons100way_vertebrate_rankscore',
  'phastCons470way_mammalian', 'phastCons470way_mammalian_rankscore', 'phastCons17way_primate', 'phastCons17way_primate_rankscore',
  'bStatistic', 'bStatistic_converted_rankscore', '1000Gp3_AC', '1000Gp3_AF',
];

/** A row: the named cells, every other column '.'. */
function row(cells) {
  for (const k of Object.keys(cells)) if (!COLUMNS.includes(k)) throw new Error(`not a fixture column: ${k}`);
  return COLUMNS.map((c) => (cells[c] === undefined ? '.' : String(cells[c]))).join('\t');
}

const OR4F5 = { genename: 'OR4F5', Ensembl_geneid: 'ENSG00000186092', cds_strand: '+' };
const CHR1 = [
  // three transcripts: REVEL on two, AlphaMissense on two ('.' on the third), SIFT on all (lowest = most damaging)
  row({ '#chr': 1, 'pos(1-based)': 69094, ref: 'G', alt: 'A', aaref: 'V', aaalt: 'M', hg19_chr: 1, 'hg19_pos(1-based)': 69094, ...OR4F5, Ensembl_transcriptid: 'ENST00000641515;ENST00000335137;ENST00000999999', SIFT_score: '0.2;0.01;0.5', MetaRNN_score: '0.41;0.41;0.41', REVEL_score: '0.111;0.2;.', AlphaMissense_score: '0.7;0.9;.', AlphaMissense_pred: 'P;P;.', CADD_raw: 2.9, CADD_phred: 23.1 }),
  // only MetaRNN: no default column has a value
  row({ '#chr': 1, 'pos(1-based)': 69094, ref: 'G', alt: 'C', hg19_chr: 1, 'hg19_pos(1-based)': 69094, ...OR4F5, Ensembl_transcriptid: 'ENST00000641515', MetaRNN_score: 0.3 }),
  row({ '#chr': 1, 'pos(1-based)': 69094, ref: 'G', alt: 'T', hg19_chr: 1, 'hg19_pos(1-based)': 69094, ...OR4F5, Ensembl_transcriptid: 'ENST00000641515', SIFT_score: 0.03, REVEL_score: 0.35, AlphaMissense_score: 0.2, CADD_phred: 19.5, MetaRNN_score: 0.2 }),
  // no hg19 position (the GRCh38-only part of a chromosome)
  row({ '#chr': 1, 'pos(1-based)': 69134, ref: 'A', alt: 'G', ...OR4F5, Ensembl_transcriptid: 'ENST00000641515', REVEL_score: 0.05, AlphaMissense_score: 0.08, CADD_phred: 4.2 }),
  // SAMD11: hg19 and GRCh38 positions differ
  row({ '#chr': 1, 'pos(1-based)': 925969, ref: 'C', alt: 'T', hg19_chr: 1, 'hg19_pos(1-based)': 861349, genename: 'SAMD11', Ensembl_transcriptid: 'ENST00000342066', REVEL_score: 0.5, AlphaMissense_score: 0.967, CADD_phred: 12.3 }),
];
const CHRX = [
  row({ '#chr': 'X', 'pos(1-based)': 100633, ref: 'T', alt: 'C', hg19_chr: 'X', 'hg19_pos(1-based)': 100633, genename: 'PLCXD1', Ensembl_transcriptid: 'ENST00000381192', REVEL_score: 0.62, AlphaMissense_score: 0.4, CADD_phred: 25 }),
];


/** N sorted chr1 rows of release width, random values (seeded): throughput only, not content. */
function synthetic(n, file) {
  if (!Number.isInteger(n) || n < 1) throw new Error('--rows needs a positive integer');
  const columns = [...COLUMNS, ...Array.from({ length: 710 - COLUMNS.length }, (_, i) => `pad_${i + 1}`)];
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const value = () => (rand() < 0.4 ? '.' : Array.from({ length: 1 + Math.floor(rand() * 3) }, () => rand().toFixed(3)).join(';'));
  const gz = zlib.createGzip({ level: 1 });
  gz.pipe(fs.createWriteStream(file));
  gz.write(`${columns.join('\t')}\n`);
  let buf = '';
  for (let i = 0; i < n; i++) {
    const pos = 65000 + Math.floor(i / 3) * 3;
    const ref = 'ACGT'[Math.floor(i / 3) % 4];
    const alt = 'ACGT'.replace(ref, '')[i % 3];
    const cells = [1, pos, ref, alt];
    for (let c = 4; c < columns.length; c++) cells.push(c === 7 ? 1 : c === 8 ? pos : value());
    buf += `${cells.join('\t')}\n`;
    if (buf.length > 4 << 20) {
      gz.write(buf);
      buf = '';
    }
  }
  gz.end(buf);
}

if (process.argv[2] === '--rows') synthetic(Number(process.argv[3]), path.resolve(process.argv[4]));
else fixtures();

function fixtures() {
  const out = path.resolve(process.argv[2] || path.join(__dirname, '..', 'libs', 'variants-db', 'fixtures'));
  fs.mkdirSync(out, { recursive: true });
  for (const [chrom, rows] of [['1', CHR1], ['X', CHRX]]) {
    const text = [COLUMNS.join('\t'), ...rows, ''].join('\n');
    fs.writeFileSync(path.join(out, `dbNSFP4.9a_variant.chr${chrom}.fixture.gz`), zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
  }
  process.stderr.write(`wrote dbNSFP4.9a_variant.chr{1,X}.fixture.gz to ${out} (${COLUMNS.length} columns)\n`);
}
