"""HGNC ids for RareRank's genes, so PhEval can match a causal gene by id when its symbol changed."""

import csv
import gzip
from importlib import resources
from pathlib import Path


class HgncIds:
    """Gene → HGNC id by NCBI gene id (stable across renames), else by approved symbol."""

    def __init__(self, by_ncbi: dict[str, str], by_symbol: dict[str, str]):
        self.by_ncbi = by_ncbi
        self.by_symbol = by_symbol

    @classmethod
    def read(cls, path: Path | None = None) -> "HgncIds":
        """An HGNC complete set TSV (plain or gzip); by default the copy shipped inside PhEval."""
        if path is None:
            path = Path(str(resources.files("pheval").joinpath("resources/hgnc_complete_set.txt")))
        opener = gzip.open if str(path).endswith(".gz") else open
        by_ncbi: dict[str, str] = {}
        by_symbol: dict[str, str] = {}
        with opener(path, "rt", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                hgnc_id = row.get("hgnc_id") or ""
                if not hgnc_id:
                    continue
                if row.get("entrez_id"):
                    by_ncbi[row["entrez_id"]] = hgnc_id
                if row.get("symbol"):
                    by_symbol[row["symbol"]] = hgnc_id
        return cls(by_ncbi, by_symbol)

    def identifier(self, symbol: str, ncbi_gene_id: str | None) -> str:
        if ncbi_gene_id and ncbi_gene_id in self.by_ncbi:
            return self.by_ncbi[ncbi_gene_id]
        if symbol in self.by_symbol:
            return self.by_symbol[symbol]
        # PhEval matches by symbol as well; an NCBI id is still a real identifier
        return f"NCBIGene:{ncbi_gene_id}" if ncbi_gene_id else ""
