#!/usr/bin/env bash
# Scale benchmark of the disk-backed variant store (docs/BENCHMARKS.md, "Variant store at scale").
# For a synthetic gnomAD v4.1-format sites VCF of N records (scripts/gen-gnomad-sites.js), in one run:
#   1. decoding baseline: bcftools query -f '%CHROM\t%POS\t%REF\t%ALT\t%INFO/AF\n'
#   2. the frequency store built from it (scripts/build-variant-store.js, as kb build / add-source do),
#      default precision and --af-decimals 7; wall, CPU and peak RSS; bytes per variant by column
#   3. a KB with that store (hard links of KB_BASE + kb add-source), then the exome's lookup alone
#      (scripts/store-case-reads.js: chunks inflated, CPU), the Pfeiffer exome end to end, warm,
#      against KB_BASE and against it; and the synthetic genome (GENOME) end to end against it next
#      to bcftools view -H of the genome
# Usage: scripts/bench-variant-store.sh SITES.vcf.bgz [GENOME.vcf.gz]   (env: KB_BASE=kb/current, WORK=/tmp/store-bench;
#        ONLY_CASES=1 skips steps 1–2 and reuses the KB of an earlier run; RUNS=3 rounds of bcftools query
#        then the default-precision build, interleaved (medians: take the middle one); STORE_KB=copy makes
#        the case KB from KB_BASE with the default-precision store just built (hard links; no 1000G in it)
#        instead of a `kb add-source` run, which would build the store once more)
set -euo pipefail
cd "$(dirname "$0")/.."
SITES=$(realpath "$1")
GENOME=${2:-}
KB_BASE=${KB_BASE:-kb/current}
WORK=${WORK:-/tmp/store-bench}
# the data mirror as everywhere else: $RARERANK_MIRROR, else ../shared/data beside the project
PFEIFFER=${PFEIFFER:-${RARERANK_MIRROR:-../shared/data}/vcf/pfeiffer.exome.GRCh38.vcf.gz}
N=$(basename "$SITES" .vcf.bgz)
OUT=$WORK/bench-$N
mkdir -p "$OUT"
T='%e s wall, %U s user, %S s sys, %M KB peak RSS'
log() { echo "$*" | tee -a "$OUT/results.txt"; }
timed() { local name=$1; shift; /usr/bin/time -f "$name: $T" -o "$OUT/time.txt" "$@"; log "$(cat "$OUT/time.txt")"; }
[ -n "${ONLY_CASES:-}" ] || : > "$OUT/results.txt"
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg); node $(node --version); $(bcftools --version | head -1)"
log "sites: $SITES ($(du -h "$SITES" | cut -f1))"

if [ -z "${ONLY_CASES:-}" ]; then
for i in $(seq 1 "${RUNS:-1}"); do
  timed "bcftools query #$i" bash -c "bcftools query -f '%CHROM\t%POS\t%REF\t%ALT\t%INFO/AF\n' '$SITES' 2>/dev/null | wc -l > '$OUT/bcftools.count'"
  log "bcftools query lines: $(cat "$OUT/bcftools.count")"
  rm -rf "$OUT/store" "$OUT/store7"
  timed "store build (default precision) #$i" node scripts/build-variant-store.js "$OUT/store" "$SITES"
done
timed "store build (--af-decimals 7)" node scripts/build-variant-store.js "$OUT/store7" "$SITES" --af-decimals 7
node scripts/store-column-sizes.js "$OUT/store/variants/frequency.rrvs" | tee -a "$OUT/results.txt"
node scripts/store-column-sizes.js "$OUT/store7/variants/frequency.rrvs" | tee -a "$OUT/results.txt"
fi

# a KB with the store: the base KB's files hard-linked, gnomad-sites replaced
if [ ! -f "$OUT/kb/manifest.json" ] || [ -z "${ONLY_CASES:-}" ]; then
rm -rf "$OUT/kb"
cp -al "$KB_BASE" "$OUT/kb"
if [ "${STORE_KB:-}" = copy ]; then
  rm "$OUT/kb/variants/frequency.rrvs"
  cp -l "$OUT/store/variants/frequency.rrvs" "$OUT/kb/variants/frequency.rrvs"
else
  timed "kb add-source gnomad-sites" bash -c "node bin/rarerank.js kb add-source 'gnomad-sites=$SITES' --kb '$OUT/kb' --quiet > /dev/null"
fi
fi
case_cmd() { echo "node bin/rarerank.js prioritize --kb $1 --hpo HP:0001166,HP:0001083 --sex male --vcf $2 --out $OUT/case --quiet"; }
# the lookup alone: chunks inflated and CPU of one merge of the exome against the store
node scripts/store-case-reads.js "$OUT/kb/variants/frequency.rrvs" "$PFEIFFER" | tee -a "$OUT/results.txt"
node scripts/store-case-reads.js "$OUT/store7/variants/frequency.rrvs" "$PFEIFFER" --as-hits | tee -a "$OUT/results.txt"
for kb in "$KB_BASE" "$OUT/kb"; do
  bash -c "$(case_cmd "$kb" "$PFEIFFER") > /dev/null 2>&1" # warm-up: page cache
  for i in 1 2 3; do timed "pfeiffer exome vs $(basename "$kb") #$i" bash -c "$(case_cmd "$kb" "$PFEIFFER") > /dev/null 2>&1"; done
done
if [ -n "$GENOME" ]; then
  timed "bcftools view -H genome" bash -c "bcftools view -H '$GENOME' | wc -l > /dev/null"
  timed "synthetic genome end to end vs KB_BASE (no store)" bash -c "$(case_cmd "$KB_BASE" "$GENOME") > /dev/null 2>&1"
  timed "synthetic genome end to end vs the store" bash -c "$(case_cmd "$OUT/kb" "$GENOME") > /dev/null 2>&1"
fi
log "done $(date -u +%FT%TZ)"
