"""Names read from their shapes (:mod:`analysis.shapednames`), through :func:`analysis.actors`."""

import pandas as pd
import pytest

from analysis import actors, quotes


def frame(text: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["d0"], "title": [""], "text": [text]})


def found(text: str) -> list[tuple[str, str, str]]:
    table = actors(frame(text))
    return list(zip(table["mention"], table["actor"], table["type"]))


@pytest.mark.parametrize("text, expected", [
    ("邱妤萱下午在臉書發文回應，自己沒有收錢。", [("邱妤萱", "邱妤萱", "person", "verb")]),
    ("立法會議員陳方安生指，政府要交代。", [("立法會", "立法會", "organisation", "suffix"),
                                        ("陳方安生", "陳方安生", "person", "title")]),
    ("水務處發言人表示，已完成清理。", [("水務處", "水務處", "organisation", "suffix")]),
    ("有在野黨表示反對。", []),
    ("單季第5轟表示他很拚。", []),
])
def test_names_and_bodies_read_where_they_speak(text, expected):
    table = actors(frame(text))
    assert list(zip(table["mention"], table["actor"], table["type"], table["evidence"])) == expected


@pytest.mark.parametrize("text, expected", [
    # a body and its units are one mention, the longest name; its actor the last body a dictionary knows
    ("內政部警政署今天呼籲民眾小心。", [("內政部警政署", "警政署", "organisation")]),
    ("台中市政府警察局第三分局今天破獲詐騙集團。",
     [("台中市政府警察局第三分局", "台中市政府警察局第三分局", "organisation")]),
    # two departments side by side are a list, and a unit's head before 長 is a title
    ("居民促食環署渠務署勿再推卸。", [("食環署", "食環署", "organisation"), ("渠務署", "渠務署", "organisation")]),
    ("經濟部水利署第九河川分署副分署長林志明說，工程已完成。",
     [("經濟部水利署第九河川分署", "經濟部水利署第九河川分署", "organisation"), ("林志明", "林志明", "person")]),
    # a place, its district, and the villages and roads after it
    ("市議員關注板橋區港嘴里、溪洲里一帶。", [("板橋區", "板橋區", "place"), ("港嘴里", "港嘴里", "place"),
                                       ("溪洲里", "溪洲里", "place")]),
    ("火警發生在三重區重新路五段。", [("三重區", "三重區", "place"), ("重新路五段", "重新路五段", "place")]),
    ("深水埗區議員容嘉欣表示，政府要交代。", [("深水埗", "深水埗", "place"), ("容嘉欣", "容嘉欣", "person")]),
    # names of Taiwan's peoples joined by a dot, not a title in 《》
    ("巡守隊長哈尤·瓦旦說，河床被挖空。", [("哈尤·瓦旦", "哈尤·瓦旦", "person")]),
    ("《哈利·波特》今天重新上映。", []),
    # a given name of two letters that jieba cuts apart after a title
    ("新北市議員邢若嵐關注淹水問題。", [("新北市", "新北市", "place"), ("邢若嵐", "邢若嵐", "person")]),
    # an inning is no body
    ("比賽延長到十一局才結束。", []),
])
def test_longest_names_of_bodies_places_and_people(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 當局 after a name is generic, and a group on a body's affairs is no unit of it
    ("民進黨當局今天回應。", [("民進黨", "民進黨", "organisation")]),
    ("立法院成立聯合國事務工作小組。", [("立法院", "立法院", "organisation"), ("聯合國", "聯合國", "organisation")]),
])
def test_no_unit_where_the_words_name_none(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 及 inside a unit's name, and an office under a department
    # (its actor the short name the press uses)
    ("教育部國民及學前教育署今天回應。", [("教育部國民及學前教育署", "國教署", "organisation")]),
    ("食環署深水埗區環境衞生辦事處回覆查詢。",
     [("食環署深水埗區環境衞生辦事處", "食環署深水埗區環境衞生辦事處", "organisation")]),
    # a list of two bodies with 及 between stays a list
    ("教育部及衛福部今天表示，會加強宣導。",
     [("教育部", "教育部", "organisation"), ("衛福部", "衛福部", "organisation")]),
])
def test_units_whose_names_hold_more(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a company with its legal form, from the first of the nouns and names before it
    ("後續將約談鴻運國際人力仲介有限公司負責人。",
     [("鴻運國際人力仲介有限公司", "鴻運國際人力仲介有限公司", "organisation")]),
    ("她控訴前東家星曜娛樂經紀股份有限公司積欠酬勞。",
     [("星曜娛樂經紀股份有限公司", "星曜娛樂經紀股份有限公司", "organisation")]),
    ("台積電公司與鴻海精密工業股份有限公司簽約。",  # a known name and more before the legal form
     [("台積電公司", "台積電公司", "organisation"),
      ("鴻海精密工業股份有限公司", "鴻海精密工業股份有限公司", "organisation")]),
    # a school and its kind; a district court or prosecutors' office after its place
    ("她與經紀公司星曜娛樂經紀股份有限公司解約。",  # a kind of body, then the company's own name
     [("星曜娛樂經紀股份有限公司", "星曜娛樂經紀股份有限公司", "organisation")]),
    ("牡丹鄉四林國小將併入鄰校。", [("四林國小", "四林國小", "organisation")]),
    ("台中地檢署向台中地方法院聲請羈押。",
     [("台中地檢署", "台中地檢署", "organisation"), ("台中地方法院", "台中地方法院", "organisation")]),
    ("臺灣臺北地方法院昨天判決。", [("臺灣臺北地方法院", "臺灣臺北地方法院", "organisation")]),
    # the offices every district or township has, after its place
    ("安南區公所表示，感測數據將同步上傳。", [("安南區公所", "安南區公所", "organisation")]),
    ("富里鄉農會估計，全鄉稻田受損。", [("富里鄉農會", "富里鄉農會", "organisation")]),
])
def test_bodies_named_with_their_form(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "該公司表示，一所國小與偏鄉國小都將裁併。", "地方法院昨天判決。", "他在有限公司上班。",
    "明星國中的學生很多，雙語國小也是。",  # a kind of school, not a school's name
    "涉事茶餐廳由好運來飲食有限公司經營。",  # cut where jieba read a verb (好運|來): no name's word in 飲食
    "當地農會與公所都到場協助。",  # an office no place names
])
def test_a_form_alone_names_no_body(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    # words for a role in a case or a trade before a name: titles, after which a name is read from its letters
    ("判處主嫌蕭郁翔8年有期徒刑。", [("蕭郁翔", "蕭郁翔", "person")]),
    ("車手黃冠宇負責提款。", [("黃冠宇", "黃冠宇", "person")]),
])
def test_names_after_roles_in_a_case(text, expected):
    assert found(text) == expected



