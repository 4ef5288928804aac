"""Small text helpers: content hashes, cut-off texts, first sentences, short labels, folding for comparison."""

from __future__ import annotations

import re

import pytest

from analysis.text import compact, content_id, first_sentence, is_site_line, is_truncated, shorten, site_line


def test_content_ids():
    assert content_id("美駐ＵＮ大使", "內文") == content_id("美駐UN大使 ", "內文")
    assert content_id("a", "b") != content_id("a", "c")


@pytest.mark.parametrize("a, b", [
    (("美駐ＵＮ大使", ""), ("美駐UN大使", "")),          # width variants
    (("台美  外交", "突破"), ("台美 外交", "突破")),       # runs of spaces
    ((" 標題\u3000", "\n內文\n"), ("標題", "內文")),       # edge spaces, full-width space
    (("標題", "第一段\n\n第二段"), ("標題", "第一段\n第二段")),
])
def test_content_id_ignores_width_and_whitespace(a, b):
    assert content_id(*a) == content_id(*b)


@pytest.mark.parametrize("a, b", [
    (("標題", "內文"), ("標題", "內文。")),
    (("ab", ""), ("a", "b")),            # the title-text boundary counts
    (("台灣", ""), ("臺灣", "")),         # variant characters are different texts
])
def test_content_id_tells_texts_apart(a, b):
    assert content_id(*a) != content_id(*b)


def test_content_id_is_16_hex_digits_and_stable():
    assert re.fullmatch(r"[0-9a-f]{16}", content_id("標題", "內文"))
    assert content_id("標題", "內文") == content_id("標題", "內文")


@pytest.mark.parametrize("text, cut", [("還發新", True), ("合作。", False), ("「自欺欺人」", False), ("", False)])
def test_is_truncated(text, cut):
    assert is_truncated(text) is cut


@pytest.mark.parametrize("text, cut", [
    ("訪台。  \n", False), ("真的嗎？", False), ("好!", False), ("等等…", False), ("(完)", False),
    ("《蘋果日報》", False), ("Kelly Craft.", False), ("   ", False), ("訪台,", True), ("13日", True),
    ("抵台。\n責任編輯：朱家儀\n核稿編輯：翁世航", False), ("報告。\n（譯者：陳昱婷／核稿：林克倫）", False),  # credits
])
def test_is_truncated_more_endings(text, cut):
    assert is_truncated(text) is cut


@pytest.mark.parametrize("text, first", [("甲。乙。", "甲。"), ("無標點", "無標點"), ("再升溫!美國", "再升溫!")])
def test_first_sentence(text, first):
    assert first_sentence(text) == first


@pytest.mark.parametrize("text, first", [
    ("  前後有空白。其後  ", "前後有空白。"), ("問？答。", "問？"), ("", ""), ("嘆！", "嘆！"),
])
def test_first_sentence_more(text, first):
    assert first_sentence(text) == first


@pytest.mark.parametrize("text, width, short", [
    ("美駐UN大使會台代表 允助台參與聯合國事務", 10, "美駐UN大使會台代…"),
    ("剛好十個字剛好十個字", 10, "剛好十個字剛好十個字"),        # exactly the width: not cut
    ("十一個字十一個字十一個", 10, "十一個字十一個字十…"),
    ("  多  個\n空白  ", 14, "多 個 空白"),                   # whitespace folded first
    ("短", 14, "短"),
])
def test_shorten(text, width, short):
    assert shorten(text, width) == short
    assert len(shorten(text, width)) <= width


def test_shorten_default_width_and_non_strings():
    assert shorten("一二三四五六七八九十一二三四五") == "一二三四五六七八九十一二三…"
    assert shorten(12345, 3) == "12…"


@pytest.mark.parametrize("text, folded", [
    ("美駐ＵＮ 大使\n訪台", "美駐UN大使訪台"),
    ("１２３，ａｂ", "123,ab"),
    ("\u3000台灣\t\r\n", "台灣"),
    ("", ""),
])
def test_compact(text, folded):
    assert compact(text) == folded


