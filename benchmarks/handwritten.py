"""The baseline: the pipeline a researcher writes in a notebook, as a script.

    python benchmarks/handwritten.py CORPUS OUT

Parses the pages naively, segments every document with jieba.lcut, counts with a Counter, and
compares every pair with TfidfVectorizer and a dense cosine_similarity.
"""
import collections
import glob
import re
import sys

import jieba
import matplotlib
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

corpus, out = sys.argv[1], sys.argv[2]
rows = []
for path in sorted(glob.glob(f"{corpus}/*.txt")):
    lines = open(path, encoding="utf-8").read().split("\n")
    i = lines.index("相關新聞")
    y, m, d = re.search(r"(\d{4}) 年 (\d{2}) 月 (\d{2}) 日", lines[1]).groups()
    body = "\n".join([re.sub(r"^【.*?】", "", lines[1]), *lines[2:i]])
    rows.append(dict(page=path, kind="article", title=lines[0], text=body, published=pd.Timestamp(f"{y}-{m}-{d}")))
    for j in range(i + 1, len(lines) - 2, 3):
        rows.append(dict(page=path, kind="related", title=lines[j + 1], text=lines[j + 2][19:],
                         published=pd.Timestamp(lines[j + 2][:19])))
df = pd.DataFrame(rows)
df["words"] = (df["title"] + " " + df["text"]).apply(jieba.lcut)
stop = set("的 了 是 在 和 與 及 也 都 ， 。 、 ！ ？ 「 」 : , ! ( ) ; ".split()) | {" "}
counts = collections.Counter(w for ws in df["words"] for w in ws if w.strip() and w not in stop)
pd.DataFrame(counts.most_common(), columns=["term", "count"]).to_csv(f"{out}/terms.csv", index=False)
tfidf = TfidfVectorizer(tokenizer=lambda x: x, preprocessor=lambda x: x, token_pattern=None, lowercase=False)
sim = cosine_similarity(tfidf.fit_transform(df["words"]))
np.fill_diagonal(sim, 0)
top = np.argsort(sim, axis=None)[::-1][:40]
pd.DataFrame([(df.title[a], df.title[b], sim[a, b]) for a, b in zip(*np.unravel_index(top, sim.shape))],
             columns=["a", "b", "similarity"]).to_csv(f"{out}/pairs.csv", index=False)
df.set_index("published").resample("MS").size().to_csv(f"{out}/timeline.csv")
plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "DejaVu Sans"]
pd.Series(counts).nlargest(20).plot.barh().figure.savefig(f"{out}/terms.png")