@pytest.mark.parametrize("text, expected", [
    # a number or determiner and a measure word after a place is no body of it
    ("台中市西屯區一處工地起火，北市多處路口積水。",
     [("台中市", "台中市", "place"), ("西屯區", "西屯區", "place"), ("北市", "北市", "place")]),
    ("新北市黨部主委表示，將全力輔選。", [("新北市黨部", "新北市黨部", "organisation")]),
])
def test_a_place_and_a_body_no_dictionary_knows(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # who runs a school, university or hospital is part of its mention, not of its name
    ("國立中興大學今天表示，招生名額不變。", [("國立中興大學", "中興大學", "organisation")]),
    ("私立東海大學與國立成功大學合作。",
     [("私立東海大學", "東海大學", "organisation"), ("國立成功大學", "成功大學", "organisation")]),
    ("臺北市立大安高工今天舉行畢業典禮。", [("臺北市立大安高工", "大安高工", "organisation")]),
    # a kind of university is no body
    ("偏鄉的國立大學與私立大學都缺學生。", []),
])
def test_bodies_with_who_runs_them(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a company before its stock code: a name's words and its industry's, not the kind of maker before them
    ("被動元件大廠宏曜電子（3791）今天召開法說會。", [("宏曜電子", "宏曜電子", "organisation")]),
    ("散熱模組廠雙鴻科技(3324-TW)營收創高。", [("雙鴻科技", "雙鴻科技", "organisation")]),
    ("記憶體模組廠威剛（3260）營收衰退。", [("威剛", "威剛", "organisation")]),
    # a year in brackets, or a code after no name, is no company
    ("他在2024年（113年）上任，編號（1234）已作廢。", []),
    ("本研究參考陳明華（2021）與Smith（2020）的論文。", []),  # (a person and a year, cited)
])
def test_companies_before_their_stock_code(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a hospital of a name no dictionary knows (a brand of two letters), also a memorial one
    ("嘉惠紀念醫院上週起缺藥，博仁醫院也是。",
     [("嘉惠紀念醫院", "嘉惠紀念醫院", "organisation"), ("博仁醫院", "博仁醫院", "organisation")]),
    # not a kind of hospital, nor who runs it alone
    ("病患被送往部立醫院與地區醫院，大型醫院也滿床。", []),
])
def test_hospitals_by_their_name(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body and its branch or department, one mention, the longest name
    ("傷者送往臺北榮民總醫院玉里分院治療，案件上訴到高等法院臺中分院。",
     [("臺北榮民總醫院玉里分院", "臺北榮民總醫院玉里分院", "organisation"),
      ("高等法院臺中分院", "高等法院臺中分院", "organisation")]),
    ("國立成功大學水利及海洋工程學系研究團隊與業者合作。",
     [("國立成功大學水利及海洋工程學系", "國立成功大學水利及海洋工程學系", "organisation")]),
    # a team is no unit of its body
    ("成大研究團隊今天發表論文。", [("成大", "成大", "organisation")]),
])
def test_a_body_and_its_branch(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # titles of secretaries, doctors, barristers and supervisors, and Hong Kong's ranks, before a name
    ("新竹縣選委會主任秘書葉淑菁會後表示，今年起全程直播。", ("葉淑菁", "person")),
    ("瑪嘉烈醫院急症科顧問醫生關子駿指出，近日求診者增加。", ("關子駿", "person")),
    ("研究部主管費曉晴指出，銅鑼灣租金回落。", ("費曉晴", "person")),
    ("總區交通部特別調查隊高級督察尹家穎表示，路段已改善。", ("尹家穎", "person")),
    # surnames that are also words (區, 文) and rarer ones (牟, 蒙), read after a title
    ("醫管局總行政經理區永昌昨日在記者會上解釋，人口急增。", ("區永昌", "person")),
    ("學院副教授文家豪分析，篩查不足。", ("文家豪", "person")),
    ("代表被告的大律師區樂言向法庭表示，被告已悔改。", ("區樂言", "person")),
    ("台電輸變電工程處副處長牟承恩受訪時表示，登陸點已確定。", ("牟承恩", "person")),
    # a company's own name of words a dictionary holds as nouns or adjectives, or none holds, before its legal form
    ("設備廠崧達精密股份有限公司表示，訂單穩定。", ("崧達精密股份有限公司", "organisation")),
    ("檢方起訴冠霖營造有限公司負責人。", ("冠霖營造有限公司", "organisation")),
    ("樂購數位科技股份有限公司發言人表示，未發現入侵。", ("樂購數位科技股份有限公司", "organisation")),
    # a body's act after it is not a unit of it
    ("經濟部國際貿易署成立專案小組，協助廠商。", ("經濟部國際貿易署", "organisation")),
    # a hospital or museum named for its place, or by a brand no dictionary holds
    ("伊利沙伯醫院及屯門醫院輪候亦超過8小時。", ("屯門醫院", "organisation")),
    ("禾暘美術館五週年大展今天開幕。", ("禾暘美術館", "organisation")),
])
def test_names_after_more_titles_and_bodies_by_their_form(text, expected):
    assert expected in [(m, t) for m, _, t in found(text)]


