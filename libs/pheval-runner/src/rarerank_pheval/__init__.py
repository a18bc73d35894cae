"""PhEval runner plugin for RareRank: runs the `rarerank` CLI on a PhEval corpus and converts its results."""

from rarerank_pheval.runner import RareRankPhEvalRunner

__all__ = ["RareRankPhEvalRunner"]
