"""The terms of texts (analysis/termlists.py): aligned with the documents, memoised by digest and vocabulary."""

from __future__ import annotations

import pytest

from analysis import configure
from analysis.termlists import document_terms, text_terms
from analysis.vocabulary import variants


def test_document_terms_aligned(seed_docs):
    per_doc = document_terms(seed_docs)
    assert per_doc.index.equals(seed_docs.index)
    assert "克拉夫特" in per_doc.iloc[0]


@pytest.fixture
def folding():
    """Variant folding switched on for one test, and off again whatever happens."""
    configure(variants=True)
    yield
    configure(variants=False)


def test_memoised_terms_follow_the_variants_option(folding):
    text = "臺灣的新局。"
    on = text_terms([text])[text]
    configure(variants=False)
    off = text_terms([text])[text]
    assert "臺" in "".join(off) and "臺" not in "".join(on)
    assert on == [t.translate(str.maketrans(variants())) for t in off]


@pytest.mark.parametrize("block", [1, 3])
def test_terms_segmented_in_blocks_are_the_terms_of_one_batch(seed_docs, monkeypatch, block):
    from analysis import termlists

    texts = [*seed_docs["title"], *seed_docs["text"]]
    whole = text_terms(texts)
    monkeypatch.setattr(termlists, "_MEMO", {})  # segmented again, in blocks
    monkeypatch.setattr(termlists, "TERMS_BLOCK", block)
    assert text_terms(texts) == whole
    assert len(termlists._MEMO) == len(set(texts)) > 3 * block


def test_terms_are_remembered_by_the_texts_digest_not_the_text(monkeypatch):
    from analysis import termlists

    monkeypatch.setattr(termlists, "_MEMO", {})
    text = "外交部長吳釗燮今天表示，台灣與美國的關係穩定。"
    first = text_terms([text])
    assert all(text not in key for key in termlists._MEMO)  # a crawl's texts are not kept alive by it
    monkeypatch.setattr(termlists, "segment_many", lambda *a, **k: pytest.fail("segmented again"))
    assert text_terms([text]) == first

