"""Does word discovery find the words a segmenter lacks, and do they then come out whole?

    python benchmarks/discovery.py [--seed 0]

The corpus is synthetic, so that the right answer is known and the kit has never seen it: 44
templates (8 headlines, 36 sentences) in the style of Taiwanese news of 2020-2022, written for this
benchmark, with their wording varied (``[表示|指出]``) and their slots filled at random (fixed seed)
from words the segmenter knows (cities, officials, agencies, times, numbers) and from 30 *planted*
words it does not know: names of the epidemic years and of new politicians, each of which the
current segmenter cuts into pieces (checked when the benchmark runs). A page is a headline and 6 to
10 sentences. One more corpus adds three real sentences of the seed page to every page, so that
real news, with its own recurring phrases, surrounds the planted words.

For each corpus it prints

- precision: the share of accepted words that are planted words or other true words of the
  templates (:data:`OTHER_WORDS`, judged by hand; every other accepted word is printed, so that a
  reader can judge it too);
- planted recall: the share of planted words found and accepted;
- the share of the planted words' occurrences that the segmenter cuts whole, before and after the
  accepted words are added through a temporary user dictionary (the project dictionary is not
  touched);

(recall and the whole-cut shares count the planted words that the segmenter cuts into pieces
today: should a later dictionary hold one, it is named and left out);
- the seconds :func:`analysis.discover_words` took (segmentation included).

The templates were revised once after a first run, where vaccines only ever opened a sentence and
the wording between slots never varied (both unlike news); the thresholds of
:mod:`analysis.discovery` were chosen on this benchmark together with real text read in place (UD
Chinese GSD and Sinica Treebank sentences, where they keep phrases such as 不知道 and 三十 out).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import load_corpus  # noqa: E402
from analysis.config import SEEDS_DIR  # noqa: E402
from analysis.discovery import accept_words, discover_words  # noqa: E402
from analysis.segmentation import get_segmenter, segment_many  # noqa: E402

#: Words the segmenter lacks, by slot: what discovery should find (each was cut into pieces when chosen).
PLANTED = {
    "new_person": ["吳怡農", "林秉樞", "張其祿", "黃玲娟"],
    "case": ["本土病例", "境外移入", "突破性感染", "群聚感染", "無症狀感染者"],
    "vaccine": ["國產疫苗", "公費疫苗"],
    "dose": ["追加劑", "混打"],
    "measure": ["三級警戒", "微解封", "實聯制", "居家檢疫", "自主健康管理"],
    "site": ["防疫旅館", "篩檢站", "專責病房"],
    "test": ["唾液快篩", "快篩試劑", "快篩陽性"],
    "voucher": ["五倍券", "振興券", "國旅券"],
    "topic": ["珍愛藻礁", "變種病毒", "疫苗覆蓋率"],
}
#: Words the segmenter knows (or that are not the point), by slot.
KNOWN = {
    "center": ["中央流行疫情指揮中心", "指揮中心"],
    "person": ["蘇貞昌", "柯文哲", "侯友宜", "陳其邁", "盧秀燕", "黃偉哲", "林佳龍", "蔡英文", "賴清德", "莊人祥"],
    "city": ["台北市", "新北市", "桃園市", "台中市", "台南市", "高雄市", "基隆市", "新竹縣", "花蓮縣", "屏東縣"],
    "when": ["今天", "昨天", "上午", "下午", "晚間", "稍早", "今日", "日前"],
    "agency": ["衛福部", "疾管署", "教育部", "經濟部", "行政院", "市政府", "縣政府", "衛生局"],
    "place": ["醫院", "學校", "車站", "夜市", "市場", "機場", "社區", "公司"],
    "vaccine_known": ["高端疫苗", "莫德納", "輝瑞"],
}
#: Title templates and body templates: a slot is {kind} ({n} a number), [a|b|c] a choice of wording.
TITLES = [
    "{center}[宣布|決定]{measure}[延長|再延]至{n}日",
    "{new_person}：{test}民眾[應|須]主動[通報|就醫]",
    "{city}[新增|再增]{n}例{case} {person}籲民眾[配合|小心]",
    "[搶打|預約]{vaccine} {dose}效果[受關注|引討論]",
    "{voucher}{when}[開放|開始]登記 {agency}[說明|解釋]",
    "{topic}[爭議|討論][延燒|升溫] {new_person}回應",
    "{site}[量能|人力]不足 {city}[再增設|將擴充]",
    "{person}[與|和]{new_person}{when}[會面|同台] 談{measure}",
]
SENTENCES = [
    "{center}{when}[公布|宣布|證實]新增{n}例{case}，其中{n}例[為|是]{case}。",
    "[指揮官|部長]{new_person}[表示|指出|強調]，{measure}將[視|依]疫情[調整|檢討]。",
    "{new_person}{when}[在|於]記者會[上|中][說|表示]，民眾若{test}，[應|須]儘速[就醫|通報]。",
    "{city}長{person}[指出|表示]，{site}已[增加|擴充]到{n}處，民眾可[就近|直接]前往。",
    "{agency}{when}[表示|宣布]，[民眾|長者]接種{vaccine}第二劑將[於|在]{n}月[開打|施打]。",
    "[專家|醫師|學者]{new_person}[認為|表示|指出]，{dose}[可以|能夠]提高保護力。",
    "[對於|關於]{topic}，{new_person}[坦言|表示]仍[需要|有待]更多討論。",
    "[據|根據]{center}[統計|資料]，{city}{when}[出現|發生]{case}。",
    "民眾[反映|抱怨]{test}[難以|不易]取得，{agency}[承諾|表示]下週補貨。",
    "{person}[強調|說]，{voucher}[可在|能在]{place}使用，期限[至|到]年底。",
    "{new_person}[說|表示]，{case}個案[多|大多]與{place}有關。",
    "{center}[提醒|呼籲]，[出入|前往]{place}[須|應]落實{measure}。",
    "據了解，{site}每日[可|能]服務{n}人，{test}者將[轉送|送往]{site}。",
    "{city}[自|從]{n}日起[調整|放寬]{measure}，{place}[恢復|重新]營業。",
    "立委{new_person}[質詢時|今天]追問{vaccine}的保護力[數據|資料]。",
    "{person}{when}[視察|前往]{site}，[肯定|感謝]第一線人員。",
    "{agency}[統計|指出]，{topic}已[達|到]{n}%，[仍|還]低於[鄰近國家|日韓]。",
    "面對{case}[增加|攀升]，{new_person}[呼籲|提醒]民眾減少[移動|外出]。",
    "[國外|國內]施打{vaccine}[與|和]{vaccine_known}{dose}的[研究|試驗]結果{when}出爐。",
    "有民眾{test}後[自行|自己]前往{site}，{city}[衛生局|市府]說明流程。",
    "{new_person}[與|和]{person}{when}[同台|對談]，[討論|談]{topic}。",
    "[由|據]{center}說明，{case}的感染源[仍|還]在調查[中|當中]。",
    "[許多|部分]{place}[業者|店家]說，{measure}延長[讓|使]營收再下滑。",
    "{city}議員[要求|希望]市府公開{site}的名單。",
    "{agency}[宣布|決定]{voucher}加碼，{person}[表示|認為]樂觀其成。",
    "{new_person}[指出|認為]，{topic}的影響將在{n}週後[顯現|浮現]。",
    "記者會上，{new_person}[一一|逐一]回答{test}的[相關|各種]問題。",
    "因應{case}，{city}[的|多處]{place}[暫停開放|關閉]{n}天。",
    "[已|曾]接種{vaccine}的民眾{when}[起|開始]可[登記|預約]{dose}，{agency}[呼籲|鼓勵]踴躍接種。",
    "{new_person}{when}[坦言|承認]，{measure}對經濟[衝擊|影響]不小。",
    "不少{place}[設置|設立]{test}專區，[方便|讓]民眾檢測。",
    "{person}[批評|質疑]{center}[對|面對]{topic}[反應|處理]太慢。",
    "疫情指揮官{new_person}[強調|提醒]，{case}[仍|還]有上升風險。",
    "{city}{when}[啟用|開設]新的{site}，可[容納|服務]{n}人。",
    "[學者|醫師]{new_person}[分析|表示]，{dose}的副作用[多半|大多]輕微。",
    "{agency}[提醒|呼籲]，[領取|兌換]{voucher}[須|要]攜帶健保卡。",
]

#: Other words of the templates and slots that a reader would call words though the segmenter may lack
#: them (judged by hand; counted as right in the precision).
OTHER_WORDS = {"指揮中心", "疫情指揮官"}


def fill(template: str, rng: random.Random) -> str:
    """A template with its slots filled and its choices made."""
    def slot(m: re.Match) -> str:
        if m[1] == "n":
            return str(rng.randint(2, 99))
        return rng.choice(PLANTED.get(m[1]) or KNOWN[m[1]])

    text = re.sub(r"\[([^\]]+)\]", lambda m: rng.choice(m[1].split("|")), template)
    return re.sub(r"\{(\w+)\}", slot, text)


def make_pages(pages: int, *, seed: int = 0) -> pd.DataFrame:
    """Synthetic pages: a title and 6 to 10 sentences each."""
    rng = random.Random(seed)
    rows = [{"title": fill(rng.choice(TITLES), rng),
             "text": "".join(fill(rng.choice(SENTENCES), rng) for _ in range(rng.randint(6, 10)))}
            for _ in range(pages)]
    return pd.DataFrame(rows)


def whole_share(texts: list[str], words: list[str], *, userdict=None) -> float:
    """The share of the words' occurrences that the segmenter cuts as one piece."""
    occurrences = sum(t.count(w) for t in texts for w in words)
    pieces: Counter[str] = Counter()
    for cut in segment_many(texts, userdict=userdict).values():
        pieces.update(p for p in cut if p in words)
    return sum(pieces.values()) / occurrences


