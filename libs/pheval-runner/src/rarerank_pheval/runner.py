"""The PhEval runner: prepare (stripped phenopackets + a batch manifest), run (`rarerank prioritize
--manifest`), post-process (results.json → PhEval's standardized gene, variant and disease results)."""

import json
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pheval.post_processing.post_processing import (
    SortOrder,
    generate_disease_result,
    generate_gene_result,
    generate_variant_result,
)
from pheval.runners.runner import PhEvalRunner
from pheval.utils.file_utils import all_files
from pheval.utils.logger import get_logger

from rarerank_pheval.convert import disease_results, gene_results, variant_results
from rarerank_pheval.hgnc import HgncIds

logger = get_logger()

# `rarerank prioritize --manifest`: 0 = every case ranked, 3 = some cases failed (named on stderr)
BATCH_OK = (0, 3)


@dataclass
class RareRankOptions:
    """`tool_specific_configuration_options` of the input directory's config.yaml."""

    command: list[str]
    kb: str | None
    reference: str | None
    concurrency: int
    hgnc: Path | None

    @classmethod
    def from_config(cls, options: dict | None, input_dir: Path) -> "RareRankOptions":
        o = options or {}
        command = o.get("rarerank", "rarerank")
        resolve = lambda p: str((Path(input_dir) / p).resolve()) if p else None  # noqa: E731 (relative to the input dir)
        return cls(
            command=shlex.split(command) if isinstance(command, str) else [str(c) for c in command],
            kb=resolve(o.get("kb")),
            reference=resolve(o.get("reference")),
            concurrency=int(o.get("concurrency", 2)),
            hgnc=Path(resolve(o["hgnc"])) if o.get("hgnc") else None,
        )


@dataclass
class RareRankPhEvalRunner(PhEvalRunner):
    """RareRank (rare-disease variant, gene and disease prioritization) for PhEval."""

    input_dir: Path
    testdata_dir: Path
    tmp_dir: Path
    output_dir: Path
    config_file: Path
    version: str

    @property
    def options(self) -> RareRankOptions:
        return RareRankOptions.from_config(self.input_dir_config.tool_specific_configuration_options, self.input_dir)

    @property
    def phenopacket_dir(self) -> Path:
        return Path(self.testdata_dir) / "phenopackets"

    @property
    def manifest(self) -> Path:
        return self.tool_input_commands_dir / "manifest.tsv"

    def prepare(self) -> None:
        """Each phenopacket without its diagnosis (what a lab submits), named by its file stem, plus its VCF."""
        stripped_dir = self.tool_input_commands_dir / "phenopackets"
        stripped_dir.mkdir(parents=True, exist_ok=True)
        lines = []
        for file in sorted(all_files(self.phenopacket_dir)):
            if file.suffix != ".json":
                continue
            phenopacket = json.loads(file.read_text())
            phenopacket.pop("interpretations", None)
            phenopacket.pop("diseases", None)
            # the case id names RareRank's output folder: the stem links it back to the corpus file
            phenopacket["id"] = file.stem
            stripped = stripped_dir / file.name
            stripped.write_text(json.dumps(phenopacket))
            vcf = self._vcf_of(file.stem)
            lines.append(f"{stripped.resolve()}\t{vcf.resolve() if vcf else ''}")
        self.manifest.write_text("\n".join(lines) + "\n")
        logger.info(f"Prepared {len(lines)} cases for RareRank in {self.manifest}")

    def _vcf_of(self, stem: str) -> Path | None:
        for suffix in (".vcf.gz", ".vcf"):
            candidate = Path(self.testdata_dir) / "vcf" / f"{stem}{suffix}"
            if candidate.exists():
                return candidate
        return None

    def run(self) -> None:
        o = self.options
        cmd = [*o.command, "prioritize", "--manifest", str(self.manifest), "--out", str(self.raw_results_dir), "--concurrency", str(o.concurrency), "--quiet", "--top", "0"]
        if o.kb:
            cmd += ["--kb", o.kb]
        if o.reference:
            cmd += ["--reference", o.reference]
        (self.tool_input_commands_dir / "rarerank-commands.txt").write_text(shlex.join(cmd) + "\n")
        logger.info(f"Running {shlex.join(cmd)}")
        done = subprocess.run(cmd, check=False)
        if done.returncode not in BATCH_OK:
            raise RuntimeError(f"rarerank exited with {done.returncode}: {shlex.join(cmd)}")
        if done.returncode == 3:
            logger.warning("rarerank could not rank some cases (see its output); PhEval counts them as not found")

    def post_process(self) -> None:
        """One standardized result per case and analysis; scores descend (higher is better)."""
        hgnc = HgncIds.read(self.options.hgnc) if self._get_gene_analysis() else None
        for results_file in sorted(Path(self.raw_results_dir).glob("*/results.json")):
            result = json.loads(results_file.read_text())
            # PhEval names a standardized result after this path's stem, which must be the phenopacket's
            result_path = Path(f"{result['caseId']}.json")
            common = dict(sort_order=SortOrder.DESCENDING, output_dir=Path(self.output_dir), result_path=result_path, phenopacket_dir=self.phenopacket_dir)
            if self._get_gene_analysis():
                generate_gene_result(gene_results(result, hgnc), **common)
            if self._get_variant_analysis():
                generate_variant_result(variant_results(result), **common)
            if self._get_disease_analysis():
                generate_disease_result(disease_results(result), **common)
