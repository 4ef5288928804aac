"""Bylines: who filed an article, for which outlet, from where, as Taiwanese outlets write it.

A byline opens an article's body, after a dated bracket (``【大紀元2018年09月12日訊】``, read by
:mod:`analysis.datelines`) or on its own (:func:`parse_byline`), in Traditional or Simplified characters:

=========  ============================================================================
outlet     byline
=========  ============================================================================
大紀元     ``（大紀元記者程靜綜合報導）`` (after the dated bracket)
中央社     ``（中央社記者王明、李華台北25日電）``, ``（中央社華盛頓24日綜合外電報導）``
自由時報   ``〔記者王明／台北報導〕``, ``〔自由時報記者王明／台北報導〕``, ``〔即時新聞／綜合報導〕``
聯合報     ``（記者王明／台北報導）``, ``【聯合報／記者王明／台北即時報導】``
中時       ``（中時新聞網 記者王明）``, ``中國時報 記者王明／台北報導``
ETtoday    ``記者王明／台北報導``
=========  ============================================================================

The outlet is the one a byline names (:data:`OUTLETS`, as written), ``""`` when it names none. A
中央社 byline also gives the day of the month (``25日電``), never the month or the year.
"""

from __future__ import annotations

import re

from .surnames import starts_with_surname

#: Places a reporter files from, as datelines write them (Traditional and Simplified): the
#: trailing run of these words in a byline is the place, what precedes it the names.
PLACES = (
    "台灣", "臺灣", "台北", "臺北", "新北", "桃園", "台中", "臺中", "台南", "臺南", "高雄", "基隆", "新竹",
    "嘉義", "花蓮", "台東", "臺東", "宜蘭", "屏東", "南投", "彰化", "雲林", "苗栗", "金門", "馬祖", "澎湖",
    "香港", "澳門", "北京", "上海", "廣州", "深圳", "華盛頓", "紐約", "洛杉磯", "舊金山", "芝加哥", "休士頓",
    "波士頓", "東京", "大阪", "首爾", "倫敦", "巴黎", "柏林", "日內瓦", "布魯塞爾", "多倫多", "溫哥華",
    "蒙特婁", "雪梨", "墨爾本", "奧克蘭", "新加坡", "吉隆坡", "曼谷",
    "台湾", "桃园", "嘉义", "花莲", "台东", "宜兰", "屏东", "金门", "马祖", "澳门", "广州", "华盛顿", "纽约",
    "洛杉矶", "旧金山", "休斯顿", "东京", "首尔", "伦敦", "日内瓦", "多伦多", "温哥华", "悉尼", "墨尔本",
)

#: Outlets a byline names (Traditional, then Simplified), kept as written in the ``outlet`` column.
OUTLETS = (
    "中央社", "中央通訊社", "自由時報", "自由時報電子報", "聯合報", "聯合新聞網", "經濟日報", "中國時報",
    "中時新聞網", "中時電子報", "工商時報", "旺報", "ETtoday新聞雲", "ETtoday", "大紀元", "新唐人", "希望之聲",
    "中央通讯社", "自由时报", "联合报", "联合新闻网", "经济日报", "中国时报", "中时新闻网", "中时电子报",
    "工商时报", "大纪元", "希望之声",
    "鏡週刊", "鏡新聞", "新頭殼newtalk", "新頭殼", "風傳媒", "上報", "三立新聞網", "TVBS新聞網", "民視新聞網",
    "公視新聞網", "華視新聞", "台視新聞", "中視新聞", "東森新聞", "中廣新聞網", "中央廣播電台", "中央廣播電臺", "央廣",
    "Yahoo奇摩新聞", "關鍵評論網", "報導者", "今日新聞", "NOWnews", "信傳媒", "太報", "匯流新聞網", "壹蘋新聞網",
    "蘋果日報", "香港01", "明報", "東方日報", "星島日報", "端傳媒",
    "中天新聞網", "中天新聞", "東森新聞雲", "年代新聞", "非凡新聞", "寰宇新聞", "台灣醒報", "民報", "苦勞網",
    "上下游新聞", "上下游", "CNEWS匯流新聞網", "天下雜誌", "遠見雜誌", "遠見", "商業周刊", "商周", "數位時代",
    "今周刊", "信報財經新聞", "信報", "東網", "on.cc東網", "星島網", "文匯報", "大公報", "立場新聞", "眾新聞",
    "香港電台", "自由亞洲電台", "美國之音", "德國之聲", "法廣", "BBC中文網", "BBC News 中文", "聯合早報",
    "中天新闻网", "东森新闻", "天下杂志", "商业周刊", "数位时代", "信报", "东网", "星岛日报", "东方日报",
    "美国之音", "德国之声", "自由亚洲电台", "联合早报",
    # more outlets of Taiwan and Hong Kong, and the wires and papers they quote
    "ETtoday星光雲", "ETtoday東森新聞雲", "TVBS新聞", "三立新聞", "民視新聞",
    # television's short names, as its reporters sign (公視記者 王慧如 林志遠 花蓮報導)
    "公視", "華視", "台視", "中視", "民視", "TVBS", "华视", "台视", "中视", "民视",
    "公視新聞", "客家新聞", "原視新聞", "大愛新聞", "壹電視", "鏡電視", "寰宇新聞台", "非凡新聞台", "年代新聞台",
    "CTWANT", "周刊王", "鏡報", "新新聞", "財訊", "今周刊", "科技新報", "報橘", "經理人", "環境資訊中心",
    "台北時報", "Taipei Times", "Taiwan News", "台灣英文新聞", "中華日報", "台灣時報", "青年日報", "人間福報",
    "台灣新生報", "金門日報", "馬祖日報", "更生日報", "芋傳媒", "放言", "想想論壇", "鉅亨網", "Anue鉅亨", "MoneyDJ",
    "自由財經", "世界日報", "時報周刊", "NOWnews今日新聞", "LINE TODAY", "看中國", "新唐人亞太台", "新唐人電視台",
    "大紀元時報", "新唐人亞太電視台", "新唐人亞太電視", "客家電視", "客家電視台",
    "中華日報", "台灣時報", "臺灣時報", "民眾日報", "青年日報", "人間福報", "中央日報", "台灣導報", "iThome",
    "世界新聞網", "康健雜誌", "康健", "澳門日報", "運動視界", "元氣網", "國語日報",
    "無綫新聞", "TVB News", "有線新聞", "i-CABLE News", "Now新聞", "香港經濟日報", "經濟通", "HKET",
    "am730", "巴士的報", "Bastille Post", "頭條日報", "晴報", "香港商報", "明報新聞網", "星島頭條", "點新聞", "橙新聞",
    "獨立媒體", "852郵報", "香港電台網站", "RTHK", "港台", "紐約時報中文網", "日經中文網", "聯合早報網", "RFI", "VOA",
    "now新聞", "now 新聞", "轉角國際", "大公文匯網", "大公文匯",
    "RFA", "路透社", "法新社", "美聯社", "彭博社", "共同社", "韓聯社", "新華社", "中新社", "環球時報", "人民日報",
)

