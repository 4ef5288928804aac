"""The report's steps: the groups of tables it computes from the documents, each step timed and logged.

:func:`text_tables` compares texts (neighbours and similarity, timeline, keyness, collocations,
stories, bursts, related lists, text reuse); :func:`actor_tables` finds the actors and their voices. The two are
independent: :func:`analysis.build_report` reads the actors' blocks in a worker beside the first where
it can, and this process takes the blocks left when its own steps are done
(:func:`analysis.forking.map_beside`).
"""

from __future__ import annotations

from collections.abc import Collection, MutableMapping

import pandas as pd

from .association import collocations
from .attention import bursts
from .comention import actor_frequencies, actor_network, speakers
from .comparison import keyness, keyness_of_groups, keyness_of_rest
from .dates import relative_dates, timeline
from .linking import related_items, related_lists, related_summary
from .mentions import actor_variants
from .network import cooccurrence_network
from .quotations import actors_and_quotes
from .resources import Clock, trim_heap
from .reuse import text_reuse
from .selection import of_kind
from .similarity import nearest_neighbours, pairs_from_neighbours, similarity_matrix
from .storylines import stories, story_table
from .tables import distinct
from .tfidf import TfidfModel
from .typedefs import SegmenterLike, UserDict


#: Rows of the most-similar-pairs table.
PAIRS = 20
#: Rows of the collocations table.
COLLOCATIONS = 50

#: The columns of a keyness table, for the empty table written when a side has no document.
KEYNESS_COLUMNS = ("term", "target_count", "reference_count", "target_documents", "reference_documents",
                   "target_per_million", "reference_per_million", "log_likelihood", "p_value", "p_adjusted",
                   "log_ratio", "percent_diff")


def _busiest_month(timeline_table: pd.DataFrame) -> pd.Timestamp | None:
    """The month with the most distinct texts (the earliest of equals), or None without dates."""
    if timeline_table.empty or timeline_table["count"].max() == 0:
        return None
    ranked = timeline_table.sort_values(["count", "period"], ascending=[False, True], kind="mergesort")
    return ranked["period"].iloc[0]


def _two_sides(target) -> bool:
    """Whether a target mask leaves documents on both sides of a keyness table."""
    return target is not None and bool(target.any()) and not target.all()


def _keyness(docs: pd.DataFrame, target, *, counts: pd.DataFrame | None = None, userdict: UserDict,
             segmenter: SegmenterLike | None) -> pd.DataFrame:
    """Keyness of ``target`` against the rest, or an empty table when either side has no document or term;
    with ``counts`` (the corpus's term frequencies), the target's texts alone are counted where they give it
    (:func:`analysis.comparison.keyness_of_rest`)."""
    if not _two_sides(target):
        return pd.DataFrame(columns=list(KEYNESS_COLUMNS))
    made = None
    if counts is not None:
        try:
            made = keyness_of_rest(counts, docs=docs, target=target, userdict=userdict, segmenter=segmenter)
        except ValueError:  # counts that cannot give it, or a side without a term: both sides counted below
            made = None
    try:
        return made if made is not None else keyness(docs, target, userdict=userdict, segmenter=segmenter)
    except ValueError:  # a side without a term
        return pd.DataFrame(columns=list(KEYNESS_COLUMNS))


def related_keyness(docs: pd.DataFrame, by_kind: pd.DataFrame) -> pd.DataFrame | None:
    """The report's keyness of related items against the rest from the terms counted by kind
    (:func:`analysis.comparison.keyness_of_groups`), or None where it must count them again."""
    related = of_kind(docs, "related")
    if not _two_sides(related):
        return None
    try:
        return keyness_of_groups(by_kind, docs=docs, target=related, by="kind")
    except ValueError:  # a side without a term: counted again, to the empty table
        return None


