"""Type aliases shared by the whole package, so that one idea has one name and one type.

A leaf: it imports nothing of the package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal

#: A file or folder, as a string or a :class:`~pathlib.Path`.
PathLike = str | Path
#: Extra segmentation dictionaries: one path, several, or None for the kit's and the project's own only.
UserDict = str | Path | Sequence[str | Path] | None
#: A segmenter of your own: any callable from a text to its words (see :mod:`analysis.segmentation.custom`).
SegmenterLike = Callable[[str], Iterable[str]]
#: What to do with a damaged page: warn and keep going, or raise :class:`analysis.CorpusError`.
Errors = Literal["warn", "raise"]