_SLASH = "[／/╱]"
# 報導 and what may precede it without being a place: 即時報導, 綜合報導, 綜合外電報導 (and 报道).
_REPORTED = "(?:即時|即时|綜合|综合|外電|外电)*[報报][導导道]"
#: The outlets as one alternation, the longest first (自由時報電子報 before 自由時報), for patterns that read them.
OUTLET_PATTERN = "|".join(sorted(OUTLETS, key=len, reverse=True))
_OUTLET = OUTLET_PATTERN
_LEAD = rf"(?:(?P<outlet>{_OUTLET})\s*{_SLASH}?\s*)?"  # an outlet, optionally, before 記者 or a desk
# 記者, 特派員 or 編譯 (who translated and compiled), and what may stand before it: 駐美特派員, 特約記者.
_REPORTER_WORD = "(?:[記记]者|特派[員员]|[編编][譯译])"
_QUALIFIED = rf"(?:[駐驻][^\W\d_]{{1,4}}?|特約|特约|特派|實習|实习)?{_REPORTER_WORD}"
# What stands between 記者 and 報導.
_BYLINE = re.compile(rf"{_REPORTER_WORD}(?P<who>.+?){_REPORTED}")
_PLACE_AT_END = re.compile(rf"(?:(?:{'|'.join(sorted(PLACES, key=len, reverse=True))})(?:市|縣|县)?)+$")  # (新北市報導)
# One name or several, separated by 、 as written: two to four letters (王明, 歐陽夏蘭), or more with a
# middle dot (瓦旦·吉洛); a place is letters only. No digits or punctuation: 記者會上，... is no byline.
_NAME = r"[^\W\d_]{2,4}(?:[·‧．・][^\W\d_]{1,10})*"
_NAMES = re.compile(rf"{_NAME}(?:\s*[、,，]\s*{_NAME})*")
#: Names of two to four letters apart by 、 or commas, as credits list them (陳立凱、王明).
LISTED_NAMES = r"[^\W\d_]{2,4}(?:\s*[、,，]\s*[^\W\d_]{2,4})*"
_NAMES_APART = re.compile(rf"{_NAME}(?:\s+{_NAME})+")  # 陳怡君 蔡明哲
_PLACE = re.compile(r"[^\W\d_]{0,10}")

# A bracket at the start of a line: （）, (), 〔〕, 【】, [].
_BRACKET = re.compile(r"[（(〔【\[]\s*(?P<inner>[^（）()〔〕【】\[\]]{1,60}?)\s*[）)〕】\]]")
# Inside a bracket: 中央社記者王明台北25日電, 中央社華盛頓24日綜合外電報導, 中央社駐東京特派員王明25日專電, and
# another outlet's in 中央社's form (中廣新聞網記者楊佩蓉台中5日電).
_CNA = re.compile(rf"(?P<outlet>{_OUTLET})\s*(?P<who>[^\d]*?)\s*(?P<day>[12]\d|3[01]|0?[1-9])\s*日\s*"
                  rf"(?:[專专]?[電电]|{_REPORTED})")
_ABROAD = re.compile(r"[駐驻](?P<place>.+?)特派[員员](?P<names>.+)")
# 自由時報記者王明／台北報導, 聯合報／記者王明／台北即時報導, 記者王明綜合報導
_REPORTER = re.compile(rf"{_LEAD}(?P<byline>{_QUALIFIED}.+?{_REPORTED})")
# A desk instead of reporters: 即時新聞／綜合報導, 國際新聞中心／綜合報導
_DESK = re.compile(rf"{_LEAD}[^\W\d_]{{0,4}}(?:新聞|新闻|中心|頻道|频道|小組|小组|組|组)\s*{_SLASH}\s*"
                   rf"[^／/╱]{{0,10}}?{_REPORTED}")
# An outlet and its reporters only: 中時新聞網 記者王明
_NAMED = re.compile(rf"(?P<outlet>{_OUTLET})\s*{_SLASH}?\s*[記记]者\s*(?P<names>[^／/╱]+)")
# ... and a place after a space (鉅亨網記者魏志豪 台北)
_NAMED_PLACED = re.compile(rf"(?P<outlet>{_OUTLET})\s*[記记]者\s*(?P<names>[^\W\d_]{{2,4}})"
                           r"\s+(?P<place>[^\W\d_]{2,4})")
# ... on a line of its own, the names set apart (明報記者 陳美玲; 明報記者遇襲 is a headline)
_NAMED_APART = re.compile(rf"(?P<outlet>{_OUTLET})\s*{_SLASH}?\s*[記记]者(?:\s*{_SLASH}\s*|\s+)"
                          rf"(?P<names>[^／/╱\s][^／/╱]*?)(?:\s*{_REPORTED}|\s+[發发]自(?P<place>[^\W\d_]{{2,6}}))?")
