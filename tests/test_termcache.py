"""Terms kept by content (analysis/termcache.py): counted again, the same terms without segmenting again."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import configure, term_frequencies
from analysis import termlists as termlists_mod
from analysis.settings import options
from analysis.termcache import FILE, TermStore, terms_digest
from analysis.termlists import text_terms


@pytest.fixture
def segmented(monkeypatch) -> list[str]:
    """The texts segmented from now on (the memo of this process emptied first)."""
    seen: list[str] = []
    segment = termlists_mod.segment_many

    def counted(texts, **kwargs):
        seen.extend(texts)
        return segment(texts, **kwargs)

    monkeypatch.setattr(termlists_mod, "_MEMO", {})
    monkeypatch.setattr(termlists_mod, "segment_many", counted)
    return seen


@pytest.fixture
def docs(seed_and_test_pages):
    return seed_and_test_pages


def forget() -> None:
    """Forget this process's memo of terms, as a new process would."""
    termlists_mod._MEMO.clear()


def test_terms_kept_are_read_back_not_segmented_again(docs, cache, segmented, monkeypatch):
    texts = [t for t in pd.concat([docs["title"], docs["text"]]).dropna().unique()]
    first = text_terms(texts)
    assert set(segmented) == set(texts) and (cache / FILE).is_file()
    segmented.clear()
    forget()
    new = "一段新的文字：台灣與美國。"
    again = text_terms([*texts, new])
    assert segmented == [new]  # only the new text
    forget()
    monkeypatch.setattr(options, "use_cache", False)
    fresh = text_terms([*texts, new])
    assert again == fresh and {t: again[t] for t in texts} == first
    assert list(again) == [*texts, new] and again[new]


def test_counts_are_the_same_with_and_without_the_kept_terms(docs, cache, segmented, monkeypatch):
    kept = term_frequencies(docs, by="kind")
    forget()
    again = term_frequencies(docs, by="kind")
    forget()
    monkeypatch.setattr(options, "use_cache", False)
    fresh = term_frequencies(docs, by="kind")
    pd.testing.assert_frame_equal(kept, fresh)
    pd.testing.assert_frame_equal(again, fresh)


def test_another_vocabulary_or_segmenter_makes_terms_again(cache, segmented, monkeypatch):
    text = "臺灣與美國。"
    monkeypatch.setattr(options, "variants", False)
    plain = text_terms([text])[text]
    configure(variants=True)  # 臺 folded to 台: another vocabulary
    forget()
    folded = text_terms([text])[text]
    configure(variants=False)
    assert plain == ["臺灣", "美國"] and folded == ["台灣", "美國"]
    forget()
    assert text_terms([text], segmenter=lambda t: list(t))[text] == ["臺", "灣", "美", "國"]
    assert segmented == [text] * 3
    forget()
    assert text_terms([text])[text] == plain and segmented == [text] * 3  # kept from the first
    assert terms_digest("a", "v") != terms_digest("a", "w") != terms_digest("b", "w")


def test_no_file_without_the_cache(cache, segmented, monkeypatch):
    monkeypatch.setattr(options, "use_cache", False)
    text_terms(["台灣與美國。"])
    with TermStore("d") as store:
        store.put_many({"台灣": ["台灣"]})
        assert store.get_many(["台灣"]) == {}
    assert not (cache / FILE).exists()
