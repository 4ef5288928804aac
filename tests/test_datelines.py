"""Datelines that open an article and timestamps that open a related item, as other outlets write them too.

Dates are read as written with their precision; a stated time zone is named, never applied; a byline
is split into the reporters' names and the place they report from.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from analysis.datelines import PLACES, ZONES, parse_dateline, parse_timestamp, split_byline


@pytest.mark.parametrize("line, outlet, date, reporter, place, rest", [
    ("【新唐人亞太台 2020 年 09 月 17 日訊】來看到", "新唐人亞太台", "2020-09-17", "", "", "來看到"),
    ("【新唐人北京時間2020年09月18日訊】本文", "新唐人", "2020-09-18", "", "", "本文"),
    ("【大紀元2020年09月17日訊】本文", "大紀元", "2020-09-17", "", "", "本文"),
    ("【大紀元2020年09月17日訊】(大紀元記者王明報導)本文", "大紀元", "2020-09-17", "王明", "", "本文"),
    ("【大紀元2020年9月7日訊】（大紀元記者李華台北報導）本文", "大紀元", "2020-09-07", "李華", "台北", "本文"),
    ("【新唐人2020年09月18日讯】简体", "新唐人", "2020-09-18", "", "", "简体"),
])
def test_parse_dateline(line, outlet, date, reporter, place, rest):
    d = parse_dateline(line)
    assert (d["outlet"], d["date"], d["precision"], d["reporter"], d["reporter_place"], d["rest"]) == (
        outlet, pd.Timestamp(date), "day", reporter, place, rest)


def test_parse_dateline_rejects_body_text():
    assert parse_dateline("來看到,就在美國國務院次卿訪台前") is None


@pytest.mark.parametrize("line, outlet, zone, date, reporter, place, rest", [
    # time-zone words between outlet and date are not part of the outlet: they name the zone
    ("【新唐人北京時間2020年09月18日訊】本文", "新唐人", "Asia/Shanghai", datetime(2020, 9, 18), "", "", "本文"),
    ("【新唐人台北時間2020年09月18日訊】本文", "新唐人", "Asia/Taipei", datetime(2020, 9, 18), "", "", "本文"),
    ("【新唐人臺北時間2020年09月18日訊】本文", "新唐人", "Asia/Taipei", datetime(2020, 9, 18), "", "", "本文"),
    ("【大紀元香港時間2020年9月7日訊】本文", "大紀元", "Asia/Hong_Kong", datetime(2020, 9, 7), "", "", "本文"),
    ("【大紀元紐約時間2020年9月7日訊】本文", "大紀元", "America/New_York", datetime(2020, 9, 7), "", "", "本文"),
    ("【新唐人美東時間2020年9月7日訊】本文", "新唐人", "America/New_York", datetime(2020, 9, 7), "", "", "本文"),
    ("【新唐人當地時間2020年9月7日訊】本文", "新唐人", "", datetime(2020, 9, 7), "", "", "本文"),
    ("【新唐人北京时间2021年01月07日讯】简体", "新唐人", "Asia/Shanghai", datetime(2021, 1, 7), "", "", "简体"),
    # reporter brackets: half- and full-width, with ／ or /, 綜合報導, Simplified
    ("【大紀元2020年09月17日訊】（記者王明／綜合報導）本文", "大紀元", "", datetime(2020, 9, 17), "王明", "", "本文"),
    ("【大紀元2020年09月17日訊】(記者王明/台北報導)本文", "大紀元", "", datetime(2020, 9, 17), "王明", "台北", "本文"),
    ("【大紀元2020年09月17日訊】（大紀元記者王明綜合報導）本文", "大紀元", "", datetime(2020, 9, 17), "王明", "",
     "本文"),
    ("【大纪元2020年09月17日讯】(大纪元记者王明报导)本文", "大纪元", "", datetime(2020, 9, 17), "王明", "", "本文"),
    ("【大紀元2020年09月17日訊】（大紀元記者王明、李華台北報導）本文", "大紀元", "", datetime(2020, 9, 17),
     "王明、李華", "台北", "本文"),
    ("【大紀元2020年09月17日訊】（大紀元記者王明、李華華盛頓綜合報導）本文", "大紀元", "", datetime(2020, 9, 17),
     "王明、李華", "華盛頓", "本文"),
    # a bracket without 記者 is body text
    ("【新唐人亞太台 2020 年 09 月 17 日訊】(聲音來源)本文", "新唐人亞太台", "", datetime(2020, 9, 17), "", "",
     "(聲音來源)本文"),
    # an outlet whose name holds digits
    ("【香港01 2025 年 02 月 26 日訊】本文", "香港01", "", datetime(2025, 2, 26), "", "", "本文"),
    ("【8891汽車2024年1月2日訊】本文", "8891汽車", "", datetime(2024, 1, 2), "", "", "本文"),
    # no outlet, nothing after the dateline, impossible dates
    ("【2020年09月17日訊】本文", "", "", datetime(2020, 9, 17), "", "", "本文"),
    ("【大紀元2020年09月17日訊】", "大紀元", "", datetime(2020, 9, 17), "", "", ""),
    ("【大紀元2021年02月30日訊】本文", "大紀元", "", None, "", "", "本文"),
    ("【大紀元2021年13月01日訊】本文", "大紀元", "", None, "", "", "本文"),
])
def test_datelines_of_other_outlets(line, outlet, zone, date, reporter, place, rest):
    dateline = line[:len(line) - len(rest)]  # the brackets exactly as written
    assert parse_dateline(line) == {"outlet": outlet, "date": date, "precision": "day" if date else "",
                                    "day_of_month": None, "time_zone": zone, "reporter": reporter,
                                    "reporter_place": place, "dateline": dateline, "rest": rest}


# A byline alone opens the body: (first body line, outlet, reporter, place, date, precision, day of month, dateline).
# The rest is what follows the dateline. 2018-09-12 stands for a full date.
BYLINES = [
    # 大紀元: a dated bracket, then the reporter bracket
    ("【大紀元2018年09月12日訊】（大紀元記者程靜綜合報導）美國", "大紀元", "程靜", "", "2018-09-12", "day", None,
     "【大紀元2018年09月12日訊】（大紀元記者程靜綜合報導）"),
    ("【大纪元2018年09月12日讯】（大纪元记者程静综合报导）美国", "大纪元", "程静", "", "2018-09-12", "day", None,
     "【大纪元2018年09月12日讯】（大纪元记者程静综合报导）"),
    ("【大紀元2018年09月12日訊】（中央社記者王明台北12日電）美國", "大紀元", "王明", "台北", "2018-09-12", "day",
     None, "【大紀元2018年09月12日訊】（中央社記者王明台北12日電）"),   # a reprint: the date's outlet is the page's
    # 中央社: the day of the month only
    ("（中央社記者王明台北25日電）行政院", "中央社", "王明", "台北", None, "", 25, "（中央社記者王明台北25日電）"),
    ("（中央社記者王明、李華台北25日電）行政院", "中央社", "王明、李華", "台北", None, "", 25,
     "（中央社記者王明、李華台北25日電）"),
    ("（中央社華盛頓24日綜合外電報導）美國", "中央社", "", "華盛頓", None, "", 24, "（中央社華盛頓24日綜合外電報導）"),
    ("（中央社記者林芳如東京3日專電）日本", "中央社", "林芳如", "東京", None, "", 3, "（中央社記者林芳如東京3日專電）"),
    ("（中央社駐東京特派員楊明5日專電）日本", "中央社", "楊明", "東京", None, "", 5,
     "（中央社駐東京特派員楊明5日專電）"),
    ("（中央社台北1日電）總統府", "中央社", "", "台北", None, "", 1, "（中央社台北1日電）"),
    ("（中央社记者王明台北25日电）行政院", "中央社", "王明", "台北", None, "", 25, "（中央社记者王明台北25日电）"),
    ("（中央社华盛顿24日综合外电报导）美国", "中央社", "", "华盛顿", None, "", 24, "（中央社华盛顿24日综合外电报导）"),
    # 自由時報
    ("〔記者王明／台北報導〕梅雨", "", "王明", "台北", None, "", None, "〔記者王明／台北報導〕"),
    ("〔自由時報記者王明／台北報導〕梅雨", "自由時報", "王明", "台北", None, "", None,
     "〔自由時報記者王明／台北報導〕"),
    ("〔即時新聞／綜合報導〕美國", "", "", "", None, "", None, "〔即時新聞／綜合報導〕"),
    ("〔駐美特派員王明／華盛頓報導〕美國", "", "王明", "華盛頓", None, "", None, "〔駐美特派員王明／華盛頓報導〕"),
    ("〔編譯陳成良／綜合報導〕美國", "", "陳成良", "", None, "", None, "〔編譯陳成良／綜合報導〕"),
    ("〔记者王明／台北报导〕梅雨", "", "王明", "台北", None, "", None, "〔记者王明／台北报导〕"),
    ("〔即时新闻／综合报导〕美国", "", "", "", None, "", None, "〔即时新闻／综合报导〕"),
    # 聯合報
    ("（記者王明／台北報導）立法院", "", "王明", "台北", None, "", None, "（記者王明／台北報導）"),
    ("【聯合報／記者王明／台北即時報導】立法院", "聯合報", "王明", "台北", None, "", None,
     "【聯合報／記者王明／台北即時報導】"),
    ("【聯合報╱記者王明、李華╱高雄報導】港都", "聯合報", "王明、李華", "高雄", None, "", None,
     "【聯合報╱記者王明、李華╱高雄報導】"),
    ("【联合报／记者王明／台北即时报导】立法院", "联合报", "王明", "台北", None, "", None,
     "【联合报／记者王明／台北即时报导】"),
    # 中時
    ("（中時新聞網 記者王明）國防部", "中時新聞網", "王明", "", None, "", None, "（中時新聞網 記者王明）"),
    ("中國時報 記者王明／台北報導", "中國時報", "王明", "台北", None, "", None, "中國時報 記者王明／台北報導"),
    ("中國時報 記者王明、李華／台北報導 台股", "中國時報", "王明、李華", "台北", None, "", None,
     "中國時報 記者王明、李華／台北報導"),
    ("（中时新闻网 记者王明）国防部", "中时新闻网", "王明", "", None, "", None, "（中时新闻网 记者王明）"),
    # ETtoday, and others without brackets
    ("記者王明／台北報導", "", "王明", "台北", None, "", None, "記者王明／台北報導"),
    ("記者王明／綜合報導", "", "王明", "", None, "", None, "記者王明／綜合報導"),
    ("ETtoday新聞雲記者王明／台北報導", "ETtoday新聞雲", "王明", "台北", None, "", None,
     "ETtoday新聞雲記者王明／台北報導"),
    ("记者王明／台北报导", "", "王明", "台北", None, "", None, "记者王明／台北报导"),
    ("聯合報／記者王明／台北即時報導 立法院", "聯合報", "王明", "台北", None, "", None,
     "聯合報／記者王明／台北即時報導"),
    # Hong Kong: an outlet's dispatch (明報, 香港01), and a byline line of its own
    ("【明報專訊】港鐵公司宣布", "明報", "", "", None, "", None, "【明報專訊】"),
    ("【香港01】港鐵公司宣布，票價上調。", "香港01", "", "", None, "", None, "【香港01】"),
    ("（大紀元訊）港鐵公司宣布", "大紀元", "", "", None, "", None, "（大紀元訊）"),
    ("明報記者 陳美玲", "明報", "陳美玲", "", None, "", None, "明報記者 陳美玲"),
    # an outlet's byline on a line of its own, names and place apart by spaces or slashes
    ("台視新聞 記者陳怡君 蔡明哲 桃園報導", "台視新聞", "陳怡君、蔡明哲", "桃園", None, "", None,
     "台視新聞 記者陳怡君 蔡明哲 桃園報導"),
    ("壹蘋新聞網／李振豪報導", "壹蘋新聞網", "李振豪", "", None, "", None, "壹蘋新聞網／李振豪報導"),
    ("上報快訊／羅正漢 台北報導", "上報", "羅正漢", "台北", None, "", None, "上報快訊／羅正漢 台北報導"),
    ("央廣 編譯 黃美珍 綜合外電報導", "央廣", "黃美珍", "", None, "", None, "央廣 編譯 黃美珍 綜合外電報導"),
    ("民視新聞網 綜合報導", "民視新聞網", "", "", None, "", None, "民視新聞網 綜合報導"),
    ("【新頭殼newtalk】記者陳佩君／新北報導", "新頭殼newtalk", "陳佩君", "新北", None, "", None,
     "【新頭殼newtalk】記者陳佩君／新北報導"),  # a dispatch, then its reporter
]


@pytest.mark.parametrize("line, outlet, reporter, place, date, precision, day, dateline", BYLINES)
def test_bylines_of_other_outlets(line, outlet, reporter, place, date, precision, day, dateline):
    rest = line[len(dateline):].strip()
    assert parse_dateline(line) == {
        "outlet": outlet, "date": date and datetime.fromisoformat(date), "precision": precision, "day_of_month": day,
        "time_zone": "", "reporter": reporter, "reporter_place": place, "dateline": dateline, "rest": rest}
    assert line.startswith(dateline) and not rest.startswith(("（", "(", "〔", "【", "記者", "记者"))


def test_the_bylines_cover_every_style():
    outlets = {outlet for _, outlet, *_ in BYLINES}
    assert {"大紀元", "中央社", "自由時報", "聯合報", "中時新聞網", "中國時報", "ETtoday新聞雲", ""} <= outlets
    assert {"大纪元", "联合报", "中时新闻网"} <= outlets and len(BYLINES) >= 20


def test_a_day_of_the_month_can_be_read_back_from_the_dateline_column():
    """The documents table keeps the dateline as written; the day of the month is read back from it alone."""
    dateline = parse_dateline("（中央社記者王明台北25日電）行政院")["dateline"]
    assert parse_dateline(dateline)["day_of_month"] == 25 and parse_dateline(dateline)["rest"] == ""


@pytest.mark.parametrize("line", [
    "記者會上，部長表示",                       # 記者 in a word, no byline
    "記者王明台北報導",                          # without brackets a slash must stand before the place
    "（記者王明攝）本文",                        # a photo credit
    "(圖／記者王明攝)本文",
    "（記者王明）本文",                          # a reporter alone, in a bracket that names no outlet
    "【獨家】本文",
    "（中央社）本文",
    "（中央社記者王明台北32日電）本文",           # no such day
    "（中央社記者王明台北電）本文",               # no day
    "本文〔記者王明／台北報導〕",                 # not at the start
    "行政院今天表示（中央社記者王明台北25日電）",
    "〔記者會／台北，報導〕本文",                  # punctuation in the names
    "（中央社）本文",                              # an outlet alone in round brackets: a picture's credit
    "明報記者昨日到場採訪",                        # no name: a sentence
    "明報記者 陳美玲指出",
    "聯合報今天報導", "中央社 今天下午報導",       # an outlet's report, no reporter named
    "【報導者】偏鄉醫療困境調查", "【鏡週刊】獨家直擊",  # an outlet's label before a headline
    "明報記者遇襲", "聯合報記者獲獎", "中央社記者遭拘留",   # headlines about reporters
    "聯合報／獨家報導", "鏡週刊／深度報導", "風傳媒 觀點 報導",
])
def test_not_a_byline(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize("byline, names, place", [
    ("大紀元記者王明報導", "王明", ""),
    ("大紀元記者王明、李華台北報導", "王明、李華", "台北"),
    ("大紀元記者林芳如紐約報導", "林芳如", "紐約"),
    ("大紀元記者張婉婷臺北報導", "張婉婷", "臺北"),
    ("記者陳安華盛頓報導", "陳安", "華盛頓"),
    ("記者周子敬香港報導", "周子敬", "香港"),
    ("大紀元記者吳欣台灣台北報導", "吳欣", "台灣台北"),        # a run of place words is one place
    ("記者王明、記者李華高雄報導", "王明、李華", "高雄"),       # 記者 repeated before each name
    ("記者王明綜合報導", "王明", ""),                          # 綜合: a compiled report names no place
    ("記者王明台北綜合報導", "王明", "台北"),
    ("記者王明／綜合報導", "王明", ""),
    ("記者王明/花蓮報導", "王明", "花蓮"),
    ("記者王明／布達佩斯報導", "王明", "布達佩斯"),            # after a slash the place is taken as written
    ("大纪元记者王明、李华纽约报道", "王明、李华", "纽约"),
    ("記者江英台中報導", "江英", "台中"),
    ("記者王明報導", "王明", ""),
    ("聯合報／記者王明／台北即時報導", "王明", "台北"),          # 即時: a real-time report names no place
    ("聯合報╱記者王明╱台中報導", "王明", "台中"),
    ("駐美特派員王明／華盛頓報導", "王明", "華盛頓"),
    ("中央社記者王明華盛頓綜合外電報導", "王明", "華盛頓"),
    ("聲音來源", "", ""),
])
def test_split_byline(byline, names, place):
    assert split_byline(byline) == (names, place)


def test_every_zone_is_an_iana_name_and_every_place_a_word():
    from zoneinfo import ZoneInfo

    for word, zone in ZONES.items():
        assert zone == "" or ZoneInfo(zone).key == zone, word
    assert {"台北", "臺北", "華盛頓", "紐約", "香港", "新加坡"} <= set(PLACES) and "綜合" not in PLACES
    assert len(set(PLACES)) == len(PLACES) and all(len(p) >= 2 for p in PLACES)


@pytest.mark.parametrize("line", [
    "新唐人2020年09月17日訊】本文",          # no opening bracket
    "本文【大紀元2020年09月17日訊】",         # not at the start
    "【大紀元2020年09月17日】本文",           # no 訊
    "【大紀元二〇二〇年九月十七日訊】本文",     # digits only
    "",
])
def test_not_a_dateline(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize("line, expected, precision, rest", [
    ("2020-09-18 07:12:23來看到", datetime(2020, 9, 18, 7, 12, 23), "second", "來看到"),
    ("2021/01/15 12:56美國", datetime(2021, 1, 15, 12, 56), "minute", "美國"),
    ("2021-01-15T12:56:40美國", datetime(2021, 1, 15, 12, 56, 40), "second", "美國"),
    ("2021-01-15 12:56:4014日", datetime(2021, 1, 15, 12, 56, 40), "second", "14日"),
    ("2021-01-15美國", datetime(2021, 1, 15), "day", "美國"),
    ("2021-13-45 99:99:99美國", None, "", "美國"),
])
def test_parse_timestamp(line, expected, precision, rest):
    m, value, got = parse_timestamp(line)
    assert m is not None and value == expected and got == precision and line[m.end():] == rest


@pytest.mark.parametrize("line, expected, precision, rest", [
    ("2021.01.15美國", datetime(2021, 1, 15), "day", "美國"),
    ("2021-01-15\u300012:56:40美國", datetime(2021, 1, 15, 12, 56, 40), "second", "美國"),   # full-width space
    ("2021-01-15  12:56美國", datetime(2021, 1, 15, 12, 56), "minute", "美國"),
    ("2021-1-5 7:05美國", datetime(2021, 1, 5, 7, 5), "minute", "美國"),
    ("2021/01/15", datetime(2021, 1, 15), "day", ""),
    ("2021/01/15 00:00", datetime(2021, 1, 15), "minute", ""),      # midnight written is a minute, not a day
    ("2021-01-15 00:00:00美國", datetime(2021, 1, 15), "second", "美國"),
    ("2021-02-30 10:00美國", None, "", "美國"),           # impossible dates and times give None, no precision
    ("2021-02-29美國", None, "", "美國"),
    ("2021-01-15 24:00美國", None, "", "美國"),
    ("2020-02-29 23:59:59美國", datetime(2020, 2, 29, 23, 59, 59), "second", "美國"),
])
def test_timestamp_variants(line, expected, precision, rest):
    stamp = parse_timestamp(line)
    assert stamp.match is not None and line[stamp.match.end():] == rest
    assert (stamp.value, stamp.precision) == (expected, precision)


@pytest.mark.parametrize("line", ["相關新聞", "20210115 12:56", "21-01-15 12:56", " 2021-01-15", "美國2021-01-15",
                                  ""])
def test_not_a_timestamp(line):
    assert parse_timestamp(line) == (None, None, "")


@pytest.mark.parametrize("line, outlet, reporter", [
    ("By 星島頭條 記者 黃家樂", "星島頭條", "黃家樂"),     # an English site's "By"
    ("文／林宏達　編輯／陳芃", "", "林宏達"),              # the writer, then the editor's credit
    ("文字 李雪莉、楊智強", "", "李雪莉、楊智強"),          # 報導者's credits
])
def test_bylines_of_english_sites_and_magazines(line, outlet, reporter):
    found = parse_dateline(line)
    assert (found["outlet"], found["reporter"], found["rest"]) == (outlet, reporter, "")
