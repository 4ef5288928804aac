"""The clause grammar behind :func:`analysis.quotes`: in one field, where sentences and clauses are,
which words are quoted, and who is the subject of a reporting verb.

:class:`Clauses` holds a field's words, mentions, titles, quotation marks and verbs (:data:`CUES`),
with the lookups the rules of :mod:`analysis.quotations` need (its documentation says what they are
for a coder): the subject of a clause (the first actor, or the person at the end of a chain of names
and titles), a pronoun's person, a post's publisher, a title's one holder. :func:`quote_pairs` finds
the quotation marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import NamedTuple

from .mentions import DocumentActors, FieldActors, Mention
from .names import (ABBREVIATIONS, BODIES, COURTESY_LETTERS, COURTESY_TITLES, CUES, HEADLINE_STARTS, HEADLINE_WORDS,
                    PUNCTUATED_CUES, han)
from .postags import jieba_tag
from .shapednames import TICKER
from .titlednames import NAME_SURNAMES

#: Kinds of body whose word alone, or after 該 or 本, stands for the one body of that kind the document names
#: (台灣外送平台協會…。協會並表示).
_BACK_HEADS = frozenset("協會 工會 公會 學會 商會 基金會 聯盟 公司 醫院 銀行".split())
# A body's spokesperson, after its name and what is in brackets after it (宏曜電子（3791）發言人)
_SPOKESPERSON = re.compile(r"(?:[（(][^）)\n]{0,12}[）)])?發言人")
#: Pronouns that stand for the person named last.
PRONOUNS = frozenset(("他", "她"))
#: Unnamed speakers (the speaker is empty, ``speaker_mention`` says who).
UNNAMED = frozenset("""
警方 檢方 軍方 校方 院方 官方 官員 專家 學者 網友 民眾 業者 家屬 消息人士 知情人士 人士 外媒 媒體 分析人士 發言人
律師 醫師 居民 目擊者 當事人 主辦單位 該部 該會 該署 該局 該院 該公司 對方 政府 市府 縣府 中央 地方
市民 縣民 鄉親 村民 農民 漁民 選民 網民 旅客 乘客 遊客 消費者 家長 路人 店家 攤商 患者 病患 移工
學生 成員 主管 人員 藍委 綠委 白委 台商 廠商 老闆 教師 員警 醫生 護理師
幹部 駕駛 司機 員工 工作人員 志工 店員 住戶 鄰居 同事 友人 親友
家人 親人 女兒 兒子 母親 父親 妻子 丈夫 太太 姊姊 姐姐 哥哥 弟弟 妹妹 孫子 孫女 阿嬤 阿公
兩人 二人 三人 多人 眾人
控方 辯方
""".split())
#: Words for who someone is by trade or age, a group's head only after a count or a surname (一名部落青年,
#: 吳姓老農), not alone (球迷湧入球場: no speaker; 勞工團體: a longer name).
PEOPLE = frozenset("""
青年 少年 少女 老農 蚵農 果農 茶農 菜農 稻農 族人 長者 老人 婦人 男子 女子 老翁 老婦 街坊 屋主 車主 耆老 業主 地主
租客 房東 房客 店主 東主 職員 工人 勞工 球迷 信徒 義工
""".split())
#: Posts, statements and letters that speak for whoever issued them (駐紐約辦事處推文…，推文還寫到).
POSTS = ("推文", "貼文", "聲明", "新聞稿", "臉書", "推特", "文章", "廣告", "信中", "公告", "影片")
#: Words before a verb that make it a noun or a passive (的批評, 遭批評, 做出回應).
NOT_A_VERB_BEFORE = ("的", "到", "受", "遭", "被", "其", "做出", "作出", "提出", "有", "無", "予以", "發表",
                     "引發", "引起", "招致", "面對", "面臨", "發布", "發出")
#: Adverbs and connectives that may stand between a clause's start and its verb (，並說…).
ADVERBS = frozenset("也 亦 更 還 並 又 再 則 就 都 另 同時 隨後 接著 最後 另外 此外 甚至 進一步 並且 而 但 卻 且 "
                    "也曾 曾 則是 私下 私底下 隨即 直接 公開 坦白 一再 再度 再次 均 皆 亦均".split())
#: Words that deny the verb after them (怎麼不批評): a statement not made.
NEGATIONS = ("不", "沒", "未")
#: Words that make the clause after them a condition (行政院若認為…, 如果他說…): a statement supposed, not made.
CONDITIONS = ("若", "如果", "假如", "倘若", "要是", "一旦", "假使", "如若")
#: Words that make the verb after them an obligation (國防部應說明清楚): a statement asked for, not made.
MODALS = frozenset("應 應該 應當 必須 須 需 需要 務必 应 应该 应当 必须 需要".split())
# Words after a body that make what follows what it speaks about, not its people (針對, 對, 就)
_ABOUT = ("針對", "對於", "關於", "對", "就", "向", "為", "替", "與", "和", "跟")
# Someone left unnamed (許太太, 李太, 吳姓母親, 一名部落青年), for a pronoun after them (Clauses._unnamed_between)
_WHO_UNNAMED = tuple("母親 父親 婦人 男子 女子 青年 老農 居民 民眾 家長 患者 病患 長者 住戶 學生 員工 業者".split())
_UNNAMED_PERSON = re.compile(
    r"\w(?:姓\w{1,3}|太太|先生|女士|小姐|[太伯婆叔姨嬸](?![\u4e00-\u9fff]{0,1}[長]))"
    r"(?=[在到則也並又還就已於受向對今昨稍當先隨帶的，,、。：:「（(說表指])"
    r"|[一兩][名位][^，,。；;：:「」\n]{0,12}?(?:" + "|".join(sorted(_WHO_UNNAMED, key=len, reverse=True)) + ")")
#: The letters of a title of courtesy or a word for who someone is that tell a woman or a man, for 她 and 他.
_WOMEN, _MEN = frozenset("太婆姨嬸女士姐母婦"), frozenset("伯叔先生父男翁")
# Words that count someone unnamed (一名官員, 一位醫師)
_COUNTED = frozenset("一名 一位 兩名 兩位 多名 多位 數名 數位 該名 該位 一名男性 一名女性 若干 不少 許多 部分 多數 少數"
                     " 一些 有些".split())
# A number of people: 三名, 10位, 幾名 (a count of its own before a group: 三名|目擊者)
_COUNT = re.compile(r"(?:[一二兩三四五六七八九十百幾數多]+|\d+)[名位]")
# What words of time or place between a speaker and the verb never hold (a clause mark, a possessive)
_NOT_ADJUNCT = re.compile(r"[，,。；;：:「」『』“”的之]")
# Verbs of posting or writing that make a clause's subject a new speaker (網友留言, 粉專發文)
_POSTING = re.compile(r"留言|發文|貼文|推文|回覆|回文|寫道|喊話|發聲")
# Prepositions whose object is whom something is said to (向記者表示, 對媒體說, 跟家人說)
_TOWARDS = frozenset("向 對 对 跟 向著 對著".split())
# A person the news leaves unnamed by a surname and a word for who they are (賴姓婦人, 陳姓男子, 陳男, 林嫌, 王婦)
_ANONYMOUS = re.compile(r"\w(?:姓(?:男子|女子|婦人|老翁|老婦|老先生|老太太|男童|女童|少年|少女|青年|學生|民眾|司機|員工"
                        r"|業者|店員|老闆|家長|老農|農民|漁民|蚵農|果農|茶農|族人|長者|居民|住戶|攤商|店家|屋主|車主|移工"
                        r"|男|女|嫌犯|嫌|婦)"
                        # a surname and a courtesy title (王小姐, 陳太 in Hong Kong), before what follows a speaker
                        r"|(?:" + "|".join(("太太", *COURTESY_TITLES, *COURTESY_LETTERS)) + ")"  # two letters first
                        r"(?=[在到則也並又還就已於受向對今昨稍當先隨，,、。：:「（(]"
                        r"|表示|說|指出|強調|坦言|透露|回應|憶述|抱怨|反映)"
                        # a surname and 男, 女, 嫌, 婦 or 某 (an unnamed person: 王某, 杜某), before what follows a
                        # speaker (陳男到案後; not 陳男雄, 高女學生)
                        r"|(?:男|女|嫌|婦|某)(?=[在到則也並又還就已於受向對被因今昨稍當先隨，,、。：:「（(]"
                        r"|表示|說|指出|強調|坦言|辯稱|供稱|回應|透露|坦承|承認|否認))")
# Where and when something was said, between a speaker and the verb: 今天在屏東舉行的研討會上, 昨在立法院受訪時
_OCCASION = re.compile(r"[^，,。；;：:「」『』“”]{0,4}在[^，,。；;：:「」『』“”在]{1,16}(?:上|中|時|後|前|內)"
                       r"[則也並又還再亦]?")
#: Prepositions that may stand, with their object, between a modal and its verb (須向立院說明).
_MODAL_PREPOSITIONS = frozenset("向 對 对 跟 替 給 给".split())


def _courtesy_name(word: str) -> bool:
    """A surname and a courtesy title of one letter as one word (梁伯, 陳太, 黃生): someone left unnamed."""
    return len(word) == 2 and word[0] in NAME_SURNAMES and word[1] in COURTESY_LETTERS


def _modal_before(words: list[str], k: int) -> bool:
    """Whether a modal stands before word ``k``, perhaps with adverbs or a preposition and its object between
    (應說明, 應盡速說明, 必須公開說明, 須向立院說明, 應該立即向社會大眾說明)."""
    j = k - 1
    while j >= 0 and k - j <= 5:
        word = words[j]
        if word in MODALS:
            return True
        if (jieba_tag(word) or "").startswith(("d", "ad")):
            j -= 1
            continue
        # a preposition and an object of one or two words: 向|立院, 向|社會|大眾
        prep = next((i for i in (j - 1, j - 2) if i >= 0 and words[i][-1:] in _MODAL_PREPOSITIONS
                     and (len(words[i]) == 1 or words[i][:-1] in MODALS)), None)
        if prep is None:
            return False
        if len(words[prep]) > 1:
            return True  # 須向|立院|說明
        j = prep - 1
    return False


#: Words that start a clause of the reporter's own, which ends a reported statement (另外，…).
CONNECTIVE = re.compile(r"[，,](?:另外|此外|對此|對於此|與此同時|另一方面)")
#: Nouns a chain of names and titles may hold besides names and titles.
_CHAIN_WORDS = frozenset((" ", "\u3000", "駐", "、", "前", "現任", "新任", "兼",
                          "政務", "常務", "代理", "首席", "資深", "常任"))  # 外交部政務次長田中光: jieba cuts 政務|次長

#: The plain reporting verbs.
SAYS = frozenset(("說", "稱", "表示", "指出", "說道"))
#: Verbs that may open a later clause of a statement as another statement of its speaker (…，並重申…).
SECOND_VERBS = frozenset(("說", "稱", "表示", "指出", "說道", "重申", "呼籲", "強調", "認為", "直言", "坦言", "透露",
                          "提到", "補充", "批評", "承諾", "允諾", "宣布", "指", "指稱", "回應", "說明", "解釋", "質疑",
                          "反駁", "澄清", "形容"))
# How someone says it, fused to 說 by the segmenter (笑說, 苦笑說, 嘆說)
_MANNERS = frozenset("笑 苦笑 酸 嗆 嘆 直 怒 哽咽 感慨 無奈 淡淡 笑著 大笑 小聲 坦白".split())
#: Place and time words a verb may be fused to (在記者會上稱, 受訪時說).
_LOCATIVE_ENDS = frozenset(("上", "中", "時", "後", "前", "內"))
#: Words before an organisation that make it where something was published, not who speaks (透過臉書).
_CHANNEL_BEFORE = ("透過", "經由", "刊登在", "刊在", "登在", "刊登於", "刊於")
#: Words after an organisation that make it where something was published (時代雜誌刊廣告).
_CHANNEL_AFTER = ("刊", "登出", "刊登")
#: Marks that end a sentence.
TERMINATORS = frozenset("。！？!?；;\n")
_PARENTHESIS = re.compile(r"[(（〔【\[][^()（）〔〕【】\[\]\n。]{0,30}[)）〕】\]]")
#: Marks that end a clause.
CLAUSE_MARKS = frozenset("，,：:")
#: Quotation marks, opening to closing: 『』 quote on their own in some outlets (nested in 「」 they stay inside),
#: straight quotes in crawled text.
QUOTE_MARKS = {"「": "」", "“": "”", "『": "』", '"': '"', "＂": "＂"}
#: Marks that quote only when they close on their line.
_MUST_CLOSE = frozenset(("』", '"', "＂"))


class Speaker(NamedTuple):
    """Who speaks: the canonical ``speaker`` (empty for an unnamed one), the ``mention`` as written, its ``type``."""

    speaker: str
    mention: str
    type: str


#: A subject and where its clause starts.
Found = tuple[Speaker, int]


class Clauses:
    """A field's words, mentions, titles, quotation marks and verbs, with the lookups the rules need."""

    def __init__(self, doc: DocumentActors, f: FieldActors):
        self.doc, self.f, self.text = doc, f, f.text
        self.words = f.words
        self.offsets = list(accumulate(map(len, f.words), initial=0))
        self.pairs = quote_pairs(f.text)
        self.mentions = [m for m in f.mentions if not self.in_quotes(m.start)]
        self.starts = [m.start for m in self.mentions]
        self.titles = {s: e for s, e in f.titles if not self.in_quotes(s)}
        self.title_ends = {e: s for s, e in self.titles.items()}
        self.cues = self._cues()

    def opens(self, pos: int) -> bool:
        """Whether a name, title, pronoun or unnamed speaker opens the clause at ``pos`` (after an adverb)."""
        pos += len(self.text[pos:]) - len(self.text[pos:].lstrip(" \u3000"))
        if self.word_at(pos) in ADVERBS:
            pos += len(self.word_at(pos))
        word = self.word_at(pos)
        return self.mention_at(pos) is not None or pos in self.titles or word in PRONOUNS or word in UNNAMED

    def in_quotes(self, pos: int) -> bool:
        i = bisect_right(self.pairs, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.pairs[i][0] < pos <= self.pairs[i][1]

    def word_at_end(self, pos: int) -> str:
        """The word that ends at ``pos`` (empty when none does)."""
        k = bisect_left(self.offsets, pos) - 1
        return self.words[k] if k >= 0 and self.offsets[k] + len(self.words[k]) == pos else ""

    def word_at(self, pos: int) -> str:
        k = bisect_left(self.offsets, pos)
        return self.words[k] if k < len(self.words) and self.offsets[k] == pos else ""

    def _cues(self) -> list[tuple[int, int, str]]:
        """Every reporting verb used as a verb: (start, end, verb); a verb may end a word (尹立說, 並說)."""
        words, text = self.words, self.text
        ends = {m.end for m in self.f.mentions}
        title_ends = {e for _, e in self.f.titles}
        out = []
        for k, word in enumerate(words):
            start = self.offsets[k]
            cue = word if word in CUES or (word in PUNCTUATED_CUES and text[start + len(word):start + len(word) + 1]
                                           in "，,：:") else None
            if cue is None:
                for i in range(1, len(word)):
                    fused = word[i:] in CUES or (word[i:] in PUNCTUATED_CUES  # 質詢|時問：
                                                 and text[start + len(word):start + len(word) + 1] in "，,：:")
                    if fused and (start + i in ends or word[:i] in ADVERBS or word[:i] in _LOCATIVE_ENDS
                                  or (word[i:] == "說" and word[:i] in _MANNERS)):
                        cue, start = word[i:], start + i
                        break
                    across = word[i:] + (words[k + 1] if k + 1 < len(words) else "")
                    if start + i in ends and across in CUES and len(across) > len(word[i:]):
                        cue, start = across, start + i  # 闕宛|蓉認|為: a name's last letter and the verb's first
                        break
            if cue is None and self.f.field == "title" and word in HEADLINE_WORDS \
                    and (start in ends or start in title_ends):
                cue = word  # 民進黨團|批|藍白濫刪預算: a headline's verb after who speaks
            if cue is None and self.f.field == "title" and len(word) >= 2 and word[0] in HEADLINE_STARTS \
                    and word not in CUES and (start in ends or start in title_ends or self._break(start - 1)):
                cue = word[0]  # a headline's one-character verb fused to its object: 美次卿|讚台…, 允助台…
            if cue is None or self.in_quotes(start):
                continue
            before = text[max(0, start - 2):start]
            if before.endswith(NOT_A_VERB_BEFORE) or (before.endswith(NEGATIONS) and cue not in ("認為", "排除")):
                continue
            if k and words[k - 1] == "所" and start == self.offsets[k]:
                continue  # 他所指, 他所說的: what he meant, not a statement (not 研究所指出: a body's name)
            if (word[:start - self.offsets[k]] if start > self.offsets[k] else "") in MODALS or _modal_before(words, k):
                continue  # 應說明, 必須表示, 應盡速說明, 須向立院說明: what someone should say
            if k >= 2 and words[k - 2] == "的" and len(words[k - 1]) <= 2 and words[k - 1] not in UNNAMED \
                    and words[k - 1] not in PEOPLE \
                    and start not in ends and start not in title_ends \
                    and not ((m := _ANONYMOUS.match(text, self.offsets[k - 1])) and m.end() == start) \
                    and not _courtesy_name(words[k - 1]):
                continue  # 的嚴重警告: a noun with its modifier (not 70歲的梁伯說: a person)
            nxt = k + 1 + (start + len(cue) > self.offsets[k] + len(word))  # (蓉認|為|的: after the verb's end)
            after = words[nxt] if nxt < len(words) else ""
            if after == "的" or after in SAYS:  # 表示的; 回應稱: the second verb says it
                continue
            if self.passive(start) or self.supposed(start):
                continue
            out.append((start, start + len(cue), cue))
        return out

    def has_verb(self, lo: int, hi: int) -> bool:
        """Whether a word in [lo, hi) outside a mention is a verb by jieba's tags (經濟部已|推動)."""
        k = bisect_left(self.offsets, lo)
        while k < len(self.words) and self.offsets[k] < hi:
            pos = self.offsets[k]
            if (jieba_tag(self.words[k]) or "").startswith("v") and self.mention_at(pos) is None \
                    and not any(m.start <= pos < m.end for m in self.mentions):
                return True
            k += 1
        return False

    def supposed(self, pos: int) -> bool:
        """A verb in a condition: 若, 如果 or 假如 between its clause's start and it (行政院若認為刪減不合理)."""
        lo = self.clause_start(pos)
        k, stop = bisect_left(self.offsets, lo), bisect_left(self.offsets, pos)
        return any(w.startswith(CONDITIONS) and w != "若干" and not any(m.start <= self.offsets[i] < m.end
                                                                        for m in self.mentions)
                   for i, w in enumerate(self.words[k:stop], k))  # (not 若 in 鄧|若涵說)

    def passive(self, pos: int) -> bool:
        """A verb whose names and titles right before it follow 遭 or 被: 他遭民進黨立委批評."""
        starts = {m.end: m.start for m in self.f.mentions} | self.title_ends
        moved = pos
        while moved in starts:
            moved = starts[moved]
        return moved < pos and self.text[max(0, moved - 2):moved].endswith(("遭", "被", "受", "受到"))

    # -- where sentences and clauses are

    def _break(self, i: int) -> bool:
        """A space between the parts of a headline (not between two Latin words)."""
        return self.f.field == "title" and i > 0 and self.text[i] in " \u3000" \
            and not self.text[i - 1:i + 2].isascii()

    def previous_part(self, pos: int) -> tuple[int, int] | None:
        """The part of a headline before the one starting at ``pos`` (after a space), else None."""
        if pos <= 1 or not self._break(pos - 1):
            return None
        return self.sentence_start(pos - 1), pos - 1

    def sentence_start(self, pos: int) -> int:
        i = pos - 1
        while i >= 0 and self.text[i] not in TERMINATORS and not self._break(i):
            i -= 1
        return i + 1

    def sentence_end(self, pos: int) -> int:
        """Where the sentence holding ``pos`` ends; it ends after the quotation marks it opened."""
        i, n = pos, len(self.text)
        closing = dict(self.pairs)
        while i < n and self.text[i] not in TERMINATORS and not self._break(i):
            i = closing[i] + 1 if i in closing else i + 1
        return min(i, n)

    def clause_start(self, pos: int) -> int:
        i = pos - 1
        while i >= 0 and self.text[i] not in TERMINATORS and not self._break(i) \
                and not (self.text[i] in CLAUSE_MARKS and not self.in_quotes(i)):
            i -= 1
        return i + 1

    def locative(self, start: int, end: int) -> bool:
        """A verb inside a phrase of place or time: 在一篇譴責中共鎮壓香港的聲明中."""
        stop = end
        while stop < len(self.text) and self.text[stop] not in TERMINATORS and self.text[stop] not in CLAUSE_MARKS:
            stop += 1
        rest = self.text[end:stop]
        return "的" in rest and rest.endswith(("中", "時", "後", "前", "上", "裡", "內")) and \
            "在" in self.text[self.clause_start(start):start]

    # -- speakers

    def parenthesis(self, pos: int) -> int:
        """Where a short bracketed aside that opens at ``pos`` ends (0 if none opens there)."""
        if self.text[pos:pos + 1] not in ("(", "（", "〔", "【", "["):
            return 0
        m = _PARENTHESIS.match(self.text, pos)
        return m.end() if m else 0

    def mention_at(self, pos: int) -> Mention | None:
        i = bisect_left(self.starts, pos)
        return self.mentions[i] if i < len(self.mentions) and self.starts[i] == pos else None

    def new_subject(self, start: int, stop: int) -> bool:
        """Whether a clause after a statement's first one, in [start, stop), opens with a subject of its own
        that says or posts something (…表示不清楚，但網友留言，「…」: the quoted words are not the first speaker's;
        …指出，中國海警船約兩小時後駛離，「…」 is still what the first speaker said)."""
        starts = [i + 1 for i in range(start, stop) if self.text[i] in CLAUSE_MARKS]
        head = self.text[start:starts[0] if starts else stop].strip("，,：: \u3000")
        for pos in (starts if head else starts[1:]):
            if pos >= stop or not self.opens(pos):
                continue
            end = next((i for i in range(pos, stop) if self.text[i] in CLAUSE_MARKS), stop)
            if any(pos <= c[0] < end for c in self.cues) or _POSTING.search(self.text, pos, end):
                return True
        return False

    def titled_person(self, lo: int, hi: int) -> Mention | None:
        """A person named right after a title and before ``hi`` (the verb), no verb from ``lo`` to them; only
        words of time or place may stand between them and the verb (今天受訪時, 會後), no other actor."""
        for m in self.mentions:
            if lo <= m.start and m.type == "person" and m.start in self.title_ends \
                    and not any(lo <= c[0] < m.start for c in self.cues) and self._adjuncts(m.end, hi):
                return m
        return None

    def person_after(self, lo: int, hi: int) -> Mention | None:
        """The first person named in [lo, hi) after words of no clause mark nor verb (柯文哲的|辯護律師鄭深元),
        with only words of time or place between them and ``hi`` (the verb)."""
        m = next((m for m in self.mentions if lo <= m.start < hi), None)
        if m is None or m.type != "person" or _NOT_ADJUNCT.search(self.text[lo:m.start]) \
                or any(lo <= c[0] < m.start for c in self.cues) or not self._adjuncts(m.end, hi):
            return None
        return m

    def group_after(self, pos: int, hi: int) -> int | None:
        """Where an unnamed group right after a name ends (經濟部|官員, 民進黨|高層|人士), with no person named
        after it before ``hi``; None when there is none."""
        counted = self.word_at(pos) if self.word_at(pos) in _COUNTED else ""  # 台大醫院|一名|急診|主治醫師
        pos += len(counted)
        end, at = None, pos
        for _ in range(3):  # up to two nouns, then the group or a title: 高層|人士 (not 籲|民眾), 急診|主治醫師
            word = self.word_at(at)
            if word in UNNAMED or (counted and at in self.titles):
                end = at + len(word) if word in UNNAMED else self.titles[at]
                break
            if len(word) != 2 or word in CUES or not (jieba_tag(word) or "").startswith(("n", "f", "v") if counted
                                                                                    else ("n", "f")):
                break
            at += len(word)
        if end is None or end > hi or any(pos < m.start < hi and m.type == "person" for m in self.f.mentions):
            return None
        return end

    def _counted(self, pos: int, hi: int) -> int | None:
        """Where an unnamed group that a count opens at ``pos`` ends (一名|資深|藍委, 多名|大安區|居民): the count,
        words of no mark but 的 and no person, then an unnamed speaker or a title, or (after a count of people,
        一名 or 三位) a noun right before the verb or its adjuncts (一名長期參與兩岸交流的台商|透露), before ``hi``;
        else None."""
        at = pos + len(self.word_at(pos))
        person_count = self.word_at(pos)[-1:] in ("名", "位")  # (不少|壓力: a count of anything)
        for _ in range(12):
            word = self.word_at(at)
            if not word or at >= hi or word in CUES or (_NOT_ADJUNCT.search(word) and word != "的") \
                    or any(at <= m.start < at + len(word) and m.type == "person" for m in self.mentions):
                return None
            after = at + len(word)
            if self.text.startswith(("接受", "受訪", "《"), at):
                return None  # (一名廣達高層接受《天下》採訪時說: a group whose end is not plain)
            if (jieba_tag(word) or "").startswith("n") and len(word) >= 2 and at > pos and person_count and (
                    after == hi or self.word_at(after) in ADVERBS or self.word_at(after) in _TOWARDS
                    or self.text.startswith(("在", "於", "今天", "昨天", "受訪", "接受", "私下"), after)):
                return after  # 一名長期參與兩岸交流的台商|透露: the noun the verb follows
            if at in self.titles and word not in UNNAMED:
                return self.titles[at]
            if word in UNNAMED or (word in PEOPLE and self._adjuncts(after, hi)):
                while (self.word_at(at) in UNNAMED or self.word_at(at) in PEOPLE) and at < hi:
                    at += len(self.word_at(at))  # 市府|官員: the group as written
                return at
            at += len(word)
        return None

    def _timely(self, start: int, stop: int) -> bool:
        """Whether only words of time, adverbs and prepositions, or a phrase of where it was said, stand in
        [start, stop): after a place, what makes it the subject of the verb (日本政府…, 北京今天在記者會上表示;
        not 觀塘|劏房戶憂…：, a place before whom it describes)."""
        between = self.text[start:stop].strip(" \u3000")
        if not between or _OCCASION.fullmatch(between):
            return True
        k = bisect_left(self.offsets, start)
        while k < len(self.words) and self.offsets[k] < stop:
            word, aside = self.words[k], self.parenthesis(self.offsets[k])
            if aside:  # 美方今天(8日)宣布: a date in brackets
                k = bisect_left(self.offsets, aside)
                continue
            if word.strip() and word not in ADVERBS and not (jieba_tag(word) or "x").startswith(("t", "d", "p")):
                return False
            k += 1
        return True

    def _adjuncts(self, start: int, stop: int) -> bool:
        """Whether what stands in [start, stop) is nothing, or a few words of time or place (今天受訪時): no
        clause mark, no 的, no other actor."""
        aside = self.parenthesis(start)  # 歐陽家俊（Kenneth Au-Yeung）指出: a name in other letters first
        if aside and aside <= stop:
            start = aside
        between = self.text[start:stop].strip(" \u3000")
        if _OCCASION.fullmatch(between) and not any(start < m.start < stop and m.type == "person"
                                                    for m in self.mentions):
            return True  # 今天在屏東舉行的研討會上指出: where it was said, with 的 and a place inside
        return not between or (len(between) <= 10 and not _NOT_ADJUNCT.search(between)
                               and not any(start < m.start < stop for m in self.mentions))

    def _chain(self, pos: int, hi: int) -> tuple[int, Mention | None, Mention | None]:
        """From a name or title at ``pos``, the names and titles that stand together (國民黨立院黨團總召費鴻泰).

        Returns where the chain ends, its last person and its last name."""
        person = last = None
        while pos < hi:
            m = self.mention_at(pos)
            if m is not None:
                pos, last = m.end, m
                person = m if m.type == "person" else person
                continue
            if pos in self.titles and self.titles[pos] <= hi:
                pos = self.titles[pos]
                continue
            word = self.word_at(pos)
            if word in _CHAIN_WORDS and word and pos + len(word) <= hi:
                pos += len(word)
                continue
            skip = self.parenthesis(pos)
            if skip and skip <= hi:
                pos = skip  # 美國在台協會（AIT）處長孫曉雅
                continue
            break
        return pos, person, last

    def topic(self, lo: int, hi: int, *, places: bool = True) -> Found | None:
        """The subject of the clause in [lo, hi): its first name, pronoun, title or unnamed speaker, as a chain."""
        pos, channel = lo, None
        while pos < hi:
            word = self.word_at(pos)
            m = self.mention_at(pos)
            if pos > lo and self.word_at_end(pos) in _TOWARDS:
                pos = m.end if m is not None else self.titles.get(pos, pos + (len(word) or 1))
                continue  # 向記者表示, 對媒體說: whom it was said to, not who said it
            if m is not None and m.type == "place" and self.text[max(0, pos - 1):pos] in ("在", "於", "從") \
                    and pos > lo:
                pos = m.end  # 在新莊開早餐店的林太太: where someone is, not who speaks
                continue
            if m is not None and self.channel(m):
                pos, channel = m.end, channel or m  # 在時代雜誌刊登, 透過臉書: where it was published
                continue
            if m is not None or pos in self.titles:
                start = pos
                end, person, last = self._chain(pos, hi)
                if self.text.startswith("的", end):
                    kin = self.word_at(end + 1)
                    if kin in UNNAMED and self.person_after(end + 1, hi) is None \
                            and self._adjuncts(end + 1 + len(kin), hi):
                        return Speaker("", self.text[start:end + 1 + len(kin)], ""), lo  # 李女士的兒子表示: her son
                    if (named := self.person_after(end + 1, hi)) is not None:
                        return Speaker(named.actor, named.mention, "person"), lo  # 柯文哲的辯護律師鄭深元: the lawyer
                    unnamed = self._unnamed_at(end + 1, hi)
                    if unnamed is not None:  # 鴻運…有限公司的游姓負責人說: its manager, left unnamed
                        return Speaker("", self.text[start:unnamed], ""), lo
                    title_end = self.titles.get(end + 1)
                    if title_end is not None and self._adjuncts(title_end, hi) \
                            and not self.text[:title_end].endswith("發言人"):
                        # 柯文哲的律師表示: someone unnamed (a spokesperson speaks for whom they speak)
                        return Speaker("", self.text[start:title_end], ""), lo
                if person is not None:
                    return Speaker(person.actor, person.mention, "person"), lo
                if last is not None and (group := self.group_after(end, hi)):
                    return Speaker("", self.text[start:group], ""), lo  # 一名經濟部官員, 民進黨高層人士: unnamed
                role = self.title_ends.get(end)
                if role is not None:  # a title with no name after it
                    role_text = self.text[role:end]
                    if last is not None and role_text.endswith("發言人"):
                        return Speaker(last.actor, last.mention, last.type), lo
                    while start > lo:  # 美駐聯大使, 美UN大使: the country and post before the title
                        k = bisect_left(self.offsets, start) - 1
                        word = self.words[k]
                        if not (word in ABBREVIATIONS or word.startswith("駐")) or self.offsets[k] < lo:
                            break
                        start = self.offsets[k]
                    if role_text == "發言人" and last is None and (body := self._spoken_for()) is not None:
                        return Speaker(body, role_text, "organisation"), lo  # 宏曜發言人回應…。發言人並強調
                    headline = self.f.field == "title"  # (of several, the first the story names)
                    holder = next((h for h in (self.doc.holder(role_text, first=headline),
                                               self.doc.holder(role_text[-2:], first=headline)) if h), "")
                    return Speaker(holder, self.text[start:end].strip(), "person"), lo
                if last is not None and start in self.titles:
                    pos = end  # 代表川普政府: a title word used as a verb before a name
                    continue
                if last is not None and last.type == "place" and any(end < t < hi for t in self.titles):
                    pos = end  # 日本防衛大臣…說: the speaker holds the title, not the country
                    continue
                titled = self.titled_person(end, hi)
                if titled is not None:  # 政治大學國際關係研究中心研究員嚴震生分析: the person the title names
                    return Speaker(titled.actor, titled.mention, "person"), lo
                de = self.text.find("的", end, min(end + 6, hi)) if last is not None and last.type == "organisation" \
                    else -1
                head = next((m for m in self.mentions if m.start == de + 1 and m.type == "person"), None) \
                    if de > end and han(self.text[end:de]) and not self.text.startswith(_ABOUT, end) \
                    and not any(end <= m.start < de for m in self.mentions) else None  # (not 陸委會針對…的習近平)
                if head is not None:  # 民進黨提名的范承祐則…批評: the person the words before 的 describe heads
                    return Speaker(head.actor, head.mention, "person"), lo  # the subject
                named = self.person_after(end, hi) if last is not None and last.type == "organisation" else None
                between = self.text[end:named.start] if named is not None else ""
                if 0 < len(between) <= 4 and self.word_at(end) == between and han(between) \
                        and (jieba_tag(between) or "").startswith("n"):
                    # 高雄高工化學老師莫雅帆說: a word for what the person is there, then the person, who speaks
                    # (not 外交部對柯拉克次卿來訪表達: whom the body welcomes)
                    return Speaker(named.actor, named.mention, "person"), lo

                if last is not None and (places or last.type != "place") \
                        and (last.type != "place" or self._timely(end, hi)):  # (同住牛頭角道…的何伯說)
                    return Speaker(last.actor, last.mention, last.type), lo
                pos = end
                continue
            if word in PRONOUNS and self.text.startswith("的", pos + len(word)):
                after = pos + len(word) + 1
                kin = self.word_at(after)
                if kin in UNNAMED and self.mention_at(after + len(kin)) is None \
                        and after + len(kin) not in self.titles:
                    return Speaker("", self.text[pos:after + len(kin)], ""), lo  # 他的兒子說: someone unnamed
                if kin in UNNAMED or any(after <= t < hi for t in self.titles) \
                        or any(after <= m.start < hi for m in self.mentions):
                    pos = after  # 他的辯護律師諸葛文彬說: whose lawyer; the name speaks
                    continue
                person = self.last_person(pos)  # 他的辦公室發出聲明表示: his office speaks for him
                return Speaker(person.actor if person else "", word, "person"), lo
            if (word in _COUNTED or _COUNT.fullmatch(word)) and (group := self._counted(pos, hi)):
                # 一名資深藍委私下透露, 多名大安區居民向記者抱怨: the group as written, without its count
                return Speaker("", self.text[pos + len(word):group], ""), lo
            unnamed = self._unnamed_at(pos, hi)
            if unnamed is not None:  # 林姓里長說, 梁伯慨嘆, 賴姓婦人受訪時說, 陳男辯稱: a person left unnamed
                return Speaker("", self.text[pos:unnamed], ""), lo
            if word in PRONOUNS:
                person = self.last_person(pos)
                return Speaker(person.actor if person else "", word, "person"), lo
            head = self.word_at(pos + 1) if word in ("該", "本") else word
            after = pos + len(word) + (len(head) if word != head else 0)
            if head in _BACK_HEADS and pos == lo and after not in self.titles and self.mention_at(after) is None:
                # 協會並表示, 該公司表示: the one body of the document of that kind; 該公司 of none or several is
                # someone unnamed, and 公司 alone of none is left to the clauses before (…表示，…，公司將說明)
                # (not 工會理事長褚家瑋批評: the name after the title speaks)
                bodies = self._bodies(lambda f, m, head=head: m.mention != head and (m.mention.endswith(head) or (
                    head == "公司" and TICKER.match(f.text, m.end) is not None)))  # (宏曜電子（3791）: a company)
                if len(bodies) == 1:
                    return Speaker(bodies.pop(), self.text[pos:after], "organisation"), lo
                if word != head or bodies:
                    return Speaker("", self.text[pos:after], ""), lo
            if (word in UNNAMED or word in BODIES or (len(word) == 3 and word[-1] in "局處" and han(word))) \
                    and not any(pos < m.start < hi and m.type == "person" for m in self.f.mentions):
                # (水利局提醒: a body every city has, unnamed as 市府 is)
                end = pos + len(word)
                while end < hi and self.word_at(end) in UNNAMED:
                    end += len(self.word_at(end))  # 市府|官員, 警方|人士: the group as written
                # (家長代表王大明表示: the name after the group speaks; but 研究學生行為的學者指出: a group or title
                # right after a 的 heads the subject)
                de = self.text.rfind("的", end, hi)
                if de < 0 or not (self.word_at(de + 1) in UNNAMED or de + 1 in self.titles):
                    return Speaker("", self.text[pos:end], ""), lo
            if word.startswith(POSTS):
                found = self.poster(pos)
                if found:
                    return found, lo
                break
            step = pos + (len(word) or 1)
            inside = bisect_right(self.starts, pos)  # a name read from the characters, inside a word (長哈|尤·瓦旦)
            if inside < len(self.starts) and self.starts[inside] < step:
                step = self.starts[inside]
            pos = self.parenthesis(pos) or step  # a credit in brackets is no subject
        if channel is not None:
            found = self.publisher(channel)
            if found is not None:
                return found, lo
        return None

    def _unnamed_at(self, pos: int, hi: int) -> int | None:
        """Where a person left unnamed, written at ``pos`` before what says they spoke, ends: a surname, 姓 and a
        title (林姓里長), a surname and a courtesy title as a word (梁伯), a surname and a word for who they are
        (賴姓婦人, 陳男); None if none is written there."""
        word = self.word_at(pos)
        if self.text[pos + 1:pos + 2] == "姓" and self.text[pos:pos + 1] in NAME_SURNAMES and pos + 2 in self.titles \
                and self._adjuncts(self.titles[pos + 2], hi):
            return self.titles[pos + 2]
        if _courtesy_name(word) and self._adjuncts(pos + 2, hi):
            return pos + 2
        anonymous = _ANONYMOUS.match(self.text, pos)  # (what follows may be the verb itself: 梁伯說)
        if anonymous is not None and anonymous.end() <= hi and self.text[pos:pos + 1] in NAME_SURNAMES \
                and self._adjuncts(anonymous.end(), hi):
            return anonymous.end()
        return None

    def channel(self, m: Mention) -> bool:
        """An organisation where something was published (刊登在時代雜誌, 時代雜誌刊廣告, 透過臉書), not a speaker."""
        if m.type != "organisation":
            return False
        before = self.text[max(0, m.start - 3):m.start].rstrip(" \u3000「“")
        after = self.text[m.end:m.end + 2].lstrip("」”")
        return before.endswith(_CHANNEL_BEFORE) or after.startswith(_CHANNEL_AFTER)

    def publisher(self, channel: Mention) -> Speaker | None:
        """Who published in a channel: the subject of a clause of another field that names the same channel
        (時代雜誌刊廣告 in a headline; 駐紐約辦事處在「時代雜誌」刊登廣告 in the text)."""
        for other in self.doc.fields:
            if other.field == self.f.field or channel.mention not in other.text:
                continue
            fld = Clauses(self.doc, other)
            i = other.text.find(channel.mention)
            while i >= 0:
                found = fld.topic(fld.clause_start(i), i, places=False)
                if found is not None and found[0].speaker != channel.actor:
                    return found[0]
                i = other.text.find(channel.mention, i + 1)
        return None

    def last_person(self, pos: int) -> Mention | None:
        """The person named last before ``pos`` (in the title when the text has named none yet)."""
        before = [m for m in self.mentions if m.end <= pos and m.type == "person"]
        # not a person named inside what someone else is reported to say (吳釗燮說，宏國總統卡斯楚…。他強調)
        subjects = [m for m in before if not any(self.sentence_start(m.start) <= c[0] < m.start for c in self.cues)]
        before = subjects or before
        if before:
            last = before[-1]
            if self._unnamed_between(last.end, pos, self.text[pos:pos + 1]):
                return None  # (陳福海說，…。船長的妻子許太太在親友陪同下受訪，她哽咽說: someone unnamed since)
            return last
        if self.f.field == "text":
            persons = [m for m in self.doc.fields[0].mentions if m.type == "person"]
            return persons[-1] if persons else None
        return None

    def _unnamed_between(self, start: int, stop: int, pronoun: str = "") -> bool:
        """Is someone left unnamed written as a subject in [start, stop): a surname and a word for who they are or a
        title of courtesy (許太太, 李太, 吳姓母親), or a count of people and who they are (一名部落青年), opening
        its clause or after a 的 there (船長的妻子許太太在…受訪; not 救出一名受困的民眾, an object), outside quotation
        marks, and not a woman for 他 nor a man for 她?"""
        for m in _UNNAMED_PERSON.finditer(self.text, start, stop):
            found = m.group(0)
            if not (found[0] in NAME_SURNAMES or found[0] in "一兩") or self.in_quotes(m.start()) \
                    or any(p.start <= m.start() < p.end for p in self.mentions):
                continue
            before = self.text[self.clause_start(m.start()):m.start()].strip()
            if before and not before.endswith("的") and "的" not in before[-6:]:
                continue  # (消防隊員…救出|一名受困的民眾: whom someone helped)
            letters = set(found[1:])
            woman, man = bool(letters & _WOMEN), bool(letters & _MEN)
            other = (pronoun == "他" and woman and not man) or (pronoun == "她" and man)
            if other and not self.text.startswith("的", m.end()):
                continue  # (里長王大同說，李太…。他說: he is not her; but 蘇姓老翁的女兒…。她說: his daughter)
            return True
        return False

    def poster(self, pos: int) -> Speaker | None:
        """Whoever issued a post: the name right before the same kind of post, earlier (駐紐約辦事處推文)."""
        post = next(p for p in POSTS if self.text.startswith(p, pos))
        for m in reversed([m for m in self.mentions if m.end <= pos]):
            ahead = self.text[m.end:m.end + 4 + len(post)]
            if m.type != "place" and post in ahead and not self.channel(m) \
                    and not any(ch in ahead[:ahead.index(post)] for ch in "，,。"):
                return Speaker(m.actor, m.mention, m.type)
        return None

    def speaker(self, cue_start: int, *, carry: bool = True) -> Found | None:
        """The speaker of a verb: its clause's subject, else the subject carried from an earlier clause (or, with
        ``carry``, from the sentence before when the verb opens its sentence: 。並表示，)."""
        lo = self.clause_start(cue_start)
        found = self.topic(lo, cue_start)
        if found is not None:
            return found
        own = self.text[lo:cue_start].strip()
        if own and own not in ADVERBS and len(own) > 12:
            return None  # a long clause with no subject is not someone speaking
        sentence = self.sentence_start(cue_start)
        hi = lo - 1
        while hi > sentence:
            lo = self.clause_start(hi)
            if self.text[lo:hi].rstrip().endswith(("以外", "之外")) and "除" in self.text[sentence:lo]:
                hi = lo - 1  # 除了表示…，代表川普政府…以外，也…: the subject stands before 除了
                continue
            if self.text[lo:hi].lstrip().startswith(("根據", "依據", "依照")):
                hi = lo - 1  # 根據中央氣象署資料，…，水利局提醒: where the facts come from, not who speaks
                continue
            if any(sentence <= c[0] < lo for c in self.cues) and not self._opens_with_name(lo, hi):
                hi = lo - 1  # what an earlier verb of the sentence reports, a name inside it (…表示，款項是因
                continue  # 王大明違約而暫停，公司將說明): not the speaker; a clause a name opens is its own
            found = self.topic(lo, hi, places=False)
            if found is not None:
                return found
            hi = lo - 1
        part = self.previous_part(sentence) if not own else None
        if part is not None:  # 美駐UN大使會台代表 允助台參與…: a headline's verb with no subject of its own
            found = self.topic(*part, places=False)
            if found is not None:
                return found[0], part[0]
        if (not own or own in ADVERBS) and lo == sentence and carry:
            return self._said_before(sentence)  # …他指出，…。並表示，…: the speaker of the sentence before
        return None

    def _spoken_for(self) -> str | None:
        """The one body the document names with its spokesperson (宏曜發言人), for whom a spokesperson written
        alone speaks; None if it names none or several."""
        bodies = self._bodies(lambda f, m: _SPOKESPERSON.match(f.text, m.end) is not None)
        return bodies.pop() if len(bodies) == 1 else None

    def _bodies(self, test: Callable[[FieldActors, Mention], bool]) -> set[str]:
        """The actors of the document's organisations whose mention passes ``test`` (its field, the mention)."""
        return {m.actor for f in self.doc.fields for m in f.mentions if m.type == "organisation" and test(f, m)}

    def _opens_with_name(self, lo: int, hi: int) -> bool:
        """Does a name or title open the clause in [lo, hi), after at most two letters (a word of time: 今天駐紐約
        辦事處推文)?"""
        starts = [m.start for m in self.mentions if lo <= m.start < hi] + [t for t in self.titles if lo <= t < hi]
        return bool(starts) and len(self.text[lo:min(starts)].strip()) <= 2

    def _said_before(self, sentence: int) -> Found | None:
        """The speaker of the last verb of the sentence before ``sentence``, in the same paragraph, whose
        speaker is named or a pronoun (他指出，…。並表示，…), with ``sentence`` as where the clause starts."""
        if sentence < 2 or self.text[sentence - 1] == "\n":
            return None
        before = self.sentence_start(sentence - 1)
        for cue in reversed([c for c in self.cues if before <= c[0] < sentence - 1]):
            found = self.speaker(cue[0], carry=False)
            if found is not None and (found[0].speaker or found[0].mention in PRONOUNS):
                return found[0], sentence
        return None


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """Top-level quotation marks: (opening, closing) offsets; a 「 or “ left open runs to the end of its
    line (a quotation that goes on in the next paragraph); 『 and straight quotes count only when they
    close on their line, and a straight quote after a digit is an inch mark (14"螢幕).

    Examples
    --------
    >>> quote_pairs('他說：「台灣『民主』」，14"螢幕')
    [(3, 10)]
    >>> quote_pairs("「沒有關上")
    [(0, 5)]
    """
    pairs = []
    i, n = 0, len(text)
    while i < n:
        close = QUOTE_MARKS.get(text[i])
        if close is None or (close in _MUST_CLOSE and i and text[i - 1].isdigit()):
            i += 1
            continue
        depth, j = 0, i + 1
        while j < n and text[j] != "\n":
            if text[j] == text[i] and close != text[i]:
                depth += 1
            elif text[j] == close:
                if depth == 0:
                    break
                depth -= 1
            j += 1
        if close in _MUST_CLOSE and (j >= n or text[j] != close):
            i += 1  # never closed on its line: no quotation mark here
            continue
        pairs.append((i, j))
        i = j + 1
    return pairs
