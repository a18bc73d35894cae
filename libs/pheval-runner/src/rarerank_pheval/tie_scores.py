"""Scores for PhEval that keep RareRank's order and never break a tie in RareRank's favour.

PhEval re-ranks every result by its score and gives tied entries the worst of their positions.
RareRank's own order has tiers (genes with a compatible genotype first; diseases with such a gene
first) and breaks exact ties by symbol or id, so neither its raw scores nor its rank positions can
be handed over as they are: raw scores would reorder the tiers, and positions would turn every
alphabetical tie-break into a win. Instead, entries are walked in RareRank's order and consecutive
entries with the same key share one score; the score of the n-th distinct key is 1/n.
"""

from collections.abc import Hashable, Sequence


def run_index(keys: Sequence[Hashable]) -> list[int]:
    """1-based index of the run of equal consecutive keys each key belongs to (keys in RareRank's order)."""
    index: list[int] = []
    run = 0
    previous: object = object()
    for key in keys:
        if key != previous:
            run += 1
            previous = key
        index.append(run)
    return index


def run_scores(keys: Sequence[Hashable]) -> list[float]:
    """1/n for the n-th run of equal consecutive keys."""
    return [1.0 / n for n in run_index(keys)]


def dense_scores(keys: Sequence[tuple]) -> list[float]:
    """1/n for the n-th smallest distinct key: equal keys, wherever they are, share a score."""
    order = {key: n for n, key in enumerate(sorted(set(keys)), start=1)}
    return [1.0 / order[key] for key in keys]
