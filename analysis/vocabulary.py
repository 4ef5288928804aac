"""What a term is: a word folded to its term form, and the words that are not terms.

A *term* is a word as :func:`analysis.segment` cuts it, folded with Unicode NFKC
(so ``，`` and ``,``, ``ＵＮ`` and ``UN`` are one term), and kept only when it is
not punctuation, whitespace, a pure number, a quantity or a stopword
(:func:`is_term`). With ``configure(variants=True)``, variant characters fold too
(臺灣 and 台灣 are one term). :func:`vocabulary_digest` identifies all of it, and
the boilerplate patterns (:mod:`analysis.filler`), for the caches of terms.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from functools import lru_cache

from . import config
from .filler import file_signature, patterns_digest
from .segmentation.conventions import is_quantity
from .segmentation.script import to_simplified_chars
from .settings import options

_NUMBER = re.compile(r"^[+\-]?\d+(?:[.,:/]\d+)*%?$")


def stopwords() -> frozenset[str]:
    """The kit's stopword list (:data:`analysis.config.STOPWORDS_FILE`), with Simplified forms and
    the spellings with variant characters added (這裏 for 這裡, see :func:`variants`).

    Read again when the file changes.

    Returns
    -------
    frozenset of str
        The stopwords, folded with Unicode NFKC.

    Examples
    --------
    >>> {"的", "我們", "我们", "這裡", "這裏"} <= stopwords()
    True
    """
    return _stopwords(file_signature([config.STOPWORDS_FILE, config.VARIANTS_FILE]))[0]


@lru_cache(maxsize=2)
def _stopwords(signature: tuple) -> tuple[frozenset[str], str]:
    """The stopwords and a hash of them."""
    words = set()
    for line in config.STOPWORDS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(unicodedata.normalize("NFKC", line))
    spellings: dict[str, list[str]] = {}
    for variant, canonical in variants().items():
        spellings.setdefault(canonical, [canonical]).append(variant)
    for word in list(words):
        if any(ch in spellings for ch in word):
            words.update("".join(p) for p in itertools.product(*(spellings.get(ch, ch) for ch in word)))
    simplified = str.maketrans(to_simplified_chars())
    words |= {w.translate(simplified) for w in words}
    digest = hashlib.blake2b("\n".join(sorted(words)).encode(), digest_size=16).hexdigest()
    return frozenset(words), digest


def variants() -> dict[str, str]:
    """The variant characters folded by ``configure(variants=True)``, each to its canonical form.

    Read from :data:`analysis.config.VARIANTS_FILE` (``variant<TAB>canonical`` a line), again when
    it changes.

    Returns
    -------
    dict of str to str

    Raises
    ------
    ValueError
        For a line that is not two different single characters, or a canonical form that is itself
        a variant; the message names file and line.

    Examples
    --------
    >>> variants()["臺"], variants()["爲"]
    ('台', '為')
    """
    return dict(_variants(file_signature([config.VARIANTS_FILE]))[0])


@lru_cache(maxsize=2)
def _variants(signature: tuple) -> tuple[dict[str, str], dict[int, str], str]:
    """The variant table, as a ``str.translate`` table, and a hash of it."""
    table: dict[str, str] = {}
    path = config.VARIANTS_FILE
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        pair = line.split()
        if len(pair) != 2 or len(pair[0]) != 1 or len(pair[1]) != 1 or pair[0] == pair[1]:
            raise ValueError(f"{path}:{number}: expected a variant character, a tab and its canonical form, "
                             f"not {line!r}")
        table[pair[0]] = pair[1]
    chained = sorted(set(table) & set(table.values()))
    if chained:
        raise ValueError(f"{path}: canonical forms listed as variants too: {''.join(chained)}")
    digest = hashlib.blake2b(repr(sorted(table.items())).encode(), digest_size=16).hexdigest()
    return table, str.maketrans(table), digest


def fold_table(*, variants: bool | None = None) -> dict[int, str] | None:
    """The ``str.translate`` table of the variants when the session folds them, else None.

    Read once for a batch of words and passed to :func:`normalize_with`.

    Parameters
    ----------
    variants : bool, optional
        Fold them or not (default: as the session, :func:`analysis.configure`).

    Examples
    --------
    >>> fold_table() is None  # variants are not folded unless configure(variants=True)
    True
    >>> fold_table(variants=True)[ord("臺")]
    '台'
    """
    fold = options.variants if variants is None else variants
    return _variants(file_signature([config.VARIANTS_FILE]))[1] if fold else None


def vocabulary_digest(*, variants: bool | None = None) -> str:
    """Identifies what decides which words are terms: stopwords, boilerplate patterns, variant folding.

    Part of the key of the terms kept in memory (:func:`analysis.termlists.text_terms`), so that a change to any of
    them is never answered with terms computed before it.

    Parameters
    ----------
    variants : bool, optional
        With variants folded or not (default: as the session, :func:`analysis.configure`).

    Returns
    -------
    str

    Examples
    --------
    >>> from analysis import configure
    >>> before = vocabulary_digest()
    >>> vocabulary_digest(variants=True) == before
    False
    >>> _ = configure(variants=True)
    >>> vocabulary_digest() == before
    False
    >>> _ = configure(variants=False)
    >>> vocabulary_digest() == before
    True
    """
    stop = _stopwords(file_signature([config.STOPWORDS_FILE, config.VARIANTS_FILE]))[1]
    folded = options.variants if variants is None else variants
    fold = _variants(file_signature([config.VARIANTS_FILE]))[2] if folded else "-"
    return f"{stop}:{patterns_digest()}:{fold}"


def normalize(word: str) -> str:
    """Fold a word to its term form (Unicode NFKC, edge spaces removed; with ``configure(variants=True)``,
    variant characters to their canonical form, see :func:`variants`).

    Parameters
    ----------
    word : str
        A piece from :func:`analysis.segment`.

    Returns
    -------
    str

    Examples
    --------
    >>> normalize("ＵＮ"), normalize("，"), normalize("臺灣")
    ('UN', ',', '臺灣')
    >>> from analysis import configure
    >>> _ = configure(variants=True)
    >>> normalize("臺灣")
    '台灣'
    >>> _ = configure(variants=False)
    """
    return normalize_with(word, fold_table())


def normalize_with(word: str, fold: dict[int, str] | None) -> str:
    """:func:`normalize` with the variant table given (:func:`fold_table`), for many words in a row.

    Examples
    --------
    >>> normalize_with("ＵＮ", None), normalize_with(" 臺灣", {ord("臺"): "台"})
    ('UN', '台灣')
    """
    term = unicodedata.normalize("NFKC", word).strip()
    return term if fold is None else term.translate(fold)


def is_term(term: str, *, stop: frozenset[str] | None = None) -> bool:
    """True when a normalised word counts as a term.

    Not a term: the empty string, whitespace, anything made only of punctuation
    and symbols (full- and half-width), a pure number (``2020``, ``3.5``,
    ``12:30``, ``50%``), a quantity (``一個``, ``十五座``, ``3.5萬``:
    :func:`analysis.segmentation.conventions.is_quantity`) or a stopword.

    Parameters
    ----------
    term : str
        A word folded with :func:`normalize`.
    stop : frozenset of str, optional
        The stopwords (default: :func:`stopwords`).

    Returns
    -------
    bool

    Examples
    --------
    >>> [w for w in ["台灣", "，", "2020", "50%", "的", "十五座", "UN"] if is_term(w)]
    ['台灣', 'UN']
    >>> is_term("的", stop=frozenset())
    True
    """
    if not term or term.isspace():
        return False
    if all(unicodedata.category(ch)[0] in "PSZC" for ch in term):
        return False
    if _NUMBER.match(term) or is_quantity(term):
        return False
    return term not in (stopwords() if stop is None else stop)

