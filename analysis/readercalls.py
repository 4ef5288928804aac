"""Lines a site addresses to its reader inside an article's text, found by their shape, not by outlet.

A scraper that keeps a page's visible text keeps, between an article's paragraphs, the lines a site
prints around every article: calls to join, follow, subscribe, listen or install (加入鏡週刊會員，免費閱讀
每週完整封面故事; 鎖定TVBS新聞YouTube頻道…; 收聽《鏡週刊》娛樂Podcast每週三上架), its own products named
with their promise (《央廣國際新聞Podcast》每天早上7點更新), hotlines (安心專線：1925（依舊愛我）), the page's
tools and counters (友善列印, 點閱數：1532), its address (網址：https://…) and an opinion's note on its
author (（作者為前經濟部能源局顧問）). Each rule reads what such a line is made of (a call's verb and the
channel it names, a product and its schedule, a hotline's number), so that an outlet it was not written
for is read too. The whole-line shapes (the page's tools and counters, credits, captions by their credit, an
author's box) are read first; a call, a product, a promise or a hotline only in a short line that holds no
full stop, asks nothing and reports no one's words, and a call to give only in the outlet's own voice: a
sentence of the news that says the same words (民眾可下載「防災」App查詢避難所。, 慈濟基金會感謝您的捐款，…)
is left alone.

:func:`analysis.text.is_site_line` reads these beside its phrases of particular sites.
"""

from __future__ import annotations

import re

#: The longest line read as a call, a product's promise or a hotline: a paragraph of news is longer.
LONGEST_CALL = 50
#: The longest line any rule reads (an author's box, a disclaimer, a caption with its credit).
LONGEST_LINE = 240
#: A verb that calls the reader to a channel (加入, 訂閱, 收聽, 下載, 鎖定, 看更多; not a noun it opens:
#: 訂閱制, 下載量, 加入者), at the start of a clause, after a greeting's question or after an adverb of urgency
#: (現在用APP看新聞).
# (and right after its channel: 頻道按讚)
_CALL = re.compile(r"(?:(?:^|[？！?!，,\s]|[★►▶▲👉]\s*"
                   r"|(?<=頻道|频道|帳號|账号|專頁|专页)|(?<=LINE|Line)|(?<=YouTube|Youtube|Podcast|podcast))"
                   r"(?:立即|馬上|趕快|快|免費|歡迎|請|一起|現在|記得)?"
                   r"|立即|馬上|趕快|現在|歡迎|點我|點此|点我|点此)"
                   r"(?:加入|訂閱|订阅|收聽|收听|收看|下載|下载|追蹤|追踪|鎖定|锁定|按讚|按赞|登入|登錄|打開|打开|開啟"
                   r"|註冊|注册|關注|关注|掃描|扫描|掃碼|扫码|看更多|分享給|分享给|成為|成为|用(?=(?:APP|App|app)(?![a-z])))"
                   r"(?!制|數|数|量|率|人數|次數|者|費|费)")
#: What a call names: a membership, the outlet's page or account, an app, a podcast, a channel, a newsletter or a
#: platform; a platform's Latin name as a word of its own (not IG in BIG, App in Apple, Line in Line Bank).
_CHANNEL = re.compile(r"會員(?!國)|会员(?!国)|訂戶|订户|贊助者|赞助者|粉絲專頁|粉丝专页|粉絲團|粉专|粉專"
                      r"|官方帳號|官方账号|電子雜誌|电子杂志|廣播|广播|電台|电台|(?<![A-Za-z])(?:AM|FM)(?![A-Za-z])"
                      r"|頻道|频道|電子報|电子报|臉書|推播|移動應用|移动应用|應用程式|应用程序|小程序"
                      r"|(?<![A-Za-z])(?:APP|App|app|LINE|Line|IG|FB)(?![a-z]|\s*(?:Pay|Bank|Store|群組|群组))"
                      # (a longer name may follow another's Latin letters: newtalkPodcast)
                      r"|(?:Podcast|podcast|YouTube|Youtube|Instagram|Facebook|Threads|Telegram|WhatsApp)(?![a-z])")
