"""RareRank results.json → the DataFrames PhEval's result helpers take (see tie_scores for the scores)."""

import polars as pl

from rarerank_pheval.hgnc import HgncIds
from rarerank_pheval.tie_scores import dense_scores, run_index, run_scores


def gene_results(result: dict, hgnc: HgncIds) -> pl.DataFrame:
    """Genes in RareRank's order; equal combined scores side by side are a tie."""
    genes = result["genes"]
    return pl.DataFrame(
        {
            "gene_symbol": [g["symbol"] for g in genes],
            "gene_identifier": [hgnc.identifier(g["symbol"], g.get("ncbiGeneId")) for g in genes],
            "score": run_scores([g["score"] for g in genes]),
        },
        schema={"gene_symbol": pl.String, "gene_identifier": pl.String, "score": pl.Float64},
    )


def disease_results(result: dict) -> pl.DataFrame:
    """Diseases in RareRank's order; equal scores side by side are a tie."""
    diseases = result["diseases"]
    return pl.DataFrame(
        {"disease_identifier": [d["id"] for d in diseases], "score": run_scores([d["score"] for d in diseases])},
        schema={"disease_identifier": pl.String, "score": pl.Float64},
    )


def variant_results(result: dict) -> pl.DataFrame:
    """
    Variants of the listed genes. RareRank lists them by gene rank, the gene's contributing variants
    (its best genotype) first, then by variant score; here the key is (the gene's tie group,
    contributing or not, the variant score of a non-contributing one), so variants of tied genes tie
    too. The contributing variants of a gene share a score and, when there are two (a compound
    heterozygous pair), a grouping id: PhEval counts the pair as one position.
    """
    genes = result["genes"]
    gene_group = dict(zip([g["rank"] for g in genes], run_index([g["score"] for g in genes])))
    listed = [v for v in result["variants"] if v.get("geneRank") in gene_group]
    contributing_per_gene: dict[int, int] = {}
    for v in listed:
        if v["contributing"]:
            contributing_per_gene[v["geneRank"]] = contributing_per_gene.get(v["geneRank"], 0) + 1
    keys = [(gene_group[v["geneRank"]], 0, 0.0) if v["contributing"] else (gene_group[v["geneRank"]], 1, -v["score"]) for v in listed]

    def grouping_id(v: dict) -> str:
        if v["contributing"] and contributing_per_gene[v["geneRank"]] > 1:
            return f"gene-{v['geneRank']}-genotype"
        return f"{_chrom(v['chrom'])}-{v['pos']}-{v['ref']}-{v['alt']}"

    return pl.DataFrame(
        {
            "chrom": [_chrom(v["chrom"]) for v in listed],
            "start": [v["pos"] for v in listed],
            "end": [v["pos"] + len(v["ref"]) - 1 for v in listed],
            "ref": [v["ref"] for v in listed],
            "alt": [v["alt"] for v in listed],
            "score": dense_scores(keys),
            "grouping_id": [grouping_id(v) for v in listed],
        },
        schema={
            "chrom": pl.String,
            "start": pl.Int64,
            "end": pl.Int64,
            "ref": pl.String,
            "alt": pl.String,
            "score": pl.Float64,
            "grouping_id": pl.String,
        },
    )


def _chrom(chrom: str) -> str:
    """PhEval's truth set names chromosomes without 'chr' (1…22, X, Y, MT)."""
    c = chrom.removeprefix("chr")
    return "MT" if c == "M" else c
