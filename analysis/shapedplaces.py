"""Places read from their shapes where no dictionary knows them, passes of :func:`analysis.mentionscan.scan` after
:mod:`analysis.shapednames`' names of people and bodies: a place's district and the villages and roads after it
(板橋區港嘴里, 民生路二段), villages, rivers and highways (頂寮里, 立霧溪, 台9線), and roads and streets jieba keeps
as one word (濟南路, 羅斯福路, 凱達格蘭大道).

Each pass takes the scan's state (:class:`analysis.shapednames.Scan`) and adds to it.
"""

from __future__ import annotations

import re

from .names import GLUE, common_words, han
from .postags import dictionary_tag, jieba_tag
from .shapednames import Scan, overlaps, place_ending

# A place's district, township or village written after its name (觀塘|區); and a village or road no
# dictionary knows, after a place (港嘴里, 民生路二段, 中山路100號)
_DISTRICTS = frozenset("區鄉鎮村")
# A road's section or number after its name (民生路|二段, 中山路|100號)
_SECTION = re.compile(r"[一二三四五六七八九十]段|\d+(?:號|巷|弄)")
_LOCAL_PLACE = re.compile(r"[\u4e00-\u9fff]{2}(?:里|村|鄉|鎮)(?![\u4e00-\u9fff]{0,1}(?:長|民|辦|公所|代表))"
                          r"|[\u4e00-\u9fff]{1,3}(?:路|街|大道)(?:" + _SECTION.pattern + ")")


def local_places(scan: Scan) -> None:
    """A place and its district, township or village written after it (觀塘|區, 秀林|鄉), and villages and roads
    no dictionary knows right after a place or in a list of them (板橋區|港嘴|里、溪洲里, 溪洲里|民生路二段): two
    letters and 里, 村, 鄉 or 鎮, or one to three and 路, 街 or 大道 with a section or number (民生路二段,
    中山路100號)."""
    text = scan.text
    for f in sorted(scan.found.values()):
        if f.type != "place" or scan.found.get(f.start) != f:
            continue
        end = f.end
        after = text[end + 1:end + 2]
        if text[end:end + 1] in _DISTRICTS and (after in "的、，,。在與和及" or (
                end + 1 not in scan.title_ends and end not in scan.title_starts and not han(after))):
            scan.found.pop(f.start)
            scan.add(f.start, end + 1, f.actor + text[end], "place", f.evidence)  # 觀塘|區, as 紐約市 is
            end += 1
        quarter = text[end:end + 2]
        if quarter in _QUARTERS and f.actor.endswith("市") and not overlaps(scan, end, end + 2) \
                and (not han(text[end + 2:end + 3]) or text[end + 2:end + 3] in "的與和及在"):
            scan.add(end, end + 2, f.actor + quarter, "place", "suffix")  # 嘉義市|西區: the city's, not any 西區
            end += 2
        pos = end
        while pos < len(text):
            if text[pos:pos + 1] == "、":
                pos += 1
            m = _LOCAL_PLACE.match(text, pos)
            if m is None or overlaps(scan, pos, m.end()) \
                    or text[pos:m.end() - 1] in common_words()[0] or m.group() in common_words()[0]:
                break
            scan.add(pos, m.end(), m.group(), "place", "suffix")
            pos = m.end()


#: A city's districts named by their direction (嘉義市西區, 台中市東區).
_QUARTERS = frozenset("東區 西區 南區 北區 中區".split())
#: Words that open no village's name: numbers and determiners (三公里, 每個村, 該村).
_NOT_VILLAGE_STARTS = frozenset("一二兩三四五六七八九十百千萬幾數多每各該此這那某全本鄰隔")
# A numbered highway or road: 台1線, 台9線, 國道1號, 縣道184甲線
_HIGHWAY = re.compile(r"(?:台|臺|國道|省道|縣道|市道|鄉道)\d{1,3}(?:[甲乙丙丁])?(?:線|號)")


