"""Who is named and who speaks: the kit's actors and quotes against a gold annotation made by hand.

    python benchmarks/actors.py

The gold (``tests/data/actors_gold/``, conventions in its README) covers every document of five
pages: the seed page and four pages written for the benchmark in other outlets' styles.

Mentions. A predicted mention is correct when its ``doc_id``, ``field``, ``start`` and ``end`` equal a
gold mention's and its ``actor`` is the same canonical name (strict); the lenient score only asks the
spans to overlap (one prediction for one gold mention), with the actor still the same. Precision,
recall and F1 for each type (``person``, ``organisation``, ``place``) and for all: a prediction counts
under the type it predicts, a gold mention under its own. The errors listed are the commonest missed
mentions (no prediction on that span), false mentions (a prediction on no gold span) and wrong actors
(the right span, another canonical name).

Quotes. Each gold quotation or reported statement is paired with the predicted quote in the same
document and field whose ``start`` is nearest its ``quote_start``, at most 15 characters away (pairs
are made nearest first, one to one). Speaker accuracy is the share of gold quotes whose pair has the
same speaker (an unnamed speaker is ``""``; a gold quote with no pair counts as wrong); precision is
the share of predicted quotes that have a gold quote nearby. Reported for the seed page and for the
written pages separately.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "actors_gold"
SEED_PAGE = ROOT / "seeds" / "000_bb4a6ccb6fd5c6e9.txt"
TYPES = ("person", "organisation", "place")
WINDOW = 15  # characters between a gold quote's start and its predicted quote's start
KEY = ["doc_id", "field", "start", "end"]


def load_gold(root: Path = GOLD) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The gold documents (the seed page, then the written pages), mentions and quotes."""
    from analysis import load_corpus

    docs = pd.concat([load_corpus(SEED_PAGE), load_corpus(root / "pages")], ignore_index=True)
    mentions = pd.read_csv(root / "mentions.csv", keep_default_na=False, encoding="utf-8")
    quotes = pd.read_csv(root / "quotes.csv", keep_default_na=False, encoding="utf-8")
    return docs, mentions, quotes


def _clean(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    df = df[columns].copy()
    for c in columns:
        if c in ("start", "end", "quote_start"):
            df[c] = df[c].astype(int)
        else:
            df[c] = df[c].fillna("").astype(str).str.strip()
    return df.reset_index(drop=True)


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "predicted": n_pred, "gold": n_gold}


def _table(pred: pd.DataFrame, gold: pd.DataFrame, pairs: list[tuple[int, int]]) -> dict:
    hit_p = {i for i, _ in pairs}
    hit_g = {j for _, j in pairs}
    out = {}
    for t in (*TYPES, "all"):
        ps = pred.index if t == "all" else pred.index[pred["type"] == t]
        gs = gold.index if t == "all" else gold.index[gold["type"] == t]
        out[t] = _prf(sum(i in hit_p for i in ps), len(ps), sum(j in hit_g for j in gs), len(gs))
    return out


def score_mentions(pred: pd.DataFrame, gold: pd.DataFrame, *, top: int = 10) -> dict:
    """Strict and lenient precision, recall and F1 by type, and the commonest errors.

    ``pred`` has at least ``doc_id, field, start, end, mention, actor, type`` (as ``analysis.actors``
    returns), ``gold`` the columns of ``mentions.csv``. Returns ``{"strict": {type: {precision,
    recall, f1, predicted, gold}}, "lenient": {...}, "missed": [(mention, actor, count)],
    "false": [(mention, actor, count)], "wrong_actor": [(mention, gold actor, predicted actor, count)]}``.
    """
    cols = [*KEY, "mention", "actor", "type"]
    pred, gold = _clean(pred, cols), _clean(gold, cols)
    pred = pred.drop_duplicates(KEY + ["actor"]).reset_index(drop=True)
    g_at = {tuple(r): j for j, r in enumerate(gold[KEY].itertuples(index=False))}
    strict, spans = [], set()
    for i, r in enumerate(pred.itertuples(index=False)):
        j = g_at.get((r.doc_id, r.field, r.start, r.end))
        if j is not None:
            spans.add(j)
            if gold.at[j, "actor"] == r.actor:
                strict.append((i, j))
    # Lenient: overlapping spans with the same actor, paired by the largest overlap first.
    candidates = []
    for (doc, field), g in gold.groupby(["doc_id", "field"]):
        p = pred[(pred["doc_id"] == doc) & (pred["field"] == field)]
        for i, pr in p.iterrows():
            for j, gr in g.iterrows():
                overlap = min(pr["end"], gr["end"]) - max(pr["start"], gr["start"])
                if overlap > 0 and pr["actor"] == gr["actor"]:
                    candidates.append((-overlap, i, j))
    lenient, used_p, used_g = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            lenient.append((i, j))
            used_p.add(i)
            used_g.add(j)
    p_at = {tuple(r) for r in pred[KEY].itertuples(index=False)}
    missed = collections.Counter(
        (r.mention, r.actor) for r in gold.itertuples(index=False) if (r.doc_id, r.field, r.start, r.end) not in p_at)
    false = collections.Counter(
        (r.mention, r.actor) for r in pred.itertuples(index=False) if (r.doc_id, r.field, r.start, r.end) not in g_at)
    right = {i for i, _ in strict}
    wrong = collections.Counter(
        (r.mention, gold.at[g_at[(r.doc_id, r.field, r.start, r.end)], "actor"], r.actor)
        for i, r in enumerate(pred.itertuples(index=False))
        if i not in right and (r.doc_id, r.field, r.start, r.end) in g_at)
    return {"strict": _table(pred, gold, strict), "lenient": _table(pred, gold, lenient),
            "missed": [(*k, n) for k, n in missed.most_common(top)],
            "false": [(*k, n) for k, n in false.most_common(top)],
            "wrong_actor": [(*k, n) for k, n in wrong.most_common(top)]}


