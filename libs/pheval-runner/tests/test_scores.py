"""Ties must reach PhEval as equal scores, so PhEval ranks them at their worst position."""

import polars as pl
from pheval.post_processing.post_processing import SortOrder, _rank_results

from rarerank_pheval.convert import disease_results, gene_results, variant_results
from rarerank_pheval.hgnc import HgncIds
from rarerank_pheval.tie_scores import dense_scores, run_scores

HGNC = HgncIds({"2200": "HGNC:3603"}, {"CFTR": "HGNC:1884"})


def gene(rank, symbol, score, moi=None, ncbi=None):
    return {"rank": rank, "symbol": symbol, "score": score, "moi": moi, "ncbiGeneId": ncbi}


def variant(rank, gene_rank, pos, score, contributing, ref="C", alt="T"):
    return {"rank": rank, "geneRank": gene_rank, "chrom": "chr7", "pos": pos, "ref": ref, "alt": alt, "score": score, "contributing": contributing}


def pheval_ranks(df):
    ranked = _rank_results(df, SortOrder.DESCENDING)
    key = "gene_symbol" if "gene_symbol" in df.columns else "disease_identifier" if "disease_identifier" in df.columns else "start"
    return dict(zip(ranked[key].to_list(), ranked["rank"].to_list()))


def test_run_scores_share_a_value_only_within_runs_of_equal_keys():
    assert run_scores([0.9, 0.5, 0.5, 0.7]) == [1.0, 0.5, 0.5, 1 / 3]
    assert dense_scores([(2, 0), (1, 0), (2, 0), (1, 1)]) == [1 / 3, 1.0, 1 / 3, 0.5]


def test_tied_genes_take_the_worst_position_and_tiers_keep_rarerank_order():
    # RareRank: genes with a compatible genotype (moi) first, so B (0.4, AR) ranks above D (0.8, none);
    # B and C tie and RareRank put B first by symbol: PhEval must rank both 3rd
    result = {"genes": [gene(1, "FBN1", 0.9, "AD", "2200"), gene(2, "B", 0.4, "AR"), gene(3, "C", 0.4, "AD"), gene(4, "D", 0.8)]}
    df = gene_results(result, HGNC)
    assert df["gene_identifier"].to_list() == ["HGNC:3603", "", "", ""]
    assert pheval_ranks(df) == {"FBN1": 1, "B": 3, "C": 3, "D": 4}


def test_diseases_keep_rarerank_order_even_where_a_later_one_scores_higher():
    result = {"diseases": [{"id": "OMIM:1", "score": 0.5}, {"id": "OMIM:2", "score": 0.5}, {"id": "OMIM:3", "score": 0.8}]}
    assert pheval_ranks(disease_results(result)) == {"OMIM:1": 2, "OMIM:2": 2, "OMIM:3": 3}


def test_a_compound_heterozygous_pair_shares_score_and_grouping_id_and_counts_as_one_position():
    result = {
        "genes": [gene(1, "CFTR", 0.9, "AR"), gene(2, "X", 0.5, "AD")],
        "variants": [
            variant(1, 1, 100, 0.95, True),
            variant(2, 1, 200, 0.30, True),  # the pair's second allele, weaker on its own
            variant(3, 1, 300, 0.60, False),
            variant(4, 2, 400, 0.99, True),
            variant(5, 99, 500, 0.99, True),  # its gene is not among the listed genes: left out
        ],
    }
    df = variant_results(result)
    assert df["chrom"].to_list() == ["7"] * 4
    assert df["end"].to_list() == [100, 200, 300, 400]
    pair = df.filter(pl.col("start").is_in([100, 200]))
    assert pair["score"].n_unique() == 1 and pair["grouping_id"].n_unique() == 1
    assert df.filter(pl.col("start") == 300)["grouping_id"].item() != pair["grouping_id"][0]
    assert pheval_ranks(df) == {100: 1, 200: 1, 300: 2, 400: 3}


def test_variants_of_tied_genes_tie_too():
    result = {
        "genes": [gene(1, "A", 0.7, "AD"), gene(2, "B", 0.7, "AD")],
        "variants": [variant(1, 1, 100, 0.2, True), variant(2, 1, 150, 0.9, False), variant(3, 2, 200, 0.8, True)],
    }
    # A's and B's contributing variants tie (both 2nd); A's non-contributing one follows them
    assert pheval_ranks(variant_results(result)) == {100: 2, 200: 2, 150: 3}
