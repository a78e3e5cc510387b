<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Canvas</name>
    <message>
        <source>Drop a photo here, or File → Open (Ctrl+O), or paste (Ctrl+V)</source>
        <translation>ここに写真をドロップ、または ファイル → 開く (Ctrl+O)、または貼り付け (Ctrl+V)</translation>
    </message>
</context>
<context>
    <name>EditPanel</name>
    <message>
        <source>Queue this edit (Ctrl+Enter); results land in the history</source>
        <extracomment>The grid the Sweep box starts with: the paper&apos;s usual range of injection windows.</extracomment>
        <translation>この編集をキューに追加 (Ctrl+Enter)。結果は履歴に入ります</translation>
    </message>
    <message>
        <source>1. Caption of the photo</source>
        <translation>1. 写真のキャプション</translation>
    </message>
    <message>
        <source>e.g. a cat sitting on a bench</source>
        <translation>例: a cat sitting on a bench</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>反転</translation>
    </message>
    <message>
        <source>Start or stop the inversion (it also starts by itself once the caption is set)</source>
        <translation>反転を開始または停止（キャプションを設定すると自動でも始まります）</translation>
    </message>
    <message>
        <source>No photo yet</source>
        <translation>写真がまだありません</translation>
    </message>
    <message>
        <source>Inversion</source>
        <translation>反転</translation>
    </message>
    <message>
        <source>2. Edited caption</source>
        <translation>2. 編集後のキャプション</translation>
    </message>
    <message>
        <source>change words: a tiger sitting on a bench; (word:1.5) re-weights</source>
        <translation>単語を変更: a tiger sitting on a bench、(word:1.5) で重み付け</translation>
    </message>
    <message>
        <source>Ctrl+Up / Ctrl+Down raise or lower the weight of the word under the cursor</source>
        <translation>Ctrl+Up / Ctrl+Down でカーソル位置の単語の重みを上げ下げ</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Re-run with painted mask</source>
        <translation>描いたマスクで再実行</translation>
    </message>
    <message>
        <source>Run the edit again using the mask as you painted it</source>
        <translation>描いたとおりのマスクで編集を再実行します</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>Local blend</source>
        <translation>ローカルブレンド</translation>
    </message>
    <message>
        <source>Keep everything outside the edited words&apos; region exactly as in the photo</source>
        <translation>編集した単語の領域の外はすべて写真のまま保ちます</translation>
    </message>
    <message>
        <source>default: the changed words</source>
        <translation>既定: 変更した単語</translation>
    </message>
    <message>
        <source>Blend words</source>
        <translation>ブレンドする単語</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>マスク</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>ディテール</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>スイープ</translation>
    </message>
    <message>
        <source>KEY=V1,V2,... per axis, separated by spaces; KEY: {keys} (weight sets every (word:f) factor of the edited caption). The first axis runs across the sheet.</source>
        <translation>軸ごとに KEY=V1,V2,... をスペース区切りで。KEY: {keys}（weight は編集後キャプションのすべての (word:f) 係数を設定）。最初の軸が横方向に並びます。</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>スイープを実行</translation>
    </message>
    <message>
        <source>Edit with every combination in batched runs; the results fill a contact sheet and the history, each with its own parameters</source>
        <translation>すべての組み合わせをバッチで編集します。結果は一覧シートと履歴に、それぞれのパラメーター付きで入ります</translation>
    </message>
    <message>
        <source>{cells} cells ({columns} × {rows}), batched {batch} edits per run</source>
        <translation>{cells} セル ({columns} × {rows})、1 回に {batch} 件ずつバッチ処理</translation>
    </message>
    <message>
        <source>Where each word attends (click a word)</source>
        <translation>各単語の注目先（単語をクリック）</translation>
    </message>
    <message>
        <source>Run an edit to see the attention maps of its words.</source>
        <translation>編集を実行すると単語のアテンションマップが表示されます。</translation>
    </message>
    <message>
        <source>Blend mask</source>
        <translation>ブレンドマスク</translation>
    </message>
    <message>
        <source>Show mask (M)</source>
        <translation>マスクを表示 (M)</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>描く</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>消す</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>ブラシ</translation>
    </message>
    <message>
        <source>not with the {sampler} sampler, which adds noise each step: renoise is its faithful inversion</source>
        <translation>{sampler} サンプラーでは使えません（毎ステップノイズを加えるため）。renoise がその忠実な反転です</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Not inverted yet</source>
        <translation>まだ反転していません</translation>
    </message>
    <message>
        <source>Ready ({quality})</source>
        <translation>準備完了 ({quality})</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>失敗: {reason}</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>キャプション</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>編集</translation>
    </message>
</context>
<context>
    <name>LoraTable</name>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>強さ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>P2P Studio — read-only</source>
        <translation>P2P Studio — 読み取り専用</translation>
    </message>
    <message>
        <source>P2P Studio cannot save</source>
        <translation>P2P Studio は保存できません</translation>
    </message>
    <message>
        <source>P2P Studio is already open</source>
        <translation>P2P Studio はすでに開いています</translation>
    </message>
    <message>
        <source>Another P2P Studio window is using your session. Start a fresh session (saved separately)?

Choose No to look at the other window&apos;s session read-only.</source>
        <translation>別の P2P Studio ウィンドウがセッションを使用中です。新しいセッションを始めますか（別に保存されます）？