# (苦勞網記者 張子午 報導, CTWANT 記者 / 林宗翰, 端傳媒記者 林思穎 發自台北)
# An author's label and names on a line of their own: 作者：陳一姍, 撰文：信報記者 梁嘉麗, 文／記者 林朝億,
# 文．李宜庭 攝影．程思迪, 編譯：陳秀芳, 記者 林佳穎 / 攝影 王明哲, 記者 溫子萱、攝影 徐國峰 高雄報導, and a place
# and 報導 after the names (記者 蔡宛儒 綜合報導)
# What a credit names besides the text: the photographs, the video, the editing.
_CREDITED_WORDS = ("攝影|摄影|圖|图|圖片|图片|影音|影片|責任編輯|责任编辑|責編|责编|網編|网编|編輯|编辑|設計|设计"
                   "|審稿|审稿|核稿|校對|校对")
_CREDITED = f"(?:{_CREDITED_WORDS})"
_AUTHOR = re.compile(rf"(?:[A-Za-z]{{2,10}}\s+)?"  # (a site's Latin name before the label: Rti 記者 蕭文琦)
                     rf"(?:(?:作者|撰文者?|撰稿|文字?|[編编][譯译]|[記记]者|文\s*[・．.、]\s*攝影)"
                     r"\s*[：:／/．.・｜|]\s*"
                     r"|(?:作者|[記记]者|文字|[編编][譯译])\s+)"
                     rf"(?:(?P<outlet>{_OUTLET})\s*)?"
                     r"(?:[記记]者\s*)?(?P<names>[^\W\d_]{2,4}(?:\s*[、,，]\s*[^\W\d_]{2,4}|\s+[^\W\d_]{2,4})*?)"
                     r"(?:\s*[（(][^（）()\n]{1,24}[）)])?"  # (作者：王冠文（領導力教練、商周專欄作家）)
                     rf"(?:\s+(?P<place>[^\W\d_]{{0,6}}?)\s*{_REPORTED})?"  # (記者 蔡宛儒 綜合報導)
                     rf"(?:(?:\s+|\s*[／/｜|、，,]\s*){_CREDITED}\s*[：:／/．.・｜|\s].*)?")  # (… / 攝影 王明哲)
# Reporters' names, then their outlet: 許倩瑜 / 中時新聞網
_SIGNED = re.compile(rf"(?P<names>{_NAME}(?:\s*[、,，]\s*{_NAME})*)\s*(?:{_SLASH}|[|｜])\s*(?P<outlet>{_OUTLET})")
# Reporters' names, then a photographer's credit, no label: 鄭凱文 / 攝影 周建安 報導 (TVBS)
_PHOTOGRAPHED = re.compile(rf"(?P<names>{_NAME}(?:\s*[、,，]\s*{_NAME})*)\s*{_SLASH}\s*(?:攝影|摄影)\s*[：:]?\s*"
                           rf"{_NAME}(?:\s*[、,，]\s*{_NAME})*\s*(?:{_REPORTED})?")
#: A credit on a line of its own for what is not the text: 攝影｜陳立凱, 責任編輯：王明 (a header's line, no byline).
# (a title may stand before the name: 審稿：睡眠醫學科醫師 張家豪)
CREDIT_LINE = re.compile(rf"{_CREDITED}(?:\s*[：:／/．.・｜|]\s*|\s+)(?:[^\s\d，。：:]{{2,12}}\s+)?{LISTED_NAMES}")
# The labels of an author's line that a sentence may also open (記者：謝謝部長 in an interview, 作者 村上春樹 in a
# book's details): their names must have a Chinese name's shape
_PLAIN_LABEL = re.compile(r"[記记]者|作者\s")
# A desk and a reporter's name: TNL 新聞中心／吳采倪, 國際中心／王明 (not 綜合報導: a desk alone, _DESK)
_DESK_AND_NAME = re.compile(rf"(?:(?P<outlet>{_OUTLET})\s*|[A-Za-z]{{2,8}}\s*)?[^\W\d_]{{0,4}}"
                            rf"(?:新聞中心|新闻中心|中心|編輯部|编辑部)\s*{_SLASH}\s*(?P<names>[^\W\d_]{{2,4}}(?:\s*[、,，]\s*[^\W\d_]{{2,4}})*?)"
                            rf"(?:\s*{_REPORTED})?")  # (生活中心／王郁婷報導)
#: The kinds of writing an outlet signs for no reporter, beside its name on a header's line or over a headline
#: (聯合報／ 社論, 聯合報社論, 鍾明哲專欄): an editorial, a column, a commentary.
GENRES = ("社論", "社论", "社評", "社评", "專欄", "专栏", "評論", "评论", "時評", "时评", "短評", "短评", "專論",
          "专论", "特稿", "觀點", "观点")
# An outlet and its reporter's name on a line of their own: 工商時報 魏喬怡
_OUTLET_AND_NAME = re.compile(rf"(?P<outlet>{_OUTLET})\s+(?P<names>[\u4e00-\u9fff]{{2,3}})")
# An outlet's dispatch, no reporter named: 【明報專訊】, （大紀元訊）, and in 【】 the outlet alone: 【香港01】
_DISPATCH = re.compile(rf"(?P<outlet>{_OUTLET})\s*(?P<word>[專专]?[訊讯]|[專专][電电])?")
# An outlet's byline on a line of its own, its names and place apart by spaces or slashes, 記者 or not:
# 台視新聞 記者陳怡君 蔡明哲 桃園報導, 壹蘋新聞網／李振豪報導, 上報快訊／羅正漢 台北報導, 央廣 編譯 黃美珍 綜合外電報導,
# 民視新聞網 綜合報導 (a desk)
_OUTLET_LINE = re.compile(rf"(?P<outlet>{_OUTLET})(?:快訊|快讯)?(?P<apart>\s+|\s*(?:{_SLASH}|[|｜])\s*)"
                          rf"(?P<who>[^\d\n。，,；;：:「」！!？?（）()|｜]{{0,40}}?)\s*{_REPORTED}")
