"""Adjust a jieba dictionary to a segmentation standard learned from gold data.

jieba's dictionaries hold long words (一個, 成為, 博物館) that treebanks such as UD
Chinese GSD split (一/個, 成/為, 博物/館). :func:`learn_adjustments` compares a
tokenizer's output with gold segmentation and learns three things:

- words that the gold data splits more often than it keeps them (removed);
- final characters after which the gold data splits off a suffix (館, 隊, 鄉...):
  every dictionary word that is another word plus that character is removed,
  unless the gold data kept it;
- gold words the tokenizer missed (added, with their gold frequency).

The kit ships adjustments learned from the UD Chinese GSD development set
(``analysis/data/gsd_adjustments.txt``, CC BY-SA 4.0, made by
``benchmarks/learn_lexicon.py``); its benchmark measures them by cross-validation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterable, Sequence

#: Frequency given to an added word per gold occurrence.
ADDED_WEIGHT = 100


@dataclass
class Adjustments:
    """What :func:`learn_adjustments` learned; see the module's docstring.

    Parameters
    ----------
    removed : set of str
        Dictionary words to remove.
    suffixes : set of tuple of (int, str)
        ``(length, final character)``, the length 2 or 3 (3 for three or more): a dictionary word
        of that length that ends in that character and is another dictionary word plus it is removed.
    added : dict of str to int
        Words to add, with their gold frequency (weighted by :data:`ADDED_WEIGHT`).
    kept : set of str
        Words the suffix rule spares.

    Examples
    --------
    >>> adj = Adjustments(removed={"一個"}, suffixes={(3, "館")}, added={"克拉夫特": 2})
    >>> freq = {"一個": 5, "博物": 3, "博物館": 4, "美術館": 4}
    >>> adj.apply(freq, freq.__setitem__)
    >>> freq
    {'一個': 0, '博物': 3, '博物館': 0, '美術館': 4, '克拉夫特': 200}
    """

    removed: set[str] = field(default_factory=set)
    suffixes: set[tuple[int, str]] = field(default_factory=set)  # (word length 2 or 3+, final char)
    added: dict[str, int] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)

    def apply(self, freq: dict, add_word: Callable[[str, int], None]) -> None:
        """Change a jieba tokenizer's dictionary (its ``FREQ`` and ``add_word``).

        Words are removed by setting their frequency to 0 in this tokenizer only (jieba's own
        ``del_word`` would also change a set that every jieba tokenizer in the process shares).

        Parameters
        ----------
        freq : dict of str to int
            The tokenizer's ``FREQ``, changed in place.
        add_word : callable
            The tokenizer's ``add_word(word, freq)``, called for each added word.
        """
        for w in self.removed:
            if freq.get(w):
                freq[w] = 0
        if self.suffixes:
            for w, f in list(freq.items()):
                if f and len(w) >= 2 and (min(len(w), 3), w[-1]) in self.suffixes and freq.get(w[:-1]) \
                        and w not in self.kept:
                    freq[w] = 0
        for w, n in self.added.items():
            add_word(w, n * ADDED_WEIGHT)

    def write(self, path: str | Path, *, header: str = "") -> None:
        """Save as text: sections ``[remove]``, ``[suffix]``, ``[keep]``, ``[add]``; sorted, so diffs stay small.

        Parameters
        ----------
        path : str or Path
            The file, overwritten (UTF-8).
        header : str
            Written first, each line as a ``#`` comment.

        Examples
        --------
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "adjustments.txt"
        >>> Adjustments(removed={"一個"}, suffixes={(3, "館")}).write(path, header="learned from GSD")
        >>> path.read_text(encoding="utf-8").splitlines()
        ['# learned from GSD', '[remove]', '一個', '[suffix]', '3 館', '[keep]', '[add]']
        """
        lines = [f"# {h}" for h in header.splitlines()]
        lines += ["[remove]", *sorted(self.removed), "[suffix]",
                  *(f"{n} {c}" for n, c in sorted(self.suffixes)), "[keep]", *sorted(self.kept), "[add]",
                  *(f"{w} {n}" for w, n in sorted(self.added.items()))]
        Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def digest(self) -> str:
        """A short hash of the content, for cache keys.

        Returns
        -------
        str
            16 hexadecimal digits; equal content gives an equal digest, whatever the order of insertion.

        Examples
        --------
        >>> Adjustments(removed={"一個", "成為"}).digest() == Adjustments(removed={"成為", "一個"}).digest()
        True
        >>> Adjustments().digest() == Adjustments(removed={"一個"}).digest()
        False
        """
        import hashlib

        text = repr((sorted(self.removed), sorted(self.suffixes), sorted(self.kept), sorted(self.added.items())))
        return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()

    @classmethod
    def read(cls, path: str | Path) -> Adjustments:
        """Load what :meth:`write` saved.

        Parameters
        ----------
        path : str or Path
            The file; blank lines and ``#`` comments are skipped.

        Returns
        -------
        Adjustments

        Raises
        ------
        ValueError
            For a line outside a section (naming file and line), or a malformed ``[suffix]``
            or ``[add]`` line.

        Examples
        --------
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "adjustments.txt"
        >>> adj = Adjustments(removed={"一個"}, added={"克拉夫特": 2})
        >>> adj.write(path)
        >>> Adjustments.read(path) == adj
        True
        """
        adj, section = cls(), None
        for n, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                section = line.strip("[]")
                continue
            if section == "remove":
                adj.removed.add(line)
            elif section == "keep":
                adj.kept.add(line)
            elif section == "suffix":
                size, char = line.split()
                adj.suffixes.add((int(size), char))
            elif section == "add":
                word, count = line.rsplit(" ", 1)
                adj.added[word] = int(count)
            else:
                raise ValueError(f"{path}:{n}: line outside a section: {raw!r}")
        return adj


def _spans(words: Sequence[str]) -> list[tuple[int, int]]:
    out, start = [], 0
    for w in words:
        out.append((start, start + len(w)))
        start += len(w)
    return out


def learn_adjustments(sentences: Iterable[Sequence[str]], cut: Callable[[str], list[str]],
                      freq: dict, *, split_rate: float = 0.5, suffix_rate: float = 0.6,
                      suffix_min: int = 3, add_min: int = 1) -> Adjustments:
    """Learn dictionary adjustments from gold-segmented sentences.

    Parameters
    ----------
    sentences : iterable of sequences of str
        Gold words of each sentence.
    cut : callable
        The tokenizer to adjust (text to words), before any adjustment.
    freq : dict
        Its dictionary (word to frequency), to tell known words from unknown ones.
    split_rate : float
        Remove a dictionary word the gold data splits more than this share of the times the
        tokenizer cuts it.
    suffix_rate : float
        Learn a suffix when the gold data splits it off at least this share of the time
        (and at least ``suffix_min`` times).
    suffix_min : int
        Fewest splits that teach a suffix.
    add_min : int
        Add a gold word of two or more characters that the tokenizer missed at least this many
        times (0: add none).

    Returns
    -------
    Adjustments

    Examples
    --------
    >>> gold = [["一", "個", "人"], ["一", "個", "國家"]]
    >>> tokenizer = {"一個人": ["一個", "人"], "一個國家": ["一個", "國家"]}.get
    >>> adj = learn_adjustments(gold, tokenizer, {"一個": 9, "一": 5, "個": 5, "人": 5, "國家": 5})
    >>> adj.removed, adj.added
    ({'一個'}, {})
    """
    kept, split = Counter(), Counter()
    suf_kept, suf_split = Counter(), Counter()
    gold_count, missed = Counter(), Counter()
    for words in sentences:
        text = "".join(words)
        gold = _spans(words)
        gold_set = set(gold)
        pred = set(_spans(cut(text)))
        for (a, b), w in zip(gold, words):
            gold_count[w] += 1
            if (a, b) not in pred:
                missed[w] += 1
        for a, b in pred:
            w = text[a:b]
            if len(w) < 2:
                continue
            key = (min(len(w), 3), w[-1])
            if (a, b) in gold_set:
                kept[w] += 1
                if freq.get(w[:-1]):
                    suf_kept[key] += 1
                continue
            inner = [s for s in gold if s[0] >= a and s[1] <= b]
            if len(inner) > 1 and inner[0][0] == a and inner[-1][1] == b:
                split[w] += 1
                if inner[-1][1] - inner[-1][0] == 1 and freq.get(w[:-1]):
                    suf_split[key] += 1
    adj = Adjustments()
    adj.removed = {w for w in split if freq.get(w) and split[w] > split_rate * (split[w] + kept[w])}
    adj.suffixes = {k for k, n in suf_split.items() if n >= suffix_min and n >= suffix_rate * (n + suf_kept[k])}
    adj.kept = {w for w, n in kept.items() if (min(len(w), 3), w[-1]) in adj.suffixes}
    if add_min:
        adj.added = {w: gold_count[w] for w, n in missed.items() if n >= add_min and len(w) > 1}
    return adj
