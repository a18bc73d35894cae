import type { Variant } from '@rarerank/case-model';
import { ingestVcfs } from './ingest';
import { liftoverFromGrch37 } from './lifted-input';
import { mirrorVcf, testChain } from './test-support';
import type { IngestResult } from './types';

const at = (r: IngestResult, chrom: string, pos: number): Variant | undefined => r.variants.find((v) => v.chrom === chrom && v.pos === pos);

describe('a GRCh38 VCF lifted from GRCh37 before it reached us', () => {
  it('is recognised by the header line of the tool that lifted it', () => {
    expect(liftoverFromGrch37(['##fileformat=VCFv4.2', '##liftover=<From="hg19",To="GRCh38",Chain="hg19ToHg38.over.chain.gz">'])).toMatch(/hg19/);
    expect(liftoverFromGrch37(['##liftOverProgram=<CrossMap,version=0.7.0>', '##liftOverChainFile=<GRCh37_to_GRCh38.chain.gz>'])).toMatch(/GRCh37/);
    expect(liftoverFromGrch37(['##bcftools_liftoverCommand=+liftover in.vcf.gz -- -s hs37d5.fa -f GRCh38.fa -c hg19ToHg38.over.chain.gz'])).toBeDefined();
    expect(liftoverFromGrch37(['##reference=GRCh38', '##source=GATK'])).toBeUndefined();
  });

  // the bench background: the Pfeiffer exome lifted with hg19ToHg38 (its header says so)
  const file = mirrorVcf('pfeiffer.exome.GRCh38.bench-background.vcf.gz');
  let withChain: IngestResult;
  let without: IngestResult;
  beforeAll(async () => {
    [withChain, without] = await Promise.all([ingestVcfs({ vcfs: [file], chain: await testChain() }), ingestVcfs({ vcfs: [file] })]);
  });

  it("drops the indels at the chain's gaps (GRCh37 reference errors: the sample carries the GRCh38 reference) and says so", () => {
    // VPS11 c.220_221insC, homozygous: GRCh38 already has the C (the chain has one more base here)
    expect(at(without, 'chr11', 119069228)).toMatchObject({ ref: 'T', alt: 'TC' });
    expect(at(withChain, 'chr11', 119069228)).toBeUndefined();
    expect(withChain.stats.unlifted).toBe(131);
    expect(without.stats.unlifted).toBe(0);
    expect(withChain.stats.kept).toBe(without.stats.kept - 131);
    expect(withChain.warnings.join('\n')).toMatch(/^131 GRCh37 allele\(s\) could not be lifted to GRCh38 \(or were lifted where GRCh37 and GRCh38 differ\).*lifted from GRCh37 before input/m);
  });

  it('keeps every other record, indels elsewhere included', () => {
    // KMT2C c.2447_2448insA and the ERI1 deletion are nowhere near a gap
    expect(at(withChain, 'chr7', 152247986)).toMatchObject({ ref: 'G', alt: 'GT' });
    expect(at(withChain, 'chr8', 9030032)).toMatchObject({ ref: 'TAAC', alt: 'T' });
    const snvs = (r: IngestResult) => r.variants.filter((v) => v.ref.length === v.alt.length).length;
    expect(snvs(withChain)).toBe(snvs(without));
  });

  it('changes nothing for a GRCh38 VCF that does not say it was lifted', async () => {
    const native = await ingestVcfs({ vcfs: [mirrorVcf('HG002.caller-output.GRCh38.chr20.vcf.gz')], chain: await testChain() });
    expect(native.stats.unlifted).toBe(0);
  });
});