# ... and a credit for what is not the text among its words (/ 攝影 周柏翰), left out with its names
_CREDIT_BETWEEN = re.compile(rf"(?:^|\s+|\s*(?:{_SLASH}|[、，,])\s*){_CREDITED}\s*[：:．.・]?\s*"
                             rf"[^\W\d_]{{2,4}}(?:\s*[、,，]\s*[^\W\d_]{{2,4}})*(?=\s|{_SLASH}|$)")
# A credit's label for what is not the text (攝影記者, 剪輯, 編輯)
_CREDITED_LABEL = re.compile(rf"(?:{_CREDITED_WORDS}|剪輯|剪辑|後製|后制|攝影記者|摄影记者|影像|美編|美编)")
_HOW_REPORTED = re.compile(r"(?:綜合|综合|即時|即时|外電|外电)[報报][導导道]$")
_NAME_OR_PLACE_SEPARATOR = re.compile(rf"[\s、,，]+|{_SLASH}")
# An editor's credit after a byline in its bracket: /責任編輯：林清
_EDITOR_AFTER = re.compile(rf"\s*(?:{_SLASH}|\s)\s*(?:責任編輯|责任编辑|責編|责编|編輯|编辑)\s*[：:]\s*"
                           r"[^\W\d_]{2,4}$")
# Reporters' names apart and their place, no outlet nor 記者, perhaps a photographer's credit after: 王子豪 陳冠宇 /
# 台北報導, 林家琪 / 雲林報導　攝影 / 蔡明勳
_NAMES_AND_PLACE = re.compile(rf"(?P<names>[^\W\d_]{{2,4}}(?:(?:\s+|\s*[、,，]\s*)[^\W\d_]{{2,4}})*)\s*{_SLASH}\s*"
                              rf"(?P<place>[^\W\d_]{{0,6}}?)\s*{_REPORTED}"
                              rf"(?:\s+{_CREDITED}\s*[：:／/]?\s*[^\W\d_]{{2,4}})?")
_SENTENCE = re.compile(r"[，,。；;！？!?]")
# Without brackets, a slash before the place is needed: 記者王明／台北報導, 中國時報 記者王明／台北報導
_BARE = re.compile(rf"{_LEAD}(?P<byline>{_QUALIFIED}\s*[^\s／/╱]{{1,30}}?(?:\s+[^\W\d_]{{2,4}}){{0,3}}\s*{_SLASH}\s*"
                   rf"[^\s／/╱]{{0,10}}?{_REPORTED})")
# A desk before a reporter's byline: 政治中心／記者許雅涵、鄭宇翔／台北報導 (三立新聞網)
_DESK_FIRST = re.compile(rf"[^\W\d_]{{0,4}}(?:新聞中心|新闻中心|中心|新聞部|新闻部|編輯部|编辑部|組|组)\s*{_SLASH}\s*"
                         rf"(?={_QUALIFIED})")
# Beside a date, a byline may name its reporters with no 記者: 陳佩君/新北報導 (新頭殼)
_UNMARKED = re.compile(rf"(?P<names>{_NAME}(?:\s*[、,，]\s*{_NAME}|\s+{_NAME})*)\s*{_SLASH}\s*"
                       rf"(?P<place>[^\W\d_]{{0,10}}?)(?:即時|即时)?[報报][導导道]")
# An outlet's dispatch in 【】 before a header's date: 【新頭殼newtalk】2024.03.05 14:32
BRACKETED_OUTLET = re.compile(rf"【\s*(?P<outlet>{OUTLET_PATTERN})\s*】")


_REPORTER_WORD_FIRST = re.compile(rf"^\s*{_QUALIFIED}\s*")


def without_reporter_word(words: str) -> str:
    """What follows a reporter word (記者, 特派員, 編譯, 駐美特派員...) that opens ``words``: the name of a header
    such as ``風傳媒 記者周怡孜 2024-03-05 11:47``; ``words`` as they are when no such word opens them.

    Examples
    --------
    >>> without_reporter_word("記者周怡孜"), without_reporter_word("特約記者 王明"), without_reporter_word("王明")
    ('周怡孜', '王明', '王明')
    """
    return _REPORTER_WORD_FIRST.sub("", words, count=1)


def _names_and_place(who: str) -> tuple[str, str]:
    """Names and place from what stands between 記者 and 報導 (see :func:`split_byline`)."""
    slash = re.search(_SLASH, who)
    if slash is not None:
        names, place = who[:slash.start()], who[slash.end():]
    else:
        at = _PLACE_AT_END.search(who)
        names, place = (who[:at.start()], at.group(0)) if at else (who, "")
    names = re.sub(_REPORTER_WORD, "", names).strip(" \u3000、,，")
    if _NAMES_APART.fullmatch(names):  # 陳怡君 蔡明哲: names apart, written with 、
        names = _listed(names)
    return names, place.strip(" \u3000、,，")