@pytest.mark.parametrize("text, unwanted", [
    ("市長文化政策受到批評。", "person"),  # 文 opens a word, not a name
    ("這家生技有限公司表示，產品合格。", "organisation"),  # a kind of company alone
    ("新竹地區醫院急診室爆滿。", "organisation"),  # a class of hospital, not one
    ("離島醫院人力不足，衛福部將補助。", "organisation"),
    ("深水埗基層住屋關注組幹事溫淑儀說，不少街坊擔心。", "關注組"),  # a group's name ends no person's
    ("印尼籍移工努爾說，工廠沒有發加班費。", "印尼籍"),
])
def test_no_names_from_words_kinds_and_classes(text, unwanted):
    table = found(text)
    if unwanted == "person":
        assert [m for m, _, t in table if t == "person"] == []
    elif unwanted == "organisation":
        assert [m for m, _, t in table if t == "organisation" and m.endswith(("公司", "醫院"))] == []
    else:
        assert unwanted not in [m for m, _, _ in table]


@pytest.mark.parametrize("text, expected", [
    # a party's member: the party is named (its 籍 no part of the mention)
    ("民進黨籍市議員溫家宏也加入批評。", [("民進黨", "民進黨", "organisation"), ("溫家宏", "溫家宏", "person")]),
    # an insurer's or an investment adviser's brand before the head of its trade
    ("泰和人壽因業務員違規遭罰。", [("泰和人壽", "泰和人壽", "organisation")]),
    ("凱澄投顧分析師許晉維表示，情況調整。", [("凱澄投顧", "凱澄投顧", "organisation"),
                                          ("許晉維", "許晉維", "person")]),
    # a body's initials in brackets after its name: a second mention of it
    ("美國商務部產業安全局（BIS）當地時間宣布。", [("美國商務部產業安全局", "美國商務部產業安全局", "organisation"),
                                              ("BIS", "美國商務部產業安全局", "organisation")]),
    # a firm's name in 「」 ending in its kind, then its name alone, and its whole name without the marks
    ("環團揪出「金聖達企業社」。稽查人員在金聖達廠區後方發現管線。",
     [("金聖達企業社", "金聖達企業社", "organisation"), ("金聖達", "金聖達企業社", "organisation")]),
    ("經營水電材料的「永鑫水電工程行」堆放PVC管。永鑫水電工程行負責人周士鈞說，會改善。",
     [("永鑫水電工程行", "永鑫水電工程行", "organisation"), ("永鑫水電工程行", "永鑫水電工程行", "organisation"),
      ("周士鈞", "周士鈞", "person")]),
    # a unit named alone after its whole name is the whole name's actor, though a rule finds it alone too
    ("經濟部產業發展署今日表示，訂單增加。產業發展署副署長郭彥廷指出，會協助。",
     [("經濟部產業發展署", "經濟部產業發展署", "organisation"), ("產業發展署", "經濟部產業發展署", "organisation"),
      ("郭彥廷", "郭彥廷", "person")]),
    # Hong Kong's housing and urban renewal bodies (the names' data)
    ("房委會擬拆寶欣邨街市，市建局上月宣布重建。", [("房委會", "房委會", "organisation"), ("寶欣邨", "寶欣邨", "place"),
                                              ("市建局", "市建局", "organisation")]),
])
def test_parties_brands_initials_and_firms_named_again(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "外商人壽紛紛撤出台灣市場。",  # a kind of insurer, no brand
    "本土投信規模持續成長。",
    "公司委請外部資安公司協助鑑識。資安人員已進駐。",  # a firm's kind: no short form of it (資安)
    "他們成立「分公司」處理業務。",  # a head alone in 「」
])
def test_no_bodies_from_kinds_of_firm(text):
    assert [m for m, _, t in found(text) if t == "organisation" and m != "資安公司"] == []