def seed_sentences() -> list[str]:
    """The seed page's sentences (real news), to surround the planted words with."""
    docs = load_corpus(SEEDS_DIR)
    return sorted({s for t in docs["text"] for s in re.findall(r"[^。！？]+[。！？]", t) if len(s) >= 8})


def measure(docs: pd.DataFrame, planted: list[str], new: list[str]) -> dict:
    """Discover words in ``docs``, accept them into a temporary dictionary, and score both steps.

    ``new`` are the planted words the segmenter cuts into pieces today: recall and the whole-cut
    shares are measured on them.
    """
    texts = list(dict.fromkeys(docs["title"] + "\n" + docs["text"]))
    start = time.perf_counter()
    table = discover_words(docs)
    seconds = time.perf_counter() - start
    accepted = table.loc[table["accepted"], "word"].tolist()
    right = [w for w in accepted if w in planted or w in OTHER_WORDS]
    with tempfile.TemporaryDirectory() as tmp:
        userdict = accept_words(accepted, path=Path(tmp) / "discovered.txt")
        after = whole_share(texts, new, userdict=userdict)
    reasons = table.set_index("word")["reason"]
    return {"characters": sum(map(len, texts)), "accepted": len(accepted),
            "precision": len(right) / max(1, len(accepted)),
            "recall": sum(w in accepted for w in new) / len(new),
            "before": whole_share(texts, new), "after": after, "seconds": seconds,
            "wrong": [w for w in accepted if w not in right],
            "missed": [f"{w} ({reasons.get(w, 'rarer than min_count')})" for w in new if w not in accepted]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=0, help="random seed of the corpora (default: %(default)s)")
    args = parser.parse_args(argv)

    planted = [w for ws in PLANTED.values() for w in ws]
    seg = get_segmenter()
    new = [w for w in planted if seg(w) != [w]]
    if len(new) < len(planted):
        print("note: the segmenter now cuts these planted words whole; they are left out of recall and the "
              f"whole-cut shares: {[w for w in planted if w not in new]}")
    background = seed_sentences()
    corpora = {}
    for pages in (50, 300, 1000):
        corpora[f"synthetic, {pages} pages"] = make_pages(pages, seed=args.seed)
    mixed = make_pages(300, seed=args.seed)
    rng = random.Random(args.seed)
    mixed["text"] = [t + "".join(rng.sample(background, 3)) for t in mixed["text"]]
    corpora["synthetic + 3 seed-page sentences a page, 300 pages"] = mixed

    results = {name: measure(docs, planted, new) for name, docs in corpora.items()}
    print(f"{len(planted)} planted words, {len(new)} of them cut into pieces by the segmenter today")
    print("thresholds:", discover_words(["陳時中"]).attrs["thresholds"])
    print()
    print("| corpus | characters | accepted | precision | planted recall | planted cut whole: before | after "
          "| seconds |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, r in results.items():
        print(f"| {name} | {r['characters']:,} | {r['accepted']} | {r['precision']:.3f} | {r['recall']:.3f} | "
              f"{r['before']:.3f} | {r['after']:.3f} | {r['seconds']:.1f} |")
    print()
    for name, r in results.items():
        print(f"{name}: accepted, not planted: {r['wrong'] or 'none'}; planted, not accepted: {r['missed'] or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