「いいえ」を選ぶと、もう一方のウィンドウのセッションを読み取り専用で表示します。</translation>
    </message>
    <message>
        <source>P2P Studio</source>
        <translation>P2P Studio</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Results of other photos of this session: pick one to go back to it</source>
        <translation>このセッションの他の写真の結果: 選ぶとその写真に戻ります</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Open a photo to start.</source>
        <translation>写真を開いて始めましょう。</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>キャンセル (Esc)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open photo…</source>
        <translation>写真を開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste photo</source>
        <translation>写真を貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save result…</source>
        <translation>結果を保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>設定(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>Run &amp;edit</source>
        <translation>編集を実行(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>ウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;100 %</source>
        <translation>&amp;100 %</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Split before/after</source>
        <translation>前後を分割表示(&amp;S)</translation>
    </message>
    <message>
        <source>Toggle &amp;before/after</source>
        <translation>前後を切り替え(&amp;B)</translation>
    </message>
    <message>
        <source>Show &amp;mask</source>
        <translation>マスクを表示(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;weep sheet / photo</source>
        <translation>スイープシート / 写真(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About P2P Studio</source>
        <translation>P2P Studio について(&amp;A)</translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>写真を開く</translation>
    </message>
    <message>
        <source>Photos ({patterns});;All files (*)</source>
        <translation>写真 ({patterns});;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Pasted a photo from the clipboard.</source>
        <translation>クリップボードから写真を貼り付けました。</translation>
    </message>
    <message>
        <source>Opened {name}. Type its caption; inversion starts by itself.</source>
        <translation>{name} を開きました。キャプションを入力してください。反転は自動で始まります。</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>クリップボードに画像がありません。</translation>
    </message>
    <message>
        <source>This photo: {results}</source>
        <translation>この写真: {results}</translation>
    </message>
    <message>
        <source>{photo}: {results}</source>
        <translation>{photo}: {results}</translation>
    </message>
    <message>
        <source>pasted photo</source>
        <translation>貼り付けた写真</translation>
    </message>
    <message>
        <source>painted mask</source>
        <translation>描いたマスク</translation>
    </message>
    <message>
        <source>Restored the parameters of {edit} ({values}); G shows the sweep sheet again.</source>
        <translation>{edit} のパラメーターを復元しました ({values})。G でスイープシートに戻ります。</translation>
    </message>
    <message>
        <source>No sweep yet: set the grid under Sweep and press Run sweep.</source>
        <translation>まだスイープがありません: 「スイープ」でグリッドを設定し「スイープを実行」を押してください。</translation>
    </message>
    <message>
        <source>Attention of “{word}” (caption)</source>
        <translation>「{word}」のアテンション（キャプション）</translation>
    </message>
    <message>
        <source>Attention of “{word}” (edit)</source>
        <translation>「{word}」のアテンション（編集）</translation>
    </message>
    <message>
        <source>Paint where the edit may change the photo; then ‘Re-run with painted mask’.</source>
        <translation>編集で変えてよい所を描いてから「描いたマスクで再実行」を押してください。</translation>
    </message>
    <message>
        <source>Restore its parameters</source>
        <translation>パラメーターを復元</translation>
    </message>
    <message>
        <source>Unstar</source>
        <translation>星を外す</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>星を付ける</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>名前を付けて保存…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>No result to save yet: run an edit first.</source>
        <translation>保存する結果がまだありません: 先に編集を実行してください。</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>結果を保存</translation>
    </message>
    <message>
        <source>Restore recipe?</source>
        <translation>レシピを復元しますか？</translation>
    </message>
    <message>
        <source>{name} was made by P2P Studio:

“{edit}”

Restore its caption, edit and parameters?</source>
        <translation>{name} は P2P Studio で作られました:

「{edit}」

キャプション、編集、パラメーターを復元しますか？</translation>
    </message>
    <message>
        <source>About P2P Studio</source>
        <translation>P2P Studio について</translation>
    </message>
    <message>
        <source>Edit photos by editing their caption (Prompt-to-Prompt with null-text inversion).</source>
        <translation>キャプションを編集して写真を編集します（Prompt-to-Prompt と null-text 反転）。</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 件の結果</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>{count} 件の結果</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source> (kept: the captions and {count} results)</source>
        <extracomment>Every result of the session, of every photo it was made from (History shows the current photo&apos;s: :attr:`history`).</extracomment>
        <translation>（保持: キャプションと {count} 件の結果）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>a hub id (downloaded once, then offline), a local diffusers folder, or a single &lt;code&gt;.safetensors&lt;/code&gt; checkpoint</source>
        <translation>hub id（一度ダウンロードし以後オフライン）、ローカルの diffusers フォルダー、または単一の &lt;code&gt;.safetensors&lt;/code&gt; チェックポイント</translation>
    </message>
    <message>
        <source>the model&apos;s own (LCM with an LCM-LoRA)</source>
        <translation>モデル自身のもの（LCM-LoRA では LCM）</translation>
    </message>
    <message>
        <source>DDIM, Prompt-to-Prompt&apos;s sampler (50-step models)</source>
        <translation>DDIM、Prompt-to-Prompt のサンプラー（50 ステップのモデル）</translation>
    </message>
    <message>
        <source>Euler (SD-Turbo)</source>
        <translation>Euler（SD-Turbo）</translation>
    </message>
    <message>
        <source>Euler ancestral, adds noise each step (SDXL-Turbo); stored with the inversion</source>
        <translation>Euler ancestral、毎ステップノイズを加える（SDXL-Turbo）。反転とともに保存</translation>
    </message>
    <message>
        <source>latent consistency, adds noise each step (LCM models and LCM-LoRAs)</source>
        <translation>潜在一貫性、毎ステップノイズを加える（LCM モデルと LCM-LoRA）</translation>
    </message>
    <message>
        <source>Style LoRAs and speed LoRAs (.safetensors) are fused into the model. An LCM-LoRA, a Hyper-SD or a Lightning LoRA makes SD 1.5 or SDXL a few-step model: edits then default to ReNoise at its step count.</source>
        <translation>スタイル LoRA と高速化 LoRA（.safetensors）はモデルに融合されます。LCM-LoRA、Hyper-SD、Lightning LoRA は SD 1.5 や SDXL を少ステップのモデルにします。その場合、編集は既定でそのステップ数の ReNoise を使います。</translation>
    </message>
    <message>
        <source>auto: TAESD when it is in the hub cache (fetch it once with &apos;hf download madebyollin/taesd&apos;, or madebyollin/taesdxl for SDXL); none: the model&apos;s VAE; or a folder of a tiny autoencoder.</source>
        <extracomment>What the preview decoder field takes, shown under it.</extracomment>
        <translation>auto: hub キャッシュに TAESD があれば使用（&apos;hf download madebyollin/taesd&apos; で一度取得。SDXL は madebyollin/taesdxl）。none: モデルの VAE。または小型オートエンコーダーのフォルダー。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>フォルダー…</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>ファイル…</translation>
    </message>
    <message>
        <source>only for single files offline: a diffusers folder with the configs</source>
        <translation>オフラインの単一ファイル用のみ: 設定を含む diffusers フォルダー</translation>
    </message>
    <message>
        <source>Add LoRA…</source>
        <translation>LoRA を追加…</translation>
    </message>
    <message>
        <source>default: the user cache folder</source>
        <translation>既定: ユーザーのキャッシュフォルダー</translation>
    </message>
    <message>
        <source>Out of memory? Use fp16 on a GPU, the cpu device, or fewer edited captions at once.</source>
        <translation>メモリー不足ですか？ GPU では fp16、または cpu デバイスを使うか、一度に編集するキャプションを減らしてください。</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>自動（システムの言語）</translation>
    </message>
    <message>
        <source>Takes effect when P2P Studio starts again.</source>
        <translation>P2P Studio の次回起動時に反映されます。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Model configs</source>
        <translation>モデル設定</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>サンプラー</translation>
    </message>
    <message>
        <source>LoRAs</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Inversion cache</source>
        <translation>反転キャッシュ</translation>
    </message>
    <message>
        <source>Time per edit</source>
        <translation>編集 1 回の時間</translation>
    </message>
    <message>
        <source>Preview decoder</source>
        <translation>プレビューデコーダー</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Pick a preset above, or give {other}.</source>
        <translation>上のプリセットを選ぶか、{other}を指定してください。</translation>
    </message>
    <message>
        <source>Measured when the model has loaded (one UNet evaluation is timed); shown here afterwards.</source>
        <translation>モデルの読み込み後に測定し（UNet の評価 1 回を計時）、ここに表示します。</translation>
    </message>
    <message>
        <source>the model&apos;s VAE</source>
        <translation>モデルの VAE</translation>
    </message>
    <message>
        <source>Previews are drawn by {decoder}.</source>
        <translation>プレビューは {decoder} で描画されます。</translation>
    </message>
    <message>
        <source>Diffusers model folder</source>
        <translation>Diffusers モデルフォルダー</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
</context>
<context>
    <name>Studio</name>
    <message>
        <source>{reason}. This window shows the saved session read-only and saves nothing; set P2P_STUDIO_DATA to a folder you can write to.</source>
        <extracomment>Why the data folder cannot be written (&quot;&quot; when it can): the app then opens read-only.</extracomment>
        <translation>{reason}。このウィンドウは保存済みセッションを読み取り専用で表示し、何も保存しません。P2P_STUDIO_DATA を書き込めるフォルダーに設定してください。</translation>
    </message>
    <message>
        <source>Another P2P Studio window is using {folder}: this window shows it read-only and saves nothing. Close the other window, or start a fresh session.</source>
        <translation>別の P2P Studio ウィンドウが {folder} を使用中です: このウィンドウは読み取り専用で表示し、何も保存しません。もう一方のウィンドウを閉じるか、新しいセッションを始めてください。</translation>
    </message>
    <message>
        <source>This is the built-in demo: a complete edit of a sample photo. Open your own photo with Ctrl+O; for real photos pick Stable Diffusion in Settings.</source>
        <translation>これは内蔵のデモです: サンプル写真の編集をひととおり行います。自分の写真は Ctrl+O で開いてください。実写真には設定で Stable Diffusion を選んでください。</translation>
    </message>
</context>
<context>
    <name>StudioController</name>
    <message>
        <source>Try a smaller photo, fewer edits at once, or Settings → Device: cpu / Precision: fp16.</source>
        <translation>より小さい写真、一度に少ない編集、または 設定 → デバイス: cpu / 精度: fp16 をお試しください。</translation>
    </message>
    <message>
        <source>Open a photo first (File → Open, drag and drop, or paste).</source>
        <extracomment>Words the text encoder is likely to misread, per caption (:class:`WordWarnings`). The model defaults the session&apos;s settings follow (see :meth:`ModelDefaults.follow`). Where a recipe&apos;s LoRAs are looked for (by name, then content hash).</extracomment>
        <translation>先に写真を開いてください（ファイル → 開く、ドラッグ＆ドロップ、または貼り付け）。</translation>
    </message>
    <message>
        <source>Type a caption that describes the photo first.</source>
        <translation>先に写真を説明するキャプションを入力してください。</translation>
    </message>
    <message>
        <source>Open a photo first.</source>
        <translation>先に写真を開いてください。</translation>
    </message>
    <message>
        <source>Both the caption and the edited caption are needed.</source>
        <translation>キャプションと編集後のキャプションの両方が必要です。</translation>
    </message>
    <message>
        <source>Queued: {edit}</source>
        <translation>キューに追加: {edit}</translation>
    </message>
    <message>
        <source>Sweep: {reason}</source>
        <translation>スイープ: {reason}</translation>
    </message>
    <message>
        <source>Queued: sweep of {cells} cells ({grid})</source>
        <translation>キューに追加: {cells} セルのスイープ ({grid})</translation>
    </message>
    <message>
        <source>This result has no image to save.</source>
        <translation>この結果には保存できる画像がありません。</translation>
    </message>
    <message>
        <source>Refusing to overwrite the original photo; choose another file name.</source>
        <translation>元の写真は上書きしません。別のファイル名を選んでください。</translation>
    </message>
    <message>
        <source>Change words of the caption here to describe the edit you want.</source>
        <translation>ここでキャプションの単語を変えて、望む編集を書いてください。</translation>
    </message>
    <message>
        <source>Type the caption of the photo, then change words in the edit.</source>
        <translation>写真のキャプションを入力してから、編集欄の単語を変えてください。</translation>
    </message>
    <message>
        <source>{model} is {reason}: edits use {settings}.</source>
        <translation>{model} は{reason}です: 編集は {settings} を使います。</translation>
    </message>
    <message>
        <source>{method} inversion: encoding the photo…</source>
        <translation>{method} 反転: 写真をエンコード中…</translation>
    </message>
    <message>
        <source>ETA {time}</source>
        <translation>残り {time}</translation>
    </message>
    <message>
        <source>from cache</source>
        <translation>キャッシュから</translation>
    </message>
    <message>
        <source>in {seconds} s</source>
        <translation>{seconds} 秒で</translation>
    </message>
    <message>
        <source>inverted {how}</source>
        <translation>反転済み ({how})</translation>
    </message>
    <message>
        <source>Photo inverted {how}; type an edit and press Edit (Ctrl+Enter).</source>
        <translation>写真を反転しました ({how})。編集を入力して「編集」(Ctrl+Enter) を押してください。</translation>
    </message>
    <message>
        <source>Reconstruction {psnr} dB: {hint}.</source>
        <translation>再構成 {psnr} dB: {hint}。</translation>
    </message>
    <message>
        <source>Edited in {seconds} s: {edit}.</source>
        <translation>{seconds} 秒で編集しました: {edit}。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} を保存しました</translation>
    </message>
    <message>
        <source>Read the recipe of {name}.</source>
        <translation>{name} のレシピを読み込みました。</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>反転済み</translation>
    </message>
    <message>
        <source>Swept {cells} cells in {seconds} s; click a cell of the sheet to restore its parameters.</source>
        <translation>{cells} セルを {seconds} 秒でスイープしました。シートのセルをクリックするとパラメーターを復元します。</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <source>Cancelled: {job}</source>
        <translation>キャンセルしました: {job}</translation>
    </message>
</context>
<context>
    <name>SweepSheetView</name>
    <message>
        <source>Back to the photo (G)</source>
        <translation>写真に戻る (G)</translation>
    </message>
    <message>
        <source>{across} across, {down} down</source>
        <translation>{across} を横、{down} を縦</translation>
    </message>
    <message>
        <source> and </source>
        <translation>と</translation>
    </message>
    <message>
        <source>{across} across</source>
        <translation>{across} を横</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sweep&lt;/b&gt; {grid} — {cells} cells, {layout}. Click a cell to show it and restore its parameters.</source>
        <translation>&lt;b&gt;スイープ&lt;/b&gt; {grid} — {cells} セル、{layout}。セルをクリックすると表示してパラメーターを復元します。</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>denoising steps</source>
        <translation>ノイズ除去のステップ数</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>ガイダンス</translation>
    </message>
    <message>
        <source>classifier-free guidance scale (1 or below: none, the conditional prediction alone)</source>
        <translation>分類器なしガイダンスの強さ（1 以下: なし、条件付き予測のみ）</translation>
    </message>
    <message>
        <source>Cross-attention steps</source>
        <translation>クロスアテンションのステップ</translation>
    </message>
    <message>
        <source>fraction of steps (from the start) in which the caption&apos;s cross-attention maps are injected</source>
        <translation>キャプションのクロスアテンションマップを注入するステップの割合（最初から）</translation>
    </message>
    <message>
        <source>cross-attention fraction</source>
        <translation>クロスアテンションの割合</translation>
    </message>
    <message>
        <source>fraction of steps in which one word&apos;s cross-attention map is injected</source>
        <translation>ある単語のクロスアテンションマップを注入するステップの割合</translation>
    </message>
    <message>
        <source>Self-attention steps</source>
        <translation>セルフアテンションのステップ</translation>
    </message>
    <message>
        <source>fraction of steps in which self-attention maps are injected</source>
        <translation>セルフアテンションマップを注入するステップの割合</translation>
    </message>
    <message>
        <source>largest self-attention map injected, as a fraction of the latent side</source>
        <translation>注入する最大のセルフアテンションマップ（潜在の辺に対する割合）</translation>
    </message>
    <message>
        <source>Blend threshold</source>
        <translation>ブレンドのしきい値</translation>
    </message>
    <message>
        <source>local-blend mask threshold</source>
        <translation>ローカルブレンドマスクのしきい値</translation>
    </message>
    <message>
        <source>Blend start</source>
        <translation>ブレンド開始</translation>
    </message>
    <message>
        <source>fraction of steps before local blend starts</source>
        <translation>ローカルブレンドが始まるまでのステップの割合</translation>
    </message>
    <message>
        <source>self-attention map side used to refine the mask, as a fraction of the latent side</source>
        <translation>マスクを精緻化するセルフアテンションマップの辺（潜在の辺に対する割合）</translation>
    </message>
    <message>
        <source>Outline threshold</source>
        <translation>輪郭のしきい値</translation>
    </message>
    <message>
        <source>refined masks: threshold of the photo-size composite mask (lower keeps more around the object)</source>
        <translation>精緻なマスク: 写真サイズの合成マスクのしきい値（低いほど物体の周りを多く残す）</translation>
    </message>
    <message>
        <source>threshold of the subtracted words&apos; mask</source>
        <translation>差し引く単語のマスクのしきい値</translation>
    </message>
    <message>
        <source>blend-map side as a fraction of the latent side</source>
        <translation>ブレンドマップの辺（潜在の辺に対する割合）</translation>
    </message>
    <message>
        <source>smallest blend-map side in positions</source>
        <translation>ブレンドマップの最小の辺（位置数）</translation>
    </message>
    <message>
        <source>mask edge softening in pixels</source>
        <translation>マスクの縁のぼかし（ピクセル）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>random seed (generate: the initial noise)</source>
        <translation>乱数シード（生成: 初期ノイズ）</translation>
    </message>
    <message>
        <source>best fidelity; optimises the empty prompt per step (slowest)</source>
        <translation>忠実度が最も高い。ステップごとに空のプロンプトを最適化（最も遅い）</translation>
    </message>
    <message>
        <source>fast (seconds): uses the caption as negative prompt (slightly less faithful)</source>
        <translation>速い（数秒）: キャプションをネガティブプロンプトに使う（やや忠実度が低い）</translation>
    </message>
    <message>
        <source>fast (seconds): the source branch follows the inversion exactly</source>
        <translation>速い（数秒）: ソース側は反転をそのままたどる</translation>
    </message>
    <message>
        <source>plain DDIM inversion; drifts at high guidance (for comparison)</source>
        <translation>通常の DDIM 反転。ガイダンスが高いとずれる（比較用）</translation>
    </message>
    <message>
        <source>fast and faithful at few steps: re-evaluates each inversion step (ReNoise)</source>
        <translation>少ないステップで速く忠実: 反転の各ステップを再評価（ReNoise）</translation>
    </message>
    <message>
        <source>follows the object&apos;s outline (self-attention refined)</source>
        <translation>物体の輪郭に沿う（セルフアテンションで精緻化）</translation>
    </message>
    <message>
        <source>the authors&apos; coarse mask (cross-attention cells, max-pooled)</source>
        <translation>著者の粗いマスク（クロスアテンションのセル、最大プーリング）</translation>
    </message>
    <message>
        <source>the region around the edit redrawn when the photo is well above the model&apos;s size and the edit small</source>
        <translation>写真がモデルのサイズよりかなり大きく編集範囲が小さいとき、編集の周りを描き直す</translation>
    </message>
    <message>
        <source>the whole photo at the model&apos;s size, scaled up (fastest)</source>
        <translation>写真全体をモデルのサイズで処理して拡大（最速）</translation>
    </message>
    <message>
        <source>the region around the edit, redrawn at the model&apos;s size whenever that adds detail</source>
        <translation>ディテールが増すときは常に、編集の周りをモデルのサイズで描き直す</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>デモ</translation>
    </message>
    <message>
        <source>built in: knows only coloured shapes; 64 px, an edit in seconds on a CPU</source>
        <translation>内蔵: 色付きの図形だけを知っている。64 px、CPU で数秒で編集</translation>
    </message>
    <message>
        <source>Stable Diffusion 1.5</source>
        <translation>Stable Diffusion 1.5</translation>
    </message>
    <message>
        <source>512 px, 50 steps; about 4.3 GB downloaded once</source>
        <translation>512 px、50 ステップ。約 4.3 GB を一度ダウンロード</translation>
    </message>
    <message>
        <source>Stable Diffusion 2.1</source>
        <translation>Stable Diffusion 2.1</translation>
    </message>
    <message>
        <source>768 px, 50 steps; about 5.2 GB downloaded once</source>
        <translation>768 px、50 ステップ。約 5.2 GB を一度ダウンロード</translation>
    </message>
    <message>
        <source>SDXL</source>
        <translation>SDXL</translation>
    </message>
    <message>
        <source>1024 px, 50 steps; about 14 GB downloaded once; a GPU with 12 GB or more</source>
        <translation>1024 px、50 ステップ。約 14 GB を一度ダウンロード。12 GB 以上の GPU</translation>
    </message>
    <message>
        <source>SD-Turbo (few-step)</source>
        <translation>SD-Turbo（少ステップ）</translation>
    </message>
    <message>
        <source>512 px, 4 steps without guidance, ReNoise inversion; about 5.2 GB downloaded once</source>
        <translation>512 px、ガイダンスなし 4 ステップ、ReNoise 反転。約 5.2 GB を一度ダウンロード</translation>
    </message>
    <message>
        <source>SDXL-Turbo (few-step)</source>
        <translation>SDXL-Turbo（少ステップ）</translation>
    </message>
    <message>
        <source>512 px, 4 steps without guidance, ReNoise inversion; about 14 GB downloaded once; a GPU with 12 GB or more</source>
        <translation>512 px、ガイダンスなし 4 ステップ、ReNoise 反転。約 14 GB を一度ダウンロード。12 GB 以上の GPU</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>編集中</translation>
    </message>
    <message>
        <source>Refining</source>
        <translation>仕上げ中</translation>
    </message>
    <message>
        <source>Edited region</source>
        <translation>編集範囲</translation>
    </message>
    <message>
        <source>DDIM inversion</source>
        <translation>DDIM 反転</translation>
    </message>
    <message>
        <source>Direct inversion</source>
        <translation>Direct 反転</translation>
    </message>
    <message>
        <source>Negative-prompt inversion</source>
        <translation>ネガティブプロンプト反転</translation>
    </message>
    <message>
        <source>Null-text</source>
        <translation>Null-text</translation>
    </message>
    <message>
        <source>ReNoise inversion</source>
        <translation>ReNoise 反転</translation>
    </message>
    <message>
        <source>Noise correction</source>
        <translation>ノイズ補正</translation>
    </message>
    <message>
        <source>Loading model</source>
        <translation>モデルを読み込み中</translation>
    </message>
    <message>
        <source>Downloading model</source>
        <translation>モデルをダウンロード中</translation>
    </message>
    <message>
        <source>Timing one UNet evaluation</source>
        <translation>UNet の評価 1 回を計時中</translation>
    </message>
    <message>
        <source>Reading recipe</source>
        <translation>レシピを読み込み中</translation>
    </message>
    <message>
        <source>iter</source>
        <translation>反復</translation>
    </message>
    <message>
        <source>faithful</source>
        <translation>忠実</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>まずまず</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>不十分</translation>
    </message>
    <message>
        <source>try {method}</source>
        <translation>{method} を試す</translation>
    </message>
    <message>
        <source>try {method} inversion for a closer reconstruction</source>
        <translation>より近い再構成には {method} 反転を試してください</translation>
    </message>
    <message>
        <source>check that the caption describes the photo, or use more steps</source>
        <translation>キャプションが写真を表しているか確認するか、ステップ数を増やしてください</translation>
    </message>
    <message>
        <source>check that the caption describes the photo, or raise the null-text iterations</source>
        <translation>キャプションが写真を表しているか確認するか、null-text の反復回数を増やしてください</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not English: the text encoder was trained on English captions, so write the caption in English</source>
        <translation>&apos;{text}&apos; は英語ではありません: テキストエンコーダーは英語のキャプションで学習されているため、キャプションは英語で書いてください</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is a rare word for the text encoder; did you mean &apos;{likely}&apos;?</source>
        <translation>&apos;{word}&apos; はテキストエンコーダーにとって珍しい単語です。&apos;{likely}&apos; のことですか？</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is not a word the text encoder knows; did you mean &apos;{likely}&apos;?</source>
        <translation>&apos;{word}&apos; はテキストエンコーダーが知らない単語です。&apos;{likely}&apos; のことですか？</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>--lora {text!r}: the scale after &apos;:&apos; must be a number, not {scale!r}</source>
        <translation>--lora {text!r}: &apos;:&apos; の後の強さは数値でなければなりません（{scale!r} ではなく）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>; for a single checkpoint file pass the file itself, e.g. {file}</source>
        <translation>。単一のチェックポイントファイルはファイル自体を指定してください（例: {file}）</translation>
    </message>
    <message>
        <source>; pass a diffusers model folder, a .safetensors checkpoint or a hub id such as {hub_id}</source>
        <translation>。diffusers のモデルフォルダー、.safetensors チェックポイント、または {hub_id} のような hub ID を指定してください</translation>
    </message>
    <message>
        <source>; {word}: {span}</source>
        <translation>；{word}: {span}</translation>
    </message>
    <message>
        <source>An edit of a photo at this model&apos;s defaults ({settings}) takes about {time} on {device}: {rows} UNet evaluations of {row:.3g} s each.</source>
        <translation>このモデルの既定値（{settings}）で写真を 1 枚編集すると、{device} で約 {time} かかります: UNet の評価 {rows} 回、各 {row:.3g} 秒。</translation>
    </message>
    <message>
        <source>An edit of a photo at this model&apos;s defaults ({settings}) takes up to {time} on {device}: {rows} UNet evaluations of {row:.3g} s each.</source>
        <translation>このモデルの既定値（{settings}）で写真を 1 枚編集すると、{device} で最大 {time} かかります: UNet の評価 {rows} 回、各 {row:.3g} 秒。</translation>
    </message>
    <message>
        <source>Editing: {edit}</source>
        <translation>編集中: {edit}</translation>
    </message>
    <message>
        <source>Inverting the photo</source>
        <translation>写真を反転中</translation>
    </message>
    <message>
        <source>LoRA {name} could not be loaded: {reason}</source>
        <translation>LoRA {name} を読み込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>LoRA {name} could not be read: {reason}</source>
        <translation>LoRA {name} を読めませんでした: {reason}</translation>
    </message>
    <message>
        <source>LoRA {name} does not fit this model ({kind}): {part}.{module_path} {problem} - a LoRA made for another model family?</source>
        <translation>LoRA {name} はこのモデル（{kind}）に合いません: {part}.{module_path} {problem} — 別のモデル系統用の LoRA では？</translation>
    </message>
    <message>
        <source>LoRA {name} has no LoRA layers this program can read</source>
        <translation>LoRA {name} にはこのプログラムが読める LoRA 層がありません</translation>
    </message>
    <message>
        <source>LoRA {name}: no such file ({path})</source>
        <translation>LoRA {name}: ファイルがありません（{path}）</translation>
    </message>
    <message>
        <source>LoRA {name}: only .safetensors files are loaded (a pickle can run code)</source>
        <translation>LoRA {name}: 読み込めるのは .safetensors ファイルのみです（pickle はコードを実行できるため）</translation>
    </message>
    <message>
        <source>LoRA {name}: scale {scale:g} is outside {low:g} to {high:g}</source>
        <translation>LoRA {name}: 強さ {scale:g} が {low:g}～{high:g} の範囲外です</translation>
    </message>
    <message>
        <source>Opening the photo</source>
        <translation>写真を開いています</translation>
    </message>
    <message>
        <source>Redrawing the edited region of a large photo (Detail: auto or region) adds about {time} ({rows} evaluations).</source>
        <translation>大きな写真の編集領域の描き直し（ディテール: auto または region）で約 {time} 増えます（評価 {rows} 回）。</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>保存中</translation>
    </message>
    <message>
        <source>Sweeping {cells} cells: {grid}</source>
        <translation>{cells} セルをスイープ中: {grid}</translation>
    </message>
    <message>
        <source>a LoRA needs a file</source>
        <translation>LoRA にはファイルが必要です</translation>
    </message>
    <message>
        <source>a few-step model</source>
        <translation>少ステップモデル</translation>
    </message>
    <message>
        <source>a few-step model (LCM)</source>
        <translation>少ステップモデル（LCM）</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>パスの一部がフォルダーではなくファイルです</translation>
    </message>
    <message>
        <source>a sweep names the same parameter twice</source>
        <translation>スイープで同じパラメーターが 2 回指定されています</translation>
    </message>
    <message>
        <source>a sweep needs at least one KEY=V1,V2,... axis</source>
        <translation>スイープには KEY=V1,V2,... の軸が少なくとも 1 つ必要です</translation>
    </message>
    <message>
        <source>a weight sweep needs (word:factor) markup in the edited caption, e.g. a (red:2) car</source>
        <translation>重みのスイープには、編集後のキャプションに (word:factor) の記法が必要です（例: a (red:2) car）</translation>
    </message>
    <message>
        <source>a word swap needs captions with the same number of words</source>
        <translation>単語の入れ替えには同じ単語数のキャプションが必要です</translation>
    </message>
    <message>
        <source>all unreadable history entries left out (their files are kept)</source>
        <translation>読めない履歴項目はすべて除外しました（ファイルは残してあります）</translation>
    </message>
    <message>
        <source>cannot read the re-weighting in {text!r}; write it as (word:1.5)</source>
        <translation>{text!r} の重み付けを読めません。(word:1.5) のように書いてください</translation>
    </message>
    <message>
        <source>cannot sweep {key!r}; choose from {items}</source>
        <translation>{key!r} はスイープできません。{items} から選んでください</translation>
    </message>
    <message>
        <source>cannot write to {what} {folder}: {reason}</source>
        <translation>{what} {folder} に書き込めません: {reason}</translation>
    </message>
    <message>
        <source>clipboard image</source>
        <translation>クリップボードの画像</translation>
    </message>
    <message>
        <source>could not load checkpoint {name}: {reason}</source>
        <translation>チェックポイント {name} を読み込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>could not load checkpoint {name}: {reason} (is --model-config a diffusers folder of the same model family?)</source>
        <translation>チェックポイント {name} を読み込めませんでした: {reason}（--model-config は同じモデル系統の diffusers フォルダーですか？）</translation>
    </message>
    <message>
        <source>could not read the {part} of the model in {folder}: its config.json does not match its weights ({count} weights missing or of another shape, e.g. {missing})</source>
        <translation>{folder} のモデルの {part} を読めません: config.json が重みと一致しません（{count} 個の重みが欠けているか形が違います。例: {missing}）</translation>
    </message>
    <message>
        <source>could not read the {part} of the model in {folder}: {reason}</source>
        <translation>{folder} のモデルの {part} を読めません: {reason}</translation>
    </message>
    <message>
        <source>could not save the session: {reason}</source>
        <translation>セッションを保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>cross-attention replaced for steps {cross} of {total}{words}, self-attention {self_steps}</source>
        <translation>クロスアテンションは {total} ステップ中 {cross} で置き換え{words}、セルフアテンション {self_steps}</translation>
    </message>
    <message>
        <source>cross-attention word {word!r} is not in the edited caption</source>
        <translation>クロスアテンションの単語 {word!r} が編集後のキャプションにありません</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>破損</translation>
    </message>
    <message>
        <source>detail: the edited region is redrawn at {native} px when it adds detail (the photo is {scale:.1f}× the model&apos;s size; {strength:.0%} of the steps again)</source>
        <translation>ディテール: ディテールが増えるときは編集領域を {native} px で描き直します（写真はモデルのサイズの {scale:.1f}×、ステップの {strength:.0%} をもう一度）</translation>
    </message>
    <message>
        <source>detail: the edited region is redrawn at {native} px when its mask is small (the photo is {scale:.1f}× the model&apos;s size; {strength:.0%} of the steps again)</source>
        <translation>ディテール: マスクが小さいときは編集領域を {native} px で描き直します（写真はモデルのサイズの {scale:.1f}×、ステップの {strength:.0%} をもう一度）</translation>
    </message>
    <message>
        <source>detail: whole photo at the model&apos;s {native} px</source>
        <translation>ディテール: 写真全体をモデルの {native} px で</translation>
    </message>
    <message>
        <source>detail: whole photo at the model&apos;s {native} px, scaled up {scale:.1f}×</source>
        <translation>ディテール: 写真全体をモデルの {native} px で、{scale:.1f}× に拡大</translation>
    </message>
    <message>
        <source>device &apos;cuda&apos; requested but no CUDA GPU is available to PyTorch</source>
        <translation>デバイス &apos;cuda&apos; が指定されましたが、PyTorch で使える CUDA GPU がありません</translation>
    </message>
    <message>
        <source>device &apos;mps&apos; requested but Apple&apos;s Metal backend is not available</source>
        <translation>デバイス &apos;mps&apos; が指定されましたが、Apple の Metal バックエンドが使えません</translation>
    </message>
    <message>
        <source>device must be one of {items}, not {device!r}</source>
        <translation>デバイスは {items} のいずれかでなければなりません（{device!r} ではなく）</translation>
    </message>
    <message>
        <source>did not save the session: {reason}</source>
        <translation>セッションを保存しませんでした: {reason}</translation>
    </message>
    <message>
        <source>download it on a connected machine with `hf download {repo_id}` or pass a local folder or .safetensors file</source>
        <translation>接続されたマシンで `hf download {repo_id}` でダウンロードするか、ローカルフォルダーか .safetensors ファイルを指定してください</translation>
    </message>
    <message>
        <source>edited region {w}×{h} px at ({left}, {top}), {gain:.1f}× the detail of the whole photo</source>
        <translation>編集領域 {w}×{h} px、位置 ({left}, {top})、写真全体の {gain:.1f}× のディテール</translation>
    </message>
    <message>
        <source>edits of one run must share {items}</source>
        <translation>1 回の実行の編集は {items} を共有する必要があります</translation>
    </message>
    <message>
        <source>empty word in re-weighting {markup!r}</source>
        <translation>重み付け {markup!r} の単語が空です</translation>
    </message>
    <message>
        <source>expected KEY=V1,V2,... for a sweep, got {text!r}</source>
        <translation>スイープには KEY=V1,V2,... が必要ですが、{text!r} が指定されました</translation>
    </message>
    <message>
        <source>guidance {guidance:g}</source>
        <translation>ガイダンス {guidance:g}</translation>
    </message>
    <message>
        <source>has {want} inputs, the LoRA {have}</source>
        <translation>の入力は {want}、LoRA は {have}</translation>
    </message>
    <message>
        <source>has {want} outputs, the LoRA {have}</source>
        <translation>の出力は {want}、LoRA は {have}</translation>
    </message>
    <message>
        <source>is a layer of a second text encoder, which this model does not have</source>
        <translation>は 2 つ目のテキストエンコーダーの層ですが、このモデルにはありません</translation>
    </message>
    <message>
        <source>is a {layer}, which takes no LoRA</source>
        <translation>は {layer} で、LoRA を受け付けません</translation>
    </message>
    <message>
        <source>is not a layer of this model</source>
        <translation>はこのモデルの層ではありません</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>フォルダーです</translation>
    </message>
    <message>
        <source>model folder {folder} is incomplete: missing {items}; download the whole model again (e.g. `hf download ORG/NAME --local-dir FOLDER`)</source>
        <translation>モデルフォルダー {folder} が不完全です: {items} がありません。モデル全体をもう一度ダウンロードしてください（例: `hf download ORG/NAME --local-dir FOLDER`）</translation>
    </message>
    <message>
        <source>model {repo_id} does not exist on the hub (or needs a login)</source>
        <translation>モデル {repo_id} は hub にありません（またはログインが必要です）</translation>
    </message>
    <message>
        <source>model {repo_id} is not cached and could not be downloaded ({reason}); {how}</source>
        <translation>モデル {repo_id} はキャッシュになく、ダウンロードもできませんでした（{reason}）。{how}</translation>
    </message>
    <message>
        <source>model {repo_id} is not in the local cache and offline mode is on; {how}</source>
        <translation>モデル {repo_id} はローカルキャッシュになく、オフラインモードがオンです。{how}</translation>
    </message>
    <message>
        <source>no model file or folder at {spec}</source>
        <translation>{spec} にモデルのファイルもフォルダーもありません</translation>
    </message>
    <message>
        <source>no model given</source>
        <translation>モデルが指定されていません</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>そのファイルまたはフォルダーはありません</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>not a session (the JSON is not an object)</source>
        <translation>セッションではありません（JSON がオブジェクトではありません）</translation>
    </message>
    <message>
        <source>not valid JSON (not UTF-8 text)</source>
        <translation>有効な JSON ではありません（UTF-8 テキストではありません）</translation>
    </message>
    <message>
        <source>not valid JSON: {reason}</source>
        <translation>有効な JSON ではありません: {reason}</translation>
    </message>
    <message>
        <source>null-text inversion needs a deterministic sampler, not {sampler}: use ReNoise or Direct inversion (the sampler&apos;s noise makes them exact)</source>
        <translation>null-text 反転には決定的なサンプラーが必要です（{sampler} ではなく）。ReNoise または Direct 反転を使ってください（サンプラーのノイズで正確になります）</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>アクセスが拒否されました</translation>
    </message>
    <message>
        <source>precision must be one of {items}, not {precision!r}</source>
        <translation>精度は {items} のいずれかでなければなりません（{precision!r} ではなく）</translation>
    </message>
    <message>
        <source>preview decoder {spec}: cannot be read ({reason}); previews use the model&apos;s VAE</source>
        <translation>プレビューデコーダー {spec}: 読めません（{reason}）。プレビューにはモデルの VAE を使います</translation>
    </message>
    <message>
        <source>preview decoder {spec}: made for {channels}-channel latents, the model has {latent}; previews use the model&apos;s VAE</source>
        <translation>プレビューデコーダー {spec}: {channels} チャンネルの潜在変数用ですが、モデルは {latent} です。プレビューにはモデルの VAE を使います</translation>
    </message>
    <message>
        <source>re-weighting factor {factor} in {markup!r} is out of range: use a factor between {low:g} and {high:g}</source>
        <translation>{markup!r} の重み係数 {factor} が範囲外です: {low:g}～{high:g} の係数を使ってください</translation>
    </message>
    <message>
        <source>refine</source>
        <translation>詳細化</translation>
    </message>
    <message>
        <source>reweight</source>
        <translation>重み付け</translation>
    </message>
    <message>
        <source>sampler must be one of {items}, not {sampler!r}</source>
        <translation>サンプラーは {items} のいずれかでなければなりません（{sampler!r} ではなく）</translation>
    </message>
    <message>
        <source>settings reset to defaults ({reason})</source>
        <translation>設定を既定値に戻しました（{reason}）</translation>
    </message>
    <message>
        <source>size differs from the photo&apos;s</source>
        <translation>写真とサイズが異なります</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>入れ替え</translation>
    </message>
    <message>
        <source>sweep weight {value:g} is out of range [{low:g}, {high:g}]</source>
        <translation>スイープの重み {value:g} が範囲 [{low:g}, {high:g}] 外です</translation>
    </message>
    <message>
        <source>the Euler-ancestral sampler cannot run a {prediction!r}-prediction model</source>
        <translation>Euler-ancestral サンプラーは {prediction!r} 予測のモデルを実行できません</translation>
    </message>
    <message>
        <source>the LCM sampler gives {count} timesteps for {steps} steps</source>
        <translation>LCM サンプラーは {steps} ステップに対して {count} 個のタイムステップを出します</translation>
    </message>
    <message>
        <source>the built-in demo model is missing ({reason}); reinstall P2P Studio</source>
        <translation>組み込みのデモモデルがありません（{reason}）。P2P Studio を再インストールしてください</translation>
    </message>
    <message>
        <source>the caption is too long: {count} tokens, the model takes at most {most}</source>
        <translation>キャプションが長すぎます: {count} トークン、モデルの上限は {most} です</translation>
    </message>
    <message>
        <source>the caption {text!r} has no words the tokenizer understands</source>
        <translation>キャプション {text!r} にはトークナイザーが理解できる単語がありません</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>ディスクのクォータを超えています</translation>
    </message>
    <message>
        <source>the edited caption is the same as the caption — change a word</source>
        <translation>編集後のキャプションが元のキャプションと同じです — 単語を変えてください</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>ファイルシステムが読み取り専用です</translation>
    </message>
    <message>
        <source>the inversion has {num_steps} steps but the edit asks for {steps}</source>
        <translation>反転は {num_steps} ステップですが、編集は {steps} ステップを求めています</translation>
    </message>
    <message>
        <source>the model produced NaN or infinity at {where}; nothing was written (on a GPU try --precision fp32; otherwise the model&apos;s weights may be damaged)</source>
        <translation>モデルが {where} で NaN または無限大を出しました。何も書き込まれていません（GPU では --precision fp32 を試してください。そうでなければモデルの重みが壊れている可能性があります）</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler config gives Euler sigmas this library cannot run</source>
        <translation>モデルのスケジューラー設定の Euler シグマはこのライブラリでは実行できません</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler config is invalid: num_train_timesteps = {train!r}</source>
        <translation>モデルのスケジューラー設定が無効です: num_train_timesteps = {train!r}</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler config is invalid: {reason}</source>
        <translation>モデルのスケジューラー設定が無効です: {reason}</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler has zero terminal SNR (rescale_betas_zero_snr: true): its noisiest level is pure noise, which an epsilon-prediction model cannot denoise; such models use v-prediction (prediction_type: v_prediction in the scheduler config)</source>
        <translation>モデルのスケジューラーは終端 SNR ゼロ（rescale_betas_zero_snr: true）です: 最もノイズの多い段階は純粋なノイズで、epsilon 予測のモデルではデノイズできません。このようなモデルは v 予測を使います（スケジューラー設定の prediction_type: v_prediction）</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名前が長すぎます</translation>
    </message>
    <message>
        <source>the number of steps must be at least 1</source>
        <translation>ステップ数は 1 以上でなければなりません</translation>
    </message>
    <message>
        <source>the recipe has no captions</source>
        <translation>レシピにキャプションがありません</translation>
    </message>
    <message>
        <source>the session could not be restored ({reason}); its files are kept as they are and not saved over</source>
        <translation>セッションを復元できませんでした（{reason}）。ファイルはそのまま残し、上書きしません</translation>
    </message>
    <message>
        <source>the session is not saved: {file} could not be read or moved aside, and it is never written over</source>
        <translation>セッションは保存されていません: {file} を読むことも退避することもできなかったため、上書きしません</translation>
    </message>
    <message>
        <source>the session&apos;s photo {file} is missing</source>
        <translation>セッションの写真 {file} がありません</translation>
    </message>
    <message>
        <source>the sweep batch must be at least 1, not {batch}</source>
        <translation>スイープのバッチは 1 以上でなければなりません（{batch} ではなく）</translation>
    </message>
    <message>
        <source>the sweep has no cells</source>
        <translation>スイープにセルがありません</translation>
    </message>
    <message>
        <source>the sweep has {size} cells; at most {most}</source>
        <translation>スイープのセルは {size} 個です。上限は {most} 個です</translation>
    </message>
    <message>
        <source>the sweep of {key} has no values</source>
        <translation>{key} のスイープに値がありません</translation>
    </message>
    <message>
        <source>the sweep of {key} repeats a value</source>
        <translation>{key} のスイープに同じ値が繰り返されています</translation>
    </message>
    <message>
        <source>the sweep {text!r} has a value that is not a number</source>
        <translation>スイープ {text!r} に数値でない値があります</translation>
    </message>
    <message>
        <source>the {component} weights in {folder} are pickle files (.bin), which can run code when loaded; convert them to .safetensors, or allow them explicitly (--allow-pickle) if you trust their source</source>
        <translation>{folder} の {component} の重みは pickle ファイル（.bin）で、読み込むとコードを実行できます。.safetensors に変換するか、出所を信頼できるなら明示的に許可してください（--allow-pickle）</translation>
    </message>
    <message>
        <source>the {device} device ran out of memory; try fewer edited captions, half precision, a smaller photo size or the CPU</source>
        <translation>{device} デバイスのメモリが足りません。編集キャプションを減らす、半精度、より小さい写真サイズ、または CPU をお試しください</translation>
    </message>
    <message>
        <source>the {label} of {word!r}</source>
        <translation>{word!r} の{label}</translation>
    </message>
    <message>
        <source>the {what} contains a NUL character</source>
        <translation>{what}に NUL 文字が含まれています</translation>
    </message>
    <message>
        <source>the {what} contains a byte that is not UTF-8 text (0x{bad} at character {position}); type it again or set a UTF-8 locale</source>
        <translation>{what}に UTF-8 テキストでないバイトがあります（{position} 文字目の 0x{bad}）。入力し直すか UTF-8 ロケールを設定してください</translation>
    </message>
    <message>
        <source>the {what} is empty</source>
        <translation>{what}が空です</translation>
    </message>
    <message>
        <source>the {what} is too long: {count:,} characters (at most {limit:,})</source>
        <translation>{what}が長すぎます: {count:,} 文字（上限 {limit:,}）</translation>
    </message>
    <message>
        <source>unexpected content ({reason})</source>
        <translation>予期しない内容（{reason}）</translation>
    </message>
    <message>
        <source>unknown device {name!r}; use auto, cuda, mps or cpu</source>
        <translation>不明なデバイス {name!r}。auto、cuda、mps、cpu のいずれかを使ってください</translation>
    </message>
    <message>
        <source>unknown key {name!r}</source>
        <translation>不明なキー {name!r}</translation>
    </message>
    <message>
        <source>unknown precision {precision!r}; use auto, fp32, fp16 or bf16</source>
        <translation>不明な精度 {precision!r}。auto、fp32、fp16、bf16 のいずれかを使ってください</translation>
    </message>
    <message>
        <source>unknown setting {name!r}</source>
        <translation>不明な設定 {name!r}</translation>
    </message>
    <message>
        <source>{count} masks given for {captions} edited captions</source>
        <translation>{captions} 個の編集キャプションに {count} 個のマスクが指定されました</translation>
    </message>
    <message>
        <source>{count} settings given for {captions} edited captions</source>
        <translation>{captions} 個の編集キャプションに {count} 個の設定が指定されました</translation>
    </message>
    <message>
        <source>{count} unreadable history entries left out (their files are kept)</source>
        <translation>読めない履歴項目 {count} 件を除外しました（ファイルは残してあります）</translation>
    </message>
    <message>
        <source>{error}; details are in the log</source>
        <translation>{error}。詳細はログにあります</translation>
    </message>
    <message>
        <source>{file} could not be read ({reason})</source>
        <translation>{file} を読めませんでした（{reason}）</translation>
    </message>
    <message>
        <source>{folder} is not a model folder (no model_index.json, no unet/ or vae/ folder){hint}</source>
        <translation>{folder} はモデルフォルダーではありません（model_index.json も unet/・vae/ フォルダーもありません）{hint}</translation>
    </message>
    <message>
        <source>{kind}: {changes}</source>
        <translation>{kind}: {changes}</translation>
    </message>
    <message>
        <source>{label} ({flag})</source>
        <translation>{label} ({flag})</translation>
    </message>
    <message>
        <source>{method} inversion</source>
        <translation>{method} 反転</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{name} is a legacy pickle checkpoint, which can run arbitrary code when loaded; use a .safetensors file, or allow it explicitly (--allow-pickle) if you trust its source</source>
        <translation>{name} は旧式の pickle チェックポイントで、読み込むと任意のコードを実行できます。.safetensors ファイルを使うか、出所を信頼できるなら明示的に許可してください（--allow-pickle）</translation>
    </message>
    <message>
        <source>{name} is an SDXL refiner, which only refines another model&apos;s output; use an SDXL base model (e.g. {base}) or one of its fine-tunes</source>
        <translation>{name} は SDXL リファイナーで、別のモデルの出力を仕上げるだけです。SDXL のベースモデル（例: {base}）またはその派生モデルを使ってください</translation>
    </message>
    <message>
        <source>{name} must be a finite number, not {value}</source>
        <translation>{name} は有限の数でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <source>{name} must be in {range_text}, not {shown}</source>
        <translation>{name} は {range_text} の範囲でなければなりません（{shown} ではなく）</translation>
    </message>
    <message>
        <source>{name} needs its model&apos;s configs: pass --model-config FOLDER (a diffusers folder of the same model family), or fetch them once with `hf download {base} --include &apos;*.json&apos; &apos;*.txt&apos;`</source>
        <translation>{name} にはモデルの設定が必要です: --model-config FOLDER（同じモデル系統の diffusers フォルダー）を指定するか、`hf download {base} --include &apos;*.json&apos; &apos;*.txt&apos;` で一度取得してください</translation>
    </message>
    <message>
        <source>{name}: an SDXL UNet needs SDXL&apos;s two text encoders (and only it does)</source>
        <translation>{name}: SDXL の UNet には SDXL の 2 つのテキストエンコーダーが必要です（必要なのは SDXL だけです）</translation>
    </message>
    <message>
        <source>{name}: an animation of {frames} frames; its first frame is used</source>
        <translation>{name}: {frames} フレームのアニメーションです。最初のフレームを使います</translation>
    </message>
    <message>
        <source>{name}: expected a diffusers folder, a .safetensors checkpoint or a hub id</source>
        <translation>{name}: diffusers フォルダー、.safetensors チェックポイント、または hub ID が必要です</translation>
    </message>
    <message>
        <source>{name}: file not found</source>
        <translation>{name}: ファイルが見つかりません</translation>
    </message>
    <message>
        <source>{name}: not a regular file (a folder, pipe or device cannot be opened as a photo)</source>
        <translation>{name}: 通常のファイルではありません（フォルダー、パイプ、デバイスは写真として開けません）</translation>
    </message>
    <message>
        <source>{name}: not an image file, or a format P2P Studio cannot read</source>
        <translation>{name}: 画像ファイルではないか、P2P Studio が読めない形式です</translation>
    </message>
    <message>
        <source>{name}: the UNet expects text states of width {width}, the text encoders give {widths}</source>
        <translation>{name}: UNet は幅 {width} のテキスト状態を求めますが、テキストエンコーダーは {widths} を出します</translation>
    </message>
    <message>
        <source>{name}: the UNet&apos;s added conditioning ({added} values) is not SDXL&apos;s pooled embedding and {ids} time ids ({expected})</source>
        <translation>{name}: UNet の追加条件（{added} 個の値）が SDXL のプール埋め込みと {ids} 個の時間 ID（{expected}）ではありません</translation>
    </message>
    <message>
        <source>{name}: the file is larger than {megabytes:,.0f} MB, the largest photo that can be opened</source>
        <translation>{name}: ファイルが開ける写真の上限 {megabytes:,.0f} MB より大きいです</translation>
    </message>
    <message>
        <source>{name}: the image file is damaged or truncated ({reason})</source>
        <translation>{name}: 画像ファイルが壊れているか途中で切れています（{reason}）</translation>
    </message>
    <message>
        <source>{name}: the image file is damaged or unsupported ({reason})</source>
        <translation>{name}: 画像ファイルが壊れているか未対応です（{reason}）</translation>
    </message>
    <message>
        <source>{name}: the image is larger than the limit of {limit:,} pixels; downscale it first</source>
        <translation>{name}: 画像が上限の {limit:,} ピクセルを超えています。先に縮小してください</translation>
    </message>
    <message>
        <source>{name}: the scheduler config is invalid (num_train_timesteps = {train!r})</source>
        <translation>{name}: スケジューラーの設定が無効です（num_train_timesteps = {train!r}）</translation>
    </message>
    <message>
        <source>{name}: the scheduler has zero terminal SNR (rescale_betas_zero_snr: true) with epsilon prediction, which cannot denoise its noisiest level; such models use v-prediction (prediction_type: v_prediction in scheduler/scheduler_config.json)</source>
        <translation>{name}: スケジューラーが終端 SNR ゼロ（rescale_betas_zero_snr: true）で epsilon 予測のため、最もノイズの多い段階をデノイズできません。このようなモデルは v 予測を使います（scheduler/scheduler_config.json の prediction_type: v_prediction）</translation>
    </message>
    <message>
        <source>{name}: the two tokenizers of this SDXL model differ, so one token alignment cannot serve both text encoders</source>
        <translation>{name}: この SDXL モデルの 2 つのトークナイザーが異なるため、1 つのトークン対応を両方のテキストエンコーダーに使えません</translation>
    </message>
    <message>
        <source>{name}: unsupported prediction type {prediction!r}</source>
        <translation>{name}: 未対応の予測タイプ {prediction!r}</translation>
    </message>
    <message>
        <source>{name}: {format} images are not supported; use JPEG, PNG, WebP, BMP, TIFF or GIF</source>
        <translation>{name}: {format} 画像には対応していません。JPEG、PNG、WebP、BMP、TIFF、GIF を使ってください</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>{name}: {w}×{h} is larger than the limit of {limit:,} pixels; downscale it first</source>
        <translation>{name}: {w}×{h} は上限の {limit:,} ピクセルを超えています。先に縮小してください</translation>
    </message>
    <message>
        <source>{name}: {w}×{h} is too small; photos need at least {least} pixels per side</source>
        <translation>{name}: {w}×{h} は小さすぎます。写真は各辺 {least} ピクセル以上必要です</translation>
    </message>
    <message>
        <source>{note}; a new session was started (earlier results stay in the items folder)</source>
        <translation>{note}。新しいセッションを始めました（以前の結果は items フォルダーに残っています）</translation>
    </message>
    <message>
        <source>{note}; it is kept as it is and this session is not saved over it</source>
        <translation>{note}。そのまま残し、このセッションで上書きしません</translation>
    </message>
    <message>
        <source>{note}; it was moved aside to {aside}</source>
        <translation>{note}。{aside} として退避しました</translation>
    </message>
    <message>
        <source>{plan}, local blend on {words}</source>
        <translation>{plan}、ローカルブレンド: {words}</translation>
    </message>
    <message>
        <source>{plan}; {windows}</source>
        <translation>{plan}；{windows}</translation>
    </message>
    <message>
        <source>{reason}; the file as it was is kept as {aside}</source>
        <translation>{reason}。元のファイルは {aside} として残してあります</translation>
    </message>
    <message>
        <source>{reason}; {file} is not saved over while no copy of it can be made</source>
        <translation>{reason}。{file} のコピーを作れない間は上書きしません</translation>
    </message>
    <message>
        <source>{repo_id!r} is neither a model folder, a checkpoint file nor a hub id</source>
        <translation>{repo_id!r} はモデルフォルダーでも、チェックポイントファイルでも、hub ID でもありません</translation>
    </message>
    <message>
        <source>{seconds:.2g} s</source>
        <translation>{seconds:.2g} 秒</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps} ステップ</translation>
    </message>
    <message>
        <source>{steps} steps are more than the model&apos;s scheduler has ({train})</source>
        <translation>{steps} ステップはモデルのスケジューラーの段階数（{train}）より多いです</translation>
    </message>
    <message>
        <source>{token} ← (own map)</source>
        <translation>{token} ← （自身のマップ）</translation>
    </message>
    <message>
        <source>{token} ← {sources}</source>
        <translation>{token} ← {sources}</translation>
    </message>
    <message>
        <source>{what} is not a JSON object</source>
        <translation>{what}は JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>{what} is not valid ({value})</source>
        <translation>{what} が無効です（{value}）</translation>
    </message>
    <message>
        <source>{what} is out of range ({value})</source>
        <translation>{what} が範囲外です（{value}）</translation>
    </message>
    <message>
        <source>{what} is too long</source>
        <translation>{what} が長すぎます</translation>
    </message>
    <message>
        <source>{what} is {count:,} characters long</source>
        <translation>{what} の長さが {count:,} 文字あります</translation>
    </message>
    <message>
        <source>{what} must be a JSON object</source>
        <translation>{what}は JSON オブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>{what} must be a finite number, not {value}</source>
        <translation>{what} は有限の数値でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <source>{what} must be a list of words</source>
        <translation>{what} は単語のリストでなければなりません</translation>
    </message>
    <message>
        <source>{what} must be a number, not {value}</source>
        <translation>{what} は数値でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <source>{what} must be a whole number, not {value}</source>
        <translation>{what} は整数でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <source>{what} must be one of {expected}, not {value}</source>
        <translation>{what} は {expected} のいずれかでなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <source>{what} must be text</source>
        <translation>{what} はテキストでなければなりません</translation>
    </message>
    <message>
        <source>{what} must be true or false, not {value}</source>
        <translation>{what} は true か false でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <source>{what} word {word!r} is in neither caption</source>
        <translation>{what} の単語 {word!r} はどちらのキャプションにもありません</translation>
    </message>
    <message>
        <source>{what} {folder} is a file, not a folder</source>
        <translation>{what} {folder} はフォルダーではなくファイルです</translation>
    </message>
    <message>
        <source>{what}: {reason}</source>
        <translation>{what}: {reason}</translation>
    </message>
    <message>
        <source>{windows}, blend from step {start}</source>
        <translation>{windows}、ブレンドはステップ {start} から</translation>
    </message>
</context>
</TS>
