"""The characters a regular expression's matches can start with, read from the pattern as parsed.

Python's ``re`` skips ahead to a literal prefix, but not for an alternation whose branches open with
groups, repeats or look-behinds: a union of many patterns is then tried at every place of a text.
A look-ahead for the first characters (:func:`first_chars`) restores the skip
(:func:`analysis.filler.boilerplate_spans` searches the boilerplate patterns' union so).
"""

from __future__ import annotations

import re


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """The characters any non-empty match of ``pattern`` starts with, as the inside of a character class,
    or None when they cannot be told (a class such as ``\\w`` or ``.``, a negated class, ignored case,
    a match that can be empty).

    Parameters
    ----------
    pattern : str
        A regular expression, as :func:`re.compile` takes it.
    flags : int
        Its flags (``re.IGNORECASE`` gives None).

    Returns
    -------
    str or None
        Characters and ranges, escaped, to put between ``[`` and ``]``.

    Examples
    --------
    >>> first_chars(r"(?<!\\w)(?:先|再)?來看(?:到)?"), first_chars("[c-e]x|y"), first_chars(r"\\w+報導")
    ('來先再', 'c-ey', None)
    """
    if flags & re.IGNORECASE:
        return None
    try:
        from re import _parser as sre_parse  # Python 3.11 and later
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    try:
        ranges, can_be_empty = _starts(sre_parse.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - a parser's internals may change: then no look-ahead, never a wrong one
        return None
    if ranges is None or can_be_empty or not ranges:
        return None
    return "".join(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
                   for lo, hi in sorted(ranges))


def _starts(items) -> tuple[set[tuple[int, int]] | None, bool]:
    """The code point ranges a parsed pattern's match can start with (None: unknown) and whether it can be empty."""
    found: set[tuple[int, int]] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return found | {(av, av)}, False
        if name == "IN":
            for kind, value in av:
                if str(kind) == "LITERAL":
                    found.add((value, value))
                elif str(kind) == "RANGE":
                    found.add(tuple(value))
                else:  # a negation, a category (\w, \d) or anything else: not told here
                    return None, False
            return found, False
        if name in ("AT", "ASSERT", "ASSERT_NOT"):  # zero-width: the next item starts the match
            continue
        if name == "SUBPATTERN":
            if av[1] & re.IGNORECASE:  # (?i:...): its literals match in either case
                return None, False
            inner = [av[-1]]
        elif name == "BRANCH":
            inner = av[1]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            inner = [av[2]]
        else:
            return None, False
        empty = False
        for part in inner:
            ranges, part_empty = _starts(part)
            if ranges is None:
                return None, False
            found |= ranges
            empty = empty or part_empty
        if name.endswith("REPEAT") and av[0] == 0:
            empty = True
        if not empty:
            return found, False
    return found, True