def text_tables(docs: pd.DataFrame, clock: Clock, *, model: TfidfModel, matrix_docs: pd.DataFrame,
                 terms: list[str], seg: dict, into: MutableMapping[str, pd.DataFrame] | None = None,
                 done: Collection[str] = (), counts: pd.DataFrame | None = None) -> MutableMapping[str, pd.DataFrame]:
    """The report's tables that compare texts: neighbours and similarity, stories and related lists (with
    one transform of the distinct texts' TF-IDF vectors, :meth:`analysis.TfidfModel.kept`), then text reuse
    across the crawl, timeline, keyness, collocations and bursts (``terms``: the 30 most frequent, for the
    co-occurrence network; ``counts``: the corpus's term frequencies, so that keyness counts only its target's texts),
    each set in ``into`` (default: a new dict) as soon as it is made, and ``into`` returned; but those
    ``done`` already (made from what an earlier step had: :func:`related_keyness`).

    No table is read back from ``into`` (:class:`analysis.store.WrittenTables` may have written it away).
    """
    t: MutableMapping[str, pd.DataFrame] = {} if into is None else into
    # The steps that compare TF-IDF vectors take them from one transform of the distinct texts.
    with model.kept(distinct(docs, unique=True)):
        with clock("nearest neighbours"):
            neighbours = nearest_neighbours(docs, top=PAIRS, model=model)
            t["similarity_pairs"] = pairs_from_neighbours(neighbours, docs, top=PAIRS)
            nearest = neighbours[neighbours["rank"] <= 5].reset_index(drop=True)
            nearest.attrs.update(method=neighbours.attrs["method"], tfidf=model.describe())
            t["nearest_neighbours"] = nearest
            del nearest
            t["similarity_matrix"] = similarity_matrix(matrix_docs, model=model)
            del neighbours
        trim_heap()  # the product's working memory, freed, given back before the stories use theirs
        # Stories across the crawl.
        with clock("stories"):
            t["story_members"] = members = stories(docs, model=model)
            t["stories"] = story_table(docs, members)
            del members
        # How the related lists are assembled (each item's lag computed in its order, not looked up by doc_id).
        with clock("related lists"):
            t["related_items"] = items = related_items(docs, model=model)
            t["related_lists"] = lists = related_lists(docs, model=model, items=items)
            del items
            t["related_summary"] = related_summary(lists, docs=docs)
    # Passages shared word for word across the whole crawl (MinHash candidates, then aligned).
    with clock("text reuse"):
        t["text_reuse"] = text_reuse(docs, candidates="shingles")
    with clock("timeline"):
        t["timeline"] = timeline_table = timeline(docs)
        t["relative_dates"] = relative_dates(docs)
    # Terms in context and groups compared: what distinguishes related items from articles, and the
    # busiest month from the rest; the strongest word pairs; each distinct text counted once.
    busiest = _busiest_month(timeline_table)
    month = docs["published"].dt.to_period("M").dt.to_timestamp()
    with clock("keyness"):
        if "keyness_related" not in done:
            t["keyness_related"] = _keyness(docs, of_kind(docs, "related"), counts=counts, **seg)
        busiest_keyness = _keyness(docs, (month == busiest).to_numpy() if busiest is not None else None,
                                   counts=counts, **seg)
        busiest_keyness.attrs["month"] = busiest
        t["keyness_busiest_month"] = busiest_keyness
        del busiest_keyness
    with clock("collocations"):
        t["collocations"] = collocations(docs, None, window=5, min_count=2, top=COLLOCATIONS, **seg)
        t["cooccurrence_network"] = cooccurrence_network(docs, terms=terms, window=5, min_count=2, **seg)
    # Bursts of attention.
    with clock("bursts"):
        t["bursts"] = bursts(docs, by="documents", freq="MS")
    return t


def actor_tables(docs: pd.DataFrame, clock: Clock, *, seg: dict, found: tuple[pd.DataFrame, pd.DataFrame] | None = None,
                 waited: float = 0.0) -> dict[str, pd.DataFrame]:
    """The report's tables of actors and voices: who is named, under which names, who speaks, and who is
    named together; one pass over the documents, a block at a time (``found``: the mentions and statements
    of :func:`analysis.quotations.actors_and_quotes` when already read, beside the other steps, and
    ``waited`` the seconds the report waited for them after its own)."""
    t: dict[str, pd.DataFrame] = {}
    with clock("actors and quotes", plus=waited):
        mentions, said = found if found is not None else actors_and_quotes(docs, **seg)
        t["actors"] = actor_frequencies(docs, mentions=mentions).rename(columns={"term": "actor"})
        t["actor_variants"] = actor_variants(mentions)
        t["quotes"] = said
        t["speakers"] = speakers(said)
    with clock("actor network"):
        t["actor_network"] = actor_network(docs, mentions=mentions, unit="sentence", top=30)
    return t
