"""Do names come out whole? Entity integrity of segmenters on hand-annotated Taiwanese news.

    python benchmarks/news_names.py [PATH]

The text (default ``benchmarks/data/news_names.txt``) is fictional news written by hand for this kit
in the style of Taiwanese outlets, with every occurrence of a person, organisation or place marked as
``[[蔡英文|PER]]``, ``[[外交部|ORG]]`` or ``[[台北市|LOC]]``.

The measure, entity integrity: the share of marked name occurrences that a segmenter returns as
exactly one word, that is, the name starts and ends on word boundaries and no boundary falls inside
it. A name glued to a neighbour (``在台`` + ``北市``) fails as much as a name cut in two (``台`` +
``北市``): either way a count of the word 台北市 misses it. Reported overall and per type, with
the split names and how they came out.
"""

from __future__ import annotations

import collections
import re
import sys
from collections.abc import Callable
from pathlib import Path

TYPES = ("PER", "ORG", "LOC")
DEFAULT = Path(__file__).resolve().parent / "data" / "news_names.txt"
_NAME = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)\]\]")

Item = tuple[int, int, str, str]


def read_annotated(path: str | Path = DEFAULT) -> list[tuple[str, list[Item]]]:
    """Each paragraph's plain text and its names as (start, end, name, type) offsets into that text.

    Raises ValueError naming the line on malformed markup: an unknown type, an empty or padded name,
    or brackets or a bar left over once the well-formed names are read.
    """
    paragraphs = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        plain, items, last = [], [], 0
        offset = 0
        for m in _NAME.finditer(line):
            name, kind = m.groups()
            if kind not in TYPES:
                raise ValueError(f"{path}, line {number}: unknown type {kind!r} in {m.group(0)!r}")
            if name != name.strip():
                raise ValueError(f"{path}, line {number}: name with spaces around it in {m.group(0)!r}")
            between = line[last:m.start()]
            plain.append(between)
            offset += len(between)
            items.append((offset, offset + len(name), name, kind))
            plain.append(name)
            offset += len(name)
            last = m.end()
        plain.append(line[last:])
        text = "".join(plain)
        for bad in ("[[", "]]", "|"):
            if bad in text:
                col = text.index(bad)
                raise ValueError(f"{path}, line {number}: malformed markup, stray {bad!r} near "
                                 f"{text[max(0, col - 10):col + 12]!r}")
        paragraphs.append((text, items))
    return paragraphs


def entity_integrity(segment: Callable[[str], list[str]],
                     items: list[tuple[str, list[Item]]]) -> dict:
    """Share of name occurrences that ``segment`` returns as exactly one word, overall and per type.

    ``items`` is what :func:`read_annotated` returns. The result has ``names``, ``whole`` and
    ``share`` overall, ``by_type`` with the same three per type, and ``split``: one
    (name, type, pieces) per split occurrence, where pieces are the words that overlap the name.
    """
    total = collections.Counter()
    whole = collections.Counter()
    split = []
    for text, names in items:
        words = segment(text)
        if "".join(words) != text:
            raise ValueError(f"segmenter lost text: {text[:30]!r}...")
        starts, pos = [], 0
        for w in words:
            starts.append(pos)
            pos += len(w)
        bounds = set(starts) | {pos}
        for start, end, name, kind in names:
            total[kind] += 1
            if start in bounds and end in bounds and not any(start < b < end for b in bounds):
                whole[kind] += 1
            else:
                pieces = [w for s, w in zip(starts, words) if s < end and s + len(w) > start]
                split.append((name, kind, pieces))

    def row(n, k):
        return {"names": n, "whole": k, "share": k / n if n else float("nan")}

    return {**row(sum(total.values()), sum(whole.values())),
            "by_type": {t: row(total[t], whole[t]) for t in TYPES},
            "split": split}


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    path = argv[0] if argv else DEFAULT
    items = read_annotated(path)
    counts = collections.Counter(kind for _, names in items for *_, kind in names)
    print(f"{path}: {len(items)} paragraphs, {sum(counts.values())} names "
          f"({', '.join(f'{t} {counts[t]}' for t in TYPES)})\n")

    import jieba
    jieba.setLogLevel(60)
    results = {"jieba.lcut": entity_integrity(jieba.lcut, items)}  # measured before the kit is imported
    from analysis import segment
    results["analysis.segment"] = entity_integrity(segment, items)
    print(f"{'segmenter':<18}{'all':>16}" + "".join(f"{t:>16}" for t in TYPES))
    for label, r in results.items():
        cells = [r, *(r["by_type"][t] for t in TYPES)]
        print(f"{label:<18}" + "".join(f"{c['share']:>7.1%} {c['whole']:>3}/{c['names']:<4}" for c in cells))
    for label, r in results.items():
        print(f"\n{label}: the 30 commonest split names (occurrences, commonest way split)")
        by_name = collections.defaultdict(collections.Counter)
        for name, kind, pieces in r["split"]:
            by_name[(name, kind)]["/".join(pieces)] += 1
        ranked = sorted(by_name.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        for (name, kind), ways in ranked[:30]:
            way, _ = ways.most_common(1)[0]
            print(f"  {sum(ways.values()):>3}  {name} ({kind})  {way}")


if __name__ == "__main__":
    main()
