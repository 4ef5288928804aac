"""An explorer for JupyterLab: a term in context, two groups compared, a document and its neighbours.

:func:`explore` returns an ipywidgets ``Tab`` of three tabs, built on the kit's own functions:

- **Term**: type a term and press Enter to see its concordance (:func:`analysis.kwic`), the documents
  that contain it per month (:func:`plot_term_months`) and its collocates
  (:func:`analysis.collocations`).
- **Groups**: pick a column (``kind``, ``outlet`` or the month published) and two of its values to
  see their keyness (:func:`analysis.keyness`, :func:`analysis.plot_keyness`).
- **Document**: find a document by words of its title or its ``doc_id`` (:meth:`Explorer.find_documents`;
  the first :data:`MATCHES` are listed) and pick it to see its nearest neighbours
  (:func:`analysis.nearest_neighbours`) and the passages it shares with them (:func:`analysis.text_reuse`).

What every interaction needs is computed once, when the explorer is built: the TF-IDF model, every
document's neighbours, the word boundaries of every title and text (:class:`analysis.indexes.HitIndex`),
each distinct text's term counts (:class:`analysis.indexes.TermCounts`), the co-occurrence counts of
the collocates and the values of each group column. Each handler then answers from them, with the
tables the kit's functions give, within a second on the seed page and within a few seconds on a crawl
of 10,000 pages (``benchmarks/explorer.py`` times them). Each handler is a plain method of
:class:`Explorer` that fills ``Output`` widgets, so that it can be called, and tested, without a browser.
"""

from __future__ import annotations

import logging

import ipywidgets as widgets
import numpy as np
import pandas as pd

from .association import collocations_of
from .cocounts import cooccurrence
from .comparison import keyness_table, target_reference
from .concordance import kwic
from .dates import timeline
from .vocabulary import is_term, normalize
from .explorer_outputs import bundle, figure_bundle, fill, heading, message, plot_term_months, table_bundle
from .indexes import GroupCodes, HitIndex, TermCounts
from .resources import release_freed_memory, trim_heap
from .reuse import text_reuse
from .similarity import nearest_neighbours
from .tables import attach_titles
from .text import shorten
from .termplots import plot_keyness
from .tfidf import TfidfModel, tfidf_model
from .typedefs import SegmenterLike, UserDict

logger = logging.getLogger(__name__)

#: The columns the Groups tab compares: column of the explorer's table -> label in the menu.
GROUP_COLUMNS = {"kind": "kind", "outlet": "outlet", "month": "period (month)"}
#: Shown for an empty value of a group column (an item without an outlet, a document without a date).
EMPTY = "(none)"

_CONCORDANCE_LINES = 200  # lines shown; the count says how many there are
_WINDOW = 5  # terms on each side of a collocate's node, as collocations() counts by default
_TITLE_WIDTH = 40
#: Documents the Document tab lists for a search at most.
MATCHES = 100