def settlements(scan: Scan) -> None:
    """A settlement of Taiwan's peoples by its name before 部落 is a place (卡里布安部落, 霧鹿部落), and with 部落會議
    after it the body of its people (卡里布安部落會議): a name no dictionary holds, or one a rule read as a
    transliterated person's, of two to five letters (not 原住民|部落, 偏鄉|部落)."""
    words, offsets, text = scan.words, scan.offsets, scan.text
    for k in range(scan.n - 1):
        if words[k + 1] != "部落" and not (words[k + 1] == "部" and words[k + 2:k + 3] == ["落"]):
            continue
        word, start = words[k], offsets[k]
        held = scan.found.get(start)
        if held is not None and not (held.type == "person" and held.end == offsets[k + 1]):
            continue
        if held is None and (scan.taken[k] or dictionary_tag(word) is not None or word in common_words()[0]
                             or (jieba_tag(word) or "n")[0] in "vdpcu"):
            continue  # (應經|部落會議: a verb's letters)
        if word.endswith("族"):
            continue  # (太魯閣族|部落: a people's settlements, none by name)
        before = words[k - 1] if k else ""
        if han(before) and not before.endswith("族") and before not in GLUE and len(before) > 1 \
                and place_ending(scan, start) is None:
            continue  # after a mark, its people (布農族|卡里布安部落), a place or a preposition (not 裁併|應經)
        if not (2 <= len(word) <= 5 and han(word)):
            continue
        end = start + len(word) + 2
        council = text.startswith("會議", end)
        if held is not None:
            scan.found.pop(start)
        if council:
            scan.add(start, end + 2, text[start:end + 2], "organisation", "suffix")
        else:
            scan.add(start, end, text[start:end], "place", "suffix")


def estates(scan: Scan) -> None:
    """A Hong Kong housing estate, a word of its name and 邨 that no dictionary holds, is a place (寶欣邨, 良景邨;
    not 公共屋邨)."""
    words, offsets = scan.words, scan.offsets
    for k, word in enumerate(words):
        if word.endswith("邨") and 3 <= len(word) <= 4 and han(word) and not word.endswith("屋邨") \
                and not scan.taken[k] and offsets[k] not in scan.found and dictionary_tag(word) is None:
            scan.add(offsets[k], offsets[k + 1], word, "place", "suffix")


def shaped_places(scan: Scan) -> None:
    """Places no dictionary knows that their names show: a river or creek, a word of three or four letters ending
    in 溪 or 河 that jieba takes for a name or does not know (鹿耳門溪, 立霧溪, 後勁溪; not 溪水, 小溪); a village,
    a word of three letters ending in 里 or 村 that jieba's dictionary lacks (顯宮里、鹿耳里, 豐南村, and 神木村 or
    和平里, villages named by common words, so also 藝術村; not 地球村, a word of the dictionary, nor 顯宮里|長, a
    title by the kit's conventions), or a word of two letters that jieba takes for a name or place or does not
    know, and 里 or 村 alone (後湖|里, 玉溪|村); and a numbered highway (台1線, 國道1號)."""
    text, words, offsets = scan.text, scan.words, scan.offsets
    for k in range(scan.n):
        word = words[k]
        if 3 <= len(word) <= 4 and word[-1] in "溪河" and not scan.taken[k] and han(word) \
                and word not in common_words()[0] and (jieba_tag(word) or "nr")[:2] in ("nr", "ns", "nz"):
            scan.add(offsets[k], offsets[k + 1], word, "place", "suffix")
        else:
            village = (len(word) == 3 and word[-1] in "里村" and dictionary_tag(word) is None) or (
                len(word) == 2 and scan.word(k + 1) in ("里", "村") and not scan.taken[k + 1]
                and (dictionary_tag(word) or "nr")[:2] in ("nr", "ns", "nz"))
            end = offsets[k] + 3
            if village and not scan.taken[k] and han(word) and word[0] not in _NOT_VILLAGE_STARTS \
                    and text[end:end + 1] not in ("長", "辦") and not overlaps(scan, offsets[k], end):
                scan.add(offsets[k], end, text[offsets[k]:end], "place", "suffix")
    for m in _HIGHWAY.finditer(scan.text):
        if not overlaps(scan, m.start(), m.end()):
            scan.add(m.start(), m.end(), m.group(), "place", "suffix")
    _roads(scan)