def split_byline(byline: str) -> tuple[str, str]:
    """Split the inside of a reporter bracket into the reporters' names and the place they report from.

    The rule: take what stands between ``記者`` (or ``特派員``, ``編譯``) and ``報導`` (dropping
    ``綜合``, ``即時`` and ``外電``, which say how the report was made and name no place).
    After a slash (``／``, ``/`` or ``╱``) comes the place, as written; without a slash, the
    place is the trailing run of words from :data:`PLACES`. The names are what precedes it,
    separated by ``、`` as written. A name that itself ends in a place word (rare) would lose it
    to the place, and a place missing from :data:`PLACES` stays in the names when no slash marks it.

    Parameters
    ----------
    byline : str
        E.g. ``"大紀元記者王明、李華台北報導"``.

    Returns
    -------
    tuple of (str, str)
        The names and the place; ``("", "")`` when there is no ``記者 ... 報導``.

    Examples
    --------
    >>> split_byline("大紀元記者王明、李華台北報導")
    ('王明、李華', '台北')
    >>> split_byline("記者王明／綜合報導"), split_byline("記者林芳/華盛頓報導"), split_byline("記者陳安綜合報導")
    (('王明', ''), ('林芳', '華盛頓'), ('陳安', ''))
    >>> split_byline("聯合報／記者王明／台北即時報導")
    ('王明', '台北')
    """
    m = _BYLINE.search(byline)
    return ("", "") if m is None else _names_and_place(m["who"])


def _outlet_line(line: str) -> dict | None:
    """The fields of an outlet's byline on a line of its own (:data:`_OUTLET_LINE`), or None: each word
    between the outlet and 報導 a name (記者 and 編譯 dropped) but the last, which may be a place, and the
    names marked as a byline's by 記者 or 編譯, a slash or a place (中央社 今天下午報導 is a sentence)."""
    m = _OUTLET_LINE.fullmatch(line)
    if m is None:
        return None
    who = _CREDIT_BETWEEN.sub(" ", m["who"])  # (東森新聞 記者 鄭雅文 / 攝影 周柏翰 報導: the photographer's no name)
    split = [w for w in _NAME_OR_PLACE_SEPARATOR.split(who) if w]
    words = [w for w in (_REPORTER_WORD_FIRST.sub("", w) for w in split) if w]
    place = words.pop() if words and _PLACE_AT_END.fullmatch(words[-1]) else ""
    marked = words != split or place or re.search(_SLASH, m["apart"] + who) or re.search("[|｜]", m["apart"]) \
        or (_HOW_REPORTED.search(line) and _chinese_names(" ".join(words)))  # (新唐人亞太電視 周家豪綜合報導)
    if not all(_NAMES.fullmatch(w) and _PLACE_AT_END.fullmatch(w) is None and not _NOT_A_NAME.search(w)
               for w in words) or (words and not marked):
        return None
    return _fields_of(m["outlet"], "、".join(words), place)


def _listed(names: str) -> str:
    """Names apart by spaces, commas or slashes, written with 、 (陳怡君 蔡明哲 -> 陳怡君、蔡明哲)."""
    return "、".join(n for n in _NAME_OR_PLACE_SEPARATOR.split(names) if n)


def _fields_of(outlet: str, reporter: str = "", place: str = "") -> dict:
    return {"outlet": outlet, "reporter": reporter, "reporter_place": place, "day_of_month": None}


def _own_line(line: str) -> dict | None:
    """The fields of a byline on a line of its own, or None: an outlet's reporter set apart (明報記者 陳美玲,
    工商時報 魏喬怡), an author's line (作者：陳一姍, 記者：陳凱欣, 作者 林上祚), a desk and a name
    (TNL 新聞中心／吳采倪), an outlet's byline (:func:`_outlet_line`) or desk (東森新聞 生活中心 / 綜合報導)."""
    if (m := _NAMED_APART.fullmatch(line)) is not None and _valid(m["names"].strip(), "") \
            and _chinese_names(m["names"]):
        return _fields_of(m["outlet"], m["names"].strip(), m["place"] or "")
    if (m := _REPORTER.fullmatch(line)) is not None and m["outlet"]:  # 公視記者 王慧如 林志遠 花蓮報導, as if bracketed
        names, place = split_byline(m["byline"])
        if names and _valid(names, place) and _chinese_names(names) and not _NOT_A_NAME.search(names):
            return _fields_of(m["outlet"], names, place)
    if (m := _SIGNED.fullmatch(line)) is not None and _chinese_names(m["names"]) \
            and not _NOT_A_NAME.search(m["names"]):  # 許倩瑜 / 中時新聞網
        return _fields_of(m["outlet"], _listed(m["names"]))
    if (m := _PHOTOGRAPHED.fullmatch(line)) is not None and _chinese_names(m["names"]) \
            and not _NOT_A_NAME.search(m["names"]):  # 鄭凱文 / 攝影 周建安 報導 (TVBS)
        return _fields_of("", _listed(m["names"]))
    if (m := _NAMED_PLACED.fullmatch(line)) is not None and m["place"] in PLACES and _chinese_names(m["names"]) \
            and not _NOT_A_NAME.search(m["names"]) and m["names"] not in PLACES:  # 鉅亨網記者魏志豪 台北
        return _fields_of(m["outlet"], m["names"], m["place"])
    if (m := _NAMED.fullmatch(line)) is not None and m["outlet"] and _chinese_names(m["names"]) \
            and not _NOT_A_NAME.search(m["names"]):  # 上報/記者林亞萱
        return _fields_of(m["outlet"], _listed(m["names"]))
    if (m := _OUTLET_AND_NAME.fullmatch(line)) is not None and not _NOT_A_NAME.search(m["names"]) \
            and m["names"] not in PLACES and _chinese_names(m["names"]):
        return _fields_of(m["outlet"], m["names"])
    if (m := _AUTHOR.fullmatch(line)) is not None and not _NOT_A_NAME.search(m["names"]) and (
            _chinese_names(m["names"]) or not _PLAIN_LABEL.match(line)) \
            and (m["place"] is None or m["place"] in ("", *PLACES)):  # (作者 村上春樹, 記者：謝謝部長: none)
        names = _listed(m["names"])
        outlet = m["outlet"] or (names if names in OUTLETS else "")  # 作者：中央社
        return _fields_of(outlet, "" if names == outlet else names, m["place"] or "")
    if (m := _DESK_AND_NAME.fullmatch(line)) is not None and not _NOT_A_NAME.search(m["names"]) \
            and _chinese_names(m["names"]):  # TNL 新聞中心／吳采倪 (not 國際中心／美國大選)
        return _fields_of(m["outlet"] or "", _listed(m["names"]))
    if (m := _NAMES_AND_PLACE.fullmatch(line)) is not None and _PLACE_AT_END.fullmatch(m["place"]) \
            and _chinese_names(m["names"]) and not any(_NOT_A_NAME.search(n) for n in _listed(m["names"]).split("、")):
        return _fields_of("", _listed(m["names"]), m["place"])  # 王子豪 陳冠宇 / 台北報導, 張雅筑、鄭宇辰 / 台北報導
    if (own := _outlet_line(line)) is not None:  # 台視新聞 記者陳怡君 蔡明哲 桃園報導
        return own
    if (m := _DESK.fullmatch(line)) is not None:  # 東森新聞 生活中心 / 綜合報導, 國際中心／綜合報導
        return _fields_of(m["outlet"] or "")
    return None


