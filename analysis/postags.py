"""jieba's part-of-speech tags for single words, which the actors' rules ask of the words around a name.

- :func:`dictionary_tag`: the tag jieba's dictionary gives a word, if it has the word;
- :func:`jieba_tag`: else the tag of jieba's tagging model (a hidden Markov model over
  characters), when the model reads the word as one word;
- :func:`load_tagger`: load jieba's tables before worker processes are forked, which then share them.

jieba's dictionary and model are in Simplified characters: a word is read through the kit's map of
Traditional to Simplified characters.

The model is decoded here (:func:`viterbi`) rather than by ``jieba.posseg.viterbi``, to the same
path: jieba's decoder tries every state of the previous character for every state of the next, though
a state follows only some twenty others; here each state is reached only from those. On the words a
realistic 1,000-page crawl asks about (3,695 that no dictionary knows), 0.58 s against 1.47 to 1.50 s,
the same path for each (``tests/test_postags.py`` compares them on 3,005 strings).
"""

from __future__ import annotations

from functools import lru_cache

from .segmentation.script import to_simplified_chars

#: jieba's score of what its model has not seen (``jieba.posseg.viterbi.MIN_FLOAT``).
MIN_FLOAT = -3.14e100


@lru_cache(maxsize=1)
def _simplified() -> dict[int, str]:
    return str.maketrans(to_simplified_chars())


def simplified(word: str) -> str:
    """The word in Simplified characters, as jieba's tagger reads it.

    Examples
    --------
    >>> simplified("國務卿")
    '国务卿'
    """
    return word.translate(_simplified())


def load_tagger() -> None:
    """Load jieba's part-of-speech tables and the character map that :func:`jieba_tag` reads.

    They load by themselves on first use (half a second); :func:`analysis.quotations.actor_blocks`
    and :func:`analysis.mentionscan.scan_many` load them before they fork worker processes, which
    then inherit them instead of each loading them again.

    Examples
    --------
    >>> load_tagger()
    >>> import sys
    >>> "jieba.posseg" in sys.modules
    True
    """
    _predecessors()
    _simplified()


def dictionary_tag(word: str) -> str | None:
    """jieba's dictionary's part-of-speech tag for a word (None if its dictionary lacks the word).

    Examples
    --------
    >>> dictionary_tag("近來"), dictionary_tag("俞融")
    ('t', None)
    """
    import jieba.posseg as posseg  # jieba's tagger loads its tables (0.5 s) on first use only

    return posseg.dt.word_tag_tab.get(simplified(word))


@lru_cache(maxsize=65536)
def jieba_tag(word: str) -> str | None:
    """jieba's part-of-speech tag for a word: its dictionary's, else its tagging model's (None if it cuts the word).

    Parameters
    ----------
    word : str
        A word, Traditional or Simplified.

    Returns
    -------
    str or None

    Examples
    --------
    >>> jieba_tag("表達"), jieba_tag("林志明")
    ('v', 'nr')
    """
    tag = dictionary_tag(word)
    if tag is not None:
        return tag
    states = viterbi(simplified(word))
    if states and states[0][0] in "BS" and states[-1][0] in "ES" and all(s[0] in "BME" for s in states[1:-1]) \
            and (len(states) == 1 or states[0][0] == "B"):
        return states[-1][1]
    return None


@lru_cache(maxsize=1)
def _predecessors() -> dict[tuple[str, str], list[tuple[tuple[str, str], float]]]:
    """For each state of jieba's tagging model, the states that may precede it and the transition's score."""
    import jieba.posseg as posseg

    into: dict[tuple[str, str], list[tuple[tuple[str, str], float]]] = {}
    for before, nexts in posseg.trans_P.items():
        for state, score in nexts.items():
            into.setdefault(state, []).append((before, score))
    return into


def viterbi(chars: str) -> list[tuple[str, str]]:
    """The most likely states of jieba's tagging model for some Simplified characters: what
    ``jieba.posseg.viterbi`` returns as its path, ties broken as it breaks them.

    Each state is a position in a word (B, M, E; S for a word of one character) and a part of speech.

    Examples
    --------
    >>> viterbi("林志明")
    [('B', 'nr'), ('M', 'nr'), ('E', 'nr')]
    """
    import jieba.posseg as posseg

    if not chars:
        return []
    into, trans, emit = _predecessors(), posseg.trans_P, posseg.emit_P
    every = trans.keys()
    scores = {s: posseg.start_P[s] + emit[s].get(chars[0], MIN_FLOAT)
              for s in posseg.char_state_tab_P.get(chars[0], every)}
    back: list[dict[tuple[str, str], tuple[str, str]]] = []
    for char in chars[1:]:
        before = {s: v for s, v in scores.items() if trans[s]}  # states that some state may follow
        reachable = {s for b in before for s in trans[b]}
        here = set(posseg.char_state_tab_P.get(char, every)) & reachable or reachable
        scores, step = {}, {}
        for s in here:
            e = emit[s].get(char, MIN_FLOAT)
            # jieba scores every state before, those that cannot precede at minus infinity; here a state
            # is reached from its predecessors only, whose scores are finite, so the best is the same
            scores[s], step[s] = max((before[b] + t + e, b) for b, t in into[s] if b in before)
        back.append(step)
    state = max((v, s) for s, v in scores.items())[1]
    path = [state]
    for step in reversed(back):
        state = step[state]
        path.append(state)
    return path[::-1]