@pytest.mark.parametrize("text, expected", [
    # a dotted name's last part ends where its letters do, not where the segmenter's words end
    ("美國商務部次長葛瑞格‧哈洛威在記者會上表示，已協調。", "葛瑞格‧哈洛威"),
    ("部會議主席阿力曼‧伊斯巴利達夫說，依法應諮商。", "阿力曼‧伊斯巴利達夫"),
    ("伊斯坦大·布蘭苦笑說，現在連出門都要看天。", "伊斯坦大·布蘭"),
    ("部落獵人達海‧塔基斯林安指出，步道預定地有獵寮。", "達海‧塔基斯林安"),
    # a dotted name whose parts were read as transliterations, and one after an artist's trade
    ("神木村長沙力·伊斯瑪哈單說，土石流發生時很可怕。", "沙力·伊斯瑪哈單"),
    ("排灣族藝術家拉夫拉斯．馬帝靈與菲律賓藝術家合作。", "拉夫拉斯．馬帝靈"),
    # not longer than its letters up to a word (莫侯|隨作品)
    ("策展人尚‧巴斯卡‧莫侯隨作品一同來到淡水。", "尚‧巴斯卡‧莫侯"),
])
def test_dotted_names_end_with_their_letters(text, expected):
    assert [m for m, _, t in found(text) if t == "person"] == [expected]


def test_a_dotted_names_last_part_alone_is_the_person_and_its_first_part_is_not():
    # a foreign surname alone later is the person; a first part is not (先知穆罕默德 is no 穆罕默德·札里夫)
    assert found("美國次長葛瑞格‧哈洛威表示，哈洛威說，很好。") == [
        ("美國", "美國", "place"), ("葛瑞格‧哈洛威", "葛瑞格‧哈洛威", "person"),
        ("哈洛威", "葛瑞格‧哈洛威", "person")]
    table = found("伊朗前外長穆罕默德·札里夫說，很好。先知穆罕默德的教誨。")
    assert ("穆罕默德", "穆罕默德·札里夫", "person") not in table


def test_a_trade_before_names_follows_none():
    # 畫家 comes before a painter's name (畫家王大明), never after it: 印象派 before it is no name
    assert "印象派" not in [m for m, _, _ in found("勒布朗與同時代的印象派畫家不同。")]
    assert ("王大明", "person") in [(m, t) for m, _, t in found("畫家王大明表示，作品將展出。")]


