#!/usr/bin/env bash
# The synthetic genome end to end (`rarerank prioritize`, KB load included) against `bcftools view -H`
# of the same file, run alternately (bcftools, this checkout, [another checkout]) so each round sees
# the same machine load; medians over the rounds of wall time, CPU time (user + sys, all threads),
# peak RSS (GNU time -v) and of each round's wall ratio to bcftools.
# Usage: scripts/bench-genome-vs-bcftools.sh GENOME.vcf.gz [ROUNDS=5] [OTHER_CHECKOUT]
#   (after npm run build, and in OTHER_CHECKOUT too; KB: $RARERANK_KB, else kb/current)
set -euo pipefail
genome=$1; rounds=${2:-5}; other=${3:-}
here=$(cd "$(dirname "$0")/.." && pwd)
kb=${RARERANK_KB:-$here/kb/current}
pheno=$here/test/example/example.phenopacket.json
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
measure() { # label, command...: appends "label wall cpu rssMB" to $out/rows
  local label=$1; shift
  /usr/bin/time -v "$@" > /dev/null 2> "$out/t"
  awk -v l="$label" -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = (n == 3 ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2]) }
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { r = $2 / 1024 }
    END { printf "%s %.2f %.2f %.0f\n", l, w, u + s, r }' "$out/t" >> "$out/rows"
}
for i in $(seq "$rounds"); do
  measure bcftools bcftools view -H "$genome"
  measure this node "$here/bin/rarerank.js" prioritize --quiet --kb "$kb" --phenopacket "$pheno" --vcf "$genome" --out "$out/this"
  [ -n "$other" ] && measure other node "$other/bin/rarerank.js" prioritize --quiet --kb "$kb" --phenopacket "$pheno" --vcf "$genome" --out "$out/other"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); rounds: $rounds; $(nproc) cores"
cat "$out/rows"
awk '{ w[$1] = w[$1] " " $2; c[$1] = c[$1] " " $3; r[$1] = r[$1] " " $4; if ($1 == "bcftools") b[++nb] = $2; else q[$1, ++n[$1]] = $2 / b[nb] }
  function med(s,   a, k, i, j, t) { k = split(s, a, " "); for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }; return a[int((k + 1) / 2)] }
  END { for (l in w) { pr = ""; for (i = 1; i <= n[l]; i++) pr = pr " " q[l, i];
          printf "%-8s median wall %6.2f s  CPU %6.2f s  peak RSS %5.0f MB", l, med(w[l]), med(c[l]), med(r[l]);
          if (l != "bcftools") printf "  wall/bcftools: %.2fx (median of round ratios %.2fx)  CPU/bcftools CPU: %.2fx", med(w[l]) / med(w["bcftools"]), med(pr), med(c[l]) / med(c["bcftools"]);
          printf "\n" } }' "$out/rows"