#: A channel right before a call (民視新聞LINE官方帳號點我加入好友, 年代新聞YouTube頻道按讚; not 這款App上架後，用戶
#: 可立即下載).
_CHANNEL_BEFORE = re.compile(rf"(?:{_CHANNEL.pattern})\s*$")
#: A publication by its name right after a call to subscribe, listen or watch (訂閱《新新聞》，掌握國際趨勢; not
#: 加入《巴黎協定》).
_NAMED_WORK = re.compile(r"\s*《[^》]{1,12}》")
_SUBSCRIBING = ("訂閱", "订阅", "收聽", "收听", "收看")
#: A product named with its promise (《央廣國際新聞Podcast》每天早上7點更新; 早報移動應用隨時隨地閱讀新聞), the
#: product opening the line, in 《》 or after its outlet's name, and nothing of the news after it (not 高鐵App每日
#: 凌晨開放預購…, WhatsApp每月活躍用戶…).
_PRODUCT = re.compile(r"^(?:《[^》]{1,20}》|[^，。,\d]{0,14}(?:Podcast|podcast|移動應用|移动应用|電子報|电子报)\s*"
                      r"|《[^》]{0,16}(?:Podcast|podcast|APP|App|頻道|電子報)》)"
                      r"[^。，,\d]{0,6}(?:每天|每日|每週|每周|每晚|隨時|随时|帶你|带你|陪你)")
#: A promise to its reader that only a promotion makes (…精彩不漏接), beside a call or a channel (掌握風傳媒最新
#: 即時新聞，精彩不漏接); alone it is a headline's as often (國慶煙火不錯過！).
_PROMISE = re.compile(r"不漏接|精彩不漏|一手掌握")
_NEWS_OF_THE_OUTLET = re.compile(r"最新|即時|即时|新聞|新闻|消息|資訊|资讯")
#: The longest line read as a promotion by its promise.
LONGEST_PROMISE = 30
#: A call to give in the outlet's own voice: its reporting, its readers, itself as a medium (…是非營利的獨立媒體，
#: 如果你認同我們的報導，請支持我們…; 眾新聞需要你的支持); not a charity's call the news reports (慈濟基金會感謝您的
#: 捐款，…).
_GIVING = re.compile(r"(?:您|你)的(?:捐款|捐助|贊助|支持)|(?:請|歡迎)支持我們|由讀者支持|認同我們的報導|支持我們的報導"
                     r"|(?:小額|定期定額|每月)(?:捐款|捐助|贊助)"
                     r"|需要(?:你的|您的)?支持$")
_OUTLETS_VOICE = re.compile(r"我們的報導|我们的报道|獨立媒體|独立媒体|非營利媒體|非营利媒体|本台|本報|本站|本網"
                            r"|讀者支持"
                            r"|^[^，。,]{2,10}需要(?:你的|您的)?支持$")
#: The longest line read as a call to give.
LONGEST_GIVING = 60
#: A hotline and its number, and nothing of the news about it (安心專線：1925（依舊愛我）; 如有疑問請撥打165反詐騙
#: 諮詢專線; not 165專線接獲報案3萬件, 市府設置1999專線…).
_HOTLINE = re.compile(r"(?:專線|专线|熱線|热线)\s*[:：]?\s*[「『]?\d{3}"
                      r"|(?:撥打|拨打|請撥|請打)\s*[「『]?\d{3}[^。]{0,16}(?:專線|专线|熱線|热线)")
_HOTLINE_NEWS = re.compile(r"接獲|接到|來電|来电|設置|设置|設立|设立|增加|減少|成長|統計|通報|報案|民眾可|民众可|件")
#: A verb that reports someone's words: a line holding one is the news's, whatever else it says.
_REPORTING = re.compile(r"表示|說|说|指出|強調|强调|認為|认为|透露|呼籲|呼吁|批評|回應|坦言|宣布|提醒|建議|建议"
                        r"|感謝|感谢")
