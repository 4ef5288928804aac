"""A table file's text, as lines, as often as a reader asks for them: decoded whole, or read from the file.

Text tables are decoded as text pages are (:func:`analysis.decoding.decode`: byte-order marks, UTF-8,
Big5, GB18030, told apart by the commonest characters). A UTF-8 file of :data:`STREAM_MIN_BYTES` or more
(a whole crawl exported as one file) is never decoded whole: it is checked a little at a time, then its
lines are read from the file each time they are asked for (:func:`analysis.tabular_files.iter_table`
reads it twice), and a file that changed in between is a :class:`~analysis.errors.CorpusError`. A UTF-8 file cut
off in the middle of its last character ends in :data:`~analysis.cutoff.CUT`, and its lines say how many bytes
were cut (``cut``) for the reader to report.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from .cutoff import CUT, cut_character
from .decoding import LEGACY_ENCODINGS, decode, read_bytes
from .errors import CorpusError

#: A UTF-8 table file of at least this many bytes is read from the file as its lines are needed, not
#: decoded whole first (:func:`analysis.tabular_files.iter_table` reads it twice).
STREAM_MIN_BYTES = 32 * 2**20

# The commonest characters of Chinese text, Traditional and Simplified: they tell Big5 from GB18030.
_COMMON = frozenset("的一是不了在人有這这中大上來来個个們们國国為为年月日時时說说會会台臺")


def _decoded(file: Path, encoding: str | None) -> tuple[str, int]:
    """The file's text, and how many bytes of an incomplete last character it ends in (as :data:`CUT`)."""
    data = read_bytes(file)
    text, codec = decode(data, path=file, encoding=encoding)
    if codec.startswith("utf-8") and text.endswith(CUT):
        return text.lstrip("\ufeff"), cut_character(data)
    if encoding is None and not codec.startswith("utf"):  # Big5, GB18030 (and a guess) decode each other's
        best = 0  # bytes: the commonest characters of Chinese text tell them apart
        for other in dict.fromkeys([codec, *LEGACY_ENCODINGS]):
            try:
                candidate = data.decode(other)
            except (UnicodeDecodeError, LookupError):
                continue
            score = sum(ch in _COMMON for ch in candidate[:65536])
            if score > best:
                text, best = candidate, score
    return text.lstrip("\ufeff"), 0


def _utf8(file: Path, encoding: str | None) -> int | None:
    """Are the file's bytes UTF-8 (a byte-order mark allowed) and, unless an encoding is given, free of NUL bytes?
    Checked 256 KB at a time, nothing kept: such a file's lines can be read from it as they are needed. None when
    not; else how many bytes of an incomplete last character it ends in (0 to 3)."""
    try:
        if encoding is not None and codecs.lookup(encoding).name != "utf-8":
            return None
    except LookupError:
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(file, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 18), b""):
                if encoding is None and b"\x00" in chunk:
                    return None
                decoder.decode(chunk)
            last = decoder.getstate()[0]  # the bytes of a character not yet complete
    except (UnicodeDecodeError, OSError):
        return None  # decoded whole, which says why
    return len(last)


def _version(file: Path) -> tuple[int, int] | None:
    """The file's size and modification time (None when it cannot be read: the reader then says why)."""
    try:
        stat = file.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def table_lines(file: Path, encoding: str | None) -> Callable[[], Iterator[str]]:
    """The decoded text's lines, each with its line break, as :class:`io.StringIO` with ``newline=""`` gives
    them, as often as asked: a UTF-8 file of :data:`STREAM_MIN_BYTES` or more is read from the file as the
    lines are needed (a :class:`CorpusError` when it changed since it was first looked at: the passes over it
    would not agree); another is decoded whole (:func:`_decoded`) and held. The callable's ``cut`` is how many
    bytes of an incomplete last character the text ends in, as :data:`~analysis.cutoff.CUT` (0: none)."""
    version = _version(file)
    cut = _utf8(file, encoding) if version is not None and version[0] >= STREAM_MIN_BYTES else None
    if cut is not None:
        def read() -> Iterator[str]:
            changed = CorpusError("the file changed while it was read (read it when it is complete)", path=file)
            try:  # an incomplete last character read as CUT, as decode() reads it
                with open(file, encoding="utf-8", errors="replace" if cut else "strict", newline="") as f:
                    first = next(f, None)
                    if first is not None:
                        yield first.lstrip("\ufeff")
                        yield from f
            except OSError as exc:
                raise CorpusError(f"cannot read file ({exc.strerror or exc})", path=file) from None
            except UnicodeDecodeError:  # UTF-8 when checked: written to since
                raise changed from None
            if _version(file) != version:
                raise changed
        read.cut = cut
        return read
    text, cut = _decoded(file, encoding)

    def held() -> Iterator[str]:
        return iter(io.StringIO(text, newline=""))

    held.cut = cut
    return held


class TakenLines:
    """Lines handed to a CSV reader, with those it took for its last record (it never reads ahead)."""

    def __init__(self, lines: Iterator[str]):
        self.lines, self.taken = lines, []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.taken.append(line)
        return line

    def records(self, reader) -> Iterator[tuple[list[str], list[str]]]:
        """Each record and the lines it was read from."""
        for cells in reader:
            taken, self.taken = self.taken, []
            yield cells, taken
