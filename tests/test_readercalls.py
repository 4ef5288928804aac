"""Lines a site addresses to its reader, found by their shape (analysis.readercalls)."""

from __future__ import annotations

import pytest

from analysis.readercalls import is_reader_call
from analysis.text import is_site_line


@pytest.mark.parametrize("line", [
    # calls to join, follow, subscribe, listen, install or give, in words no site list holds
    "喜歡這篇文章嗎？加入自由時報粉絲專頁掌握第一手在地消息", "鎖定TVBS新聞YouTube頻道娛樂第一手直擊不漏接",
    "看更多NOWnews今日新聞打開APP", "加入鏡週刊會員，免費閱讀每週完整封面故事", "收聽《鏡週刊》娛樂Podcast每週三上架",
    "訂閱上報電子報每日精選評論送到你的信箱", "加入01會員專享獨家內容", "不用抽不用搶現在用APP看新聞保證天天中獎",
    "喜歡這篇文章嗎？成為新頭殼贊助者，支持獨立媒體繼續報導", "追蹤本報IG帳號，掌握更多在地好康",
    "掃描QR Code加入官方LINE好友", "我要捐款", "環境資訊中心是非營利媒體，您的捐款是我們前進的動力",
    # a product named with its promise
    "《央廣國際新聞Podcast》每天早上7點更新", "早報移動應用隨時隨地閱讀新聞",
    # hotlines, the page's tools, counters, address and neighbours
    "安心專線：1925（依舊愛我）", "如有疑問請撥打165反詐騙諮詢專線", "友善列印", "A A A", "點閱數：1532",
    "人氣：12,408",
    "預估閱讀時間：2–3分鐘", "網址：https://money.udn.com/money/story/5613/8300112", "上一則：華人長者中心擴建",
    "請繼續下滑閱讀",
    # credits and notes that are not the text's
    "（作者為前經濟部能源局顧問）", "作者簡介：林書衡，資深社工師，長期投入家庭照顧者支持服務。", "（編輯：陳奕均）",
    "審稿．陳志豪醫師（台北某醫學中心精神科主治醫師）", "攝影者：賴建宏", "今周刊1472期",
    "本文摘錄自《今周刊》第1472期，完整內容請見雜誌。", "※ 全文及圖片詳見：Nordic Marine Review（2025年9月3日）",
    # captions by their picture's source, its photographer and outlet, or who gave it
    "海蝨附著在鮭魚背部，會造成傷口與感染。示意圖，圖片來源：Pixabay",
    "論壇與會者討論供應鏈移轉議題。（鄒冠霆／大紀元）",
    "消防員到場救出被困司機。讀者提供",
])
def test_the_sites_lines_by_their_shape(line):
    assert is_reader_call(line) and is_site_line(line)


@pytest.mark.parametrize("line", [
    # the news saying the same words: a full stop, a reporting verb, a noun the verb opens, no channel after it
    "民眾可下載「台灣防災」App查詢避難所。", "訂閱制電子報成新商機", "衛福部表示，安心專線1925全天候服務",
    "加入WTO二十年，台灣農業轉型。", "該校學生一起收看球賽轉播", "下載量突破百萬的App遭下架",
    "警方呼籲民眾加入防詐LINE官方帳號", "這支Podcast每週吸引十萬人收聽，主持人說節目將改版。",
    "他捐款給災區，金額超過百萬元。", "上一篇", "2020年9月18日",
    "屏東縣政府今天宣布，將擴大補助長者裝設緊急救援系統，並開放民眾線上申請，申請期限至年底。",
])
def test_the_news_in_the_same_words_stays(line):
    assert not is_reader_call(line)


@pytest.mark.parametrize("line", [
    "►延伸閱讀：偏鄉公車司機荒 交通部擬提高駕駛補貼", "延伸閱讀》蛋價漲不停 農業部：持續監控產銷", "已複製!",
    "掌握風傳媒最新即時新聞，精彩不漏接", "【加入鏡週刊LINE】第一時間掌握獨家新聞",
    "高雄港務分公司2日宣布，夜間作業延長至凌晨2時。（高雄港務分公司提供）中央社記者林柏勳傳真114年4月2日",
])
def test_links_notices_promises_and_credits_of_more_shapes(line):
    assert is_reader_call(line)


@pytest.mark.parametrize("line", ["延伸閱讀", "延伸閱讀是一種好習慣，老師說。",
                                  "他說好戲不錯過，每天都準時收看這個節目。"])
def test_words_of_a_link_or_a_promise_in_the_news_stay(line):
    assert not is_reader_call(line)


@pytest.mark.parametrize("line", [
    "訂閱《新新聞》，掌握國際趨勢與深度分析", "眾新聞需要你的支持", "立即支持",
    "獨立媒體，由讀者支持。每月捐助，讓我們繼續報道。",
    "上下游新聞是非營利的獨立媒體，如果你認同我們的報導，請支持我們持續深入農業現場。", "字型：大中小", "字體A-A+",
    "轉寄", "一鍵列印", "來源：香港文匯報", "長時間久坐是下背痛常見原因之一。（示意圖／shutterstock達志影像）",
    "共享站將提供約一百款家居維修及園藝工具。 香港文匯報記者攝",
    "本文不能取代專業醫師診斷與治療，如有身體不適請諮詢專業醫師。",
    "免責聲明：本網站所提供資訊僅供參考，並無任何推介買賣之意。",
])
def test_support_tools_disclaimers_and_credits(line):
    assert is_reader_call(line)