class Explorer:
    """The explorer's state and handlers: build once, then call ``show_term``, ``show_groups``, ``show_document``.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    model : TfidfModel, optional
        The corpus's TF-IDF model (:func:`analysis.tfidf_model`); default: fit one on ``docs``.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).
    top : int
        Neighbours kept per document, and rows shown of collocates and of each side's key terms.

    Attributes
    ----------
    widget : ipywidgets.Tab
        The three tabs, to display in JupyterLab.
    concordance, timeline, collocates, groups, document : ipywidgets.Output
        What the handlers fill; each holds a tuple of display bundles in ``outputs``.
    term_box, document_box : ipywidgets.Text
        Where a term, and words of a title or a ``doc_id``, are typed (Enter runs the search).
    document_menu : ipywidgets.Select
        The documents found (:meth:`find_documents`); picking one shows it (:meth:`show_document`).

    Notes
    -----
    Building it lets pyarrow allocate from jemalloc (:func:`analysis.resources.release_freed_memory`,
    as a report does), so that the memory its indexes free on the way is given back to the system.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> explorer = Explorer(load_corpus(SEEDS_DIR))
    >>> explorer.show_term("克拉夫特")
    >>> "克拉夫特" in explorer.concordance.outputs[0]["data"]["text/plain"]
    True
    """

    def __init__(self, docs: pd.DataFrame, *, model: TfidfModel | None = None, userdict: UserDict = None,
                 segmenter: SegmenterLike | None = None, top: int = 10) -> None:
        # What pyarrow allocates from here on (the indexes' selections of texts) is given back when freed,
        # as in a report, instead of kept by its default allocator for the rest of the session.
        release_freed_memory()
        published = pd.to_datetime(docs["published"], errors="coerce")
        self.docs = docs.assign(month=published.dt.strftime("%Y-%m").fillna(""))
        self.top = top
        self._options = {"userdict": userdict, "segmenter": segmenter}
        self.model = model if model is not None else tfidf_model(docs, **self._options)
        self.neighbours = nearest_neighbours(docs, top=top, model=self.model)
        self._neighbours_of = self.neighbours.groupby("doc_id", sort=False).indices  # doc_id -> rows
        self._neighbour_to = self.neighbours.groupby("neighbour", sort=False).indices
        self.months = timeline(docs, freq="MS")["period"]  # every month of the corpus, empty ones included
        # Each index frees what it was built from; that memory is given back before the next is built.
        self._hits = HitIndex(self.docs, **self._options)
        trim_heap()
        self._counts = TermCounts(self.docs, **self._options)
        trim_heap()
        self.vocabulary = self._counts.totals()  # each term's count over the distinct texts, most frequent first
        # Each pair of terms counted once, in either order, in 32 bits where the counts fit: a term's
        # collocates are its row and its column (no matrix summed with its transpose).
        self._co = cooccurrence(self.docs, window=_WINDOW, directed=False, compact=True, **self._options)
        trim_heap()
        # Each group column as numbers and its values (no string per document kept).
        self._columns = {c: GroupCodes.of(self.docs[c]) for c in GROUP_COLUMNS}
        self.group_values = {c: group.ordered(by_value=c == "month") for c, group in self._columns.items()}
        self.widget = self._build()

    def find_documents(self, query: str, *, limit: int = MATCHES) -> tuple[pd.DataFrame, int]:
        """The documents whose ``doc_id`` is ``query`` or whose title contains it: what the Document tab lists.

        Parameters
        ----------
        query : str
            A ``doc_id``, or words of a title (letters in any case); empty: every document.
        limit : int
            Documents returned at most.

        Returns
        -------
        (DataFrame, int)
            The first ``limit`` of them (``doc_id`` and ``title``; an exact ``doc_id`` first, then in
            corpus order), and how many there are.

        Examples
        --------
        >>> from analysis import load_corpus
        >>> from analysis.config import SEEDS_DIR
        >>> found, total = Explorer(load_corpus(SEEDS_DIR)).find_documents("黑熊", limit=2)
        >>> total, found["title"].tolist()
        (4, ['川普政府續挺台 大使帶「台灣黑熊」進UN照曝光', '中共打壓曝醜!美駐聯大使帶台灣黑熊布偶進聯合國'])
        """
        query = query.strip()
        ids, title = self.docs["doc_id"], self.docs["title"].fillna("").astype(str)
        if not query:
            mask = np.ones(len(self.docs), dtype=bool)
        else:
            mask = title.str.contains(query, case=False, regex=False).to_numpy(dtype=bool)
        exact = (ids.astype(str) == query).to_numpy(dtype=bool) if query else np.zeros(len(ids), dtype=bool)
        rows = np.concatenate([np.flatnonzero(exact), np.flatnonzero(mask & ~exact)[:limit]])[:limit]
        found = pd.DataFrame({"doc_id": ids.iloc[rows].to_numpy(), "title": title.iloc[rows].to_numpy()})
        return found, int((mask | exact).sum())

    def show_matches(self, query: str) -> None:
        """Fill the Document tab's list with the documents :meth:`find_documents` finds for ``query``."""
        found, total = self.find_documents(query)
        self.document_menu.options = [(f"{shorten(title, _TITLE_WIDTH)} ({doc})", doc)
                                      for doc, title in found.itertuples(index=False)]
        what = f"「{query.strip()}」" if query.strip() else "the corpus"
        self.document_count.value = (f"{total:,} document(s) of {what}" + (f", the first {len(found)} listed"
                                                                            if total > len(found) else ""))

    def _row(self, doc_id: str) -> int | None:
        """The position of ``doc_id`` in the documents (None when there is none)."""
        at = np.flatnonzero((self.docs["doc_id"] == doc_id).to_numpy(dtype=bool))
        return int(at[0]) if len(at) else None

    def _first_copy(self, row: int) -> str:
        """The ``doc_id`` of the first copy of the text at ``row``: copies of one text have no neighbours
        of their own, they answer with their first copy's."""
        content = self.docs["content_id"].iloc[row]
        if pd.isna(content):
            return self.docs["doc_id"].iloc[row]
        return self.docs["doc_id"].iloc[int(np.argmax((self.docs["content_id"] == content).to_numpy(dtype=bool)))]

    # -- the handlers ------------------------------------------------------------------------------------

    def show_term(self, term: str) -> None:
        """Fill the Term tab: concordance lines, documents per month, collocates of ``term``."""
        term = term.strip()
        outs = (self.concordance, self.timeline, self.collocates)
        if not term:
            for out in outs:
                fill(out)
            fill(self.concordance, message("Type a term and press Enter."))
            return
        per_doc = self._hits.hits(term)  # lines of each distinct text, as kwic counts them
        held = np.flatnonzero(per_doc)
        if not len(held):
            for out in outs:
                fill(out)
            fill(self.concordance, message(self._not_found(term)))
            return
        # kwic itself reads only the documents of the lines shown: the first ones, in corpus order.
        first = held[:int(np.searchsorted(np.cumsum(per_doc[held]), _CONCORDANCE_LINES)) + 1]
        reading = self.docs.iloc[self._hits.rows[first]]
        shown = kwic(reading, term, **self._options).head(_CONCORDANCE_LINES)
        lines = "\n".join(f"{r.left} 【{r.match}】 {r.right}" for r in shown.itertuples())
        count = f"{int(per_doc.sum())} line(s) in {len(held)} document(s)"
        if per_doc.sum() > len(shown):
            count += f", the first {len(shown)} shown"
        fill(self.concordance, heading(f"「{term}」 in context: {count}"),
              bundle(lines, {"text/html": shown._repr_html_()}))

        holding = self.docs.iloc[self._hits.rows[held]]
        if holding["published"].notna().any():
            counts = timeline(holding, freq="MS").set_index("period").reindex(self.months, fill_value=0)
            label = f"Documents containing 「{term}」, per month"
            fill(self.timeline, figure_bundle(plot_term_months(counts.reset_index(), title=label), label))
        else:
            fill(self.timeline, message(f"No document containing 「{term}」 is dated."))

        if not is_term(normalize(term)):
            fill(self.collocates, message(f"「{term}」 is not counted as a term (a stopword, punctuation or a "
                                            "number), so it has no collocates."))
            return
        near = collocations_of(self._co, term, window=_WINDOW, top=self.top)
        if near.empty:
            fill(self.collocates, message(f"「{term}」 has no collocate seen at least twice within five terms."))
        else:
            columns = ["collocate", "count", "log_likelihood", "logdice"]
            fill(self.collocates, heading(f"Collocates of 「{term}」 (within five terms)"), table_bundle(near[columns]))

    def _not_found(self, term: str) -> str:
        said = f"「{term}」 does not occur in these documents as a whole term."
        similar = [t for t in self.vocabulary.index if term in t or (t in term and len(t) > 1)][:8]
        if similar:
            said += " Terms that contain it or are part of it: " + "、".join(similar) + "."
        return said

    def show_groups(self, column: str, target: str, reference: str) -> None:
        """Fill the Groups tab: the keyness of documents whose ``column`` is ``target`` against ``reference``."""
        if column not in GROUP_COLUMNS:
            fill(self.groups, message(f"Pick a column of: {', '.join(GROUP_COLUMNS)}."))
            return
        group = self._columns[column]
        target, reference = (("" if v == EMPTY else v) for v in (target, reference))
        if target == reference:
            fill(self.groups, message("Pick two different values to compare."))
            return
        try:  # keyness(), with each side's term counts summed from the index
            masks = target_reference(self.docs, group.mask(target), reference=group.mask(reference))
            sides = [self._counts.frequencies(mask) for mask in masks]
            for side, role in zip(sides, ("target", "reference")):
                if side.empty:
                    raise ValueError(f"the {role} has no term")
            key = keyness_table(*sides)
        except ValueError as error:  # a side with no document or no term
            fill(self.groups, message(f"Cannot compare these groups: {error}"))
            return
        key.attrs.update(target=target or EMPTY, reference=reference or EMPTY)
        sides = pd.concat([key[key["log_likelihood"] > 0].head(self.top).assign(side=target or EMPTY),
                           key[key["log_likelihood"] < 0].iloc[::-1].head(self.top).assign(side=reference or EMPTY)])
        columns = ["side", "term", "target_count", "reference_count", "log_likelihood", "log_ratio", "p_adjusted"]
        label = f"{GROUP_COLUMNS[column]}: {target or EMPTY} against {reference or EMPTY}"
        fill(self.groups, heading(f"Key terms of each side ({label})"), table_bundle(sides[columns]),
              figure_bundle(plot_keyness(key, top=self.top, title=label), label))

    def show_document(self, doc_id: str) -> None:
        """Fill the Document tab: the nearest neighbours of ``doc_id`` and the passages it shares with them."""
        row = self._row(doc_id)
        if row is None:
            fill(self.document, message(f"No document {doc_id!r} in this corpus."))
            return
        first = self._first_copy(row)
        of, to = (index.get(first, np.array([], dtype=np.int64)) for index in (self._neighbours_of, self._neighbour_to))
        near = self.neighbours.iloc[of]
        pairs = self.neighbours.iloc[np.union1d(of, to)]  # in table order, as a boolean selection gives them
        other = pairs["neighbour"].where(pairs["doc_id"] == first, pairs["doc_id"]).drop_duplicates()
        involved = self.docs[self.docs["doc_id"].isin([first, *other])]  # all that the tables below read
        title = self.docs["title"].iloc[row]
        items = [heading(f"{'' if pd.isna(title) else title} ({doc_id})")]
        if near.empty:
            items.append(message("No other document shares a term with it."))
        else:
            table = attach_titles(near[["rank", "neighbour", "similarity"]], involved, width=_TITLE_WIDTH)
            items += [heading("Nearest neighbours (TF-IDF cosine)"), table_bundle(table)]
        candidates = pd.DataFrame({"doc_a": first, "doc_b": other})
        reuse = text_reuse(involved, candidates=candidates, model=self.model) if len(candidates) else pd.DataFrame()
        if reuse.empty:
            items.append(message("It shares no passage of 15 characters or more with its neighbours."))
        else:
            other = reuse["doc_b"].where(reuse["doc_a"] == first, reuse["doc_a"]).rename("other")
            table = attach_titles(pd.concat([other, reuse[["shared_chars", "passage", "agency"]]], axis=1),
                                  involved, columns=("other",), width=_TITLE_WIDTH)
            items += [heading("Passages shared word for word"), table_bundle(table)]
        fill(self.document, *items)

    # -- the widgets ---------------------------------------------------------------------------------------

    def _build(self) -> widgets.Tab:
        self.concordance, self.timeline, self.collocates = widgets.Output(), widgets.Output(), widgets.Output()
        self.groups, self.document = widgets.Output(), widgets.Output()

        self.term_box = widgets.Text(placeholder="a term, e.g. 克拉夫特; Enter to search", description="Term",
                                     continuous_update=False)
        self.term_box.observe(lambda change: self.show_term(change["new"]), names="value")
        term_tab = widgets.VBox([self.term_box, self.concordance, self.timeline, self.collocates])

        self.column_menu = widgets.Dropdown(options=[(label, c) for c, label in GROUP_COLUMNS.items()],
                                            description="Column")
        self.target_menu = widgets.Dropdown(description="Target")
        self.reference_menu = widgets.Dropdown(description="Reference")
        compare = widgets.Button(description="Compare")
        self.column_menu.observe(lambda change: self._set_values(change["new"]), names="value")
        compare.on_click(lambda _: self.show_groups(self.column_menu.value, self.target_menu.value,
                                                    self.reference_menu.value))
        self._set_values(self.column_menu.value)
        groups_tab = widgets.VBox([widgets.HBox([self.column_menu, self.target_menu, self.reference_menu, compare]),
                                   self.groups])

        # A search, not a menu of every document: a crawl's two million would not reach the browser.
        self.document_box = widgets.Text(placeholder="words of a title, or a doc_id; Enter to search",
                                         description="Find", continuous_update=False,
                                         layout=widgets.Layout(width="90%"))
        self.document_menu = widgets.Select(description="Document", rows=10, layout=widgets.Layout(width="90%"))
        self.document_count = widgets.Label()
        self.show_matches("")
        self.document_box.observe(lambda change: self.show_matches(change["new"]), names="value")
        self.document_menu.observe(lambda change: change["new"] and self.show_document(change["new"]), names="value")
        document_tab = widgets.VBox([self.document_box, self.document_count, self.document_menu, self.document])

        tab = widgets.Tab(children=[term_tab, groups_tab, document_tab])
        tab.titles = ("Term", "Groups", "Document")
        return tab

    def _set_values(self, column: str) -> None:
        group = self._columns[column]
        options = [(f"{v or EMPTY} ({group.count(v)})", v or EMPTY) for v in self.group_values[column]]
        self.target_menu.options = options
        self.reference_menu.options = options
        if len(options) > 1:
            self.target_menu.value, self.reference_menu.value = options[0][1], options[1][1]