@pytest.mark.parametrize("line", [
    "高鐵列車停靠台中站。（中央社檔案照片）",                     # an archive's photo: a caption whatever it says
    "市長蔣萬安（圖）今天表示，將擴大補助。（中央社檔案照片）",
    "藍營縣市首長出席記者會。（本刊資料照）", "九龍城舊樓林立。（資料圖片）",
    "颱風路徑預測圖。（Hong Kong Observatory圖片）", "立法院議場。（鏡週刊編輯部攝）",
    "台北地方法院今天開庭。圖／聯合報系資料照片",               # a credit after the caption's sentence
    "▲點我看更多娛樂精彩新聞", "★訂閱新聞台YouTube頻道，直播不錯過！",
    "更多新聞：寒流來襲 低溫探6度",                               # a link to another article
    "關鍵字：金曲獎,巡演,休息", "Tags: 颱風 停班停課 Typhoon Signal 8", "相關字詞﹕旺角三級火 唐樓 劏房",
    "歡迎各界踴躍爆料", "本文為會員專享內容", "成為《報導者》的定期定額贊助者，支持深度報導。",
    "本文為《報導者》與公視合作之系列報導",
    "（編輯：林克倫）1131015", "攝影 余志偉", "責任編輯 張詠晴",
    "本網站之文字、圖片及影音，非經授權，不得轉載。", "Copyright © 2024 ETtoday.net All Rights Reserved.",
    # the notes under a story of suicide or drink-driving
    "自殺警語：珍惜生命，自殺不能解決問題，生命一定可以找到出路。",
    "＊珍惜生命，自殺不能解決問題，生活中若遇到困難可撥打安心專線1925。",
    "※ 安心專線：1925（依舊愛我）※ 生命線協談專線：1995※", "☆飲酒過量，有害健康。禁止酒駕，酒後不開車，安全有保障☆",
    "●喝酒不開車．開車不喝酒，酒駕一律吊扣駕照●", "壹蘋新聞網歡迎各界爆料，爆料專線：02-2345-6789",
    "更多內容，歡迎鏡週刊紙本雜誌、鏡週刊數位訂閱、了解內容授權資訊。",
    "中時新聞網提醒您：喝酒不開車，開車不喝酒。", "賭博問題求助熱線：1834 633｜切勿沉迷賭博",
    "投資理財有風險，本文所提個股僅供參考。", "投資涉及風險，證券價格可升可跌。", "（本文不代表本台立場）",
    "【颱風專區】颱風最新動態即時更新點我看", "盤後速報每日推播立即訂閱", "看更多精彩影片 立即下載 ➤",
    # a magazine's pitch to subscribe, a paywall's note, a stock photo, a video's credit and its player's time
    "更多內容，歡迎訂閱鏡週刊", "紙本雜誌／數位訂閱方案看這裡", "限時優惠月訂閱NT$199起",
    "訂閱商業周刊，每週掌握最新財經趨勢", "本文為天下雜誌訂戶專屬文章", "本文為鏡週刊第382期內容",
    "夜間公車乘客多為輪班工作者。（示意圖，取自Pixabay）",
    "（影片來源：東森新聞）", "00:00 / 01:58",
    # a share bar's row glued, the text's sizes, an agency's short name, a call for submissions
    "分享FacebookLINEX複製連結", "分享　Facebook　LINE　複製連結", "字體大小：小 中 大", "A+ A-",
    "工會成員在港口外集結抗議。（路透）", "民報歡迎各界投稿，來稿請附真實姓名、聯絡方式與個人簡介。",
    # a portal's link to the rest, the readers' reactions, a call to follow on Google News
    "在 MSN 上繼續閱讀", "你對這篇文章有什麼感覺？", "喜歡 2,315", "大心45", "新聞表態",
    "在 Google 新聞上追蹤聯合新聞網",
    # a player's controls, a text's size and a bookmark, a view count, an update's time, a translation's source
    "▶", "倍速 1x", "收聽新聞", "A", "加入書籤", "【字號】 大 中 小", "人氣 1,284",
    "追蹤中時新聞網Google新聞，掌握最新生活資訊", "（本文編譯自挪威《北海評論》9月9日專欄分析）",
    "挪威南部一處水庫，去年冬季水位一度降到歷史低點。（資料照，取自Pixabay）",
    # a link after an arrow whose headline holds a speaker's colon
    "►偏鄉長照據點經費不足 立委批：補助三年沒調過", "►出道15年首演媽媽沈若琳：想起一個人帶大我的外婆",
])
def test_more_of_the_sites_lines(line):
    assert is_site_line(line)


