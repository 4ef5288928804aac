"""Small text helpers shared by the steps: hashing, code points, cut-off detection, first sentences, short labels.

Near the package's root: it imports only :mod:`analysis.readercalls` (which imports nothing of the package), so
the parser, the overview, the plots and the report can all use these without depending on each other.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

from .readercalls import is_reader_call

#: A text that ends in none of these is flagged as cut off mid-sentence.
SENTENCE_END = frozenset("。！？!?…」』”’\"）)】》.．~～")

#: 中央社's closing: the editors in brackets, then the day as a ROC date (``（編輯：陳家倫）1090917``).
CLOSING_CODE = re.compile(r"[)）]\s*(?P<y>\d{3})(?P<m>\d{2})(?P<d>\d{2})$")

#: A last line of credits or times, after the last sentence (責任編輯：林妍, 更新時间：2023/06/20 10:05).
_TRAILER = re.compile(r"\n[ \t\u3000]*[（(【〔]?(?:責任編輯|责任编辑|核稿編輯|核稿编辑|文字編輯|總編輯|编辑|編輯"
                      r"|編譯|编译|攝影|摄影|撰文|整理"
                      r"|翻譯|翻译|譯者|译者|核稿|更新時間|更新时间|最後更新|最后更新|更新|發布時間|發佈時間|发布时间|出版)"
                      r"\s*[：:／/][^\n]{0,40}$")

#: The labels of a page's tags or keywords (關鍵字：, Tags:, 明報's 相關字詞﹕).
TAG_LABELS = r"(?:[Tt]ags?|TAGS?|標籤|标签|關鍵字|关键字|關鍵詞|关键词|相關字詞|相关字词)"

#: A last line of a page's furniture after the last sentence: tags (#颱風 #停班停課, 標籤：), a category, a
#: copyright, where the text came from (本文出自…), a read-more link (延伸閱讀：…), an outlet's sign-off (（工商時報）).
_FURNITURE = re.compile(r"\n[ \t\u3000]*(?:#[^\s#]{1,30}(?:[ \t\u3000]+#[^\s#]{1,30})*"
                        rf"|(?:{TAG_LABELS}|分類|分类)\s*[：:﹕][^\n]{{0,100}}"
                        r"|[^\n]{0,40}(?:版權所有|版权所有|著作權所有|All [Rr]ights [Rr]eserved|Copyright|©)[^\n]{0,80}"
                        r"|本文(?:出自|轉載自?|转载自?|經授權轉載|经授权转载|原載於|原载于)[^\n]{1,80}"
                        r"|[［\[【]?(?:延伸閱讀|延伸阅读|看更多|推薦閱讀|推荐阅读)[］\]】]?\s*[：:》>]?[^\n]{1,60}"
                        r"|[（(【][^\s（）()【】\n]{2,12}[)）】])$", re.I)

# A tag's letter (#高鐵): no space, mark or #
_TAG = r"[^\s#，。、：；！？!?「」]"
# A share tool (分享至臉書, 加入好友, 按讚)
_SHARE = r"(?:(?:分享至|分享到|分享)\s*(?:臉書|Facebook|FB|LINE|Line|X|Twitter|微博)|加入好友|按讚|追蹤|分享|收藏)"
#: A line of the site's own inside an article's text, whole: a share bar or a tool (分享, 字級, 列印), an advert's
#: label (廣告, 請繼續往下閱讀), tags (#高鐵 #春節疏運), an app's promotion (►下載ETtoday星光雲APP), a photograph's
#: credit alone (（圖／華視資料照）, 圖／吳元熙攝) or an editor's (責任編輯：陳建鈞).
SITE_LINE = re.compile(
    r"(?:分享|分享至|分享到|分享文章|Share|字級|字体|字體|字體大小|列印|複製連結|复制链接|收藏|回到最頂|回到頂部|回到顶部"
    r"|返回頂部|返回顶部"
    r"|廣告|广告|贊助商廣告|赞助商广告|贊助廣告|Advertisement|請繼續往下閱讀|请继续往下阅读|繼續閱讀|继续阅读"
    r"|成為會員|加入會員|立即加入會員|立即訂閱|讚|赞|留言|按讚|加入好友|追蹤|字級設定|文字大小|字體設定"
    # a player's controls (▶ / 播放 / 全螢幕 / 倍速 1x / 收聽新聞)
    r"|▶|►|播放|暫停|全螢幕|全屏|影片播放|收聽新聞|聆聽新聞|聽新聞|下載|倍速\s*[\d.]+\s*[xX×]?"
    r"|A|A\+|A-|A＋|A－|加入書籤|加到書籤|加入书签)[.…。:：]{0,3}"  # (a text's size, one a line; a bookmark)
    # a view counter by 人氣 (人氣 1,284; a text's sizes are analysis.readercalls')
    r"|人氣\s*[:：]?\s*[\d,]+"
    # a call to follow on Google News (追蹤中時新聞網Google新聞，掌握最新生活資訊), a translation's source
    r"|追蹤[^\s，。]{0,12}Google\s*(?:新聞|News)[^\n。]{0,20}"
    r"|[（(]本文(?:編譯|编译|翻譯|翻译|譯|译)自[^（）()\n]{2,60}[）)]"
    # a portal's link to the rest of a text (在 MSN 上繼續閱讀)
    r"|在\s*(?:[A-Za-z][^\s，。]{1,12}\s*上?|[^\s，。]{2,12}\s*上)(?:繼續閱讀|继续阅读)"
    # the readers' reactions, counted (你對這篇文章有什麼感覺？ / 喜歡 2,315 / 大心45)
    r"|(?:喜歡|喜欢|開心|开心|驚訝|惊讶|難過|难过|生氣|生气|大心|哈哈|讚|赞|怒|哇|嗚|感動|感动|無言|无言|推|噓)\s*\d[\d,，]*"
    r"|(?:你對這篇文章有什麼感覺|你对这篇文章有什么感觉|這篇文章讓你覺得|新聞表態|文章表態|心情投票|你的心情是)\s*[？?]?"
    # a share bar's row, its words glued or apart (分享FacebookLINEX複製連結, 分享　Facebook　LINE　複製連結)
    r"|(?:(?:分享|Share|Facebook|FB|LINE|Line|X|Twitter|Threads|複製連結|复制链接|列印|收藏)[ \t\u3000|｜]*){2,}"
    # a share bar's words in English, one a line (Share this story / facebook / twitter / whatsapp)
    r"|(?:分享至|分享到)\s*(?:臉書|Facebook|FB|LINE|Line|X|Twitter|微博|Threads)|FB"
    r"|(?:LINE|Line|FB|Facebook|臉書|Threads)\s*分享"
    # an update's time alone (|更新2024.11.01|11:02), the outlet's copyright (本文版權屬世界日報所有，請勿轉載)
    r"|[|｜]\s*(?:最後)?更新(?:時間|於)?\s*[:：]?\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*[|｜]?\s*\d{1,2}:\d{2})?"
    r"|(?:本文)?版權屬[^\n，。]{1,24}所有[，,]?\s*(?:請勿轉載|未經授權不得轉載)?。?"
    r"|(?i:share this (?:story|article|page|post)|share on (?:facebook|twitter|x|line|whatsapp)|facebook|twitter"
    r"|whatsapp|telegram|e-?mail|print|tweet|copy link|wechat|weibo|line|x)"
    # the time a reading takes (閱讀時間 約 9 分鐘, 2 分鐘 (閱讀時間)), a link to a syndicated page's original
    r"|(?:預計)?(?:閱讀時間|阅读时间|閱讀時長)\s*[:：]?\s*約?\s*\d+(?:\s*[–\-~～至]\s*\d+)?\s*分鐘?|\d+\s*分鐘\s*閱讀"
    r"|約?\s*\d+\s*分鐘?\s*[（(]?(?:閱讀時間|阅读时间)[）)]?"
    r"|查看原始網頁|(?:查看|前往)?完整網頁版?|查看原文|閱讀原文|前往原文|[^\s，。【】]{1,8}訂閱電子報"
    r"|已(?:經)?是(?:訂閱)?會員[？?]?\s*(?:請)?登入(?:繼續閱讀|閱讀全文)?|[▸►▶]?\s*更多新聞請點\s*[:：][^\n]{0,12}"
    # a translation's sources and the original's place (摘譯自：Reuters, 全文及圖片詳見：環境資訊中心), a copyright
    # after any name, a call to support the outlet (支持上下游，成為訂閱會員), a ranked key point (重點一：…)
    r"|(?:摘譯自|編譯自|译自|譯自|全文及圖片詳見|全文詳見|原文詳見)\s*[:：][^\n]{1,40}|[^\s「」，。]{2,12}\s*版權所有"
    r"|支持[^\s，。]{1,8}[，,]\s*成為[^\s，。]{0,4}(?:會員|訂戶)|查看完整版|查看原始文章|複製網址|複製網址連結"
    r"|追蹤我們\s*[:：].*|原始網址\s*[:：].*|(?:加權|櫃買|台股)指數\s*[\d,.]+\s*[▲▼△▽+\-−]\s*[\d,.]+"
    r"|追蹤[^\s，。]{2,10}[，,]\s*掌握[^\n。]{0,10}|訂閱方案[^\n。]{0,16}"
    # print view's links, a page's address alone, a time relative to now (19 小時前), an outlet's more link
    r"|列印本頁|關閉視窗|回上一頁|https?://\S+|[^\s，。]{2,16}\s*更多(?:內容|文章)"
    r"|(?:(?:更新|發布|發佈)於?\s*)?\d{1,2}\s*(?:分鐘|小時|天)前"
    r"(?:\s*[•·|｜]\s*(?:(?:更新|發布|發佈)於?\s*)?\d{1,2}\s*(?:分鐘|小時|天)前)?"
    # a font size's tools (A- / A+), a count alone (216, 1,204, 1.3k; not 2020), a share's quote (南亞科2408 /
    # ▲1.2(+1.96%))
    r"|A\s*[-+－＋]|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*[kKwW萬万]|\d{1,3}|[^\W\d_]{2,6}\s*[（(]\d{4}[）)]"
    r"|[▲▼△▽]\s*\d[\d.,]*\s*[（(][+\-−]?\d[\d.]*%[）)]"
    # a count beside a share or a like (讚128, 👍32), an agency's credit in brackets alone (（德新社、路透社）)
    r"|(?:讚|赞|👍|❤️?|分享|留言)\s*\d[\d,]*|[（(][^\s（）()、]{1,5}社(?:\s*[、,，/／]\s*[^\s（）()、]{1,5}社)*[）)]"
    # a call to follow the outlet on a platform (LINE 追蹤聯合新聞網, IG 追蹤)
    r"|(?:LINE|Line|FB|Facebook|IG|Instagram|YouTube|Threads)\s*(?:追蹤|追踪|關注|关注|訂閱|订阅)[^\s，。]{0,12}"
    # an outlet's reminder over its note (★三立新聞網提醒您：), a follow call (Google新聞 追蹤中央社)
    r"|(?:[★☆※●]\s*[^\s，。]{2,12}|[^\s，。]{1,10}(?:網|台|報|新聞|雜誌))提醒您\s*[:：]?"
    r"|(?:在\s*)?Google\s*(?:新聞|News)\s*[^\s，。]{0,2}\s*(?:追蹤|追踪|關注|关注)[^\s，。]{0,10}"
    # a promotion's heading in TVBS's corners (◤日本旅遊必買清單◢)
    r"|◤[^◢\n]{1,24}◢"
    r"|訂閱[^\s，。]{0,12}(?:YouTube頻道|頻道|频道|電子報|电子报|YouTube|Podcast)[!！]?"  # (not 訂閱制電子報成新商機)
    r"|(?:上一篇|下一篇|上一则|下一则)\s*[：:][^\n]{0,60}"
    rf"|#{_TAG}{{1,8}}|#{_TAG}{{1,12}}(?:[ \t\u3000]+#{_TAG}{{1,12}})+"  # one short tag, or several
    r"|(?=[^\n。？]{4,70}$)(?=.*(?:點我|点我|點此|点此|點擊|快點|请加入|請加入|歡迎加入|按我)|[★►▶]"
    r"|【.*(?:立即|馬上|搶先|即時掌握))"
    r"[^\n]*(?:(?:下載|下载)[^\n]*(?:APP|App|app)|(?:APP|App|app)[^\n]*(?:下載|下载)|加入[^\n]*(?:LINE|Line)\s*好友)"
    r"[^\n]*"  # a promotion, with its call (點我下載APP, ►下載星光雲APP，搶先看; not 警方提醒勿安裝來路不明的App)
    r"|【[^】\n]{0,20}(?:APP|App|app)\s*(?:下載|下载)】|加入[^\s，。]{0,12}(?:LINE|Line)?\s*好友[^\n。]{0,20}"
    r"|[（(](?:圖|图|圖片|图片|照片|攝影|摄影|影像|圖片來源|图片来源|資料照|资料照|影片來源|影片来源|影片|畫面來源|画面来源"
    r"|畫面|画面)\s*[／/：:|｜][^（）()\n]{1,30}[）)]"
    r"|\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?"  # a player's time (00:00 / 01:58)
    r"|(?:圖|图|攝影|摄影|圖片來源|图片来源)\s*[／/：:|｜]\s*[^\s，。（）()]{2,12}"
    r"|(?:責任編輯|责任编辑|核稿編輯|核稿编辑|文字編輯|實習編輯|責編|责编|編輯|编辑|審稿|审稿|校對|校对)\s*[：:／/]\s*[^\W\d_]{2,4}"
    r"|(?:責任編輯|责任编辑|攝影|摄影|設計|设计|插畫|插画|美術設計|核稿編輯)[ \t\u3000]+[^\W\d_]{2,4}"  # (攝影 余志偉)
    r"|[（(](?:編輯|编辑|責任編輯|譯者|译者|核稿)[：:][^（）()\n]{2,20}[）)]\s*\d{7}"  # 中央社's editors and day alone
    # tags or keywords: 關鍵字：林品瑄,金曲獎, Tags: 颱風 八號風球 Typhoon Signal 8
    rf"|{TAG_LABELS}\s*[:：﹕]\s*"
    r"(?:(?:[^\W\d_A-Za-z]{1,6}|[A-Za-z]{1,12}|\d{1,3})(?:[\s，,、]+|$))*"
    # a link to another article (更多新聞：流感重症再增), a call to read, follow or subscribe
    # (▲點我看更多星光雲精彩新聞, ★訂閱TVBS YouTube頻道，第一手新聞、直播不錯過！)
    r"|(?:更多新聞|更多新闻|延伸閱讀|延伸阅读|推薦閱讀|推荐阅读|看更多)\s*[：:][^\n。]{2,50}"
    # a view counter (瀏覽數 12,408), an official account's call (加入 CTWANT 官方帳號)
    r"|(?:瀏覽數|瀏覽次數|浏览数|閱讀數|阅读数|觀看次數)\s*[:：]?\s*[\d,，.萬万]+"
    r"|加入\s*[^\n，。]{1,16}\s*(?:官方帳號|官方账号)"
    # a link to more (看更多颱風資訊, 看更多 中央社 文章) or to a syndicated page's original; share tools together
    r"|看更多(?:[ \t\u3000]*[^\s，。！？!?：:]{1,8}){0,2}[ \t\u3000]*(?:資訊|新聞|文章|報導|影音|內容)|看更多"
    r"|原始連結|原文連結|原始链接|我要分享"
    rf"|{_SHARE}(?:[ \t\u3000]*{_SHARE})+"
    # a copyright notice of the site's own (本網站之文字…非經授權，不得轉載, 中天新聞網 版權所有; and ©, All Rights
    # Reserved: SITE_PHRASES); not news of copyright (法院認定被告未經授權轉載, 書末註明「版權所有，翻印必究」)
    r"|本(?:網站|网站|網|站|報|报|刊|台|公司|新聞|新闻)[^\n「」]{0,40}"
    r"(?:[非未]經[^\n「」，。]{0,8}授權|[非未]經[^\n「」，。]{0,8}同意[，,、]?\s*(?:請勿|不得)|[非未]经[^\n「」，。]{0,8}授权"
    r"|不得轉載|不得转载|禁止轉載|請勿轉載)"
    r"[^\n「」]{0,40}"
    r"|[^\s「」，。]{2,12}(?:網|报|報|台|刊|新聞|新闻)\s*(?:版權所有|版权所有)[^\n「」]{0,20}")

#: Phrases anywhere in a line of the site's own, each in lines of at most so many characters (a search of each,
#: not a scan of the line by every pattern): a request to accept cookies (請同意我們的隱私權規範), a paywall's call
#: (本文未完，訂閱天下雜誌解鎖全文), a fan page's (新頭殼粉絲團按讚追蹤), a call to read more or follow
#: (▲點我看更多星光雲精彩新聞, ★訂閱TVBS YouTube頻道，直播不錯過！, …按讚看更多好新聞>>), the site's calls for
#: support, tips or subscriptions with their call (壹蘋新聞網歡迎各界爆料, 成為《報導者》的定期定額贊助者; not news
#: of subscriptions or sponsors: 報社推出數位訂閱方案), an editor's note on the article (本文為《報導者》…系列報導
#: 之一, 本文出自天下雜誌801期), a copyright notice (©, All Rights Reserved), and the notes Taiwanese and Hong
#: Kong outlets print under a story of suicide or drink-driving: the suicide-prevention note and its helplines
#: (珍惜生命，自殺不能解決問題…, ※ 安心專線：1925 ※ 生命線協談專線：1995), the statutory warning on drink
#: (飲酒過量，有害健康) and a marked call not to drive after drinking (●喝酒不開車．開車不喝酒●,
#: 中時新聞網提醒您：喝酒不開車; not a sentence of the news that says so: 警方呼籲喝酒不開車), the notes under a
#: story of gambling or shares (切勿沉迷賭博, 投資理財有風險…) and an opinion's disclaimer (（本文不代表本台立場）),
#: and a line that ends in its call (…點我看, …立即訂閱).
SITE_PHRASES = tuple((longest, re.compile(pattern)) for longest, pattern in (
    (60, r"^(?:請|请|點選|点选|按下?)(?:同意|接受)[^\n，。]{0,12}(?:隱私權|隐私权|Cookie|cookie)"),
    (40, r"(?:訂閱|订阅|登入|成為會員|成為\S{1,6}會員)[^\n]{0,12}(?:解鎖|閱讀全文|看全文|完整內容)"),
    # a paywall's or a membership's call (本文開放會員免費閱讀至10/26，加入鏡週刊會員即可無限暢讀所有付費文章)
    (60, r"加入[^\n，。]{0,8}(?:會員|会员)[^\n。]{0,10}(?:暢讀|畅读|解鎖|解锁|付費文章|付费文章)"),
    # a call to subscribe with its promise (訂閱工商時報電子報，每天早上八點掌握產業脈動), an app's with its
    # (…下載APP掌握追星第一手), members-only content (本篇文章為訂閱會員專屬內容), a reprint's terms
    (50, r"^(?:立即)?(?:訂閱|订阅)[^\n，。]{0,12}(?:電子報|电子报|頻道|频道|Podcast)[，,][^\n。]{0,24}$"
         r"|^(?![^\n]*(?:呼籲|表示|提醒|建議|指出))[^\n，,。]{0,16}(?:下載|下载)\s*\S{0,8}(?:APP|App|app)[^\n。]{0,12}"
         r"(?:掌握|第一手|不漏接|搶先)"
         r"|^\W{0,2}(?:本篇文章|本篇|本文|此文)?[^\n，,。]{0,4}(?:會員|会员|訂閱|付費)(?:專屬|限定)(?:內容|内容|文章)\W{0,2}$|轉載請註明出處|转载请注明出处|轉載請先?取得授權|受著作權保護"
         r"|(?:App|APP)\s*(?:即時推送|即時推播)|^(?:本文|本文章|以上內容|文章內容)\S{0,4}僅供參考[，,]?\s*(?:不能|無法|不可)取代"
         r"|^\W{0,2}如有疑問[，,]\s*請撥打\s*165"),
    # an app's promotion opening its line (下載香港01App，隨時掌握最新消息)
    (40, r"^(?:立即|馬上)?(?:下載|下载)[^\n，。]{0,12}(?:App|APP|app)(?:[，,\s][^\n。]{0,16})?$"),
    # a promotion by a pointing mark (►運動雲 LINE 好友募集！最新賽事即時推播)
    (50, r"^[★►▶].*(?:LINE|Line|APP|App|YouTube|Instagram|Podcast|推播|好友)"),
    (30, r"(?:粉絲團|粉絲專頁|粉专|官方帳號|官方账号)[^\n。！？]{0,6}(?:按讚|按赞|追蹤|追踪|加入)$"),
    (50, r"^[★►▶▲].*(?:看更多|訂閱|订阅|追蹤|追踪|按讚|按赞|看這裡|看这里)"
         r"|(?:點我|点我|點此|点此).*(?:看更多|訂閱|订阅|追蹤|追踪|按讚|按赞|看這裡|看这里)"),
    (60, r"(?:按讚|按赞|追蹤|訂閱).*看更多.*(?:>>|》》|»)$"),
    (60, r"^(?:更多[^\n，,。]{0,6}[，,]\s*)?[^\n，,。]{0,12}歡迎[^\n。，,]{0,16}"
         r"(?:爆料|投稿|訂閱|订阅|贊助|赞助|加入會員)"
         # (歡迎訂閱鏡週刊: a call, perhaps naming the magazine)
         r"(?:(?:[^\W\d_]{0,6}(?:週刊|周刊|雜誌|杂志|日報|日报|時報|时报|新聞網|新闻网|電子報|电子报))?\W*$"
         r"|[、，,：:\s]*(?:專線|爆料|信箱|LINE|Line|@|電話|請|请|來稿請|来稿请|http|[0-9]|了解|訂閱|贊助|加入|成為|支持"
         r"|分享))"
         r"|成為《[^》\n]{1,12}》[^\n]{0,10}(?:贊助者|會員|訂戶)"),
    # a magazine's pitch to subscribe (紙本雜誌／數位訂閱方案看這裡, 限時優惠月訂閱NT$199起, 訂閱商業周刊，每週掌握…)
    (40, r"(?:訂閱|订阅)方案\s*(?:看這裡|看这里|點我|点我|請點|请点|>>|》|→|➤)"
         r"|^(?:限時|限时)?(?:優惠|优惠)[^\n。，,]{0,6}(?:訂閱|订阅)[^\n。，,]*$"
         r"|^(?:訂閱|订阅)《?[^\n，,。》]{2,10}》?[，,：:]\s*(?:每週|每周|每天|每日|掌握|搶先|即時|第一時間)"),
    (60, r"^本文(?:(?:為|由)[^\n。]{0,40}(?:系列|專題|報導之一|會員|專享|專屬|付費|訂戶|授權轉載|原刊|合作|第\d+期)"
         r"|出自|轉載自|转载自|原載於|原载于|原刊於|經授權轉載)"),
    (120, r"All [Rr]ights [Rr]eserved|Copyright\s*©|©\s*\d{4}"),
    (120, r"自殺不能解決問題|自杀不能解决问题|^\W{0,2}自殺警語"
          r"|^(?:若|如|如有|若有|有需要|需要)(?=[^\n]*(?:專線|专线|生命線))(?=[^\n]*(?:撥打|拨打|撥))"
          r"[^\n]*?(?:1925|1995|1980)[^\n]{1,40}(?:1925|1995|1980)"
          r"|(?:安心專線|生命線協談專線|張老師專線|撒瑪利亞防止自殺會)[^\n。]{1,40}"
          r"(?:安心專線|生命線協談專線|張老師專線|撒瑪利亞防止自殺會|生命熱線|情緒通)"),
    # (a line of these warnings alone, unmarked, is read by its clauses: analysis.readercalls.WARNINGS)
    (60, r"^\W{0,2}飲酒過量\W{0,2}有害健康|^[☆●★※＊*【].{0,6}(?:喝酒不開車|酒後不開車|開車不喝酒)"
         r"|提醒您\s*[：:]\s*(?:喝酒不開車|酒後不開車|開車不喝酒)"),
    # the notes under a story of gambling or of shares, and an opinion's disclaimer
    (80, r"切勿沉迷賭博|賭博問題求助熱線|^\W{0,2}投資(?:理財)?(?:有|涉及)風險"
         r"|^\W{0,2}(?:本文|以上|文章|此文|本篇)?(?:言論|內容|内容|觀點|观点)?(?:僅代表|不代表|并不代表|並不代表)"
         r"[^\n。]{0,20}立場|^\W{0,2}(?:本文|此文)[^\n。]{0,30}[，,]\s*(?:不代表|並不代表|并不代表)[^\n。]{0,12}立場"),
    # a line that ends in its call (…最新動態即時更新點我看, …每日推播立即訂閱)
    (60, r"(?:點我|点我|點此|点此|(?:立即|馬上)(?=訂閱|下載|加入))(?:看|看更多|了解|訂閱|下載|加入)[\s>》»➤→!！]*$"
         r"|(?:立即|馬上)(?:下載|下载)[^\n，。]{0,12}(?:APP|App|app)\s*$"
         r"|^(?:按我|點我|点我|點此|点此)(?:看|了解|參加|参加)[^\n。，,]{0,10}$"),  # (按我看活動辦法)
))


# A letter every phrase of SITE_PHRASES holds (to pass over the lines that hold none), and their longest line
_PHRASE_LETTERS = frozenset("同接請请點点按訂订登成粉官★►▶▲©追歡本ARC殺杀線張撒情酒賭投即馬代1下專专轉转會会付受著如若")
_LONGEST_PHRASED = max(longest for longest, _ in SITE_PHRASES)


def _credit_start(line: str) -> int:
    """Where a photograph's credit at a line's end may start: its last bracket or sentence's end, in its last
    letters (:data:`_CREDIT_TAIL`)."""
    return max(len(line) - _CREDIT_TAIL, max(line.rfind(mark) for mark in "（(。！？!?"), 0)


_CREDIT_WORDS = ("圖", "图", "攝", "摄", "照片", "資料")


def _credit_ends(line: str) -> bool:
    """Whether a line may end in a photograph's credit: a bracket, or a photograph's word in its last letters."""
    return line.endswith((")", "）")) or any(w in line[-_CREDIT_TAIL:] for w in _CREDIT_WORDS)


def site_line(line: str) -> bool:
    """Whether a stripped line is the site's own, whole (:data:`SITE_LINE`) or by a phrase in it (:data:`SITE_PHRASES`).

    Examples
    --------
    >>> lines = ["分享", "▲點我看更多星光雲精彩新聞", "Copyright © 2024 ETtoday.net", "報社推出數位訂閱方案"]
    >>> [site_line(x) for x in lines]
    [True, True, True, False]
    """
    if SITE_LINE.fullmatch(line) is not None:
        return True
    return len(line) <= _LONGEST_PHRASED and not _PHRASE_LETTERS.isdisjoint(line) and any(
        len(line) <= longest and pattern.search(line) for longest, pattern in SITE_PHRASES)


# More of the site's lines: a comment counter (udn討論區 / 0 則留言 / 我要留言), a call to follow the outlet or
# install its app anywhere in a line, and a photo's caption: a line that ends with the photo's credit, opened
# by ▲ or ▼ or short
# (and a font size's 小 / 中 / 大, one a line), and in a text a pointing line, no sentence: a link to another story or
# a promotion (👉 日本大阪自由行必買！, ►全台最狂寵物展來了！; a related list's items may be bulleted so)
# (a headline's colon after a speaker stays a link's: ►偏鄉長照據點經費不足 立委批：補助三年沒調過; not a point:
# ▶ 第一階段：…, ▶ 重點：…)
_POINTING = re.compile(r"(?=[^\n。]{2,50}$)(?:👉|👇|☛|☞|➤|⇨|➡️?|►|▶|▸)"
                       r"(?!\s*(?:[^\s：:][^\n：:]{0,5}[：:]|第[一二三四五六七八九十\d]|[一二三四五六七八九十\d]{1,2}\s*[、.．]))"
                       r"[^\n]+")
_PAGE_LINE = re.compile(r"^(?:廣告|AD|Advertisement|(?:請)?繼續(?:往下)?閱讀\W*|[小中大]"
                        r"|\S{0,10}討論區(?:\s*/\s*\d+\s*則留言)?(?:\s*/\s*我要留言)?|\d+\s*則留言|我要留言)$", re.I)
_PROMO = re.compile(r"加入\S{0,12}LINE\s*(?:好友|官方帳號)|(?:下載|安裝)\S{0,10}\s*App\b"
                    r"|App[^\n]{0,16}(?:立即|馬上)下載", re.I)
# (（總統府提供）, （取自球團X）, （示意圖，取自Pixabay）; not 由…提供)
_CREDIT_END = re.compile(r"[（(](?:(?:圖|照片|攝影|圖片來源|圖片)[／/：:][^（）()\n]{1,24}|記者\S{1,4}攝"
                         r"|[^（）()\n由]{1,10}提供|(?:翻攝|取自|擷取自|截自|截圖自)[^（）()\n]{0,20}"
                         r"|(?:示意圖|示意图|資料照|资料照|資料圖|资料图|檔案照|档案照)"
                         r"(?:\s*[，,／/：:、]\s*[^（）()\n]{1,24})?)[)）]$")
# A photograph's credit that only a caption ends in, whatever it says: an archive's photo (（中央社檔案照片）,
# （本刊資料照）, （資料圖片）), a photographer's (（信傳媒編輯部攝）, （中央社記者王飛華攝 113年10月15日）), a
# picture's source (（Hong Kong Observatory圖片）), or a credit after the caption's sentence
# (…高院今天宣判。圖／聯合報系資料照片)
_PHOTO_CREDIT = re.compile(r"[（(][^（）()\n]{0,16}(?:檔案|档案|資料|资料)(?:照片?|圖片?|图片?|相片|畫面|画面)[)）]$"
                           r"|[（(][^（）()\n]{1,20}攝(?:\s*\d[\d年月日./]*)?[)）]$"
                           r"|[（(](?![見见如詳详])[^（）()\n]{1,30}(?:圖片|图片|照片|相片)[)）]$"
                           r"|[。！？!?]\s*(?:圖|图|攝影|摄影|照片)\s*[／/：:][^，。（）()\n]{2,24}$"
                           # (…獲利大幅成長。本報資料照片, …起開打。記者溫采蓉／攝影)
                           r"|[。！？!?]\s*[^\s，。（）()]{0,6}(?:資料|资料|檔案|档案)(?:照片?|圖片?|图片?|相片|庫|库)$"
                           r"|[。！？!?]\s*(?:記者|记者)?[^\W\d_]{2,4}\s*[／/]\s*(?:攝影|摄影|攝|摄)$"
                           # (…吹落的文旦。中央社記者黃俊銘攝113年10月3日)
                           r"|[。！？!?]\s*[^\W\d_]{0,8}(?:記者|记者)[^\W\d_]{2,4}攝\s*(?:\d[\d年月日./]*)?$"
                           # (…查扣手機。記者趙容萱／翻攝, …新建案看板林立。楊子磊攝, （記者陳開／攝影）)
                           r"|[。！？!?]\s*(?:記者)?[^\W\d_]{2,4}\s*[／/]?\s*(?:翻攝|攝)$"
                           r"|[（(](?:記者)?[^\W\d_（）()]{2,4}\s*[／/]\s*(?:攝影|翻攝|攝)[)）]$")
# A short caption of one clause credited to a news agency (…回應選舉結果。（路透社）)
_AGENCY_CAPTION = re.compile(r"(?![^\n]*(?:宣布|表示|指出|強調|說|稱))[^。！？!?，,\n]{4,40}。"
                             r"[（(](?:路透社|美聯社|法新社|彭博社|共同社|韓聯社|歐新社|德新社"
                             r"|新華社|中新社|海峽時報|AP|AFP|Reuters|EPA|Getty Images"
                             # (and their short names, and a stock library's: （路透）, (Shutterstock))
                             r"|路透|美聯|法新|彭博|共同|韓聯|歐新|德新|新華|Shutterstock|iStock|Pixabay|Unsplash"
                             r"|Depositphotos)[)）]")
#: The longest caption that a photograph's credit (:data:`_PHOTO_CREDIT`) makes the site's, and the last characters
#: of a line a credit is looked for in.
_CREDIT_TAIL = 40
_LONGEST_CREDITED = 120
# A promotion's call to its reader (點我, 請加入, or a mark before 立即下載); not a sentence's 可立即下載
_CALL = re.compile(r"^[★►▶]|^【.*(?:立即|馬上|搶先)|點我|点我|點此|点此|點擊|快點|請加入|请加入|歡迎加入|按我")
# A reporting verb: a line that holds one is the article's, whatever credit ends it (…發文表示…（翻攝自臉書）)
_REPORTING = re.compile(r"表示|說|指出|強調|認為|透露|呼籲|批評|回應|坦言|宣布")
#: The longest line a call to follow or install is found in, and the longest caption not opened by ▲ or ▼.
_LONGEST_PROMO, _LONGEST_CAPTION = 50, 60

_SENTENCE = re.compile(r"(?<=[。！？!?])")

# A subhead: at most so many letters and none of a sentence's or a clause's marks, over a paragraph of at least so
# many, under a sentence (a paragraph's or a caption's) of at least so many
_LONGEST_SUBHEAD, SHORTEST_PARAGRAPH, _SHORTEST_ABOVE = 20, 30, 8
#: An item of a numbered list: a number opening it (``1.``, ``2、``, ``3號``, ``（一）``, ``①``).
LIST_ITEM = re.compile(r"^\s*(?:[0-9０-９]{1,2}[.、．)）號]|[（(][一二三四五六七八九十0-9０-９]{1,3}[)）]"
                       r"|[一二三四五六七八九十]{1,3}[、．.]|[①-⑳])")
_PUNCTUATED = re.compile(r"[。！!；;…]")
# ... a subhead may name a speaker (乘客：沒有這班車), but ends no clause nor a lead-in to a list, and asks nothing
# (為什麼會這樣？ is a paragraph as often as a subhead)
_ENDS = ("。", "！", "？", "!", "?", "」", "』", "）", ")")


def paired(flags: list[bool]) -> list[bool]:
    """Whether each line flagged has a flagged line beside it: one of two or more items of a list in a row.

    Examples
    --------
    >>> paired([True, True, False, True])
    [True, True, False, False]
    """
    return [f and ((k > 0 and flags[k - 1]) or (k + 1 < len(flags) and flags[k + 1])) for k, f in enumerate(flags)]


def subheads(lines: list[str]) -> list[int]:
    """Where an article's lines hold a few words and no punctuation between two paragraphs, or over the first of
    three or more: a feature's section titles (有床，沒有人; 一、補助邏輯與在地需求錯位) or an uncaptioned photo's
    words (宏晟精密新竹湖口廠生產線), no paragraph (the same on text pages and saved web pages).

    Examples
    --------
    >>> paragraph = "急診護理師小雯工作第六年，她說最累的不是體力，而是每天要面對的怒氣。"
    >>> subheads([paragraph, "有床，沒有人", paragraph, "領取方式如下：", "ATM領取", "郵局臨櫃領取"])
    [1]
    >>> subheads(["她建議：", "1.先存再花：" + paragraph, "2.記帳至少3個月", "3.保留緊急預備金：" + paragraph])
    []
    """
    listed = paired([bool(LIST_ITEM.match(x)) for x in lines])  # a numbered list's item beside another: no subhead
    return [k for k in range(len(lines) - 1 if len(lines) > 2 else 0)
            if len(lines[k]) <= _LONGEST_SUBHEAD and not _PUNCTUATED.search(lines[k]) and not listed[k]
            and not lines[k].endswith((":", "：", "，", ",", "、")) and "？" not in lines[k] and "?" not in lines[k]
            and len(lines[k + 1]) >= SHORTEST_PARAGRAPH
            and (k == 0 or (len(lines[k - 1]) >= _SHORTEST_ABOVE and lines[k - 1].endswith(_ENDS)))]


def is_site_line(line: str) -> bool:
    """Whether a line of an article's text is the site's own, whole (:data:`SITE_LINE`) or by a phrase in a short line
    (:data:`SITE_PHRASES`: a call to read more, follow, subscribe or support, a copyright notice), a comment counter, a
    call to follow the outlet or install its app, or a photo's caption: a line that ends in an archive's or a
    photographer's credit, or in another credit and opened by ▲ or ▼ or of 60 characters at most and reporting no
    one's words (the same on text pages and saved web pages).

    Examples
    --------
    >>> [is_site_line(x) for x in ["分享", "#火警 #竹北", "（圖／華視資料照）", "►下載星光雲APP，追星新聞搶先看"]]
    [True, True, True, True]
    >>> [is_site_line(x) for x in ["消防人員進入火場搶救。（圖／消防局提供）", "分享經驗", "廣告業者表示，景氣回溫。"]]
    [True, False, False]
    >>> is_site_line("高翔指出，這類詐騙多以「保證獲利」為誘餌，將被害人拉進群組，再誘導下載假投資App。")
    False
    >>> [is_site_line(x) for x in ["警方提醒民眾，切勿安裝來路不明的App。", "【下載假App 婦人遭騙光積蓄】",
    ...                            "#MeToo延燒政壇", "訂閱制電子報成新商機", "詐騙案件數量逐年攀升，詳見下圖。（圖）",
    ...                            "（數據由刑事局提供）", "這款App上架後，用戶可立即下載使用",
    ...                            "柯文哲今天在臉書發文表示，自己問心無愧。（翻攝自柯文哲臉書）"]]
    [False, False, False, False, False, False, False, False]
    >>> is_site_line("賴清德總統14日召開國安高層會議。（總統府提供）"), is_site_line("詐團車手在新北落網。（讀者提供）")
    (True, True)
    >>> [is_site_line(x) for x in ["【am730 App 下載】", "現在用APP看新聞　點我下載APP", "抖音下載量創新高 App第一"]]
    [True, True, False]
    """
    line = line.strip()
    return bool(site_line(line) or _PAGE_LINE.match(line) or _POINTING.fullmatch(line)
                or _AGENCY_CAPTION.fullmatch(line) or is_reader_call(line)
                or (len(line) <= _LONGEST_PROMO and _CALL.search(line) and _PROMO.search(line))  # (誘導下載假投資App)
                or (len(line) <= _LONGEST_CREDITED and _credit_ends(line)
                    and _PHOTO_CREDIT.search(line, _credit_start(line)))
                or (_CREDIT_END.search(line) and (line.startswith(("▲", "▼")) or (
                    len(line) <= _LONGEST_CAPTION and not _REPORTING.search(line)))))


def compact(text: str) -> str:
    """Fold a text for comparison: Unicode NFKC, all whitespace removed.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The folded text.

    Examples
    --------
    >>> compact("美駐ＵＮ 大使\\n訪台")
    '美駐UN大使訪台'
    """
    return "".join(unicodedata.normalize("NFKC", text).split())


def code_points(text: str) -> np.ndarray:
    """The code point of each character of ``text``, as a ``uint32`` array (lone surrogates kept).

    Examples
    --------
    >>> code_points("台灣 2020").tolist() == [ord(c) for c in "台灣 2020"]
    True
    >>> code_points(chr(0xD800)).tolist()
    [55296]
    """
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def content_id(title: str, text: str) -> str:
    """Return a stable 16-hex-digit hash of a document's normalised title and text.

    Width variants, runs of whitespace and edge spaces do not change the hash, so
    the same related item crawled from many pages gets one ``content_id``.

    Parameters
    ----------
    title : str
        The document's headline.
    text : str
        The document's text.

    Returns
    -------
    str
        16 lowercase hexadecimal digits (BLAKE2b, 8 bytes).

    Examples
    --------
    >>> content_id("美駐ＵＮ大使", "") == content_id("美駐UN大使 ", "")
    True
    >>> content_id("美駐UN大使", "")
    'd81dacee068b4954'
    """
    norm = " ".join(unicodedata.normalize("NFKC", f"{title}\n{text}").split())
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def is_truncated(text: str) -> bool:
    """True when a non-empty text does not end with sentence-final punctuation.

    Trailing whitespace is ignored; see :data:`SENTENCE_END` for the marks that end a text. 中央社's
    closing code after its editors' bracket (:data:`CLOSING_CODE`) ends a text too, and last lines of
    credits or times (``責任編輯：林妍``, ``更新時間：2023/06/20 10:05``) are not read as its end.

    Parameters
    ----------
    text : str
        A document's text.

    Returns
    -------
    bool
        False for an empty text.

    Examples
    --------
    >>> is_truncated("馬稱克拉夫特來台無用"), is_truncated("訪台。"), is_truncated("")
    (True, False, False)
    >>> is_truncated("抵台。（編輯：陳家倫）1090917"), is_truncated("抵台。1090917")
    (False, True)
    >>> is_truncated("抵台。\\n責任編輯：林妍"), is_truncated("抵台\\n更新時間：2023/06/20 10:05")
    (False, True)
    >>> is_truncated("抵台。\\n#颱風 #停班停課\\n本網站版權所有，禁止轉載"), is_truncated("抵台。\\n（工商時報）")
    (False, False)
    """
    text = text.rstrip()
    while (trailer := _TRAILER.search(text) or _FURNITURE.search(text)) is not None:
        text = text[:trailer.start()].rstrip()
    return bool(text) and text[-1] not in SENTENCE_END and CLOSING_CODE.search(text) is None


def first_sentence(text: str) -> str:
    """The text up to and including its first sentence-final mark (all of it when there is none).

    Parameters
    ----------
    text : str
        Any text; edge whitespace is removed first.

    Returns
    -------
    str
        The first sentence, ending in ``。``, ``！``, ``？``, ``!`` or ``?`` when the text has one.

    Examples
    --------
    >>> first_sentence("美台關係再升溫!美國國務卿蓬佩奧宣布。其後")
    '美台關係再升溫!'
    >>> first_sentence(" 沒有句號 ")
    '沒有句號'
    """
    text = text.strip()
    parts = _SENTENCE.split(text, maxsplit=1)
    return parts[0] if parts else text


def shorten(text: str, width: int = 14) -> str:
    """Cut a headline to ``width`` characters, with an ellipsis when cut.

    Runs of whitespace (line breaks included) become one space first.

    Parameters
    ----------
    text : str
        The headline (anything else is converted with :class:`str`).
    width : int
        Most characters returned, the ellipsis included.

    Returns
    -------
    str
        ``text`` itself when short enough, else its first ``width - 1`` characters and ``…``.

    Examples
    --------
    >>> shorten("美駐UN大使會台代表 允助台參與聯合國事務", 10)
    '美駐UN大使會台代…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"
