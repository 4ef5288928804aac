"""How well ``stories`` finds planted stories in synthetic crawls, for a grid of thresholds and windows.

    python benchmarks/stories.py [--crawls 3] [--stories 80] [--background 400]

Each synthetic crawl (:func:`make_crawl`, seeded) holds stories whose truth is known: an original
report, exact copies on other outlets (same title and text), rewrites (its sentences reordered, words
replaced by synonyms, a sentence dropped, a new headline) and follow-ups (new sentences about the
same people, place and topic, repeating one or two key sentences of the original) over up to a week;
some stories return months later to the same people and topic as a new event (a separate story in
the truth), and unrelated background documents, written from the same templates and names, fill the
year. Sentences of the seed page are mixed in as shared filler. The adjusted Rand index
(:func:`sklearn.metrics.adjusted_rand_score`) of :func:`analysis.stories` against the planted grouping
is printed for each threshold and window, averaged over the crawls, then the seed-page checks.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import load_corpus, stories, tfidf_model  # noqa: E402
from analysis.config import PACKAGE_DIR, SEEDS_DIR  # noqa: E402

THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]
WINDOWS = [1.0, 3.0, 7.0, 14.0, 30.0, 36500.0]
OUTLETS = ["中央社", "自由時報", "聯合報", "中時新聞網", "ETtoday", "新唐人", "大紀元", "公視新聞", "民視新聞",
           "三立新聞"]
TOPICS = ["國防預算", "半導體出口", "疫苗採購", "能源轉型", "農產品外銷", "移工政策", "空氣污染", "颱風災情",
          "食品安全", "房價管制", "基本工資", "海巡巡防", "網路詐騙", "長照服務", "少子化對策", "高鐵票價",
          "核廢料處置", "漁業協定", "關稅談判", "觀光補助", "原住民權益", "校園霸凌", "地震防災", "電價調漲"]
PLACES = ["台北", "高雄", "台中", "花蓮", "金門", "華盛頓", "東京", "布魯塞爾", "新加坡", "首爾", "台南", "澎湖"]
VERBS = ["宣布", "強調", "承諾", "證實", "呼籲", "批評"]
SYNONYMS = {"表示": "指出", "今天": "今日", "會面": "會晤", "宣布": "公布", "政府": "當局", "計畫": "方案",
            "強調": "重申", "民眾": "國人", "相關": "有關", "將": "會", "問題": "議題", "預計": "估計"}
#: Templates of a story's sentences: {A} and {B} people or bodies, {P} a place, {T} a topic, {V} a verb, {N} a number.
SENTENCES = [
    "{A}今天在{P}與{B}會面，雙方就{T}交換意見。",
    "{A}表示，{T}是當前最重要的問題，政府將投入{N}億元推動相關計畫。",
    "{B}{V}，{T}的進度必須加快，並要求{A}在{N}天內提出報告。",
    "據了解，{A}此行預計停留{N}天，將在{P}出席{T}座談會。",
    "{B}發言人指出，{A}的說法與事實不符，{T}不應成為政治操作的工具。",
    "針對{T}，{A}{V}將邀集{B}與地方政府，在{P}召開跨部會會議。",
    "{A}在{P}受訪時說，{T}牽動民眾生活，盼{B}支持修法。",
    "學者分析，{A}與{B}在{T}上的分歧，恐影響{P}的後續發展。",
    "{B}今晚發布新聞稿，{V}已完成{N}項{T}措施的評估。",
    "{A}也提到，{P}的{T}經驗值得參考，未來{N}年將持續合作。",
]
TITLES = ["{A}與{B}會面 聚焦{T}", "{A}赴{P} {V}{T}", "{T}爭議 {B}:{A}說法不符事實", "{A}{V}{T} 投入{N}億",
          "{B}要求{A}{N}天內提出{T}報告", "{P}座談 {A}談{T}"]


def _names(rng: random.Random) -> list[str]:
    """People and bodies from the kit's names list, for the {A} and {B} slots."""
    lines = (PACKAGE_DIR / "data" / "names.txt").read_text(encoding="utf-8").splitlines()
    names = [line.split()[0] for line in lines
             if line and not line.startswith("#") and line.split()[-1] in ("nr", "nt")]
    names = sorted({n for n in names if 2 <= len(n) <= 6})
    rng.shuffle(names)
    return names[:300]


def _clauses() -> list[str]:
    """Clauses of the seed page's sentences, recombined into filler that every story shares a little of."""
    docs = load_corpus(SEEDS_DIR)
    return sorted({c for t in docs["text"] for c in re.split(r"[,，;；。！？!?\s]+", t) if len(c) >= 6})


