<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="46" />
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="47" />
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="48" />
        <source>Section</source>
        <translation>版別</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="49" />
        <source>Byline</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="50" />
        <source>Updated</source>
        <translation>更新時間</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="51" />
        <source>Match</source>
        <translation>符合內容</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="200" />
        <source>Shown while it is open: the list's filter hides it.</source>
        <translation>開著時仍顯示：清單的篩選會隱藏它。</translation>
    </message>
</context>
<context>
    <name>BodyEdit</name>
    <message>
        <location filename="../../app/ui/body_editor.py" line="149" />
        <source>Write the article here. ![[key]] places a figure; ::: further-reading … ::: adds further reading.</source>
        <translation>在此撰寫內文。![[代號]] 放入圖片；::: further-reading … ::: 加入延伸閱讀。</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <location filename="../../app/ui/canvas.py" line="233" />
        <source>No suggestions</source>
        <translation>沒有建議</translation>
    </message>
    <message>
        <location filename="../../app/ui/canvas.py" line="236" />
        <source>Add “{word}” to the desk's words</source>
        <translation>把「{word}」加入編輯台詞表</translation>
    </message>
</context>
<context>
    <name>CardFrame</name>
    <message>
        <location filename="../../app/ui/cards.py" line="67" />
        <source>Drag to move</source>
        <translation>拖曳以移動</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="70" />
        <source>Move up (Alt+Up)</source>
        <translation>上移（Alt+↑）</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="72" />
        <source>Move down (Alt+Down)</source>
        <translation>下移（Alt+↓）</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="75" />
        <source>Remove (Ctrl+Z brings it back)</source>
        <translation>移除（Ctrl+Z 可復原）</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <location filename="../../app/ui/changes_view.py" line="113" />
        <source>Changes since revision {n}</source>
        <translation>第 {n} 版以來的修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="119" />
        <source>Figures, sources and related links</source>
        <translation>圖片、參考來源與相關連結</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="120" />
        <source>Figure</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="121" />
        <source>Source</source>
        <translation>參考來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="122" />
        <source>Related link</source>
        <translation>相關連結</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="123" />
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="124" />
        <source>removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="125" />
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="126" />
        <source>order changed</source>
        <translation>順序改變</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="127" />
        <source>{n} unchanged paragraphs</source>
        <translation>{n} 段未修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="128" />
        <source>caption</source>
        <translation>圖說</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="129" />
        <source>credit</source>
        <translation>圖片來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="130" />
        <source>alt text</source>
        <translation>替代文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="131" />
        <source>crop point</source>
        <translation>裁切位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="132" />
        <source>photographer</source>
        <translation>攝影者</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="133" />
        <source>copyright</source>
        <translation>版權</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="134" />
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="135" />
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="136" />
        <source>outlet</source>
        <translation>媒體</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="137" />
        <source>title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="138" />
        <source>address</source>
        <translation>網址</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="139" />
        <source>note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="140" />
        <source>excerpt</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="141" />
        <source>author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="142" />
        <source>kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="145" />
        <source>Changes side by side</source>
        <translation>並排比較修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="150" />
        <source>Revision {n} (you last looked)</source>
        <translation>第 {n} 版（你上次看過）</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_view.py" line="151" />
        <source>Revision {n} (now)</source>
        <translation>第 {n} 版（現在）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/changes_view.py" line="158" />
        <source>%n paragraphs changed, added or removed.</source>
        <translation>
            <numerusform>%n 段被修改、新增或刪除。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecksSection</name>
    <message>
        <location filename="../../app/ui/panel_review.py" line="213" />
        <source>Check findings</source>
        <translation>檢查結果</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="216" />
        <source>Fi&amp;x punctuation in the whole body</source>
        <translation>修正全文標點(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="242" />
        <source>No problems found.</source>
        <translation>沒有發現問題。</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="245" />
        <source>{errors} errors, {warnings} warnings</source>
        <translation>{errors} 個錯誤，{warnings} 個警告</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="255" />
        <source>line {n}: </source>
        <translation>第 {n} 行：</translation>
    </message>
</context>
<context>
    <name>DecisionBanner</name>
    <message>
        <location filename="../../app/ui/decision_banner.py" line="22" />
        <source>Decisions made apart</source>
        <translation>分頭做出的決定</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_banner.py" line="32" />
        <source>Decisions about this article were made apart and could not all stand.</source>
        <translation>這篇稿子的決定是在不同地方分頭做出的，無法全部成立。</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_banner.py" line="35" />
        <source>Standing: {who} moved it to {status} ({when}).</source>
        <translation>成立：{who} 將它改為「{status}」（{when}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_banner.py" line="43" />
        <source>Set aside: {who} moved it to {status} ({when}): {why}.</source>
        <translation>擱置：{who} 將它改為「{status}」（{when}）：{why}。</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="33" />
        <location filename="../../app/ui/desk_dialog.py" line="86" />
        <location filename="../../app/ui/desk_dialog.py" line="102" />
        <location filename="../../app/ui/desk_dialog.py" line="117" />
        <source>Desk settings</source>
        <translation>編輯台設定</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="43" />
        <source>Bylines that are the newsroom, not a person</source>
        <translation>屬於編輯部而非個人的署名</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="48" />
        <source>One per line: name = https://…</source>
        <translation>每行一位：姓名 = https://…</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="58" />
        <source>Publication &amp;name</source>
        <translation>媒體名稱(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="59" />
        <source>&amp;Base URL</source>
        <translation>網址前綴(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="60" />
        <source>&amp;Logo URL</source>
        <translation>標誌網址(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="61" />
        <source>Default &amp;language</source>
        <translation>預設語言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="62" />
        <source>&amp;Organisation bylines</source>
        <translation>機構署名(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="63" />
        <source>&amp;Author pages</source>
        <translation>作者頁面(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="66" />
        <source>Editor's picks (shown on every article page)</source>
        <translation>編輯推薦（顯示於每篇文章頁面）</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="87" />
        <source>The base URL must start with http:// or https://</source>
        <translation>網址前綴必須以 http:// 或 https:// 開頭</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_dialog.py" line="118" />
        <source>Author pages, line {n}: write name = https://…</source>
        <translation>作者頁面第 {n} 行：請寫成 姓名 = https://…</translation>
    </message>
</context>
<context>
    <name>DeskSync</name>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="111" />
        <source>Desk: not synced yet</source>
        <translation>編輯台：尚未同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="139" />
        <source>The desk repository (a folder on a shared drive or USB stick)</source>
        <translation>編輯台的儲存庫（共用磁碟或隨身碟上的資料夾）</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="161" />
        <source>Syncing with the desk</source>
        <translation>正在與編輯台同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="181" />
        <source>Desk: synced {time}; {n} edited on both sides</source>
        <translation>編輯台：{time} 已同步；{n} 篇兩邊都有修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="188" />
        <source>Desk: synced {time}</source>
        <translation>編輯台：{time} 已同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="197" />
        <source>Desk sync: {received} in, {sent} out</source>
        <translation>編輯台同步：收到 {received} 篇，送出 {sent} 篇</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="209" />
        <source>Desk: offline since {time}</source>
        <translation>編輯台：{time} 起無法連線</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="220" />
        <source>Desk sync</source>
        <translation>編輯台同步</translation>
    </message>
</context>
<context>
    <name>ExternalLinkForm</name>
    <message>
        <location filename="../../app/ui/related_pane.py" line="133" />
        <source>Add the link</source>
        <translation>加入連結</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="137" />
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="138" />
        <source>URL</source>
        <translation>網址</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="139" />
        <source>Excerpt</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="140" />
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="141" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="143" />
        <source>Link {field}</source>
        <translation>連結{field}</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="154" />
        <source>The URL must start with http:// or https://</source>
        <translation>網址必須以 http:// 或 https:// 開頭</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="156" />
        <source>An external link needs a title</source>
        <translation>外部連結需要標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="161" />
        <source>The date is not a date (use YYYY-MM-DD)</source>
        <translation>日期格式不對（請用 YYYY-MM-DD）</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <location filename="../../app/ui/cards.py" line="198" />
        <source>Figure image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="200" />
        <source>Caption: what the photo shows</source>
        <translation>圖說：照片裡是什麼</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="201" />
        <source>Caption</source>
        <translation>圖說</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="203" />
        <source>Credit: who took or supplied it</source>
        <translation>圖片來源：誰拍攝或提供</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="204" />
        <source>Photo credit</source>
        <translation>圖片來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="206" />
        <source>Alt text, for readers who cannot see it</source>
        <translation>替代文字，給看不到圖片的讀者</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="207" />
        <source>Alt text</source>
        <translation>替代文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="247" />
        <location filename="../../app/ui/cards.py" line="292" />
        <source>Figure: {key}</source>
        <translation>圖片：{key}</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="249" />
        <source>No image named “{key}”</source>
        <translation>沒有名為「{key}」的圖片</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="250" />
        <source>Insert ▸ Figure adds one</source>
        <translation>用「插入 ▸ 圖片」加入</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="267" />
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="294" />
        <source>photo: {who}</source>
        <translation>攝影：{who}</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="302" />
        <source>credit</source>
        <translation>圖片來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="303" />
        <source>alt text</source>
        <translation>替代文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="308" />
        <source>Missing: {what}</source>
        <translation>缺少：{what}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../app/ui/body_editor.py" line="307" />
        <location filename="../../app/ui/body_editor.py" line="308" />
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="310" />
        <location filename="../../app/ui/body_editor.py" line="311" />
        <source>Replace with</source>
        <translation>取代為</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="312" />
        <source>Match case</source>
        <translation>大小寫須相符</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="314" />
        <source>Previous</source>
        <translation>上一個</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="315" />
        <source>Next</source>
        <translation>下一個</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="316" />
        <source>Replace</source>
        <translation>取代</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="317" />
        <source>Replace all</source>
        <translation>全部取代</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="318" />
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>FocusImage</name>
    <message>
        <location filename="../../app/ui/cards.py" line="136" />
        <source>Click the point the crops must keep; double-click for the centre</source>
        <translation>點選裁切時必須保留的位置；按兩下回到中央</translation>
    </message>
</context>
<context>
    <name>FurtherReadingCard</name>
    <message>
        <location filename="../../app/ui/cards.py" line="338" />
        <source>Further reading</source>
        <translation>延伸閱讀</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="344" />
        <source>Further reading links</source>
        <translation>延伸閱讀連結</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="348" />
        <source>Add: search the archive by title or words…</source>
        <translation>加入：以標題或關鍵字搜尋稿庫…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="349" />
        <source>Find an article to add</source>
        <translation>搜尋要加入的稿子</translation>
    </message>
    <message>
        <location filename="../../app/ui/cards.py" line="381" />
        <source>{target} (Enter or double-click removes it)</source>
        <translation>{target}（按 Enter 或按兩下即移除）</translation>
    </message>
</context>
<context>
    <name>HistorySection</name>
    <message>
        <location filename="../../app/ui/history_section.py" line="42" />
        <source>Writing sessions and decisions</source>
        <translation>寫作時段與決定</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="46" />
        <source>Older revision</source>
        <translation>較舊的版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="48" />
        <source>Newer revision</source>
        <translation>較新的版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="50" />
        <source>Changes between the two revisions</source>
        <translation>兩個版本之間的修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="54" />
        <source>Keep &amp;mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="55" />
        <source>Take &amp;theirs</source>
        <translation>採用對方的(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="58" />
        <source>&amp;Restore the selected revision</source>
        <translation>還原所選版本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="60" />
        <source>Side by side…</source>
        <translation>並排比較…</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="61" />
        <source>The two revisions paragraph by paragraph</source>
        <translation>逐段比較兩個版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="67" />
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="69" />
        <source>with</source>
        <translation>與</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="100" />
        <source>imported</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="101" />
        <source>both sides' edits merged</source>
        <translation>合併雙方的修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="102" />
        <source>from the desk</source>
        <translation>來自編輯台</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="107" />
        <source>revision {n} restored</source>
        <translation>還原第 {n} 版</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="109" />
        <source>kept this side over revision {n}</source>
        <translation>保留這一方，不採第 {n} 版</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="111" />
        <source>took the other side's revision {n}</source>
        <translation>採用另一方的第 {n} 版</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="113" />
        <source>dated on publication ({status})</source>
        <translation>發布時加上日期（{status}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="120" />
        <source>reporter</source>
        <translation>記者</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="121" />
        <source>editor</source>
        <translation>編輯</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="122" />
        <source>web producer</source>
        <translation>網路編輯</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="123" />
        <source>archive import</source>
        <translation>舊稿匯入</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="124" />
        <source>the desk</source>
        <translation>編輯台</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="149" />
        <source>{who} wrote · {start}–{end} · {n} saves</source>
        <translation>{who} 撰寫 · {start}–{end} · 儲存 {n} 次</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="153" />
        <source>{who} · {at}</source>
        <translation>{who} · {at}</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="157" />
        <source>(revision {n})</source>
        <translation>（第 {n} 版）</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="165" />
        <source>{n}. {at} · {size} characters</source>
        <translation>{n}. {at} · {size} 字元</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="176" />
        <source>{status} — {who} ({role}) · {at}</source>
        <translation>{status} — {who}（{role}）· {at}</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="183" />
        <source>Why: {reason}</source>
        <translation>理由：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="212" />
        <source>Both sides edited this article. Revision {n} is the other text: compare below, then keep yours or take theirs (both stay in the history).</source>
        <translation>雙方都修改了這篇稿子。第 {n} 版是另一方的文字：請在下方比較，再決定保留你的或採用對方的（兩者都會留在版本紀錄）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="251" />
        <source>+{ins} / −{dele} characters</source>
        <translation>+{ins} / −{dele} 字元</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="253" />
        <source>also changed: {fields}</source>
        <translation>另有更動：{fields}</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_section.py" line="272" />
        <location filename="../../app/ui/history_section.py" line="285" />
        <source>History</source>
        <translation>版本紀錄</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="45" />
        <source>Your name and role</source>
        <translation>你的名字與角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="47" />
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="28" />
        <source>Your role</source>
        <translation>你的角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="30" />
        <source>Reporter</source>
        <translation>記者</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="31" />
        <source>Editor</source>
        <translation>編輯</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="32" />
        <source>Web producer</source>
        <translation>網站編輯</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="56" />
        <source>&amp;Name</source>
        <translation>名字(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="57" />
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="61" />
        <source>Your name goes on revisions, notes and status changes. Reporters submit articles for review; editors approve, publish and spike them.</source>
        <translation>你的名字會記在修訂、批註與狀態變更上。記者送審稿件；編輯核可、發布與撤稿。</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="79" />
        <source>Give your name: it goes on everything you change.</source>
        <translation>請填名字：你所做的每項修改都會記上它。</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../app/ui/list_panel.py" line="46" />
        <source>Search: words, "a phrase", -leave out…</source>
        <translation>搜尋：詞、"完整詞組"、-排除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_panel.py" line="47" />
        <source>Search articles</source>
        <translation>搜尋稿子</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_panel.py" line="50" />
        <source>Words must all occur; "a phrase" as written; -word or -"a phrase" left out.
title:政府  text in the title
section:地方  byline:林  status:draft
since:2015  until:2015-06-30  (a year, a month or a day)
sort:date  newest first instead of best match</source>
        <translation>所有詞都要出現；"完整詞組"照原樣出現；-詞 或 -"詞組" 排除。
title:政府  標題裡的字
section:地方  byline:林  status:draft
since:2015  until:2015-06-30（年、月或日）
sort:date  最新的在前，而非最相關</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_panel.py" line="59" />
        <source>Show articles of status</source>
        <translation>依狀態顯示稿子</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_panel.py" line="60" />
        <source>All statuses</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_panel.py" line="64" />
        <source>Show articles of section</source>
        <translation>依版別顯示稿子</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_panel.py" line="65" />
        <location filename="../../app/ui/list_panel.py" line="147" />
        <source>All sections</source>
        <translation>所有版別</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_panel.py" line="67" />
        <location filename="../../app/ui/list_panel.py" line="81" />
        <source>Articles</source>
        <translation>稿子</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_panel.py" line="80" />
        <source>Article list or review queue</source>
        <translation>稿件清單或待審佇列</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_panel.py" line="82" />
        <location filename="../../app/ui/list_panel.py" line="135" />
        <source>For review</source>
        <translation>待審</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_panel.py" line="135" />
        <source>For review ({n})</source>
        <translation>待審（{n}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_panel.py" line="166" />
        <source>Cannot search: {problem}</source>
        <translation>無法搜尋：{problem}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/list_panel.py" line="168" />
        <source>%n matching articles</source>
        <translation>
            <numerusform>%n 篇相符的稿子</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="77" />
        <source>Galley — {name}</source>
        <translation>Galley — {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="95" />
        <source>Length</source>
        <translation>字數</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="113" />
        <source>&amp;Insert</source>
        <translation>插入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="238" />
        <source>This article was changed elsewhere; showing the new version.</source>
        <translation>這篇稿子已在別處修改，現在顯示新版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="244" />
        <source>This article was changed elsewhere; saving will ask what to keep.</source>
        <translation>這篇稿子已在別處修改，儲存時會詢問要保留哪一版。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="284" />
        <source>Nothing else waits for review.</source>
        <translation>沒有其他稿子等待審稿。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="338" />
        <source>Your edit took this approved article back to review: an editor approves it again before it is published.</source>
        <translation>你的修改讓這篇已核可的稿子回到審稿：發布前須由編輯再次核可。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="359" />
        <source>The list's filter hides articles with this status; it stays open here.</source>
        <translation>清單的篩選會隱藏這個狀態的稿子；它仍在這裡開著。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="376" />
        <source>Body: {cjk} characters · {words} words</source>
        <translation>內文：{cjk} 字 · {words} 個英文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="382" />
        <source> (captions and further reading apart: {cjk} · {words})</source>
        <translation>（圖說與延伸閱讀另計：{cjk} · {words}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="111" />
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="125" />
        <source>Opening {name}…</source>
        <translation>正在開啟 {name}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="81" />
        <source>&amp;New article</source>
        <translation>新增文章(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="89" />
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="97" />
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="104" />
        <source>Export the desk's &amp;web edition…</source>
        <translation>匯出編輯台的網頁版(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="111" />
        <source>&amp;Save now</source>
        <translation>立即儲存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="118" />
        <source>&amp;Back up now</source>
        <translation>立即備份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="125" />
        <source>&amp;Desk settings…</source>
        <translation>編輯台設定(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="132" />
        <source>Your name and &amp;role…</source>
        <translation>你的名字與角色(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="147" />
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="112" />
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="152" />
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="153" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="158" />
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="173" />
        <source>Convert to &amp;Traditional Chinese (Taiwan)</source>
        <translation>轉換為臺灣正體中文(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="180" />
        <source>&amp;Normalise punctuation</source>
        <translation>統一標點符號(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="114" />
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="115" />
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="390" />
        <source>&amp;About Galley</source>
        <translation>關於 Galley(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="315" />
        <source>Edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="38" />
        <source>NOT SAVED</source>
        <translation>尚未儲存</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="53" />
        <source>A copy of the article was also written to
{path}</source>
        <translation>文章的副本也已寫入
{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="58" />
        <source>Could not save</source>
        <translation>無法儲存</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="46" />
        <source>Your text is safe in this window but is not in the store yet:

{error}

Galley keeps trying every few seconds.</source>
        <translation>您的文字仍保留在此視窗中，但尚未寫入資料庫：

{error}

Galley 會每隔幾秒自動重試。</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="70" />
        <source>Changed elsewhere</source>
        <translation>已在他處修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="72" />
        <source>This article was changed in another window or by another program since you opened it.</source>
        <translation>您開啟這篇文章後，它已在另一個視窗或程式中被修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="79" />
        <source>Keep mine: your version becomes the current one; theirs stays in the history.
Reload theirs: their version becomes current; yours stays in the history.</source>
        <translation>保留我的版本：您的版本成為目前版本，對方的版本保留在歷史紀錄中。
載入對方版本：對方的版本成為目前版本，您的版本保留在歷史紀錄中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="87" />
        <source>Keep mine</source>
        <translation>保留我的版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="90" />
        <source>Reload theirs</source>
        <translation>載入對方版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="153" />
        <source>No copy could be written either; the unsaved changes are lost.</source>
        <translation>副本也無法寫入；未儲存的修改已遺失。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="371" />
        <source>Saved {time}</source>
        <translation>已於 {time} 儲存</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="584" />
        <source>Untitled article</source>
        <translation>未命名文章</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="701" />
        <source>Import articles</source>
        <translation>匯入文章</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="703" />
        <source>Articles and bundles (*.md *.zip);;All files (*)</source>
        <translation>文章與匯出包 (*.md *.zip);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="726" />
        <source>Importing</source>
        <translation>匯入中</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="729" />
        <source>Cannot import</source>
        <translation>無法匯入</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="738" />
        <source>Export to folder</source>
        <translation>匯出至資料夾</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="786" />
        <source>Exporting</source>
        <translation>匯出中</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="789" />
        <source>Cannot export</source>
        <translation>無法匯出</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="779" />
        <source>Exported to {path}</source>
        <translation>已匯出至 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="138" />
        <source>S&amp;ync with desk</source>
        <translation>與編輯台同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="165" />
        <source>Find and re&amp;place…</source>
        <translation>尋找與取代(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="187" />
        <source>&amp;Status and next steps…</source>
        <translation>狀態與下一步(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="194" />
        <source>&amp;Approve</source>
        <translation>核可(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="201" />
        <source>Send &amp;back with a note…</source>
        <translation>附註記退回(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="208" />
        <source>Ne&amp;xt for review</source>
        <translation>下一篇待審(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="216" />
        <source>&amp;Figure…</source>
        <translation>圖片(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="224" />
        <source>Further &amp;reading</source>
        <translation>延伸閱讀(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="232" />
        <source>&amp;Sources from the clipboard…</source>
        <translation>從剪貼簿貼上參考來源(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="240" />
        <source>&amp;Note on this paragraph…</source>
        <translation>在這段加註記(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="249" />
        <source>Article &amp;list</source>
        <translation>稿件清單(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="257" />
        <source>Side &amp;panel</source>
        <translation>側邊面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="265" />
        <source>Pre&amp;view beside the text</source>
        <translation>預覽放在內文旁(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="273" />
        <source>&amp;Focus mode</source>
        <translation>專注模式(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="289" />
        <source>S&amp;maller text</source>
        <translation>縮小文字(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="296" />
        <source>&amp;Actual text size</source>
        <translation>原始文字大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="304" />
        <source>Review &amp;queue</source>
        <translation>待審佇列(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="311" />
        <source>&amp;Go to the article list</source>
        <translation>前往稿件清單(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="325" />
        <source>Go to the &amp;text</source>
        <translation>前往內文(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="330" />
        <source>S&amp;ections of the side panel</source>
        <translation>側邊面板的區塊(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="345" />
        <source>Appea&amp;rance</source>
        <translation>外觀(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="349" />
        <location filename="../../app/ui/window_commands.py" line="366" />
        <source>Follow the &amp;system</source>
        <translation>跟隨系統(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="350" />
        <source>&amp;Light</source>
        <translation>淺色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="351" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="282" />
        <source>&amp;Bigger text</source>
        <translation>放大文字(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="318" />
        <source>Searc&amp;h articles</source>
        <translation>搜尋稿子(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="362" />
        <source>La&amp;nguage</source>
        <translation>語言(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="383" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="556" />
        <source>Not a next step for this article and your role.</source>
        <translation>這不是這篇稿子和你的角色的下一步。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="599" />
        <source>Add a figure</source>
        <translation>加入圖片</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="601" />
        <source>Images (*.jpg *.jpeg *.png *.gif *.webp)</source>
        <translation>圖片 (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="632" />
        <source>Adding the figure</source>
        <translation>加入圖片中</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="635" />
        <source>Cannot add</source>
        <translation>無法加入</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="751" />
        <source>Export the desk edition to</source>
        <translation>將編輯台版本匯出到</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="801" />
        <source>Backed up to {path}</source>
        <translation>已備份到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="803" />
        <source>No backup made: too little free disk space</source>
        <translation>未備份：磁碟空間不足</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="811" />
        <source>Backing up</source>
        <translation>備份中</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="815" />
        <source>Backup failed</source>
        <translation>備份失敗</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="893" />
        <source>The new language is used from the next start of Galley.</source>
        <translation>新語言將於下次啟動 Galley 時套用。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="922" />
        <source>About Galley</source>
        <translation>關於 Galley</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="923" />
        <source>Galley {version}
An offline editorial workstation for newsrooms.

Store: {store}
Logs: {logs}</source>
        <translation>Galley {version}
新聞編輯室的離線編採工作站。

資料庫：{store}
記錄檔：{logs}</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="148" />
        <source>Copy kept</source>
        <translation>已保留副本</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="149" />
        <source>A copy of the unsaved article was written to
{path}</source>
        <translation>未儲存文章的副本已寫入
{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="432" />
        <source>Not saved</source>
        <translation>尚未儲存</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="434" />
        <source>The open article could not be saved. Close anyway and lose the unsaved changes?</source>
        <translation>目前開啟的文章無法儲存。仍要關閉並放棄未儲存的修改嗎？</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_controller.py" line="82" />
        <source>Cannot open the sample</source>
        <translation>無法開啟範例</translation>
    </message>
    <message>
        <location filename="../../app/ui/background.py" line="52" />
        <source>Cancelled; nothing of it was kept.</source>
        <translation>已取消，沒有留下任何部分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/background.py" line="66" />
        <source>Internal error: {error}</source>
        <translation>內部錯誤：{error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/background.py" line="85" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MetadataPane</name>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="57" />
        <source>Names separated by commas</source>
        <translation>以逗號或頓號分隔姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="61" />
        <source>Tags separated by commas</source>
        <translation>以逗號分隔標籤</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="67" />
        <source>Slug: the article's web address</source>
        <translation>網址代稱：稿子的網址</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="68" />
        <source>Suggest</source>
        <translation>建議</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="76" />
        <source>Change the status in the Review pane; it is recorded.</source>
        <translation>請在「審稿」窗格變更狀態；每次變更都會被記錄。</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="86" />
        <source>A correction readers must see (shown on the page with its date)</source>
        <translation>讀者必須看到的更正（連同日期顯示在頁面上）</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="101" />
        <source>&amp;Byline</source>
        <translation>作者(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="103" />
        <source>Ta&amp;gs</source>
        <translation>標籤(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="104" />
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="99" />
        <source>Sl&amp;ug</source>
        <translation>網址代稱(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="69" />
        <source>Suggest a slug from the title (or the English title)</source>
        <translation>依標題（或英文標題）建議網址代稱</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="71" />
        <source>English title for the address</source>
        <translation>網址用的英文標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="72" />
        <source>Optional: an English title for the address</source>
        <translation>選填：網址用的英文標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="102" />
        <source>Se&amp;ction</source>
        <translation>版別(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="106" />
        <source>S&amp;tatus</source>
        <translation>狀態(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="107" />
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="111" />
        <source>C&amp;orrection</source>
        <translation>更正(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="152" />
        <source>Published: the address stays as it is, so links to it keep working</source>
        <translation>已發布：網址維持不變，連到它的連結才不會失效</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="169" />
        <source>not yet published</source>
        <translation>尚未發布</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="171" />
        <source>Published {published}</source>
        <translation>發布 {published}</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="173" />
        <source>content updated {updated}</source>
        <translation>內容更新 {updated}</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="176" />
        <source>Dated {date}</source>
        <translation>日期 {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="217" />
        <source>A slug uses a-z, 0-9 and single hyphens; this one is not saved</source>
        <translation>網址代稱只能使用 a-z、0-9 與單一連字號；此代稱不會被儲存</translation>
    </message>
</context>
<context>
    <name>NoteMargin</name>
    <message>
        <location filename="../../app/ui/body_editor.py" line="235" />
        <source>Review notes in the margin</source>
        <translation>邊欄的審稿註記</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="289" />
        <source> (+{n} more)</source>
        <translation>（還有 {n} 則）</translation>
    </message>
</context>
<context>
    <name>NotesSection</name>
    <message>
        <location filename="../../app/ui/panel_review.py" line="65" />
        <source>Review notes</source>
        <translation>審稿註記</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="69" />
        <source>Note on this &amp;paragraph…</source>
        <translation>在這段加註記(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="70" />
        <source>Note on the &amp;article…</source>
        <translation>在整篇稿子加註記(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="71" />
        <source>&amp;Reply…</source>
        <translation>回覆(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="72" />
        <source>Re&amp;solve / reopen</source>
        <translation>標為解決／重新開啟(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="85" />
        <source>Notes are never published.</source>
        <translation>註記永遠不會發布。</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="108" />
        <source>paragraph at line {n}</source>
        <translation>第 {n} 行的段落</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="110" />
        <source>its paragraph is gone</source>
        <translation>它的段落已刪除</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="112" />
        <source>the article</source>
        <translation>整篇稿子</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="113" />
        <source>resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="113" />
        <source>open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="145" />
        <source>New note</source>
        <translation>新增註記</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="145" />
        <source>Note:</source>
        <translation>註記：</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="150" />
        <source>Reply</source>
        <translation>回覆</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="150" />
        <source>Reply:</source>
        <translation>回覆：</translation>
    </message>
    <message>
        <location filename="../../app/ui/panel_review.py" line="174" />
        <source>Notes</source>
        <translation>註記</translation>
    </message>
</context>
<context>
    <name>PreflightDialog</name>
    <message>
        <location filename="../../app/ui/status_button.py" line="77" />
        <source>… and {n} more</source>
        <translation>… 還有 {n} 項</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="79" />
        <source>{action} anyway? Give the reason; it is recorded.</source>
        <translation>仍要{action}嗎？請寫下理由，它會被記錄。</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="81" />
        <source>{action} anyway?</source>
        <translation>仍要{action}嗎？</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="84" />
        <source>Still open:
{items}

{question}</source>
        <translation>尚未處理：
{items}

{question}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="88" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="112" />
        <source>Give a reason: a blank one cannot be recorded.</source>
        <translation>請寫下理由：空白的理由無法記錄。</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../app/ui/preview.py" line="225" />
        <source>Preview of the page</source>
        <translation>頁面預覽</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="327" />
        <source>Cannot preview:</source>
        <translation>無法預覽：</translation>
    </message>
</context>
<context>
    <name>RelatedPane</name>
    <message>
        <location filename="../../app/ui/related_pane.py" line="208" />
        <location filename="../../app/ui/related_pane.py" line="264" />
        <source>Related</source>
        <translation>相關報導</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="209" />
        <location filename="../../app/ui/related_pane.py" line="264" />
        <source>Further reading</source>
        <translation>延伸閱讀</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="272" />
        <source>(missing article {id})</source>
        <translation>（找不到文章 {id}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="346" />
        <source>Add related article</source>
        <translation>加入相關文章</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="198" />
        <source>Related articles</source>
        <translation>相關報導</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="203" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="204" />
        <source>Remove the related link</source>
        <translation>移除這則相關連結</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="207" />
        <source>Kind of link</source>
        <translation>連結種類</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="218" />
        <source>Search the archive</source>
        <translation>搜尋稿庫</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="219" />
        <source>Add: search the archive by title or words…</source>
        <translation>加入：以標題或關鍵字搜尋稿庫…</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="222" />
        <source>Articles found</source>
        <translation>找到的稿子</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="234" />
        <source>Add a link from the web…</source>
        <translation>加入網路上的連結…</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="273" />
        <source>Not in this store: remove the link or sync the desk.</source>
        <translation>不在這個稿庫裡：請移除連結或與編輯台同步。</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="280" />
        <source>not published yet</source>
        <translation>尚未發布</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="325" />
        <source>Nothing found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="357" />
        <source>Add link</source>
        <translation>加入連結</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="364" />
        <source>Remove related link</source>
        <translation>移除相關連結</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="371" />
        <source>Change link kind</source>
        <translation>變更連結類型</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="384" />
        <source>Reorder related links</source>
        <translation>重新排列相關連結</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../app/ui/review_queue.py" line="40" />
        <source>Articles waiting for review</source>
        <translation>等待審稿的稿子</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_queue.py" line="47" />
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_queue.py" line="48" />
        <source>Submitted by</source>
        <translation>送審者</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_queue.py" line="49" />
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_queue.py" line="50" />
        <source>Notes</source>
        <translation>註記</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_queue.py" line="51" />
        <source>Checks</source>
        <translation>檢查</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_queue.py" line="52" />
        <source>Length</source>
        <translation>字數</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/review_queue.py" line="92" />
        <source>%n open notes</source>
        <translation>
            <numerusform>%n 則未解決註記</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/review_queue.py" line="94" />
        <source>%n checks fail</source>
        <translation>
            <numerusform>%n 項檢查未通過</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/review_queue.py" line="119" />
        <source>%n articles wait for review, oldest first.</source>
        <translation>
            <numerusform>%n 篇稿子等待審稿，最早的在前。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/review_queue.py" line="95" />
        <source>{n} characters</source>
        <translation>{n} 字</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_queue.py" line="102" />
        <source>{n} failing</source>
        <translation>{n} 項未通過</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_queue.py" line="109" />
        <source>{title}
Submitted by {who} at {when}</source>
        <translation>{title}
{who} 於 {when} 送審</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_queue.py" line="121" />
        <source>Nothing waits for review.</source>
        <translation>沒有稿子等待審稿。</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../../app/ui/shortcuts_sheet.py" line="59" />
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts_sheet.py" line="61" />
        <source>Filter: an action or a key</source>
        <translation>篩選：動作或按鍵</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts_sheet.py" line="62" />
        <source>Filter the shortcuts</source>
        <translation>篩選快速鍵</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts_sheet.py" line="65" />
        <source>Shortcuts</source>
        <translation>快速鍵</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts_sheet.py" line="66" />
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts_sheet.py" line="66" />
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts_sheet.py" line="80" />
        <source>In the text and lists</source>
        <translation>在內文與清單中</translation>
    </message>
</context>
<context>
    <name>SinceLookedBanner</name>
    <message>
        <location filename="../../app/ui/changes_view.py" line="184" />
        <source>Show the changes</source>
        <translation>顯示修改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/changes_view.py" line="208" />
        <source>Since you last looked (revision {seen}, {at}): %n new revisions by {who}.</source>
        <translation>
            <numerusform>自你上次看過（第 {seen} 版，{at}）以來：{who} 新增了 %n 個版本。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="62" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="63" />
        <source>Outlet</source>
        <translation>媒體</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="64" />
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="65" />
        <source>URL</source>
        <translation>網址</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="66" />
        <source>Note</source>
        <translation>備註</translation>
    </message>
</context>
<context>
    <name>SourcesPane</name>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="155" />
        <source>Sort by date</source>
        <translation>依日期排序</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="132" />
        <source>Sources</source>
        <translation>參考來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="151" />
        <source>Add a source</source>
        <translation>新增參考來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="152" />
        <source>Remove the source</source>
        <translation>移除參考來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="153" />
        <source>Move the source up</source>
        <translation>參考來源上移</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="154" />
        <source>Move the source down</source>
        <translation>參考來源下移</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="156" />
        <source>Paste a list…</source>
        <translation>貼上清單…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="156" />
        <source>Paste a list of sources</source>
        <translation>貼上參考來源清單</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="182" />
        <source>Source {field}</source>
        <translation>參考來源{field}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="236" />
        <source>Add source</source>
        <translation>新增來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="243" />
        <source>Paste sources</source>
        <translation>貼上來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="263" />
        <source>The clipboard holds no text to read sources from.</source>
        <translation>剪貼簿裡沒有可讀取參考來源的文字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="277" />
        <source>Remove source</source>
        <translation>移除來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="289" />
        <source>Move source</source>
        <translation>移動來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="294" />
        <source>Sort sources</source>
        <translation>排序來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="34" />
        <source>The date is in the future</source>
        <translation>日期在未來</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="37" />
        <source>Not a date (use YYYY-MM-DD)</source>
        <translation>不是日期（請用 YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="40" />
        <source>The date is missing</source>
        <translation>缺少日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="41" />
        <source>The outlet is missing</source>
        <translation>缺少媒體</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="42" />
        <source>The title is missing</source>
        <translation>缺少標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="43" />
        <source>Not an http(s) URL</source>
        <translation>不是 http(s) 網址</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="44" />
        <source>Column headings: they name the columns below, not a source</source>
        <translation>欄位標題：它們是下方各欄的名稱，不是參考來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="52" />
        <source>'{text}' is not a date</source>
        <translation>「{text}」不是日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="63" />
        <source>Add pasted sources</source>
        <translation>加入貼上的參考來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="67" />
        <source>{n} lines read as sources; {m} need a look (marked). Edit any cell.</source>
        <translation>{n} 行讀成參考來源；{m} 行需要檢查（已標示）。每一格都可以修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="74" />
        <source>Sources read from the paste</source>
        <translation>從貼上內容讀到的參考來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="78" />
        <location filename="../../app/ui/sources_pane.py" line="174" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="79" />
        <location filename="../../app/ui/sources_pane.py" line="175" />
        <source>Outlet</source>
        <translation>媒體</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="80" />
        <location filename="../../app/ui/sources_pane.py" line="176" />
        <source>Headline</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="81" />
        <location filename="../../app/ui/sources_pane.py" line="177" />
        <source>URL</source>
        <translation>網址</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="82" />
        <location filename="../../app/ui/sources_pane.py" line="178" />
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="83" />
        <source>Pasted</source>
        <translation>貼上的文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_paste.py" line="128" />
        <source>Add {n} sources</source>
        <translation>加入 {n} 筆參考來源</translation>
    </message>
</context>
<context>
    <name>StatusButton</name>
    <message>
        <location filename="../../app/ui/status_button.py" line="38" />
        <source>Submit for review</source>
        <translation>送審</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="39" />
        <source>Withdraw to draft</source>
        <translation>撤回為草稿</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="40" />
        <source>Approve</source>
        <translation>核可</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="41" />
        <source>Send back for review</source>
        <translation>退回審稿</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="44" />
        <source>Publish</source>
        <translation>發布</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="45" />
        <source>Approve the changes</source>
        <translation>核可這些修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="46" />
        <source>Publish the changes</source>
        <translation>發布這些修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="49" />
        <source>Unpublish for a correction</source>
        <translation>撤下以更正</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="52" />
        <source>Bring back as a draft</source>
        <translation>恢復為草稿</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="55" />
        <source>Spike</source>
        <translation>棄稿</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="132" />
        <source>Status and next steps</source>
        <translation>狀態與下一步</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="133" />
        <source>The article's status; click for the next steps (Ctrl+Shift+S)</source>
        <translation>稿子的狀態；按一下看下一步（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="166" />
        <source>No article</source>
        <translation>沒有稿子</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status_button.py" line="173" />
        <source>· %n open notes</source>
        <translation>
            <numerusform>· %n 則未解決註記</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="215" />
        <source>No next step for your role</source>
        <translation>你的角色沒有下一步</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="220" />
        <source>Approve the changes and publish</source>
        <translation>核可修改並發布</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="222" />
        <source>Send back with a note…</source>
        <translation>附註記退回…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="241" />
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="242" />
        <source>What should the reporter do? (a note on the article)</source>
        <translation>記者該怎麼做？（整篇稿子的註記）</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="260" />
        <source>Open note — {note}</source>
        <translation>未解決註記 — {note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="266" />
        <source>Warning — {check}</source>
        <translation>警告 — {check}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_button.py" line="289" />
        <location filename="../../app/ui/status_button.py" line="313" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>StoreOpener</name>
    <message>
        <location filename="../../app/ui/store_opener.py" line="35" />
        <source>Upgrading the store for this version of Galley…
{path}

A large archive takes a few minutes, once. Closing Galley meanwhile loses nothing: the upgrade starts again next time.</source>
        <translation>正在為這個版本的 Galley 升級稿庫…
{path}

大型稿庫需要幾分鐘，只需一次。期間關閉 Galley 不會遺失任何內容：下次會重新升級。</translation>
    </message>
    <message>
        <location filename="../../app/ui/store_opener.py" line="44" />
        <source>Upgrading the store</source>
        <translation>升級稿庫中</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="52" />
        <source>Welcome to Galley</source>
        <translation>歡迎使用 Galley</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="57" />
        <source>This store has no articles yet. Everything you write is saved as you type, with its full history, on this computer; no network is needed.</source>
        <translation>這個稿庫還沒有文章。您寫的每個字都會隨打隨存，連同完整的修訂紀錄保存在這台電腦上，不需要網路。</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="65" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="66" />
        <source>Shown on bylines, review notes, status changes and history</source>
        <translation>顯示在署名、審稿意見、狀態變更與修訂紀錄中</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="72" />
        <source>Reporters submit articles for review; editors approve, publish and spike.</source>
        <translation>記者送審稿子；編輯核可、發布與棄稿。</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="78" />
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="79" />
        <source>Your role:</source>
        <translation>你的角色：</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="81" />
        <source>New article</source>
        <translation>新增文章</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="84" />
        <source>Import…</source>
        <translation>匯入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="85" />
        <source>Markdown files, bundle folders or bundle zips</source>
        <translation>Markdown 檔、稿件資料夾或稿件 zip 檔</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="95" />
        <source>Or open a sample article:</source>
        <translation>或開啟一篇範例文章：</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../app/ui/workspace.py" line="228" />
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="232" />
        <location filename="../../app/ui/workspace.py" line="233" />
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="239" />
        <source>Dek: the line under the title</source>
        <translation>副標：標題下的一行</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="240" />
        <source>Dek</source>
        <translation>副標</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="242" />
        <source>Article text</source>
        <translation>內文</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="265" />
        <source>Sources</source>
        <translation>參考來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="266" />
        <source>Related</source>
        <translation>相關報導</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="267" />
        <source>Notes</source>
        <translation>註記</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="268" />
        <source>Checks</source>
        <translation>檢查</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="269" />
        <source>Details</source>
        <translation>資料</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="270" />
        <source>History</source>
        <translation>版本紀錄</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="271" />
        <source>Preview</source>
        <translation>預覽</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="465" />
        <source>{n} open</source>
        <translation>{n} 則未解決</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/workspace.py" line="467" />
        <source>%n errors</source>
        <translation>
            <numerusform>%n 項錯誤</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <location filename="../../app/ui/check_messages.py" line="12" />
        <source>The title is empty</source>
        <translation>標題是空的</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="13" />
        <source>The title is {length} characters long (two Latin letters count as one); the house limit is {limit}</source>
        <translation>標題長 {length} 字（兩個拉丁字母算一字），超過本報上限 {limit} 字</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="18" />
        <source>The dek (standfirst) is empty</source>
        <translation>導言是空的</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="19" />
        <source>There is no byline</source>
        <translation>沒有署名</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="20" />
        <source>There is no section</source>
        <translation>沒有版別</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="21" />
        <source>Figure '{key}' has no caption</source>
        <translation>圖片「{key}」沒有圖說</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="22" />
        <source>Figure '{key}' has no photo credit</source>
        <translation>圖片「{key}」沒有圖片來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="23" />
        <source>Figure '{key}' has no alt text</source>
        <translation>圖片「{key}」沒有替代文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="24" />
        <source>Figure '{key}' is defined but not placed in the body</source>
        <translation>圖片「{key}」已設定，但內文中沒有放入</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="27" />
        <source>Line {line}: figure '{key}' is placed but not defined</source>
        <translation>第 {line} 行：放入了圖片「{key}」，但沒有設定這張圖片</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="30" />
        <source>Source {n} has no date</source>
        <translation>第 {n} 則來源沒有日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="31" />
        <source>Source {n}: '{date}' is not a date</source>
        <translation>第 {n} 則來源：「{date}」不是日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="32" />
        <source>Source {n} has no outlet</source>
        <translation>第 {n} 則來源沒有媒體名稱</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="33" />
        <source>Source {n} has no headline</source>
        <translation>第 {n} 則來源沒有標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="34" />
        <source>Source {n}: '{url}' is not a web address</source>
        <translation>第 {n} 則來源：「{url}」不是網址</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="35" />
        <source>Source {n} is dated {date}, in the future</source>
        <translation>第 {n} 則來源的日期 {date} 在未來</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="36" />
        <source>Line {line}: the further-reading block is empty</source>
        <translation>第 {line} 行：延伸閱讀區塊是空的</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="37" />
        <source>Line {line}: no article '{ref}' in the store</source>
        <translation>第 {line} 行：稿庫中沒有文章「{ref}」</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="38" />
        <source>Line {line}: the block opened here is never closed with ':::'</source>
        <translation>第 {line} 行：這裡開始的區塊沒有以「:::」結束</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="41" />
        <source>Line {line}: unknown block '::: {kind}' (known: further-reading)</source>
        <translation>第 {line} 行：不認得的區塊「::: {kind}」（可用：further-reading）</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="44" />
        <source>Line {line}: ':::' closes a block never opened</source>
        <translation>第 {line} 行：「:::」結束了一個沒有開始的區塊</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="45" />
        <source>Line {line}: an image in the body; place images as figures with ![[KEY]]</source>
        <translation>第 {line} 行：內文裡有圖片；請用 ![[KEY]] 放置圖片</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="48" />
        <source>Line {line}: half-width {marks} between Chinese characters ({count}×); use full-width</source>
        <translation>第 {line} 行：中文字之間有半形標點 {marks}（{count} 處），請改用全形</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="52" />
        <source>Line {line}: house style wants a space between Chinese and Latin text ('{text}')</source>
        <translation>第 {line} 行：本報體例要求中文與拉丁文字之間空一格（「{text}」）</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="55" />
        <source>Line {line}: house style wants no space between Chinese and Latin text ('{text}')</source>
        <translation>第 {line} 行：本報體例要求中文與拉丁文字之間不空格（「{text}」）</translation>
    </message>
    <message>
        <location filename="../../app/ui/check_messages.py" line="59" />
        <source>Line {line}: Simplified characters in a Traditional Chinese text: {chars}</source>
        <translation>第 {line} 行：繁體中文稿件中出現簡體字：{chars}</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <location filename="../../app/ui/launch.py" line="56" />
        <source>Something went wrong; your text was saved and the details are in the log.

{error}</source>
        <translation>發生錯誤；您的文字已儲存，詳細資訊已寫入記錄檔。

{error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/launch.py" line="294" />
        <source>The store cannot be opened:

{error}</source>
        <translation>無法開啟稿庫：

{error}</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../app/ui/i18n.py" line="47" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="48" />
        <source>In review</source>
        <translation>審稿中</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="49" />
        <source>Approved</source>
        <translation>已核可</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="50" />
        <source>Published</source>
        <translation>已發布</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="51" />
        <source>Spiked</source>
        <translation>已撤稿</translation>
    </message>
</context>
</TS>