def score_quotes(pred: pd.DataFrame, gold: pd.DataFrame, *, window: int = WINDOW, top: int = 10) -> dict:
    """Speaker accuracy of the gold quotes and precision of the predicted ones.

    ``pred`` has at least ``doc_id, field, start, speaker`` (as ``analysis.quotes`` returns), ``gold``
    the columns of ``quotes.csv``. Returns ``{"gold", "predicted", "found" (gold quotes with a predicted
    quote nearby), "speaker_right", "speaker_accuracy" (right / gold), "precision" (predicted quotes
    with a gold quote nearby / predicted), "wrong_speaker": [(gold, predicted, count)], "missed":
    [(speaker, cue, count)], "unmatched": [(speaker, count)]}``.
    """
    pred = _clean(pred, ["doc_id", "field", "start", "speaker"])
    gold = _clean(gold, ["doc_id", "field", "speaker", "cue", "quote_start"])
    candidates = []
    for (doc, field), g in gold.groupby(["doc_id", "field"]):
        p = pred[(pred["doc_id"] == doc) & (pred["field"] == field)]
        for j, gr in g.iterrows():
            for i, pr in p.iterrows():
                d = abs(pr["start"] - gr["quote_start"])
                if d <= window:
                    candidates.append((d, i, j))
    pairs, used_p, used_g = {}, set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            pairs[j] = i
            used_p.add(i)
            used_g.add(j)
    right = sum(pred.at[i, "speaker"] == gold.at[j, "speaker"] for j, i in pairs.items())
    wrong = collections.Counter((gold.at[j, "speaker"], pred.at[i, "speaker"]) for j, i in pairs.items()
                                if pred.at[i, "speaker"] != gold.at[j, "speaker"])
    missed = collections.Counter((r.speaker, r.cue) for j, r in gold.iterrows() if j not in pairs)
    unmatched = collections.Counter(r.speaker for i, r in pred.iterrows() if i not in used_p)
    return {"gold": len(gold), "predicted": len(pred), "found": len(pairs), "speaker_right": int(right),
            "speaker_accuracy": right / len(gold) if len(gold) else 0.0,
            "precision": len(used_p) / len(pred) if len(pred) else 0.0,
            "wrong_speaker": [(*k, n) for k, n in wrong.most_common(top)],
            "missed": [(*k, n) for k, n in missed.most_common(top)],
            "unmatched": [(k, n) for k, n in unmatched.most_common(top)]}


def _print_mentions(name: str, s: dict) -> None:
    print(f"\n## Mentions: {name}")
    print(f"{'type':<13} {'strict P':>8} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}   "
          f"{'gold':>5} {'pred':>5}")
    for t in (*TYPES, "all"):
        a, b = s["strict"][t], s["lenient"][t]
        print(f"{t:<13} {a['precision']:8.3f} {a['recall']:6.3f} {a['f1']:6.3f}   {b['precision']:9.3f} "
              f"{b['recall']:6.3f} {b['f1']:6.3f}   {a['gold']:5d} {a['predicted']:5d}")
    for key, label in (("missed", "missed"), ("false", "false"), ("wrong_actor", "wrong actor")):
        if s[key]:
            print(f"{label}: " + "; ".join(" / ".join(map(str, e[:-1])) + f" ×{e[-1]}" for e in s[key]))


def _print_quotes(name: str, s: dict) -> None:
    print(f"\n## Quotes: {name}")
    print(f"speaker accuracy {s['speaker_accuracy']:.3f} ({s['speaker_right']}/{s['gold']}; "
          f"{s['found']} found), precision {s['precision']:.3f} ({s['predicted']} predicted)")
    if s["wrong_speaker"]:
        print("wrong speaker (gold / predicted): "
              + "; ".join(f"{g or '∅'} / {p or '∅'} ×{n}" for g, p, n in s["wrong_speaker"]))
    if s["missed"]:
        print("missed (speaker / cue): " + "; ".join(f"{sp or '∅'} / {c} ×{n}" for sp, c, n in s["missed"]))
    if s["unmatched"]:
        print("no gold quote nearby (speaker): " + "; ".join(f"{sp or '∅'} ×{n}" for sp, n in s["unmatched"]))


def main() -> int:
    import analysis

    docs, gold_m, gold_q = load_gold()
    if not (callable(getattr(analysis, "actors", None)) and callable(getattr(analysis, "quotes", None))):
        print("analysis.actors and analysis.quotes are not available yet; nothing to score.", file=sys.stderr)
        return 1
    pred_m, pred_q = analysis.actors(docs), analysis.quotes(docs)
    seed = {d for d in docs["doc_id"] if d.startswith(SEED_PAGE.stem + ":")}
    print(f"# Actors and quotes against the gold: {docs['page_id'].nunique()} pages, {len(docs)} documents, "
          f"{len(gold_m)} mentions, {len(gold_q)} quotes")
    for name, keep in (("seed page", lambda d: d.isin(seed)), ("written pages", lambda d: ~d.isin(seed)),
                       ("all pages", lambda d: d == d)):
        _print_mentions(name, score_mentions(pred_m[keep(pred_m["doc_id"])], gold_m[keep(gold_m["doc_id"])]))
    for name, keep in (("seed page", lambda d: d.isin(seed)), ("written pages", lambda d: ~d.isin(seed)),
                       ("all pages", lambda d: d == d)):
        _print_quotes(name, score_quotes(pred_q[keep(pred_q["doc_id"])], gold_q[keep(gold_q["doc_id"])]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
