"""Fill unfinished zh_TW entries from a table (used when new strings land; review by a person)."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# ruff: noqa: E501 - one entry a line reads best
ZH_TW = {
    "Upgrading the store for this version of Galley…\n{path}\n\nA large archive takes a few minutes, once. Closing Galley meanwhile loses nothing: the upgrade starts again next time.": "正在為這個版本的 Galley 升級稿庫…\n{path}\n\n大型稿庫需要幾分鐘，只需一次。期間關閉 Galley 不會遺失任何內容：下次會重新升級。",
    "Upgrading the store": "升級稿庫中",
    'Search: words, "a phrase", -leave out…': '搜尋：詞、"完整詞組"、-排除…',
    'Words must all occur; "a phrase" as written; -word or -"a phrase" left out.\ntitle:政府  text in the title\nsection:地方  byline:林  status:draft\nsince:2015  until:2015-06-30  (a year, a month or a day)\nsort:date  newest first instead of best match': '所有詞都要出現；"完整詞組"照原樣出現；-詞 或 -"詞組" 排除。\ntitle:政府  標題裡的字\nsection:地方  byline:林  status:draft\nsince:2015  until:2015-06-30（年、月或日）\nsort:date  最新的在前，而非最相關',
    "Cannot search: {problem}": "無法搜尋：{problem}",
    "This article was changed elsewhere; showing the new version.": "這篇稿子已在別處修改，現在顯示新版本。",
    "This article was changed elsewhere; saving will ask what to keep.": "這篇稿子已在別處修改，儲存時會詢問要保留哪一版。",
    "&Back up now": "立即備份(&B)",
    "Importing": "匯入中",
    "Exporting": "匯出中",
    "Backed up to {path}": "已備份到 {path}",
    "No backup made: too little free disk space": "未備份：磁碟空間不足",
    "Backing up": "備份中",
    "Backup failed": "備份失敗",
    "Cancelled; nothing of it was kept.": "已取消，沒有留下任何部分。",
    "Internal error: {error}": "內部錯誤：{error}",
    "Cancel": "取消",
    "Line {line}: the block opened here is never closed with ':::'": "第 {line} 行：這裡開始的區塊沒有以「:::」結束",
    "Line {line}: unknown block '::: {kind}' (known: further-reading)": "第 {line} 行：不認得的區塊「::: {kind}」（可用：further-reading）",
    "Line {line}: ':::' closes a block never opened": "第 {line} 行：「:::」結束了一個沒有開始的區塊",
    "Line {line}: an image in the body; place images as figures with ![[KEY]]": "第 {line} 行：內文裡有圖片；請用 ![[KEY]] 放置圖片",
    "A correction readers must see (shown on the page with its date)": "讀者必須看到的更正（連同日期顯示在頁面上）",
    "Dates": "日期",
    "C&orrection": "更正(&O)",
    "not yet published": "尚未發布",
    "Published {published}": "發布 {published}",
    "content updated {updated}": "內容更新 {updated}",
    "Dated {date}": "日期 {date}",
    "Bylines that are the newsroom, not a person": "屬於編輯部而非個人的署名",
    "One per line: name = https://…": "每行一位：姓名 = https://…",
    "&Logo URL": "標誌網址(&L)",
    "&Organisation bylines": "機構署名(&O)",
    "&Author pages": "作者頁面(&A)",
    "Author pages, line {n}: write name = https://…": "作者頁面第 {n} 行：請寫成 姓名 = https://…",
    "Export desk &edition…": "匯出編輯台版本(&E)…",
    "x,y from 0 to 1 (empty: the centre)": "x,y，各為 0 到 1（空白：正中央）",
    "The point the 16:9, 4:3 and 1:1 crops for search engines keep in view": "給搜尋引擎的 16:9、4:3 與 1:1 裁切要保留的位置",
    "Crop &focus": "裁切焦點(&F)",
    "S&ync with desk": "與編輯台同步(&Y)",
    "Desk: not synced yet": "編輯台：尚未同步",
    "The desk repository (a folder on a shared drive or USB stick)": "編輯台的儲存庫（共用磁碟或隨身碟上的資料夾）",
    "Syncing with the desk": "正在與編輯台同步",
    "Desk: synced {time}; {n} edited on both sides": "編輯台：{time} 已同步；{n} 篇兩邊都有修改",
    "Desk: synced {time}": "編輯台：{time} 已同步",
    "Desk sync: {received} in, {sent} out": "編輯台同步：收到 {received} 篇，送出 {sent} 篇",
    "Desk: offline since {time}": "編輯台：{time} 起無法連線",
    "Desk sync": "編輯台同步",
    "Export the desk edition to": "將編輯台版本匯出到",
    "Your name and role": "你的名字與角色",
    "Your name": "你的名字",
    "Your role": "你的角色",
    "Reporter": "記者",
    "Editor": "編輯",
    "Web producer": "網站編輯",
    "&Name": "名字(&N)",
    "&Role": "角色(&R)",
    "Your name goes on revisions, notes and status changes. Reporters submit articles for review; editors approve, publish and spike them.": "你的名字會記在修訂、批註與狀態變更上。記者送審稿件；編輯核可、發布與撤稿。",
    "Give your name: it goes on everything you change.": "請填名字：你所做的每項修改都會記上它。",
    "Your name and &role…": "你的名字與角色(&R)…",
    "Decisions made apart": "分頭做出的決定",
    "Decisions about this article were made apart and could not all stand.": "這篇稿子的決定是在不同地方分頭做出的，無法全部成立。",
    "Standing: {who} moved it to {status} ({when}).": "成立：{who} 將它改為「{status}」（{when}）。",
    "Set aside: {who} moved it to {status} ({when}): {why}.": "擱置：{who} 將它改為「{status}」（{when}）：{why}。",
}


def fill(ts: Path, table: dict[str, str]) -> int:
    tree = ET.parse(ts)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if translation is not None and translation.get("type") == "unfinished" and source in table:
            translation.text = table[source]
            del translation.attrib["type"]
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/translations/galley_zh_TW.ts")
    print(f"{fill(path, ZH_TW)} entries filled in {path}")