def _roads(scan: Scan) -> None:
    """Roads and streets jieba keeps as one word: a name's kind (jieba's tags ns, nz, nr) or a road's usual name
    before 路, 街 or 大道 (濟南路, 羅斯福路, 民生路, 凱達格蘭大道, 迪化街; not 公路, 網路, 柏油路), and a direction's
    路 after a place (青島|東路)."""
    text, words, offsets = scan.text, scan.words, scan.offsets
    for k in range(scan.n):
        word = words[k]
        end = len(word) - (2 if word.endswith("大道") else 1 if word.endswith(("路", "街")) else len(word))
        if not end or scan.taken[k] or not han(word) or word[-2:] in _NOT_ROADS or word[-4:] in _NOT_ROADS:
            continue
        stems = (word[:end], word[:end - 1]) if end > 2 and word[end - 1] in "東西南北中" else (word[:end],)
        before = place_ending(scan, offsets[k]) if word in _DIRECTED else None
        if before is not None and scan.found.get(before.start) == before:
            scan.found.pop(before.start)
            scan.add(before.start, offsets[k + 1], text[before.start:offsets[k + 1]], "place", "suffix")
        elif word in _DIRECTED and k and not scan.taken[k - 1] and han(words[k - 1]) \
                and (dictionary_tag(words[k - 1]) or "")[:2] in ("ns", "nz") \
                and not overlaps(scan, offsets[k - 1], offsets[k + 1]):  # (not 路和海|南路: a word jieba made up)
            scan.add(offsets[k - 1], offsets[k + 1], text[offsets[k - 1]:offsets[k + 1]], "place", "suffix")
        elif (dictionary_tag(word) or "")[:1] in ("i", "l"):
            continue  # an idiom (康莊大道, 走投無路)
        elif len(word) >= 3 and (any(stem in _ROAD_NAMES or (dictionary_tag(stem) or "")[:2] in ("ns", "nz", "nr")
                                     for stem in stems) or (jieba_tag(word) or "")[:2] in ("ns", "nz", "nr")) \
                and not overlaps(scan, offsets[k], offsets[k + 1]):
            m = _SECTION.match(text, offsets[k + 1])  # and its section or number: 民生路|二段, 中山路|100號
            stop = m.end() if m is not None and not overlaps(scan, m.start(), m.end()) else offsets[k + 1]
            scan.add(offsets[k], stop, text[offsets[k]:stop], "place", "suffix")


#: Words ending a longer word in 路 or 大道 that is no road's name (高速公路, 產業道路, 走投無路, 康莊大道).
_NOT_ROADS = frozenset("公路 道路 鐵路 馬路 網路 末路 出路 之路 無路 退路 後路 電路 線路 水路 陸路 航路 套路 絲路 一路 "
                       "半路 小路 大路 老路 新路 近路 遠路 岔路 歧路 康莊大道 陽關大道 光明大道 星光大道".split())
#: A direction's 路 that continues the place before it (青島|東路).
_DIRECTED = frozenset("東路 西路 南路 北路 中路".split())
#: The names Taiwanese towns give their roads that are ordinary words (忠孝, 民生, 和平: 忠孝東路, 民生路).
_ROAD_NAMES = frozenset("""
忠孝 仁愛 信義 和平 博愛 民生 民權 民族 民主 復興 建國 光復 中正 中山 中華 自由 成功 勝利 新生 三民 四維 八德 公園
府前 館前 七賢 五福 大同 大安 文化 正義 健康 興隆 中興 光明 復國 忠誠
""".split())