def make_crawl(*, stories_n: int = 80, background: int = 400, seed: int = 0) -> tuple[pd.DataFrame, list[int]]:
    """A documents table (through :func:`analysis.load_corpus`) and each document's planted story."""
    rng = random.Random(seed)
    names, clauses = _names(rng), _clauses()
    weights = [1 / (r + 1) ** 0.5 for r in range(len(names))]  # some names in many stories, as in the news

    def filler(k: int) -> list[str]:
        return ["，".join(rng.sample(clauses, 2)) + "。" for _ in range(k)]

    def event() -> dict:
        a, b = rng.choices(names, weights=weights, k=2)
        return {"A": a, "B": b if b != a else names[-1], "P": rng.choice(PLACES), "T": rng.choice(TOPICS)}

    def fill(template: str, e: dict) -> str:
        return template.format(V=rng.choice(VERBS), N=rng.randint(2, 90), **e)

    def write(e: dict, k: int) -> list[str]:
        return [fill(t, e) for t in rng.sample(SENTENCES, k)]

    rows, truth, events = [], [], []
    start = pd.Timestamp("2021-01-01")

    def add(title: str, sentences: list[str], day: float, label: int) -> None:
        rows.append({"title": title, "text": "".join(sentences), "outlet": rng.choice(OUTLETS),
                     "published": (start + pd.Timedelta(days=day)).floor("min")})
        truth.append(label)

    for s in range(stories_n):
        e = event()
        day = rng.uniform(0, 330)
        if s % 8 == 7:  # the people and topic of an earlier story return weeks later, as a new event
            earlier, then = events[rng.randrange(len(events))]
            e = dict(e, A=earlier["A"], B=earlier["B"], T=earlier["T"])
            day = then + rng.uniform(30, 120)
        events.append((e, day))
        original = write(e, 4) + filler(3)
        title = fill(rng.choice(TITLES), e)
        add(title, original, day, s)
        for _ in range(rng.choice([0, 0, 1, 2, 4])):  # exact copies: the same title and text elsewhere
            add(title, original, day + rng.uniform(0, 1), s)
        for _ in range(rng.choice([0, 1, 1, 2, 3])):  # rewrites: reordered, reworded, shortened
            sentences = rng.sample(original, len(original))[:-1] + filler(1)
            text = "".join(sentences)
            for word, other in SYNONYMS.items():
                if rng.random() < 0.6:
                    text = text.replace(word, other)
            add(fill(rng.choice(TITLES), e), [text], day + rng.uniform(0, 3), s)
        for _ in range(rng.choice([0, 1, 1, 2, 3])):  # follow-ups: new sentences, one or two key ones repeated
            add(fill(rng.choice(TITLES), e), rng.sample(original[:4], rng.randint(1, 2)) + write(e, 3)
                + filler(2), day + rng.uniform(1, 6), s)
    for i in range(background):
        e = event()
        add(fill(rng.choice(TITLES), e), write(e, 4) + filler(3), rng.uniform(0, 450), stories_n + i)
    frame = pd.DataFrame(rows)
    frame["published"] = frame["published"].dt.strftime("%Y-%m-%d %H:%M")
    return load_corpus(frame), truth


def grid(crawls: list[tuple[pd.DataFrame, list[int]]]) -> pd.DataFrame:
    """Mean adjusted Rand index over the crawls, a row per threshold, a column per window (days)."""
    models = [tfidf_model(docs) for docs, _ in crawls]
    table = {}
    for window in WINDOWS:
        table[window] = [sum(adjusted_rand_score(truth, stories(docs, threshold=t, window_days=window,
                                                                model=m)["story_id"])
                             for (docs, truth), m in zip(crawls, models)) / len(crawls) for t in THRESHOLDS]
    return pd.DataFrame(table, index=pd.Index(THRESHOLDS, name="threshold")).rename(
        columns=lambda w: "no window" if w > 1000 else f"{w:g} d")


def seed_checks() -> dict[str, bool]:
    """The seed page's expectations: the two items sharing the Pompeo lead, and the article with the item
    that repeats its lead, each one story."""
    docs = load_corpus(SEEDS_DIR)
    got = stories(docs).set_index("doc_id")["story_id"]
    by_title = {t: d for t, d in zip(docs["title"], docs["doc_id"])}

    def one(*fragments: str) -> bool:
        ids = [next(d for t, d in by_title.items() if f in t) for f in fragments]
        return got[ids].nunique() == 1

    return {"items sharing the Pompeo lead: one story": one("外交部:與AIT協調中", "讚台可靠夥伴"),
            "article and the item repeating its lead: one story": one("美台外交突破", "美駐UN大使會台代表")}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--crawls", type=int, default=3, help="synthetic crawls (seeds 0, 1, ...)")
    p.add_argument("--stories", type=int, default=80, help="planted stories per crawl")
    p.add_argument("--background", type=int, default=400, help="unrelated documents per crawl")
    args = p.parse_args()
    crawls = [make_crawl(stories_n=args.stories, background=args.background, seed=s) for s in range(args.crawls)]
    sizes = [len(d) for d, _ in crawls]
    print(f"{args.crawls} crawls of {min(sizes)}-{max(sizes)} documents, {args.stories} planted stories "
          f"and {args.background} unrelated documents each\n")
    print("Adjusted Rand index of stories() against the planted stories (mean over the crawls):\n")
    print(grid(crawls).round(3).to_markdown() if _has_tabulate() else grid(crawls).round(3).to_string())
    print()
    for check, ok in seed_checks().items():
        print(f"seed page: {check}: {'yes' if ok else 'NO'}")


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()