#: The author's box: its heading, alone or before the author's words.
_AUTHOR_BOX_WORDS = r"(?:作者簡介|作者简介|作者介紹|作者介绍|關於作者|关于作者)"
_AUTHOR_BOX = rf"{_AUTHOR_BOX_WORDS}(?:\s*[：:｜|].{{2,200}})?"
_AUTHOR_BOX_HEADING = re.compile(rf"{_AUTHOR_BOX_WORDS}\s*[：:]?")
#: The longest line read as the words of an author's box under its heading.
LONGEST_AUTHOR_BOX = 120
#: The page's tools, counters and address, its notes and an author's, and captions by their credit, whole lines.
_PAGE_PARTS = re.compile(
    r"友善列印|列印本文|列印|A\s*A\s*A|[Aa]\s*[-－]\s*[Aa]\s*[+＋]"  # (a text's sizes)
    r"|請?繼續(?:往下|下滑|向下)(?:閱讀|滑動|看)\W{0,3}"  # (請繼續下滑閱讀)
    r"|(?:簡體|繁體|简体|繁体)(?:版|中文)?"  # a script's toggle
    r"|(?:已複製|已复制|複製成功|复制成功|連結已複製|链接已复制)\W{0,2}"  # a copied link's notice
    r"|[^。]{2,30}[，,]?\s*(?:請點此|请点此|請點我|請按此|點此|点此|點我|点我|按此)\W{0,3}"  # (更多健康2.0內容，請點此)
    r"|(?:分享給|分享给)(?:朋友|好友)\s*[：:]?.{0,60}"  # (分享給朋友：…)
    r"|(?:單筆|单笔|定期定額|定期|定額|每月|小額|小额)(?:贊助|赞助|捐款|捐助)|(?:我要|立即|馬上)(?:捐款|捐助|贊助|支持)\W{0,2}"
    r"|(?:贊助|支持)我們\W{0,2}"  # ways to give (單筆贊助, 我要捐款, 立即支持)
    # a text's sizes and the page's tools (字型：大中小, 字體A-A+, 轉寄, 一鍵列印)
    # (and 字體大小：小 中 大, 【字號】 大 中 小, A+ A-)
    r"|(?:【\s*)?(?:字型|字體|字体|字號|字级|字級|文字大小|字體大小|字型大小)(?:\s*】)?\s*[:：]?\s*(?:[大中小]\s*){2,3}"
    r"|[Aa]\s*[+＋]\s*[Aa]\s*[-－]"
    r"|(?:字型|字體|字体|字號)\s*A\s*[-－]\s*A\s*[+＋]|轉寄|转寄|寄給朋友|轉寄好友|一鍵列印|友善列印本頁|列印本頁"
    # a disclaimer (本文不能取代專業醫師診斷…, 免責聲明：…), where a text comes from on its own line (來源：香港文匯報)
    r"|(?:本文|本篇|文章)[^。]{0,8}(?:不能|無法|不可|不得)取代[^。]{0,40}(?:醫師|醫療|醫生|專業)[^\n]{0,60}"
    r"|(?:免責聲明|免责声明|風險聲明|風險提示)\s*[:：].{4,200}"
    r"|(?:來源|来源|資料來源|资料来源|新聞來源|新闻来源|稿源)\s*[:：]\s*[^\W\d_]{2,12}(?:\s*[、,，／/]\s*[^\W\d_]{2,12})*"
    # the outlet's reminder to investors (※中時新聞網提醒您：投資前請審慎評估…), and the text's own (本文僅供參考…)
    r"|[※＊*]?\s*[^，。：:]{0,12}提醒(?:您|你|讀者|投資人)\s*[:：][^\n]{0,80}(?:投資|理財|風險|风险)[^\n]{0,80}"
    r"|[※＊*]?\s*本文(?:僅供參考|仅供参考|不構成|不构成)[^\n]{0,80}"
    # the outlet's reminder of anything (★三立新聞網提醒您：內容僅供參考，如有身體不適請諮詢專業醫師。★)
    r"|[★☆※●＊*]?\s*[^\s，。：:]{1,10}(?:新聞網|新闻网|網|网|台|報|报|新聞|新闻|雜誌|杂志|週刊|周刊)提醒(?:您|你)"
    r"\s*[:：][^\n]{2,80}?[★☆●]?"
    # a link to another story between paragraphs, marked or not (►延伸閱讀：…, 延伸閱讀》…)
    r"|[►▶▸★※👉▲]?\s*[［\[【]?(?:延伸閱讀|延伸阅读|看更多|推薦閱讀|推荐阅读|更多新聞|你可能也想看|點我看|点我看|點此看"
    r"|点此看)[］\]】]?"
    r"\s*[：:》>＞|｜]\s*[^。]{2,60}"
    # a call in brackets, its channel closing them (【加入鏡週刊LINE】第一時間掌握獨家新聞; not 【下載假App 婦人遭騙】)
    r"|【\s*(?:加入|訂閱|订阅|追蹤|追踪|下載|下载|收聽|鎖定)[^】]{0,12}(?:LINE|Line|APP|App|YouTube|Podcast|會員"
    r"|頻道|官方帳號|IG)\s*】.{0,40}"
    # a caption credited to 中央社's photographer or fax, with the day
    # (…（高雄港務分公司提供）中央社記者林柏勳傳真114年4月2日)
    r"|.{4,150}(?:中央社)?記者[^\W\d_]{2,10}?(?:攝|傳真)\s*\d{2,3}年\d{1,2}月\d{1,2}日"  # (…林懷恩柏林攝113年12月5日)
    # a paywall's call (已是訂戶？登入繼續閱讀), a podcast or a programme by its name (天下最新 Podcast｜《天下零時差》)
    r"|.{0,12}(?:登入|登录|訂閱|订阅)(?:後|后)?\s*(?:繼續閱讀|继续阅读|閱讀全文|阅读全文|看全文|解鎖全文|解锁全文)"
    r"|[^，。]{0,10}(?:Podcast|podcast|頻道|频道|節目|节目|電子報|电子报)\s*[｜|:：]\s*《[^》]{1,20}》.{0,20}"
    rf"|{_AUTHOR_BOX}"  # an author's box (作者簡介：…), and an opinion's note on its author
    r"|[（(]\s*作者(?:為|是|係|现为|現為|現任|现任|为)[^（）()]{2,60}[）)]"
    r"|[※＊*]\s*(?:作者|筆者|笔者)(?:為|是|係|现为|現為|現任|现任|为)[^\n。]{2,60}。?"  # (※作者為退休高中教師)
    # a caption of one short sentence with its picture's credit in brackets (…重返台北小巨蛋。（圖／讀者提供）)
    r"|[^。，]{2,30}。?[（(](?:圖|图|照片|攝影|摄影|圖片|图片|示意圖|示意图|資料照|资料照)\s*[／/：:][^（）()]{1,24}[）)]"
    # … or credited to the outlet's photographer at its end (…園藝工具。香港文匯報記者攝)
    r"|[^。]{4,80}。\s*[^\W\d_，。]{2,10}(?:記者|记者)(?:[^\W\d_]{2,4})?攝"
    # the page's counters, reading time, address and neighbours, and a gallery's (1 / 5, 圖 2/8)
    r"|(?:圖|图|照片)\s*\d{1,2}\s*[／/]\s*\d{1,2}|\d{1,2}\s+[／/]\s+\d{1,2}"  # (not 12/30, a date)
    r"|(?:點閱數|點閱|点阅数|人氣|人气|觀看數|观看数|瀏覽量|浏览量|閱讀量|阅读量|閱讀數|点击数|點擊數)\s*[:：]?\s*[\d,，.]+[萬万]?"
    r"|(?:預估|预估|預計|预计)?(?:閱讀時間|阅读时间)\s*[:：]?\s*約?\s*\d+(?:\s*[–\-~～至]\s*\d+)?\s*分鐘?"
    r"|(?:網址|网址|原文網址|本文網址|文章網址|原文連結|文章連結)\s*[:：]\s*https?://\S+"
    r"|(?:上一則|下一則|上一篇|下一篇|上一则|下一则|前一篇|後一篇)\s*[:：｜|]\s*\S[^。\n]{0,60}"
    # an editor's or translator's credit alone in its bracket (（編輯：陳奕均）), a photographer's by another label
    r"|[（(](?:編輯|编辑|責任編輯|责任编辑|責編|核稿|譯者|译者|審校|审校)\s*[：:]\s*[^（）()]{2,20}[）)]"
    r"|(?:攝影者|攝影師|摄影师|圖片提供|图片提供)\s*[：:／/]\s*[^\W\d_]{2,12}"
    r"|(?:審稿|审稿|責任編輯|责任编辑|編輯|编辑|校對|校对|核稿)\s*[．・·•]\s*[^\W\d_]{2,4}.{0,40}"
    # a magazine's issue (今周刊1472期; not 陸軍官校第100期), where an excerpt comes from (本文摘錄自《今周刊》…)
    r"|[^\s，。：:\d]{0,6}(?:周刊|週刊|雜誌|杂志|月刊|季刊)\s*第?\s*\d{2,5}\s*期"
    r"|本文(?:摘錄|摘录|節錄|节录|摘)自.{2,80}"
    r"|[※＊*]\s*(?:全文及圖片詳見|全文詳見|原文詳見|資料來源|原文出處|摘譯自|編譯自|譯自)\s*[：:].{1,80}"
    # a caption that ends in its picture's source (…感染。示意圖，圖片來源：Pixabay), its photographer's name and outlet
    # (…議題。（鄒冠霆／大紀元）) or who gave it (…被困司機。讀者提供)
    r"|[^。]{2,80}[。，,]\s*(?:示意圖[，,]\s*)?(?:圖片來源|图片来源|圖源|照片來源|影像來源)\s*[：:／/]\s*[^，。]{1,30}"
    r"|[^。]{4,60}。[（(][^\W\d_]{2,4}\s*[／/]\s*[^（）()／/]{2,10}[）)]"
    r"|[^。]{4,60}。[^\W\d_，。]{1,6}提供")


