"""The lines a site prints on many of its pages, found across a crawl and taken out of its articles' texts."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis import CorpusError, CorpusWarning, content_id, drop_recurring_lines, read_corpus, recurring_lines
from analysis.recurring import COLUMNS

TITLES = ["颱風山陀兒逼近 南部嚴防豪雨", "山陀兒登陸高雄 全台停班停課", "山陀兒遠離 高雄災損逾億元",
          "台股大漲300點 外資買超", "總統出訪友邦 外交部說明行程", "棒球12強賽 中華隊奪冠",
          "男子撞路樹 送醫不治", "超商搶案 嫌犯落網", "機車竊案 警方追查", "新手機開賣 排隊人潮"]
BACKGROUND = "中度颱風山陀兒3日下午在高雄小港登陸，是1977年賽洛瑪颱風以來首個登陸高雄的颱風。"
FORMULA = "案件詳細情形仍待警方進一步調查。"
EVERY_PAGE = "每日好文推薦　天天看新聞"  # no word the page reader knows as the site's
COPYRIGHT = "某報網站內容未經同意不得轉載，違者依法追究。"
SECTION = "財經週報每週一出刊 歡迎索取"  # on three of ten pages, no sentence
MORE = ["屏東縣政府啟動緊急應變，開設收容處所安置撤離居民。", "外資今日賣超百億元，電子類股普遍走弱。",
        "外交部長在記者會上說明出訪細節，將與友邦元首會談。", "總教練賽後受訪時感謝球員的拚戰精神。",
        "醫師建議民眾養成規律運動習慣，並定期接受健康檢查。", "新制上路後，申請人數預估將較去年增加三成。",
        "農業部統計，初估農損金額已超過一億元，以香蕉最為嚴重。", "業者強調，新廠採用最先進製程，可望提升國際競爭力。",
        "主辦單位加開場次，仍一票難求，網路上出現高價轉售。", "檢方訊後依詐欺等罪嫌向法院聲請羈押獲准。"]
OTHER = ["市議會今天審查總預算，藍綠議員針對捷運延伸線經費激烈攻防。",
         "國際油價連續三天下跌，分析師預估下周汽柴油價格將調降。",
         "中央氣象署表示，鋒面明天南下，北部及東北部降雨機率提高。",
         "職棒球隊昨晚延長賽再見安打，終止五連敗，球迷湧入球場慶祝。",
         "衛福部公布最新統計，國人平均壽命較前年增加零點五歲。",
         "教育部宣布明年起擴大補助大專生學雜費，受惠學生約十萬人。",
         "颱風外圍環流影響，東半部山區有豪雨，請民眾避免進入山區。",
         "一家科技公司宣布在南部科學園區擴廠，預計創造兩千個工作機會。",
         "知名歌手今晚在小巨蛋開唱，門票開賣三分鐘即售罄。",
         "警方破獲跨境詐騙集團，逮捕二十名嫌犯，查扣現金千萬元。"]


def paragraphs(i: int) -> list[str]:
    paras = [f"〔記者王小明／台北報導〕{TITLES[i]}。{OTHER[i]}", MORE[i]]
    if i < 3:
        paras.append(BACKGROUND)  # a story's follow-ups repeat its background word for word
    if 6 <= i <= 8:
        paras.append(FORMULA)
    paras.append(EVERY_PAGE)
    if 3 <= i <= 5:
        paras.append(SECTION)
    paras.append(COPYRIGHT)
    return paras


def write_pages(folder, n=10):
    folder.mkdir()
    for i in range(n):
        top = ["某報電子報", "即時", "政治", "社會", TITLES[i], f"2024/10/0{1 + i % 9} 10:00"]
        text = "\n".join([*top, *paragraphs(i)])
        (folder / f"moubao_{1000 + i}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def read(path, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return read_corpus(path, **options)


def test_the_sites_lines_leave_the_texts_and_the_stories_and_formulas_stay(tmp_path):
    docs, problems = read(write_pages(tmp_path / "crawl"))
    texts = docs.loc[docs["kind"] == "article", "text"].tolist()
    assert not any(EVERY_PAGE in t or COPYRIGHT in t or SECTION in t for t in texts)
    assert sum(BACKGROUND in t for t in texts) == 3  # the story's background, repeated by its follow-ups
    assert sum(FORMULA in t for t in texts) == 3  # a sentence on a few pages: the reporter's
    assert all(t.startswith("〔記者王小明／台北報導〕") or t.startswith(TITLES[i]) for i, t in enumerate(texts))
    said = problems[problems["reason"].str.contains("the site's line on")]
    assert sorted(said["content"]) == sorted([EVERY_PAGE, COPYRIGHT, SECTION])
    assert set(said["action"]) == {"unplaced"}


def test_each_line_is_said_once_at_the_first_page_and_line_holding_it(tmp_path):
    folder = write_pages(tmp_path / "crawl")
    with pytest.warns(CorpusWarning) as caught:
        _, problems = read_corpus(folder)
    said = problems[problems["reason"].str.contains("the site's line on")].set_index("content")
    first = folder / "moubao_1000.txt"
    lines = first.read_text(encoding="utf-8").split("\n")
    assert said.loc[EVERY_PAGE, "source"] == str(first)
    assert said.loc[EVERY_PAGE, "line"] == lines.index(EVERY_PAGE) + 1
    assert said.loc[SECTION, "source"] == str(folder / "moubao_1003.txt")
    assert said.loc[COPYRIGHT, "reason"].startswith("the site's line on 10 of the 10 pages")
    messages = [str(w.message) for w in caught if "the site's line on" in str(w.message)]
    assert len(messages) == 3 and f"{first}:{lines.index(EVERY_PAGE) + 1}: " in "".join(messages)


def test_kept_when_asked_and_the_texts_are_then_as_read(tmp_path):
    folder = write_pages(tmp_path / "crawl")
    shaped, _ = read(folder, recurring_lines="keep")  # the default furniture="shape" takes the two no sentences
    assert sum(COPYRIGHT in t for t in shaped["text"]) == 10 and not any(EVERY_PAGE in t for t in shaped["text"])
    kept, problems = read(folder, recurring_lines="keep", furniture="rules")  # the page reader's texts alone
    assert sum(COPYRIGHT in t for t in kept["text"]) == 10
    assert not problems["reason"].str.contains("the site's line on").any()
    table = recurring_lines(kept)
    assert list(table.columns) == list(COLUMNS)
    assert table[["crawl", "line", "pages", "crawl_pages"]].values.tolist() == [[str(folder), *row] for row in [
        [COPYRIGHT, 10, 10], [EVERY_PAGE, 10, 10], [SECTION, 3, 10]]]


def test_changed_documents_get_their_content_id_and_truncation_again(tmp_path):
    docs, _ = read(write_pages(tmp_path / "crawl"))
    kept, _ = read(tmp_path / "crawl", recurring_lines="keep")
    articles = docs["kind"] == "article"
    assert (docs.loc[articles, "content_id"] != kept.loc[articles, "content_id"]).all()
    assert all(cid == content_id(title, text) for cid, title, text
               in docs.loc[articles, ["content_id", "title", "text"]].itertuples(index=False))
    assert not docs.loc[articles, "truncated"].any()
    related = ~articles
    assert docs.loc[related, "text"].tolist() == kept.loc[related, "text"].tolist()


def test_a_crawl_of_few_pages_and_lines_of_two_crawls_are_left_alone(tmp_path):
    assert read(write_pages(tmp_path / "few", n=2))[0]["text"].str.contains(COPYRIGHT).sum() == 2
    two = sorted(write_pages(tmp_path / "a", n=2).iterdir()) + sorted(write_pages(tmp_path / "b", n=2).iterdir())
    docs, problems = read(two)  # two pages of each of two folders: two crawls
    assert docs["text"].str.contains(COPYRIGHT).sum() == 4
    assert not problems["reason"].str.contains("the site's line on").any()
    rows = [{"title": TITLES[i], "outlet": "甲報" if i % 2 else "乙報", "content": f"第{i}篇。\n{EVERY_PAGE}"}
            for i in range(4)]  # four rows of one table, whatever their outlets
    docs, problems = read(pd.DataFrame(rows))
    assert not docs["text"].str.contains(EVERY_PAGE).any() and len(problems) == 1


def test_a_tables_rows_are_named_by_number(tmp_path):
    rows = [{"title": TITLES[i], "published": "2024-10-01", "outlet": "某報", "content": "\n".join(paragraphs(i))}
            for i in range(10)]
    pd.DataFrame(rows).to_csv(tmp_path / "export.csv", index=False)
    docs, problems = read(tmp_path / "export.csv")
    said = problems[problems["reason"].str.contains("the site's line on")].set_index("content")
    assert said.loc[SECTION, "line"] == 4 and said.loc[EVERY_PAGE, "line"] == 1
    assert not docs["text"].str.contains(COPYRIGHT).any()
    with pytest.raises(CorpusError, match="row 1: the site's line on 10 of the 10 pages of .*export.csv"):
        read_corpus(tmp_path / "export.csv", errors="raise")


def test_drop_recurring_lines_takes_a_table_of_lines_and_checks_nothing_else():
    docs = pd.DataFrame({"kind": ["article", "related"], "source": "c/p.txt", "page_id": "p",
                         "title": ["颱風來襲", "颱風"],
                         "text": ["颱風逼近。\n下載APP", "下載APP"], "truncated": [False, True],
                         "content_id": ["", ""]})
    with pytest.warns(CorpusWarning, match="the site's line on many pages of c"):
        out, problems = drop_recurring_lines(docs, lines=pd.DataFrame({"crawl": ["c"], "line": ["下載ＡＰＰ "]}))
    assert out["text"].tolist() == ["颱風逼近。", "下載APP"] and len(problems) == 1
    assert out.loc[0, "content_id"] == content_id("颱風來襲", "颱風逼近。")
    same, none = drop_recurring_lines(docs, lines=pd.DataFrame(columns=list(COLUMNS)))
    assert same is docs and none == []


def test_recurring_lines_must_be_drop_or_keep(tmp_path):
    with pytest.raises(ValueError, match="recurring_lines must be 'drop' or 'keep'"):
        read_corpus(pd.DataFrame({"title": ["a"], "content": ["b"]}), recurring_lines="remove")


def test_a_page_crawled_three_times_is_one_article_and_keeps_its_text(tmp_path):
    folder = write_pages(tmp_path / "crawl", n=1)
    copies = [folder / "moubao_1000.txt"]
    for sub in ("again", "once more"):
        (tmp_path / sub).mkdir()
        copies.append(tmp_path / sub / "moubao_1000.txt")
        copies[-1].write_bytes(copies[0].read_bytes())
    docs, problems = read(copies)
    assert docs.loc[docs["kind"] == "article", "text"].str.contains(COPYRIGHT).all()
    assert not problems["reason"].str.contains("the site's line on").any()


def test_headlines_that_differ_by_a_number_are_two_articles():
    texts = [f"{OTHER[i]}\n{EVERY_PAGE}" if i < 3 else OTHER[i] for i in range(10)]
    titles = ["颱風1號逼近", "颱風2號逼近", *["總預算審查藍綠攻防", "油價連三跌 下周調降", "鋒面南下北部轉雨",
                                          "延長賽再見安打終止連敗", "國人平均壽命增加", "大專生學雜費擴大補助",
                                          "東半部山區豪雨特報", "科技大廠南科擴廠"]]
    docs, problems = read(crawl_table(texts, titles=titles))
    assert not docs["text"].str.contains(EVERY_PAGE).any() and len(problems) == 1


def crawl_table(texts, titles=None):
    """A table of articles, one a row, with headlines that share no words unless given."""
    heads = titles or ["總預算審查藍綠攻防", "油價連三跌 下周調降", "鋒面南下北部轉雨", "延長賽再見安打終止連敗",
                       "國人平均壽命增加", "大專生學雜費擴大補助", "東半部山區豪雨特報", "科技大廠南科擴廠",
                       "天后小巨蛋開唱秒殺", "跨境詐團二十人落網"]
    return pd.DataFrame({"title": heads[:len(texts)], "text": texts})





def test_a_subheading_between_two_paragraphs_of_the_article_stays():
    texts = [f"{OTHER[i]}\n▌事件始末\n據報導，{OTHER[i + 5]}" if i < 4 else OTHER[i] for i in range(10)]
    docs, problems = read(crawl_table(texts))
    assert docs["text"].str.contains("▌事件始末").sum() == 4 and problems.empty


def test_the_rows_of_a_daily_template_and_wire_copy_on_related_pages_stay():
    """Air quality on four days (its rows repeat where the value does) and one wire story under four headlines,
    among unrelated articles: the pages of each are related beyond the line."""
    table = "環境部今天公布各空品區預報，北部及中部空氣品質普通至良好，南部對敏感族群不健康。"
    wire = "台積電今天舉行法人說明會，公布第一季財報，營收較去年同期成長百分之十六，毛利率優於預期。"
    texts = [f"{table}\n北部：良好\n竹苗：普通\n高屏：橘色提醒" if i < 4 else OTHER[i] for i in range(10)]
    texts += [f"{wire}\n外資分析師看好第二季營運\n{OTHER[i]}" for i in range(4)]
    docs, problems = read(crawl_table(texts, titles=[f"空品預報{i}" for i in "一二三四"] + OTHER[4:10]
                                      + ["台積電法說會", "晶圓代工龍頭財報亮眼", "半導體股價勁揚", "外資調升目標價"]))
    assert docs["text"].str.contains("北部：良好").sum() == 4
    assert docs["text"].str.contains("外資分析師看好第二季營運").sum() == 4 and problems.empty


def test_a_counters_number_is_folded_and_a_row_of_data_is_not():
    texts = [f"{OTHER[i]}\n已有{n}人分享" for i, n in enumerate([3817, 93, 1204, 57, 12, 8, 600, 1000, 44, 2])]
    docs, problems = read(crawl_table(texts))
    assert not docs["text"].str.contains("人分享").any() and len(problems) == 1
    texts = [f"{OTHER[i]}\n第一區：{i:02d} 11 17" for i in range(10)]
    assert read(crawl_table(texts))[0]["text"].str.contains("第一區").all()


def test_a_sentence_goes_only_from_nearly_every_page_of_a_crawl_of_ten_or_more():
    note = "本網站內容僅供參考，不代表本站立場。"
    docs, _ = read(crawl_table([f"{OTHER[i]}\n{note}" for i in range(10)]))
    assert not docs["text"].str.contains(note).any()
    docs, _ = read(crawl_table([f"{OTHER[i]}\n{note}" for i in range(9)]))  # a crawl of nine
    assert docs["text"].str.contains(note).all()
    docs, _ = read(crawl_table([f"{OTHER[i]}\n{note}" if i < 7 else OTHER[i] for i in range(10)]))  # on seven of ten
    assert docs["text"].str.contains(note).sum() == 7


def test_a_list_after_its_lead_in_a_row_of_data_and_a_closing_note_stay():
    """Among unrelated articles: a list introduced by the article (…如下：), the same election results on three
    pages, a series' closing note: the article's, though no sentence."""
    items = ["ATM領取", "登記入帳", "郵局臨櫃領取"]
    texts = [f"{OTHER[i]}\n領取方式如下：\n" + "\n".join(items) if i < 3 else OTHER[i] for i in range(10)]
    texts_read = read(crawl_table(texts))[0]["text"]
    assert texts_read.str.contains("郵局臨櫃領取").sum() == 3 and texts_read.str.contains("領取方式如下：").sum() == 3
    texts = [f"{OTHER[i]}\n1號 柯文哲 3,690,466票 26.46%" if i < 3 else OTHER[i] for i in range(10)]
    assert read(crawl_table(texts))[0]["text"].str.contains("柯文哲").sum() == 3
    texts = [f"{OTHER[i]}\n（待續）" if i < 3 else OTHER[i] for i in range(10)]
    assert read(crawl_table(texts))[0]["text"].str.contains("待續").sum() == 3


def test_a_crawl_of_one_daily_template_keeps_its_rows():
    """Five days of one air-quality report and nothing else: the crawl is compared with itself, and its pages
    share much (the rows repeat where the value does)."""
    frame = "環境部今天公布各空品區預報，北部及中部空氣品質普通至良好，南部對敏感族群不健康，建議減少戶外活動。"
    texts = [f"{frame}\n北部：良好\n竹苗：普通\n高屏：橘色提醒\n{MORE[i]}" for i in range(5)]
    docs, problems = read(crawl_table(texts, titles=[f"空品預報 第{i}日" for i in "一二三四五"]))
    assert docs["text"].str.contains("北部：良好").all() and problems.empty
