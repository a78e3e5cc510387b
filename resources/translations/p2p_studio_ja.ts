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
        <source>Open a photo first (File → Open, drag and drop, or paste).</source>
        <extracomment>The caption rule&apos;s line as a sentence of the app (the CLI prints it as it is). Words the text encoder is likely to misread, per caption (:class:`WordWarnings`). The model defaults the session&apos;s settings follow (see :meth:`ModelDefaults.follow`). Where a recipe&apos;s LoRAs are looked for (by name, then content hash).</extracomment>
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
</context>
</TS>
