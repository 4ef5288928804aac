"""A file cut off in the middle of its last character: a crawl stopped while it wrote UTF-8 text.

:func:`analysis.decoding.decode` reads such text as UTF-8 still (:func:`utf8_cut`), its incomplete last
character as U+FFFD (:data:`CUT`); each reader takes that character away (:func:`without_cut`) and makes it a
problem row (:func:`cut_problems`), so that nothing before it is lost.
"""

from __future__ import annotations

import codecs
import re
import warnings

from .errors import CorpusError, CorpusWarning, problem_row
from .typedefs import Errors, PathLike

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

#: What an incomplete character at the end of UTF-8 text decodes as (:func:`analysis.decoding.decode`): the
#: replacement character.
CUT = "\ufffd"


def cut_character(data: bytes) -> int:
    """How many bytes at the end of UTF-8 data begin a character they do not complete (a file cut off while
    it was written): 0 to 3.

    Examples
    --------
    >>> data = "颱風".encode()
    >>> cut_character(data), cut_character(data[:-1]), cut_character(data[:-2]), cut_character(b"abc")
    (0, 2, 1, 0)
    """
    for back in range(1, min(3, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:  # a continuation byte: its character began further back
            continue
        needed = 2 if byte & 0xE0 == 0xC0 else 3 if byte & 0xF0 == 0xE0 else 4 if byte & 0xF8 == 0xF0 else 1
        return back if needed > back else 0
    return 0


def utf8_cut(data: bytes, codec: str) -> str | None:
    """UTF-8 text whose only invalid bytes are an incomplete character at its end, with :data:`CUT` for it; else
    None. Some character of more than one byte before it must show the text is UTF-8."""
    name = codecs.lookup(codec).name
    if name not in ("utf-8", "utf-8-sig"):
        return None
    body = data[len(codecs.BOM_UTF8):] if name == "utf-8-sig" and data.startswith(codecs.BOM_UTF8) else data
    cut = cut_character(body)
    head = body[:len(body) - cut]
    if not cut or head.isascii():
        return None
    try:
        return head.decode("utf-8") + CUT
    except UnicodeDecodeError:
        return None


def cut_reason(cut: int) -> str:
    """What a problem row says of a file cut off in the middle of its last character (``cut`` bytes of it).

    Examples
    --------
    >>> cut_reason(1)
    'the file ends in the middle of a character (cut off while it was written?): its last byte is not read'
    """
    bytes_ = f"last {cut} bytes are" if cut > 1 else "last byte is"
    return f"the file ends in the middle of a character (cut off while it was written?): its {bytes_} not read"


def without_cut(text: str, data: bytes) -> tuple[str, int]:
    """A decoded text without the :data:`CUT` character that an incomplete last character of its bytes became
    (:func:`analysis.decoding.decode`), and how many bytes that character had (0, and the text as it is, when
    they end whole).

    Examples
    --------
    >>> data = "標題\\n內文".encode()
    >>> cut = data[:-1]
    >>> without_cut(cut.decode("utf-8", "replace"), cut), without_cut("內文\\ufffd", "內文\\ufffd".encode())
    (('標題\\n內', 2), ('內文\\ufffd', 0))
    """
    cut = cut_character(data) if text.endswith(CUT) else 0
    return (text[:-1], cut) if cut else (text, 0)


def cut_problems(cut: int, text: str, *, path: PathLike, errors: Errors = "warn") -> list[dict]:
    """The ``unplaced`` problem row of a file cut off in the middle of its last character (``cut`` bytes of it, as
    :func:`without_cut` gives them), at the text's last line, with its warning; none when ``cut`` is 0.

    Parameters
    ----------
    cut : int
        The incomplete character's bytes.
    text : str
        The text read (without the incomplete character).
    path : str or Path
        The file.
    errors : {"warn", "raise"}
        Warn with :class:`~analysis.errors.CorpusWarning`, or raise :class:`CorpusError`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     [(p["line"], p["action"], p["content"]) for p in cut_problems(2, "標題\\n內", path="p.txt")]
    [(2, 'unplaced', '內')]
    """
    if not cut:
        return []
    lines = _LINE_BREAK.split(text)
    line, reason = len(lines), cut_reason(cut)
    if errors == "raise":
        raise CorpusError(reason, path=path, line=line)
    warnings.warn(f"{path}:{line}: {reason}", CorpusWarning, stacklevel=2)
    return [problem_row(path, line, action="unplaced", reason=reason, content=lines[-1][-200:])]