def opens_author_box(line: str) -> bool:
    """Whether a stripped line is an author's box's heading alone (作者簡介): the line under it is the box's.

    Examples
    --------
    >>> opens_author_box("作者簡介"), opens_author_box("作者簡介：林書衡，資深社工師。")
    (True, False)
    """
    return _AUTHOR_BOX_HEADING.fullmatch(line) is not None


#: The warnings Taiwan's outlets print under news of drink, drugs, smoking or investing, in their clauses
#: (酒後不開車，開車不喝酒，珍惜生命，也尊重他人。): a line of them alone. Their marked forms and those a line goes
#: on after (●喝酒不開車．開車不喝酒●, 飲酒過量，有害健康…) are :data:`analysis.text.SITE_PHRASES`'.
WARNINGS = frozenset((
    "酒後不開車", "開車不喝酒", "喝酒不開車", "酒後不駕車", "酒後不騎車", "拒絕酒駕", "酒駕零容忍", "飲酒過量",
    "有害健康", "飲酒過量有害健康", "未滿18歲禁止飲酒", "未滿十八歲禁止飲酒", "珍惜生命", "拒絕毒品", "遠離毒品",
    "也尊重他人", "尊重他人", "吸菸有害健康", "吸煙有害健康", "理財有風險", "投資有風險", "投資需謹慎",
    "投資前請審慎評估", "酒后不开车", "开车不喝酒", "饮酒过量", "拒绝毒品", "吸烟有害健康", "投资有风险"))