@pytest.mark.parametrize("line", [
    "柯文哲今天在臉書發文表示，自己問心無愧。（翻攝自柯文哲臉書）",   # a statement: the article's
    "相關新聞：立法院", "關鍵字：通膨 2022年台灣代表字出爐", "訂閱制電子報成新商機",
    "網友爆料指出，該店長期違規營業。", "該公司表示，未經授權不得轉載其作品，將提告。",
    "市府指出，會員制健身房的消費爭議增加。", "本文作者為台大教授。",
    # news of subscriptions, sponsors, savings and copyright, and subheadings (a review's probes)
    "理財專家建議，小資族可以定期定額投資台股ETF。", "他說，希望大家繼續支持我們。", "該活動的贊助者包括台積電與鴻海。",
    "報社推出數位訂閱方案，月費199元。", "市府設有爆料專線，民眾可檢舉違規攤販。", "成為會員可享免費停車，市府說明。",
    "法院認定，被告未經授權，不得任意轉載他人攝影作品，判賠10萬元。",
    "智慧局提醒，網路文章非經授權不得轉載，否則可能觸法。",
    "該出版社在書末註明「版權所有，翻印必究」，但仍遭大量盜版。", "支持度不升反降", "支持者怎麼看？", "訂閱制成主流",
    "柯文哲在臉書發文說他不會退選（翻攝自柯文哲臉書）", "他在臉書上傳一張與母親的合照（見照片）",
    # a read-through's: sentences with an account, a fan page, privacy terms, authorisation, a 看更多 headline
    "市府今天開設LINE官方帳號。", "歌手宣布成立粉絲團。", "消費者同意隱私權條款後才能使用。",
    "本報記者取得授權文件顯示，市府隱匿疫情。", "看更多人選擇離開台北",
    # news of suicide prevention and drink-driving that mentions a helpline or says not to drive
    "警方呼籲民眾喝酒不開車，以免觸法。", "衛福部安心專線1925去年接聽量增加三成。", "市長呼籲民眾珍惜生命。",
    # a review's probes: helplines in the news, a teacher 張 and a year, the label law, a subheading, calls in news
    "衛福部統計，去年安心專線1925接聽量達20萬通，生命線1995也增加兩成。", "退休的張老師回憶，1980年他剛到學校任教時。",
    "新法規定酒類廣告必須以醒目字體標示「飲酒過量，有害健康」警語。", "【禁止酒駕新制】",
    "警方歡迎民眾爆料，並保證保密。", "市府表示，歡迎市民訂閱防災電子報。",
    "專家提醒，投資理財有風險，應量力而為。", "法官認為被告沉迷賭博，判刑一年。", "警方提醒您：喝酒開車將重罰。",
    "市府推出新方案，民眾可上網點我看。", "他們決定立即訂閱。", "政府呼籲民眾立即下載防災App。",
    "串流平台宣布調漲訂閱方案價格，引發用戶不滿。", "歡迎訂閱的用戶參加", "優惠方案吸引訂閱，業者表示成效不錯。",
    "比賽在19:30/20:30舉行", "路透報導，美國總統今天宣布新措施。（路透）", "分享經驗", "X光檢查結果出爐",
    "推文數創新高", "讚聲不斷", "在台北繼續閱讀計畫推動中", "A型流感病例增加", "人氣歌手今晚開唱", "更新後的系統上路",
    "本文編譯自外電，經整理。", "▶ 第一階段：10月1日起開放長者接種", "▶ 重點：明天起實施", "▶ 1. 申請資格",
])

def test_lines_that_stay_in_the_text(line):
    assert not is_site_line(line)


def test_a_phrase_marks_a_site_line_only_in_a_short_line():
    """A copyright notice is the site's in a footer's line, not in a long paragraph that mentions one."""
    assert site_line("Copyright © 2024 ETtoday.net All Rights Reserved.")
    assert not site_line("法院審理時，" + "雙方就著作權歸屬激烈攻防，" * 10 + "判決書引用了網站頁尾的 © 2024 字樣。")


def test_a_long_line_of_tags_in_latin_letters():
    """Tags of Latin words, one after another (the pattern reads each word one way only)."""
    assert is_site_line("Tags: " + "Typhoon Signal No 8 HKO Red Rain Black Rain Flood Alert " * 3)
    assert not is_site_line("Tags: " + "ab " * 30 + "!")