def _chinese_names(names: str) -> bool:
    """Whether every name of a byline of its own, apart by spaces or 、, has a Chinese name's shape
    (:func:`analysis.surnames.starts_with_surname`): 社評 and 加薩殉職 are none (人民日報 社評)."""
    return all(starts_with_surname(n) for n in _NAME_OR_PLACE_SEPARATOR.split(names.strip()) if n)


def _valid(names: str, place: str, *, reporter_needed: bool = True) -> bool:
    """Whether names and a place look like a byline's, not like a sentence."""
    names_ok = _NAMES.fullmatch(names) is not None or (names == "" and not reporter_needed)
    return names_ok and _PLACE.fullmatch(place) is not None


def _cna(inner: str) -> dict | None:
    """中央社記者王明台北25日電 -> the outlet, names, place and day of the month."""
    m = _CNA.fullmatch(inner)
    if m is None:
        return None
    who = m["who"].strip()
    abroad = _ABROAD.fullmatch(who)
    if abroad is not None:  # 駐東京特派員王明: the place, then the names
        names, place = abroad["names"].strip(), abroad["place"].strip()
    elif re.search("[記记]者", who):
        names, place = _names_and_place(who)
    else:  # 中央社華盛頓24日綜合外電報導: no reporter, the place as written
        names, place = "", who
    if not _valid(names, place, reporter_needed=False):
        return None
    return {"outlet": m["outlet"], "reporter": names, "reporter_place": place, "day_of_month": int(m["day"])}


def _fields(inner: str, *, square: bool = False) -> dict | None:
    """The fields of a bracket's inside, or None when it is not a byline (``square``: in 【】, where an
    outlet's name alone is its dispatch; in other brackets it may be a picture's credit: （中央社）); an
    editor's credit after the byline is left aside (（記者李洋報導/責任編輯：林清）)."""
    inner = _EDITOR_AFTER.sub("", inner)
    found = _cna(inner)
    if found is not None:
        return found
    m = _REPORTER.fullmatch(inner) or _NAMED.fullmatch(inner)
    if m is not None:
        names, place = split_byline(m["byline"]) if "byline" in m.re.groupindex else (m["names"].strip(), "")
        if not _valid(names, place):
            return None
        return {"outlet": m["outlet"] or "", "reporter": names, "reporter_place": place, "day_of_month": None}
    m = _DESK.fullmatch(inner)
    if m is None and (dispatch := _DISPATCH.fullmatch(inner)) is not None and (dispatch["word"] or square):
        m = dispatch  # (an outlet alone in 【】 only before a sentence or nothing: parse_byline)
    if m is not None:  # a desk compiles, an outlet's dispatch names none: no reporter, and no place
        return {"outlet": m["outlet"] or "", "reporter": "", "reporter_place": "", "day_of_month": None}
    return None