_WARNING_LABEL = re.compile(r"^\s*[※＊*【\[]?\s*(?:警語|警语|溫馨提醒|提醒)?\s*[】\]]?\s*[:：]?\s*")
_CLAUSES = re.compile(r"[，,、。！!；;\s]+")


def _is_warning(line: str) -> bool:
    """Whether a line holds only the warnings of :data:`WARNINGS`, optionally labelled (※警語：…)."""
    clauses = [c for c in _CLAUSES.split(_WARNING_LABEL.sub("", line, count=1)) if c]
    return bool(clauses) and all(c in WARNINGS for c in clauses)


def is_reader_call(line: str) -> bool:
    """Whether a stripped line of an article's text is one its site addresses to the reader (see the module).

    Examples
    --------
    >>> lines = ["喜歡這篇文章嗎？加入自由時報粉絲專頁掌握第一手在地消息", "收聽《鏡週刊》娛樂Podcast每週三上架",
    ...          "《央廣國際新聞Podcast》每天早上7點更新", "安心專線：1925（依舊愛我）", "點閱數：1532", "友善列印",
    ...          "1 / 5", "（作者為前經濟部能源局顧問）", "分享給朋友：等紅燈遭追撞", "上一則：華人長者中心擴建",
    ...          "酒後不開車，開車不喝酒，珍惜生命，也尊重他人。", "※中時新聞網提醒您：投資前請審慎評估，盈虧請自負。"]
    >>> [is_reader_call(x) for x in lines]
    [True, True, True, True, True, True, True, True, True, True, True, True]
    >>> news = ["民眾可下載「台灣防災」App查詢避難所。", "訂閱制電子報成新商機", "衛福部表示，安心專線1925全天候服務",
    ...         "加入WTO二十年，台灣農業轉型。", "該校學生一起收看球賽轉播"]
    >>> [is_reader_call(x) for x in news]
    [False, False, False, False, False]
    """
    if len(line) > LONGEST_LINE:
        return False  # a paragraph: none of the site's lines is so long
    if _PAGE_PARTS.fullmatch(line) or _is_warning(line):
        return True
    if _REPORTING.search(line):
        return False  # someone's words: the news's
    if len(line) <= LONGEST_GIVING and _GIVING.search(line) and _OUTLETS_VOICE.search(line):
        return True  # (…是非營利的獨立媒體，如果你認同我們的報導，請支持我們…。)
    if len(line) > LONGEST_CALL or "。" in line or line.endswith(("？", "?")):
        return False  # a sentence, or a question (下載這款App就能賺錢？: a headline's)
    return bool(any(_CHANNEL.search(line, m.end(), m.end() + 20)
                    or _CHANNEL_BEFORE.search(line, 0, m.start())  # (LINE官方帳號點我加入)
                    or (m[0].endswith(_SUBSCRIBING) and _NAMED_WORK.match(line, m.end()))
                    for m in _CALL.finditer(line))
                or _PRODUCT.search(line)
                or (_HOTLINE.search(line) and not _HOTLINE_NEWS.search(line))
                or (len(line) <= LONGEST_PROMISE and _PROMISE.search(line) and _NEWS_OF_THE_OUTLET.search(line)))
