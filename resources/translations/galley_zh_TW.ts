<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../../app/ui/editor.py" line="87" />
        <source>&amp;Body</source>
        <translation>內文(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor.py" line="88" />
        <source>&amp;Metadata</source>
        <translation>資料(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor.py" line="89" />
        <source>&amp;Figures</source>
        <translation>圖片(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor.py" line="90" />
        <source>&amp;Sources</source>
        <translation>來源(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor.py" line="91" />
        <source>&amp;Related</source>
        <translation>相關(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor.py" line="182" />
        <source>Re&amp;view</source>
        <translation>審稿(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor.py" line="183" />
        <source>&amp;History</source>
        <translation>版本紀錄(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor.py" line="184" />
        <source>&amp;Checks</source>
        <translation>發稿檢查(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="43" />
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="44" />
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="45" />
        <source>Section</source>
        <translation>版別</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="46" />
        <source>Byline</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="47" />
        <source>Updated</source>
        <translation>更新時間</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_list_model.py" line="48" />
        <source>Match</source>
        <translation>符合內容</translation>
    </message>
</context>
<context>
    <name>BodyEdit</name>
    <message>
        <location filename="../../app/ui/body_editor.py" line="128" />
        <source>Write the article here. ![[key]] places a figure; ::: further-reading … ::: adds further reading.</source>
        <translation>在此撰寫內文。![[代號]] 放入圖片；::: further-reading … ::: 加入延伸閱讀。</translation>
    </message>
</context>
<context>
    <name>ChecksPane</name>
    <message>
        <location filename="../../app/ui/review_panes.py" line="366" />
        <source>&amp;Fix punctuation in the whole body</source>
        <translation>全文標點改為全形(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="368" />
        <source>Check &amp;again</source>
        <translation>重新檢查(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="388" />
        <source>No problems found.</source>
        <translation>沒有發現問題。</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="391" />
        <source>{errors} errors, {warnings} warnings</source>
        <translation>{errors} 個錯誤，{warnings} 個警告</translation>
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
        <location filename="../../app/ui/decision_banner.py" line="36" />
        <source>Decisions about this article were made apart and could not all stand.</source>
        <translation>這篇稿子的決定是在不同地方分頭做出的，無法全部成立。</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_banner.py" line="39" />
        <source>Standing: {who} moved it to {status} ({when}).</source>
        <translation>成立：{who} 將它改為「{status}」（{when}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/decision_banner.py" line="47" />
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
        <location filename="../../app/ui/desk_sync_controller.py" line="110" />
        <source>Desk: not synced yet</source>
        <translation>編輯台：尚未同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="136" />
        <source>The desk repository (a folder on a shared drive or USB stick)</source>
        <translation>編輯台的儲存庫（共用磁碟或隨身碟上的資料夾）</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="158" />
        <source>Syncing with the desk</source>
        <translation>正在與編輯台同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="178" />
        <source>Desk: synced {time}; {n} edited on both sides</source>
        <translation>編輯台：{time} 已同步；{n} 篇兩邊都有修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="185" />
        <source>Desk: synced {time}</source>
        <translation>編輯台：{time} 已同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="188" />
        <source>Desk sync: {received} in, {sent} out</source>
        <translation>編輯台同步：收到 {received} 篇，送出 {sent} 篇</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="200" />
        <source>Desk: offline since {time}</source>
        <translation>編輯台：{time} 起無法連線</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_sync_controller.py" line="210" />
        <source>Desk sync</source>
        <translation>編輯台同步</translation>
    </message>
</context>
<context>
    <name>FiguresPane</name>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="73" />
        <source>Who took or supplied the photo</source>
        <translation>攝影者或圖片提供者</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="75" />
        <source>What the image shows, for readers who cannot see it</source>
        <translation>圖片內容描述，供無法看見圖片的讀者使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="77" />
        <source>Key</source>
        <translation>代號</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="78" />
        <source>&amp;Caption</source>
        <translation>圖說(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="79" />
        <source>C&amp;redit</source>
        <translation>圖片來源(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="80" />
        <source>&amp;Alt text</source>
        <translation>替代文字(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="82" />
        <source>x,y from 0 to 1 (empty: the centre)</source>
        <translation>x,y，各為 0 到 1（空白：正中央）</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="84" />
        <source>The point the 16:9, 4:3 and 1:1 crops for search engines keep in view</source>
        <translation>給搜尋引擎的 16:9、4:3 與 1:1 裁切要保留的位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="86" />
        <source>Crop &amp;focus</source>
        <translation>裁切焦點(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="89" />
        <source>&amp;Add image…</source>
        <translation>加入圖片(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="90" />
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="91" />
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="92" />
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="93" />
        <source>&amp;Insert at cursor</source>
        <translation>插入至游標處(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="128" />
        <source>no caption</source>
        <translation>缺圖說</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="130" />
        <source>no credit</source>
        <translation>缺圖片來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="132" />
        <source>no alt text</source>
        <translation>缺替代文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="245" />
        <source>Cannot add image</source>
        <translation>無法加入圖片</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="254" />
        <source>Add figure</source>
        <translation>加入圖片</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="260" />
        <source>Add images</source>
        <translation>加入圖片</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="260" />
        <source>Images (*.jpg *.jpeg *.png *.gif *.webp)</source>
        <translation>圖片 (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="268" />
        <source>Remove figure</source>
        <translation>移除圖片</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="280" />
        <source>Move figure</source>
        <translation>移動圖片</translation>
    </message>
    <message>
        <location filename="../../app/ui/figures_pane.py" line="289" />
        <source>Reorder figures</source>
        <translation>重新排列圖片</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../app/ui/body_editor.py" line="239" />
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="241" />
        <source>Replace with</source>
        <translation>取代為</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="242" />
        <source>Match case</source>
        <translation>大小寫須相符</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="244" />
        <source>Previous</source>
        <translation>上一個</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="245" />
        <source>Next</source>
        <translation>下一個</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="246" />
        <source>Replace</source>
        <translation>取代</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="247" />
        <source>Replace all</source>
        <translation>全部取代</translation>
    </message>
    <message>
        <location filename="../../app/ui/body_editor.py" line="248" />
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <location filename="../../app/ui/review_panes.py" line="216" />
        <source>Keep &amp;mine</source>
        <translation>保留我的版本(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="217" />
        <source>Take &amp;theirs</source>
        <translation>採用對方版本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="220" />
        <source>&amp;Restore the selected revision</source>
        <translation>還原選取的版本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="226" />
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="228" />
        <source>with</source>
        <translation>與</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="267" />
        <source>{n}. {at}  {who}  {size} characters</source>
        <translation>{n}. {at}  {who}  {size} 字</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="296" />
        <source>Both sides edited this article. Revision {n} came from another store and is not in your text: compare below, then keep yours or take theirs (both stay in the history).</source>
        <translation>雙方都修改了這篇文章。第 {n} 版來自另一個資料庫，尚未併入你的文字：請先比較下方差異，再決定保留你的版本或採用對方版本（兩者都會留在版本紀錄中）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="318" />
        <source>+{ins} / −{dele} characters</source>
        <translation>新增 {ins} 字 / 刪除 {dele} 字</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="320" />
        <source>also changed: {fields}</source>
        <translation>其他變更欄位：{fields}</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="37" />
        <source>Your name and role</source>
        <translation>你的名字與角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="39" />
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="41" />
        <source>Your role</source>
        <translation>你的角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="43" />
        <source>Reporter</source>
        <translation>記者</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="44" />
        <source>Editor</source>
        <translation>編輯</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="45" />
        <source>Web producer</source>
        <translation>網站編輯</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="54" />
        <source>&amp;Name</source>
        <translation>名字(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="55" />
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="59" />
        <source>Your name goes on revisions, notes and status changes. Reporters submit articles for review; editors approve, publish and spike them.</source>
        <translation>你的名字會記在修訂、批註與狀態變更上。記者送審稿件；編輯核可、發布與撤稿。</translation>
    </message>
    <message>
        <location filename="../../app/ui/identity_dialog.py" line="77" />
        <source>Give your name: it goes on everything you change.</source>
        <translation>請填名字：你所做的每項修改都會記上它。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="82" />
        <source>Galley — {name}</source>
        <translation>Galley — {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="194" />
        <source>This article was changed elsewhere; showing the new version.</source>
        <translation>這篇稿子已在別處修改，現在顯示新版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="200" />
        <source>This article was changed elsewhere; saving will ask what to keep.</source>
        <translation>這篇稿子已在別處修改，儲存時會詢問要保留哪一版。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="219" />
        <source>Search: words, "a phrase", -leave out…</source>
        <translation>搜尋：詞、"完整詞組"、-排除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="222" />
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
        <location filename="../../app/ui/main_window.py" line="293" />
        <source>Cannot search: {problem}</source>
        <translation>無法搜尋：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="231" />
        <source>All statuses</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="235" />
        <location filename="../../app/ui/main_window.py" line="276" />
        <source>All sections</source>
        <translation>所有版別</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="115" />
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="127" />
        <source>Opening {name}…</source>
        <translation>正在開啟 {name}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="55" />
        <source>&amp;New article</source>
        <translation>新增文章(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="61" />
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="68" />
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="80" />
        <source>&amp;Save now</source>
        <translation>立即儲存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="87" />
        <source>&amp;Back up now</source>
        <translation>立即備份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="94" />
        <source>&amp;Desk settings…</source>
        <translation>編輯台設定(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="100" />
        <source>Your name and &amp;role…</source>
        <translation>你的名字與角色(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="113" />
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="116" />
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="117" />
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="120" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="125" />
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="131" />
        <source>Find and &amp;replace…</source>
        <translation>尋找及取代(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="138" />
        <source>Convert to &amp;Traditional Chinese (Taiwan)</source>
        <translation>轉換為臺灣正體中文(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="144" />
        <source>&amp;Normalise punctuation</source>
        <translation>統一標點符號(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="117" />
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="151" />
        <source>Toggle &amp;preview</source>
        <translation>顯示/隱藏預覽(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="157" />
        <source>Go to article &amp;list</source>
        <translation>移至文章列表(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="163" />
        <source>&amp;Search articles</source>
        <translation>搜尋文章(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="171" />
        <source>Pane: {name}</source>
        <translation>窗格：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="175" />
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="179" />
        <source>Follow the system</source>
        <translation>跟隨系統設定</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="118" />
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="191" />
        <source>&amp;About Galley</source>
        <translation>關於 Galley(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="297" />
        <source>{n} matching articles</source>
        <translation>找到 {n} 篇文章</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="340" />
        <source>Edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_actions.py" line="38" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_actions.py" line="50" />
        <source>Checks fail</source>
        <translation>檢查未通過</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_actions.py" line="51" />
        <source>These checks fail:
{problems}

Approve anyway? Give the reason (it is recorded):</source>
        <translation>以下檢查未通過：
{problems}

仍要核可嗎？請說明理由（會被記錄）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="38" />
        <source>NOT SAVED</source>
        <translation>尚未儲存</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="49" />
        <source>A copy of the article was also written to
{path}</source>
        <translation>文章的副本也已寫入
{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="53" />
        <source>Could not save</source>
        <translation>無法儲存</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="42" />
        <source>Your text is safe in this window but is not in the store yet:

{error}

Galley keeps trying every few seconds.</source>
        <translation>您的文字仍保留在此視窗中，但尚未寫入資料庫：

{error}

Galley 會每隔幾秒自動重試。</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="64" />
        <source>Changed elsewhere</source>
        <translation>已在他處修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="66" />
        <source>This article was changed in another window or by another program since you opened it.</source>
        <translation>您開啟這篇文章後，它已在另一個視窗或程式中被修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="73" />
        <source>Keep mine: your version becomes the current one; theirs stays in the history.
Reload theirs: their version becomes current; yours stays in the history.</source>
        <translation>保留我的版本：您的版本成為目前版本，對方的版本保留在歷史紀錄中。
載入對方版本：對方的版本成為目前版本，您的版本保留在歷史紀錄中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="81" />
        <source>Keep mine</source>
        <translation>保留我的版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="84" />
        <source>Reload theirs</source>
        <translation>載入對方版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="148" />
        <source>No copy could be written either; the unsaved changes are lost.</source>
        <translation>副本也無法寫入；未儲存的修改已遺失。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="375" />
        <source>Saved {time}</source>
        <translation>已於 {time} 儲存</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="380" />
        <source>{cjk} Chinese characters · {words} words</source>
        <translation>中文 {cjk} 字 · 外文 {words} 詞</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="199" />
        <source>Untitled article</source>
        <translation>未命名文章</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="210" />
        <source>Import articles</source>
        <translation>匯入文章</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="212" />
        <source>Articles and bundles (*.md *.zip);;All files (*)</source>
        <translation>文章與匯出包 (*.md *.zip);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="235" />
        <source>Importing</source>
        <translation>匯入中</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="238" />
        <source>Cannot import</source>
        <translation>無法匯入</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="247" />
        <source>Export to folder</source>
        <translation>匯出至資料夾</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="294" />
        <source>Exporting</source>
        <translation>匯出中</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="297" />
        <source>Cannot export</source>
        <translation>無法匯出</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="287" />
        <source>Exported to {path}</source>
        <translation>已匯出至 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="74" />
        <source>Export desk &amp;edition…</source>
        <translation>匯出編輯台版本(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="106" />
        <source>S&amp;ync with desk</source>
        <translation>與編輯台同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="259" />
        <source>Export the desk edition to</source>
        <translation>將編輯台版本匯出到</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="309" />
        <source>Backed up to {path}</source>
        <translation>已備份到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="311" />
        <source>No backup made: too little free disk space</source>
        <translation>未備份：磁碟空間不足</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="319" />
        <source>Backing up</source>
        <translation>備份中</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="323" />
        <source>Backup failed</source>
        <translation>備份失敗</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="395" />
        <source>The new language is used from the next start of Galley.</source>
        <translation>新語言將於下次啟動 Galley 時套用。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="408" />
        <source>About Galley</source>
        <translation>關於 Galley</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_commands.py" line="409" />
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
        <location filename="../../app/ui/save_trouble.py" line="143" />
        <source>Copy kept</source>
        <translation>已保留副本</translation>
    </message>
    <message>
        <location filename="../../app/ui/save_trouble.py" line="144" />
        <source>A copy of the unsaved article was written to
{path}</source>
        <translation>未儲存文章的副本已寫入
{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="406" />
        <source>Not saved</source>
        <translation>尚未儲存</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="408" />
        <source>The open article could not be saved. Close anyway and lose the unsaved changes?</source>
        <translation>目前開啟的文章無法儲存。仍要關閉並放棄未儲存的修改嗎？</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_controller.py" line="65" />
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
        <location filename="../../app/ui/metadata_pane.py" line="49" />
        <source>Names separated by commas</source>
        <translation>以逗號或頓號分隔姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="53" />
        <source>Tags separated by commas</source>
        <translation>以逗號分隔標籤</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="59" />
        <source>Suggest</source>
        <translation>建議</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="60" />
        <source>Suggest a slug from the title</source>
        <translation>依標題建議網址代稱</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="64" />
        <source>Change the status in the Review pane; it is recorded.</source>
        <translation>請在「審稿」窗格變更狀態；每次變更都會被記錄。</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="74" />
        <source>A correction readers must see (shown on the page with its date)</source>
        <translation>讀者必須看到的更正（連同日期顯示在頁面上）</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="86" />
        <source>&amp;Title</source>
        <translation>標題(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="87" />
        <source>&amp;Dek</source>
        <translation>導言(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="88" />
        <source>&amp;Byline</source>
        <translation>作者(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="89" />
        <source>S&amp;ection</source>
        <translation>版別(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="90" />
        <source>Ta&amp;gs</source>
        <translation>標籤(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="91" />
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="84" />
        <source>Sl&amp;ug</source>
        <translation>網址代稱(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="93" />
        <source>Stat&amp;us</source>
        <translation>狀態(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="94" />
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="98" />
        <source>C&amp;orrection</source>
        <translation>更正(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="149" />
        <source>not yet published</source>
        <translation>尚未發布</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="151" />
        <source>Published {published}</source>
        <translation>發布 {published}</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="153" />
        <source>content updated {updated}</source>
        <translation>內容更新 {updated}</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="156" />
        <source>Dated {date}</source>
        <translation>日期 {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/metadata_pane.py" line="194" />
        <source>A slug uses a-z, 0-9 and single hyphens; this one is not saved</source>
        <translation>網址代稱只能使用 a-z、0-9 與單一連字號；此代稱不會被儲存</translation>
    </message>
</context>
<context>
    <name>NoteMargin</name>
    <message>
        <location filename="../../app/ui/body_editor.py" line="206" />
        <source>Review notes are anchored here</source>
        <translation>審稿意見錨定在此</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../app/ui/preview.py" line="297" />
        <source>Cannot preview:</source>
        <translation>無法預覽：</translation>
    </message>
</context>
<context>
    <name>RelatedPane</name>
    <message>
        <location filename="../../app/ui/related_pane.py" line="57" />
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="60" />
        <location filename="../../app/ui/related_pane.py" line="126" />
        <source>Related</source>
        <translation>相關報導</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="61" />
        <location filename="../../app/ui/related_pane.py" line="126" />
        <source>Further reading</source>
        <translation>延伸閱讀</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="70" />
        <source>Search the store for an article…</source>
        <translation>在資料庫中搜尋文章…</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="74" />
        <source>Add as related</source>
        <translation>加為相關報導</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="74" />
        <source>Add</source>
        <translation>加入</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="76" />
        <source>Add as further reading</source>
        <translation>加為延伸閱讀</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="80" />
        <source>From the store</source>
        <translation>資料庫中的文章</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="102" />
        <source>Add &amp;link</source>
        <translation>加入連結(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="104" />
        <source>External link</source>
        <translation>外部連結</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="106" />
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="107" />
        <source>URL</source>
        <translation>網址</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="108" />
        <source>Excerpt</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="109" />
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="110" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="131" />
        <source>(missing article {id})</source>
        <translation>（找不到文章 {id}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="132" />
        <source>in the store</source>
        <translation>資料庫內</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="180" />
        <source>Add related article</source>
        <translation>加入相關文章</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="191" />
        <source>The URL must start with http:// or https://</source>
        <translation>網址必須以 http:// 或 https:// 開頭</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="193" />
        <source>An external link needs a title</source>
        <translation>外部連結需要標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="198" />
        <source>The date is not a date (use YYYY-MM-DD)</source>
        <translation>日期格式不正確（請用 YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="200" />
        <source>Cannot add the link</source>
        <translation>無法加入連結</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="210" />
        <source>Add link</source>
        <translation>加入連結</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="224" />
        <source>Remove related link</source>
        <translation>移除相關連結</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="231" />
        <source>Change link kind</source>
        <translation>變更連結類型</translation>
    </message>
    <message>
        <location filename="../../app/ui/related_pane.py" line="240" />
        <source>Reorder related links</source>
        <translation>重新排列相關連結</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <location filename="../../app/ui/review_panes.py" line="56" />
        <source>Note</source>
        <translation>意見</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="56" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="56" />
        <source>By</source>
        <translation>提出者</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="56" />
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="60" />
        <source>Note on the &amp;article…</source>
        <translation>對全文提意見(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="61" />
        <source>Note on this &amp;paragraph…</source>
        <translation>對本段提意見(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="62" />
        <source>Re&amp;ply…</source>
        <translation>回覆(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="63" />
        <source>Resol&amp;ve / reopen</source>
        <translation>標為已解決/重新開啟(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="79" />
        <source>Review notes (never published):</source>
        <translation>審稿意見（不會出現在發布頁面）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="94" />
        <source>Status: &lt;b&gt;{status}&lt;/b&gt;</source>
        <translation>狀態：&lt;b&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="102" />
        <source>→ {status}</source>
        <translation>→ {status}</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="109" />
        <source>{at}  {before} → {after}  by {who}</source>
        <translation>{at}  {before} → {after}  由 {who}</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="116" />
        <source>  (override: {why})</source>
        <translation>  （強制核可理由：{why}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="123" />
        <source>line {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="125" />
        <source>paragraph gone</source>
        <translation>段落已刪除</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="127" />
        <source>article</source>
        <translation>全文</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="128" />
        <location filename="../../app/ui/review_panes.py" line="182" />
        <source>resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="128" />
        <source>open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="151" />
        <source>New note</source>
        <translation>新增意見</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="151" />
        <source>Note:</source>
        <translation>意見：</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="156" />
        <source>Reply</source>
        <translation>回覆</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="156" />
        <source>Reply:</source>
        <translation>回覆：</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_panes.py" line="193" />
        <source>Review</source>
        <translation>審稿</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="54" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="55" />
        <source>Outlet</source>
        <translation>媒體</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="56" />
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="57" />
        <source>URL</source>
        <translation>網址</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="58" />
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="84" />
        <source>The date is in the future</source>
        <translation>日期在未來</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="85" />
        <source>Not a date (use YYYY-MM-DD)</source>
        <translation>不是日期（請用 YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="86" />
        <source>The date is missing</source>
        <translation>缺少日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="87" />
        <source>The outlet is missing</source>
        <translation>缺少媒體名稱</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="88" />
        <source>The title is missing</source>
        <translation>缺少標題</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="89" />
        <source>Not an http(s) URL</source>
        <translation>不是 http(s) 網址</translation>
    </message>
</context>
<context>
    <name>SourcesPane</name>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="137" />
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="138" />
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="139" />
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="140" />
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="141" />
        <source>Sort by date</source>
        <translation>依日期排序</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="142" />
        <source>&amp;Paste lines</source>
        <translation>貼上多行(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="182" />
        <source>Add source</source>
        <translation>新增來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="190" />
        <source>Paste sources</source>
        <translation>貼上來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="200" />
        <source>Remove source</source>
        <translation>移除來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="212" />
        <source>Move source</source>
        <translation>移動來源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_pane.py" line="217" />
        <source>Sort sources</source>
        <translation>排序來源</translation>
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
        <location filename="../../app/ui/welcome_view.py" line="49" />
        <source>Welcome to Galley</source>
        <translation>歡迎使用 Galley</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="54" />
        <source>This store has no articles yet. Everything you write is saved as you type, with its full history, on this computer; no network is needed.</source>
        <translation>這個稿庫還沒有文章。您寫的每個字都會隨打隨存，連同完整的修訂紀錄保存在這台電腦上，不需要網路。</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="62" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="63" />
        <source>Shown on bylines, review notes, status changes and history</source>
        <translation>顯示在署名、審稿意見、狀態變更與修訂紀錄中</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="66" />
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="68" />
        <source>New article</source>
        <translation>新增文章</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="71" />
        <source>Import…</source>
        <translation>匯入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="72" />
        <source>Markdown files, bundle folders or bundle zips</source>
        <translation>Markdown 檔、稿件資料夾或稿件 zip 檔</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_view.py" line="82" />
        <source>Or open a sample article:</source>
        <translation>或開啟一篇範例文章：</translation>
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
        <location filename="../../app/ui/launch.py" line="116" />
        <source>Welcome to Galley</source>
        <translation>歡迎使用 Galley</translation>
    </message>
    <message>
        <location filename="../../app/ui/launch.py" line="117" />
        <source>Your name, as it should appear in notes, history and status changes:</source>
        <translation>你的名字（會顯示在審稿意見、版本紀錄與狀態變更中）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/launch.py" line="262" />
        <source>The store cannot be opened:

{error}</source>
        <translation>無法開啟稿庫：

{error}</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../app/ui/i18n.py" line="42" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="43" />
        <source>In review</source>
        <translation>審稿中</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="44" />
        <source>Approved</source>
        <translation>已核可</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="45" />
        <source>Published</source>
        <translation>已發布</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="46" />
        <source>Spiked</source>
        <translation>已撤稿</translation>
    </message>
</context>
</TS>