def parse_byline(line: str) -> dict | None:
    """Read a byline that opens a line: a bracket (``（中央社記者王明台北25日電）``, ``〔記者王明／台北報導〕``)
    or, with a slash before the place, bare text (``記者王明／台北報導``).

    Parameters
    ----------
    line : str
        A stripped line, e.g. an article body's first line.

    Returns
    -------
    dict or None
        ``outlet`` (:data:`OUTLETS`, as written; ``""`` when the byline names none), ``reporter``
        (names, separated by ``、`` as written; ``""`` for a desk such as 即時新聞), ``reporter_place``
        (see :func:`split_byline`; ``""`` for a compiled report), ``day_of_month`` (an int for 中央社's
        ``25日電``, else None), ``byline`` (exactly as written) and ``rest``; None when the line opens
        with no byline.

    Examples
    --------
    >>> b = parse_byline("（中央社記者王明、李華台北25日電）行政院今天表示")
    >>> b["outlet"], b["reporter"], b["reporter_place"], b["day_of_month"], b["rest"]
    ('中央社', '王明、李華', '台北', 25, '行政院今天表示')
    >>> b = parse_byline("【聯合報／記者林河名／台北即時報導】立法院")
    >>> b["outlet"], b["reporter"], b["reporter_place"], b["byline"]
    ('聯合報', '林河名', '台北', '【聯合報／記者林河名／台北即時報導】')
    >>> lines = ["〔即時新聞／綜合報導〕", "（中時新聞網 記者李文）", "记者王明／台北报导"]
    >>> [parse_byline(x)["reporter"] for x in lines]
    ['', '李文', '王明']
    >>> parse_byline("記者會上，部長表示") is None, parse_byline("【獨家】立法院") is None
    (True, True)
    >>> b = parse_byline("【明報專訊】港鐵公司宣布")
    >>> b["outlet"], b["reporter"], b["byline"], b["rest"]
    ('明報', '', '【明報專訊】', '港鐵公司宣布')
    >>> b = parse_byline("明報記者 陳美玲")
    >>> b["outlet"], b["reporter"], b["rest"], parse_byline("明報記者昨日到場採訪") is None
    ('明報', '陳美玲', '', True)
    >>> lines = ["台視新聞 記者陳怡君 蔡明哲 桃園報導", "壹蘋新聞網／李振豪報導", "民視新聞網 綜合報導"]
    >>> [(parse_byline(x)["outlet"], parse_byline(x)["reporter"], parse_byline(x)["reporter_place"]) for x in lines]
    [('台視新聞', '陳怡君、蔡明哲', '桃園'), ('壹蘋新聞網', '李振豪', ''), ('民視新聞網', '', '')]
    >>> b = parse_byline("【新頭殼newtalk】記者陳佩君／新北報導")
    >>> b["outlet"], b["reporter"], b["reporter_place"], b["rest"]
    ('新頭殼newtalk', '陳佩君', '新北', '')
    >>> parse_byline("聯合報今天報導") is None, parse_byline("中央社 今天下午報導") is None
    (True, True)
    >>> lines = ["工商時報 魏喬怡", "苦勞網記者 張子午 報導", "東森新聞 生活中心 / 綜合報導", "作者：陳一姍",
    ...          "撰文：信報記者 梁嘉麗", "文．李宜庭 攝影．程思迪", "編譯：陳秀芳、王明"]
    >>> [parse_byline(x)["reporter"] for x in lines]
    ['魏喬怡', '張子午', '', '陳一姍', '梁嘉麗', '李宜庭', '陳秀芳、王明']
    >>> lines = ["By 星島頭條 記者 黃家樂", "文／林宏達　編輯／陳芃", "文字 李雪莉、楊智強"]
    >>> [parse_byline(x)["reporter"] for x in lines]
    ['黃家樂', '林宏達', '李雪莉、楊智強']
    >>> found = parse_byline("政治中心／記者許雅涵、鄭宇翔／台北報導")  # a desk, then its reporters
    >>> found["reporter"], found["reporter_place"], found["byline"]
    ('許雅涵、鄭宇翔', '台北', '政治中心／記者許雅涵、鄭宇翔／台北報導')
    """
    if (d := _DISPATCH_THEN_REPORTER.match(line)) is not None and _chinese_names(d["names"]):
        # 香港文匯報訊（記者 鄺穎茵、馮家朗）: Hong Kong's dispatch, then its reporters in brackets
        outlet = "" if d["outlet"] in ("本報", "本报") else d["outlet"]
        return {**_fields_of(outlet, _listed(d["names"]), d["place"] or ""), "byline": d[0],
                "rest": line[d.end():].strip()}
    m = _BRACKET.match(line)
    # 【香港01】 alone, or before a sentence (港鐵公司宣布，…) or a byline, is a dispatch; before a headline
    # (【報導者】偏鄉醫療困境調查), a label
    after = line[m.end():].strip() if m is not None else ""
    more = parse_byline(after) if after else None  # a byline after the bracket
    square = m is not None and m[0].startswith("【") and (
        not after or _SENTENCE.search(after) is not None or more is not None)
    found = _fields(m["inner"], square=square) if m is not None else None
    if found is not None and not found["reporter"] and found["day_of_month"] is None \
            and more is not None and more["reporter"]:
        # 【新頭殼newtalk】記者陳佩君／新北報導: the outlet's dispatch, then its reporter
        return {**more, "outlet": found["outlet"] or more["outlet"], "byline": line[:m.end()] + more["byline"]}
    if found is None and (own := _own_line(_BY.sub("", line.strip()))) is not None:  # (By 星島頭條 記者 黃家樂)
        return {**own, "byline": line.strip(), "rest": ""}
    if found is None and (row := _credit_row(line.strip())) is not None:  # 文字記者：A、B｜攝影記者：C｜苗栗
        return {**row, "byline": line.strip(), "rest": ""}
    if found is None and _BY.match(line.strip()) and _BARE_NAMES.fullmatch(names := _BY.sub("", line.strip())) \
            and _chinese_names(names) and not _PLACE_AT_END.fullmatch(names) and not _NOT_A_NAME.search(names):
        # (2024.10.26 10:30 by 李欣穎: a name alone after By, of three or four letters; not by 林口)
        return {**_fields_of("", _listed(names)), "byline": line.strip(), "rest": ""}
    if found is None and (desk := _DESK_FIRST.match(line)) is not None \
            and (after := parse_byline(line[desk.end():])) is not None and after["reporter"]:
        return {**after, "byline": line[:desk.end()] + after["byline"]}  # 政治中心／記者許雅涵／台北報導
    if found is None:
        m = _BARE.match(line)
        if m is None:
            return None
        names, place = split_byline(m["byline"])
        if not _valid(names, place):
            return None
        found = {"outlet": m["outlet"] or "", "reporter": names, "reporter_place": place, "day_of_month": None}
    return {**found, "byline": line[:m.end()], "rest": line[m.end():].strip()}


_OUTLET_FIRST = re.compile(OUTLET_PATTERN)
# An outlet's dispatch, then its reporters in brackets: 香港文匯報訊（記者 鄺穎茵、馮家朗）, 明報訊（記者陳美玲）
_DISPATCH_THEN_REPORTER = re.compile(
    rf"(?:香港|澳門|澳门|台灣|臺灣)?(?P<outlet>{_OUTLET}|本報|本报)\s*[專专]?[訊讯]\s*[（(]\s*(?:特約|特约)?[記记]者\s*"
    rf"(?P<names>{LISTED_NAMES}?)"
    rf"(?:\s*(?P<place>[^\W\d_]{{2,6}}?)?\s*{_REPORTED})?\s*[）)]")
# A name alone after By: three or four letters (two are as often a place's or a word's: by 林口, by 文化)
_BARE_NAMES = re.compile(r"[^\W\d_]{3,4}(?:\s*[、,，]\s*[^\W\d_]{3,4})*")
# A credit in a row of them, apart by bars: its label and names (文字記者：古瑞萍、彭國鈞, 攝影記者：溫子豪), or a place
_ROW_CREDIT = re.compile(r"(?P<label>[^\W\d_]{1,5}?)\s*[：:／/]\s*"
                         rf"(?P<names>{LISTED_NAMES})")