@pytest.mark.parametrize("line", ["他每月捐助家扶中心，已持續十年。", "訂閱《經濟學人》的讀者多半是企業主管。",
                                  "市府支持", "來源：據了解，業者已停工。"])
def test_the_same_words_in_the_news_stay(line):
    assert not is_reader_call(line)


@pytest.mark.parametrize("line", ["更多健康2.0內容，請點此", "單筆贊助", "定期定額捐款"])
def test_a_call_ending_in_its_link_and_a_way_to_give(line):
    assert is_reader_call(line)


@pytest.mark.parametrize("line", [
    # a charity's or a speaker's call the news reports
    "慈濟基金會感謝您的捐款，我們將把善款全數用於花蓮災後重建。",
    "創世基金會表示，寒冬送暖需要您的支持，小額捐款也能溫暖街友。",
    "世界展望會指出，定期定額捐款能讓我們長期陪伴弱勢兒童。", "主辦單位說，您的贊助將用於偏鄉孩子的營養午餐。",
    "他說：我們需要你的支持",
    # headlines and subheads that name an app, a platform, a membership or a hotline, or promise a look
    "下載這款App就能賺錢？", "國慶煙火不錯過！", "跨年晚會卡司搶先看", "加入LINE群組就送股票？", "成為會員國仍有挑戰",
    "成為BIG BANG成員後，他人生大轉變", "成為Apple供應商 台廠營收創新高", "加入Apple供應鏈 鴻海再下一城",
    "北捷今起開放，用Apple Pay刷卡進站", "拜登上任首日，加入《巴黎協定》", "關注《國安法》衝擊",
    "追蹤《反滲透法》修法進度", "成為《時代》百大人物 蕭美琴再獲肯定", "2025跨年晚會卡司搶先看，歌手陣容曝光",
    "新iPhone搶先看", "網友：好戲不錯過！",
    "高鐵App每日凌晨開放預購28天內車票", "WhatsApp每月活躍用戶突破30億", "Apple獨家授權 台廠吃下訂單",
    "165專線接獲報案3萬件", "1999專線每年來電逾百萬通", "市府設置1999專線，民眾有問題可以隨時反映",
    # issues, profiles and lone words that are the news's
    "陸軍官校第100期", "大樂透第113000045期", "社宅第15期", "王小明｜資深記者，長期關注司法改革。",
    "陳吉仲｜前農委會主委，現任台大教授。", "Q", "A", "支持", "捐款",
])
def test_the_news_in_the_words_of_a_call_stays(line):
    assert not is_reader_call(line)



@pytest.mark.parametrize("line", [
    # the warnings printed under news of drink, drugs or investing, labelled or not
    "酒後不開車，開車不喝酒，珍惜生命，也尊重他人。", "※警語：飲酒過量，有害健康", "珍惜生命 拒絕毒品",
    # the outlet's reminder to investors, the text's own, sources and a gallery's counters
    "※中時新聞網提醒您：投資前請審慎評估，本文不構成任何投資建議，盈虧請自負。", "本文僅供參考，不構成投資建議",
    "新聞來源：路透社、法新社", "資料來源：主計總處人力資源調查、勞動部勞動力發展署", "1 / 5", "圖 2/8",
    # 中央社's photographer, a place between the name and 攝
    "柏林市中心4日早上大批通勤族擠進地鐵站。中央社記者林懷恩柏林攝113年12月5日",
])
def test_warnings_reminders_sources_and_counters(line):
    assert is_reader_call(line) and is_site_line(line)


@pytest.mark.parametrize("line", ["警方呼籲酒後不開車，開車不喝酒。", "分析師提醒，投資人應審慎評估風險。",
                                  "12/30", "3/4的民眾", "1 / 5 張"])
def test_the_same_words_in_the_news_or_a_date_stay(line):
    assert not is_reader_call(line)


@pytest.mark.parametrize("line", [
    # a channel right before its call, a radio's and a magazine's, a product named with spaces, an author's note
    "民視新聞LINE官方帳號點我加入好友，即時新聞掌握第一手", "年代新聞YouTube頻道按讚、訂閱、開啟小鈴鐺",
    "收聽中廣新聞網每天整點新聞AM/FM全台同步播出", "訂閱今周刊電子雜誌，首月只要99元，點此了解方案",
    "新頭殼newtalk Podcast 每週五上架，點我收聽", "※作者為退休高中教師、社區讀書會召集人",
    "點我看：全球供應鏈又卡關？一張圖看懂主要港口壅塞狀況",
    "★三立新聞網提醒您：內容僅供參考，如有身體不適請諮詢專業醫師。★",
])
def test_calls_whose_channel_stands_before_them_and_more_notes(line):
    assert is_reader_call(line)


@pytest.mark.parametrize("line", [
    "這款App上架後，用戶可立即下載使用", "網紅YouTube頻道按讚數破百萬", "收聽率創新高 廣播業者樂觀",
    "本文作者為台大教授。",
    "作者為退休教師的這本書，描寫鄉間生活。", "中央氣象署提醒您：外出注意保暖。", "他說，電視台提醒您：節目即將開始。",
])
def test_the_news_with_a_channel_before_a_verb_stays(line):
    assert not is_reader_call(line)