def test_a_brand_before_its_spokesperson_is_a_body_not_a_person():
    # 巧味軒 before 發言人 is the body the spokesperson speaks for, and no person's name for the rest of the article
    text = "巧味軒發言人說：「我們對原料把關不夠嚴謹。」巧味軒鼓山店店長邵詠晴說，今天已有30多名顧客退貨。"
    assert found(text) == [("巧味軒", "巧味軒", "organisation"), ("鼓山", "鼓山", "place"),
                           ("邵詠晴", "邵詠晴", "person")]
    assert quotes(frame(text))["speaker"].tolist() == ["巧味軒", "邵詠晴"]


@pytest.mark.parametrize("text, person", [
    ("在食品廠擔任品管員的小芬（化名）向本報表示，主管要求撕標籤。", "小芬"),  # a pseudonym after 的
    ("菲律賓藝術家瑪莉亞．桑托斯卻在昨天退出。", "瑪莉亞．桑托斯"),  # a dotted name before 卻
])
def test_names_end_before_function_words(text, person):
    assert [m for m, _, t in found(text) if t == "person"] == [person]


def test_a_units_name_ending_in_its_section_is_no_person():
    assert "衛生科" not in [m for m, _, _ in found("衛生局食品衛生科科長侯建廷表示，已抽驗。")]


@pytest.mark.parametrize("text, expected", [
    # a centre, a school and a department are units of the body before them, and so is a branch named for its place
    ("衞生署衞生防護中心總監徐樂堅表示，已加強監察。", ("衞生署衞生防護中心", "organisation")),
    ("國立中正大學勞工關係學系教授林明說，工資偏低。", ("國立中正大學勞工關係學系", "organisation")),
    ("農業部農村發展及水土保持署南投分署表示，已搶通。", ("農業部農村發展及水土保持署南投分署", "organisation")),
    # a company and its office
    ("台電宜蘭區營業處表示，已搶修。", ("台電宜蘭區營業處", "organisation")),
    # a body's verb after it is no unit (查處), and a park's office after its name is a body
    ("勞團批勞動部查處拖太久。", ("勞動部", "organisation")),
    ("太魯閣管理處表示，步道封閉。", ("太魯閣管理處", "organisation")),
])
def test_units_centres_branches_and_offices(text, expected):
    assert expected in [(m, t) for m, _, t in found(text)]


@pytest.mark.parametrize("text", [
    "管委會接手後發現帳目不清。",  # the committee every temple has, written alone
    "家長連署要求保留這所國小。",  # a school left unnamed
    "聯合國事務工作小組開會。",  # a group on the UN's business, no unit of it
])
def test_generic_bodies_and_groups_on_business(text):
    assert [m for m, _, t in found(text) if t == "organisation" and m != "聯合國"] == []


@pytest.mark.parametrize("text, unwanted", [
    # common words after the new titles and surnames, and courtesy names, are no persons
    ("長者文康中心下月啟用，區公所表示將開放報名。", "文康"),
    ("里長區民大會上表示，要改善。", "區民大"),
    ("教練練投後表示，狀況不錯。", "練投後"),
    ("市長文宣也提到，要拚經濟。", "文宣"),
    ("醫生麻醉後表示，手術順利。", "麻醉"),
    ("長者陳伯說，很不方便。", "陳伯"),
    ("公司多名高階主管昨天請辭，董事會表示將盡快補人。", "高階"),
    ("陳其邁與孫女們出遊。", "孫女們"),
    # a country's hospital, scare quotes and a speaker before a firm are no bodies
    ("他到日本醫院接受治療。", "日本醫院"),
    ("他們懷疑是「空殼公司」在搞鬼。", "空殼公司"),
    ("民眾爆料崧達精密股份有限公司欠薪。", "民眾爆料崧達精密股份有限公司"),
    # a dotted name does not run over the verb after it
    ("作家夏曼·藍波安寫的書再版。", "夏曼·藍波安寫"),
    ("比令·亞布被控貪污，已遭起訴。", "比令·亞布被控"),
])
def test_no_names_from_common_words_scare_quotes_or_verbs(text, unwanted):
    assert unwanted not in [m for m, _, _ in found(text)]


@pytest.mark.parametrize("text, person", [
    ("議員林佳書表示，會追蹤。", "林佳書"),  # a name ending in 書
    ("美國國務院發言人米勒日前也表示，美方持續關注。", "米勒"),  # a name jieba's dictionary tags, after an office
])
def test_names_kept(text, person):
    assert person in [m for m, _, _ in found(text)]


def test_a_firm_found_by_its_form_keeps_its_evidence():
    table = actors(frame("遭到裁罰的金鑫環保科技有限公司表示，會改善。"))
    assert table.loc[table["mention"] == "金鑫環保科技有限公司", "evidence"].tolist() == ["suffix"]