def explore(docs: pd.DataFrame, *, model: TfidfModel | None = None, userdict: UserDict = None,
            segmenter: SegmenterLike | None = None) -> widgets.Tab:
    """An explorer of a corpus for JupyterLab: a term in context, two groups compared, a document's neighbours.

    The TF-IDF model, every document's neighbours and terms are computed once, here; each interaction
    then answers within a second on the seed page. Display the result as the last line of a cell.

    Parameters
    ----------
    docs : DataFrame
        From :func:`analysis.load_corpus`.
    model : TfidfModel, optional
        The corpus's TF-IDF model (:func:`analysis.tfidf_model`); default: fit one on ``docs``.
    userdict : path or list of paths, optional
        Extra dictionaries for the segmenter.
    segmenter : callable, optional
        A segmenter of your own, from a text to its words (default: the session's, else the kit's).

    Returns
    -------
    ipywidgets.Tab
        Three tabs: Term, Groups and Document (see :class:`Explorer` for the handlers behind them).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.config import SEEDS_DIR
    >>> tab = explore(load_corpus(SEEDS_DIR))
    >>> type(tab).__name__, tab.titles
    ('Tab', ('Term', 'Groups', 'Document'))
    """
    return Explorer(docs, model=model, userdict=userdict, segmenter=segmenter).widget
