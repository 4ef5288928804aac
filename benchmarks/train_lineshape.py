"""Fit the shape model of the site's lines (analysis.lineshape) on hand-annotated pages, and say how it does.

    python benchmarks/train_lineshape.py [SET ...] [--out PATH] [--check]

Each set is a folder of ``pages/NN.txt`` (a text page as a scraper saves it) and ``gold/NN.json`` (its article's
paragraphs under ``body``, one a line, as benchmarks/data/pages/CONVENTIONS.md says), by default every set under
benchmarks/data/pages (invented news in the layouts of Taiwanese, Hong Kong and overseas Chinese outlets, written
for the kit and annotated line by line). Every line the page reader keeps in an article's text is a sample: the
article's when the gold holds it, the site's when not. A logistic regression (scikit-learn, classes weighted by
their size) is fitted on the lines' features (analysis.lineshape.line_features), standardised, and written to
analysis/data/lineshape.txt, its numbers rounded so that the same pages give the same file. Out of fold (each set
left out in turn, five folds), it prints how many of the site's lines the step leaves out and how many of the
article's it loses at analysis.lineshape.THRESHOLD, a sentence or a list kept (kept_by_form). ``--check`` fits
and compares with the file instead of writing it (exit 1 when a number differs by more than a thousandth of it).
Run it again after changing the page reader: the lines it keeps are the samples.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import read_corpus  # noqa: E402
from analysis.lineshape import FEATURES, MODEL_FILE, THRESHOLD, kept_by_form, line_features  # noqa: E402

HERE = Path(__file__).resolve().parent
SETS = HERE / "data" / "pages"
_SPACE = re.compile(r"\s+")
# a byline in brackets opening a paragraph, which the reader takes out of the text it opens
_OPENING = re.compile(r"^(?:〔[^〕]*〕|【[^】]*】|[（(][^（）()]{2,30}(?:電|報導)[）)])+")


def _key(line: str) -> str:
    return _SPACE.sub("", _OPENING.sub("", line.strip()))


def samples(folder: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The features, labels (1: the article's) and forms kept whatever the model says (a sentence's end, a list:
    analysis.lineshape.kept_by_form) of the lines the reader keeps in the set's articles."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs, _ = read_corpus(folder / "pages", furniture="rules")  # what the rules keep: the step's own lines
    features, labels, forms = [], [], []
    for gold_file in sorted((folder / "gold").glob("*.json")):
        page = folder / "pages" / f"{gold_file.stem}.txt"
        if not page.exists():
            continue  # the sets' saved web pages are trafilatura's to read
        article = docs[(docs["kind"] == "article") & docs["source"].astype(str).str.endswith(f"/{page.name}")
                       & docs["source"].astype(str).str.contains(folder.name)]
        if article.empty:
            continue
        lines = [x for x in str(article["text"].iloc[0]).split("\n") if x.strip()]
        if not lines:
            continue
        body = {_key(x) for x in json.loads(gold_file.read_text(encoding="utf-8"))["body"]}
        features.append(line_features(lines))
        labels.extend(int(_key(x) in body) for x in lines)
        forms.extend(kept_by_form(lines))
    return ((np.vstack(features) if features else np.zeros((0, len(FEATURES)))), np.array(labels, dtype=int),
            np.array(forms, dtype=bool))


def fit(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """The features' means and scales, the weights and the intercept of the model fitted on ``X`` and ``y``."""
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(class_weight="balanced", max_iter=5000).fit((X - mean) / scale, y)
    return mean, scale, model.coef_[0], float(model.intercept_[0])


def model_text(mean: np.ndarray, scale: np.ndarray, weight: np.ndarray, intercept: float, *, lines: int) -> str:
    """The model as analysis.lineshape reads it, numbers to six significant digits."""
    head = [f"# analysis.lineshape's model: written by benchmarks/train_lineshape.py from {lines} lines",
            "# feature\tmean\tscale\tweight"]
    rows = [f"{name}\t{m:.6g}\t{s:.6g}\t{w:.6g}" for name, m, s, w in zip(FEATURES, mean, scale, weight)]
    return "\n".join([*head, *rows, f"intercept\t{intercept:.6g}"]) + "\n"


def _numbers(text: str) -> np.ndarray:
    """The numbers of a model's text, in order."""
    return np.array([float(x) for line in text.splitlines() if line and not line.startswith("#")
                     for x in line.split("\t")[1:]])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("sets", nargs="*", type=Path, help="folders of pages/ and gold/ (default: benchmarks/data/pages/*)")
    p.add_argument("--out", type=Path, default=MODEL_FILE)
    p.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = p.parse_args()
    folders = args.sets or sorted(x for x in SETS.iterdir() if (x / "gold").is_dir())
    parts = [(folder.name, *samples(folder)) for folder in folders]
    X = np.vstack([x for _, x, _, _ in parts])
    y = np.concatenate([labels for _, _, labels, _ in parts])
    forms = np.concatenate([f for *_, f in parts])
    groups = np.concatenate([[name] * len(labels) for name, _, labels, _ in parts])
    print(f"{len(folders)} sets, {len(y):,} lines kept by the reader: {int(y.sum()):,} the article's, "
          f"{int((y == 0).sum()):,} the site's")
    held = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=min(5, len(folders))).split(X, y, groups):
        mean, scale, weight, intercept = fit(X[train], y[train])
        held[test] = 1 / (1 + np.exp(-((X[test] - mean) / scale @ weight + intercept)))
    out = (held < THRESHOLD) & ~forms
    print(f"out of fold, below {THRESHOLD}, neither a sentence nor a list: {int((out & (y == 0)).sum())} of the site's "
          f"{int((y == 0).sum())} lines left out, {int((out & (y == 1)).sum())} of the article's "
          f"{int(y.sum())} lost")
    text = model_text(*fit(X, y), lines=len(y))
    if args.check:  # the same numbers to a thousandth of each (another machine's arithmetic may round otherwise)
        same = args.out.exists() and _numbers(args.out.read_text(encoding="utf-8")).shape == _numbers(text).shape \
            and np.allclose(_numbers(args.out.read_text(encoding="utf-8")), _numbers(text), rtol=1e-3, atol=1e-6)
        print(f"{args.out}: {'the same' if same else 'differs'}")
        raise SystemExit(0 if same else 1)
    args.out.write_text(text, encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
