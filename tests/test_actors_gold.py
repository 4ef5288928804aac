"""The gold annotation of actors and quotes (tests/data/actors_gold): its files agree with the pages they annotate.

These tests check the gold itself, not the extractor: the pages load cleanly, every mention's offsets
slice back to the mention as written, every document is annotated, and the seed page's speakers are there.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus, read_corpus
from analysis.config import SEEDS_DIR

GOLD = Path(__file__).resolve().parent / "data" / "actors_gold"
SEED = SEEDS_DIR / "000_bb4a6ccb6fd5c6e9.txt"
TYPES = {"person", "organisation", "place"}
SEED_SPEAKERS = {"歐江安", "克拉夫特", "蔡英文", "費鴻泰", "馬英九", "林鶴明", "蓬佩奧", "張惇涵", "蘇貞昌", "童振源",
                 "駐紐約辦事處"}


@pytest.fixture(scope="module")
def docs() -> pd.DataFrame:
    return pd.concat([load_corpus(SEED), load_corpus(GOLD / "pages")], ignore_index=True).set_index("doc_id")


@pytest.fixture(scope="module")
def mentions() -> pd.DataFrame:
    return pd.read_csv(GOLD / "mentions.csv", keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def quotes() -> pd.DataFrame:
    return pd.read_csv(GOLD / "quotes.csv", keep_default_na=False, encoding="utf-8")


def test_written_pages_load_without_problems():
    docs, problems = read_corpus(GOLD / "pages")
    assert problems.empty, problems.to_dict("records")
    assert docs["page_id"].nunique() == 4
    assert set(docs["outlet"][docs["kind"] == "article"]) == {"中央社", "自由時報", "聯合報", "公視新聞"}
    assert docs.groupby("page_id")["kind"].apply(lambda k: (k == "related").sum()).between(3, 6).all()


def test_columns(mentions, quotes):
    assert list(mentions.columns) == ["doc_id", "field", "start", "end", "mention", "actor", "type"]
    assert list(quotes.columns) == ["doc_id", "field", "speaker", "cue", "quote_start"]


def test_every_mention_slices_back(docs, mentions):
    bad = [r for r in mentions.itertuples()
           if docs.loc[r.doc_id, r.field][r.start:r.end] != r.mention or r.end != r.start + len(r.mention)]
    assert not bad


def test_types_fields_and_names(mentions, quotes):
    assert set(mentions["type"]) <= TYPES
    assert set(mentions["field"]) | set(quotes["field"]) <= {"title", "text"}
    assert (mentions["actor"].str.strip() != "").all()
    assert (mentions["mention"].str.strip() == mentions["mention"]).all()
    assert mentions.groupby("actor")["type"].nunique().max() == 1, "an actor has one type"


def test_mentions_neither_overlap_nor_repeat(mentions):
    for _, g in mentions.sort_values("start").groupby(["doc_id", "field"]):
        assert (g["start"].to_numpy()[1:] >= g["end"].to_numpy()[:-1]).all(), g


def test_every_document_is_annotated(docs, mentions, quotes):
    assert docs.index.str.startswith(SEED.stem + ":").sum() == 21
    assert len(docs) == 42
    assert set(mentions["doc_id"]) | set(quotes["doc_id"]) == set(docs.index)
    # Annotated as naming nobody: the scholars' item (its only statement has an unnamed speaker).
    assert set(docs.index) - set(mentions["doc_id"]) == {"004_pts_fiscal_law:04"}


def test_quote_starts_are_inside_their_field(docs, quotes):
    assert all(0 <= r.quote_start < len(docs.loc[r.doc_id, r.field]) for r in quotes.itertuples())
    assert (quotes["cue"].str.strip() != "").all()


def test_speakers_are_actors(mentions, quotes):
    named = set(quotes["speaker"]) - {""}
    assert named <= set(mentions["actor"])


def test_transcript_quotes_start_after_the_bracket(docs, quotes):
    lines = quotes[quotes["cue"] == "(聲音來源)"]
    assert len(lines) == 4
    assert all(docs.loc[r.doc_id, r.field][r.quote_start - 1] == "「" for r in lines.itertuples())


def test_seed_speakers(quotes):
    seed = quotes[quotes["doc_id"].str.startswith(SEED.stem + ":")]
    assert SEED_SPEAKERS <= set(seed["speaker"])


def test_conventions_on_the_seed(mentions):
    """Spot checks of the README's conventions on the seed page's article."""
    article = mentions[mentions["doc_id"] == SEED.stem + ":00"]
    got = set(zip(article["mention"], article["actor"], article["type"]))
    assert {("中華民國外交部", "外交部", "organisation"), ("Kelly Craft", "克拉夫特", "person"),
            ("美方", "美國", "place"), ("駐紐約台北經濟文化辦事處", "駐紐約辦事處", "organisation")} <= got
    assert not {"總統", "大使", "發言人", "台美", "美台", "臉書"} & set(article["mention"])
    assert ("蔡總統", "蔡英文") in set(zip(mentions["mention"], mentions["actor"]))
    assert {"中共": "organisation", "中國": "place"} == dict(
        mentions[mentions["actor"].isin(["中共", "中國"])][["actor", "type"]].drop_duplicates().to_numpy())


# The extractor against the gold: the goals, kept as a floor (the figures are in benchmarks/actors.py).
@pytest.fixture(scope="module")
def scored():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from actors import load_gold, score_mentions, score_quotes

    from analysis import actors, quotes

    docs, gold_mentions, gold_quotes = load_gold()
    return score_mentions(actors(docs, unique=False), gold_mentions), \
        score_quotes(quotes(docs, unique=False), gold_quotes), quotes(load_corpus(SEED), unique=False)


@pytest.mark.parametrize("kind", ["person", "organisation"])
def test_people_and_organisations_meet_the_goals(scored, kind):
    strict = scored[0]["strict"][kind]
    assert strict["precision"] >= 0.90 and strict["recall"] >= 0.85, strict


def test_every_required_speaker_of_the_seed_page_is_found(scored):
    assert SEED_SPEAKERS <= set(scored[2]["speaker"])