# ... whose label names a writer (not a photographer's, an editor's or a designer's)
_WRITER_LABEL = re.compile(r"(?:文字)?[記记]者|撰稿|撰文|作者|文字?|[編编][譯译]|[譯译]者|採訪|采访")


def _credit_row(line: str) -> dict | None:
    """The writers and place of a row of credits apart by bars (文字記者：古瑞萍、彭國鈞｜攝影記者：溫子豪｜苗栗獅潭),
    or None: every part a labelled credit or, last, a place; at least one a writer's."""
    parts = [p.strip() for p in re.split(r"[|｜]", line) if p.strip()]
    if len(parts) < 2:
        return None
    writers, place = [], ""
    for k, part in enumerate(parts):
        m = _ROW_CREDIT.fullmatch(part)
        if m is not None:
            if _WRITER_LABEL.fullmatch(m["label"]):
                writers.append(_listed(m["names"]))
            elif not CREDIT_LINE.fullmatch(part) and not _CREDITED_LABEL.fullmatch(m["label"]):
                return None
        elif k == len(parts) - 1 and k and re.fullmatch(r"[^\W\d_]{2,4}(?:\s*[^\W\d_]{2,4})?", part):
            place = part
        else:
            return None
    return _fields_of("", "、".join(writers), place) if writers and _chinese_names("、".join(writers)) else None
_BY = re.compile(r"^[Bb][Yy]\s+(?=\S)")
_HEADER_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# words of a header that are no reporter's name: 綜合報導, 快訊, 記者王明, 編輯部
_NOT_A_NAME = re.compile(r"報導|报导|快訊|快讯|記者|记者|新聞|新闻|中心|編輯|编辑|專訊|专讯|即時|即时|綜合|综合"
                         r"|社論|社论|觀點|观点|要聞|要闻|本報|本报|快評|快评|評論|评论|專欄|专栏|獨家|独家|深度|調查|调查"
                         r"|手記|手记|^會|^会"
                         # sections, desks, programmes and roles: 政治/台北報導, 東網 直擊, 作者：台大教授
                         r"|^(?:政治|生活|社會|社会|國際|国际|財經|财经|地方|娛樂|娱乐|體育|体育|科技|兩岸|两岸|健康|文化|教育"
                         r"|要聞|論壇|论坛|直擊|直击|專訪|专访|專題|专题|特稿|焦點|焦点|話題|话题|影音|直播|民調|民调|高峰會"
                         r"|峰會|峰会)$|[組组部處处]$|教授|律師|律师|醫師|医师|博士|研究員|研究员|作家|學者|学者")


def header_words(words: str) -> dict:
    """The outlet, reporter and place that the words beside a header line's date give: an outlet the kit
    knows (:data:`OUTLETS`), then a byline (``記者王明／台北報導``), or a reporter's name alone, after
    ``記者`` or after the outlet (``中時新聞網 朱真楷 2023/06/19 17:33``, ``風傳媒 記者周怡孜 2024-03-05 11:47``).

    Parameters
    ----------
    words : str
        The words before or after the date, stripped.

    Returns
    -------
    dict
        ``outlet``, ``reporter`` and ``reporter_place`` (``""`` for what the words do not give), and
        ``rest``: what they hold besides (``""`` when they are an outlet and a reporter and nothing else).

    Examples
    --------
    >>> header_words("聯合報 記者林小華／台北即時報導")
    {'outlet': '聯合報', 'reporter': '林小華', 'reporter_place': '台北', 'rest': ''}
    >>> words = ("風傳媒 記者周怡孜", "中時新聞網 朱真楷", "記者王明", "王明", "中時新聞網 綜合報導")
    >>> [header_words(w)["reporter"] for w in words]
    ['周怡孜', '朱真楷', '王明', '', '']
    >>> header_words("記者會上部長表示")["rest"]
    '記者會上部長表示'
    >>> header_words("聯合報／ 社論")
    {'outlet': '聯合報', 'reporter': '', 'reporter_place': '', 'rest': ''}
    >>> header_words("【新頭殼newtalk】 陳佩君/新北報導")
    {'outlet': '新頭殼newtalk', 'reporter': '陳佩君', 'reporter_place': '新北', 'rest': ''}
    """
    bracketed = BRACKETED_OUTLET.match(words)  # 【新頭殼newtalk】
    m = bracketed or _OUTLET_FIRST.match(words)
    outlet = "" if m is None else bracketed["outlet"] if bracketed else m[0]
    rest = words[m.end() if m is not None else 0:].strip(" |｜/／")
    found = {"outlet": outlet, "reporter": "", "reporter_place": "", "rest": rest}
    byline = parse_byline(rest) if rest else None
    if byline is not None and not byline["rest"]:
        return {**found, "outlet": outlet or byline["outlet"], "reporter": byline["reporter"],
                "reporter_place": byline["reporter_place"], "rest": ""}
    if (unmarked := _UNMARKED.fullmatch(rest)) is not None and not _NOT_A_NAME.search(unmarked["names"]) \
            and unmarked["names"] not in PLACES and unmarked["place"] in PLACES:  # (not 國防/外交報導)
        names, place = _names_and_place(unmarked["names"] + "/" + unmarked["place"])
        return {**found, "reporter": names, "reporter_place": place, "rest": ""}
    if outlet and rest in GENRES:  # (2024-03-18 00:10 聯合報／ 社論: the outlet's editorial, no reporter)
        return {**found, "rest": ""}
    name = without_reporter_word(rest)
    if (outlet or name != rest) and _HEADER_NAME.match(name) and name not in PLACES and not _NOT_A_NAME.search(name):
        return {**found, "reporter": name, "rest": ""}
    return found
