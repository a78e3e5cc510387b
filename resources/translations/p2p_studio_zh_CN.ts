<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Canvas</name>
    <message>
        <source>Drop a photo here, or File → Open (Ctrl+O), or paste (Ctrl+V)</source>
        <translation>将照片拖到这里，或 文件 → 打开 (Ctrl+O)，或粘贴 (Ctrl+V)</translation>
    </message>
</context>
<context>
    <name>EditPanel</name>
    <message>
        <source>Queue this edit (Ctrl+Enter); results land in the history</source>
        <extracomment>The grid the Sweep box starts with: the paper&apos;s usual range of injection windows.</extracomment>
        <translation>将此编辑加入队列 (Ctrl+Enter)；结果进入历史记录</translation>
    </message>
    <message>
        <source>1. Caption of the photo</source>
        <translation>1. 照片的描述</translation>
    </message>
    <message>
        <source>e.g. a cat sitting on a bench</source>
        <translation>例如 a cat sitting on a bench</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>反演</translation>
    </message>
    <message>
        <source>Start or stop the inversion (it also starts by itself once the caption is set)</source>
        <translation>开始或停止反演（设置描述后也会自动开始）</translation>
    </message>
    <message>
        <source>No photo yet</source>
        <translation>尚无照片</translation>
    </message>
    <message>
        <source>Inversion</source>
        <translation>反演</translation>
    </message>
    <message>
        <source>2. Edited caption</source>
        <translation>2. 编辑后的描述</translation>
    </message>
    <message>
        <source>change words: a tiger sitting on a bench; (word:1.5) re-weights</source>
        <translation>修改词语：a tiger sitting on a bench；(word:1.5) 调整权重</translation>
    </message>
    <message>
        <source>Ctrl+Up / Ctrl+Down raise or lower the weight of the word under the cursor</source>
        <translation>Ctrl+Up / Ctrl+Down 提高或降低光标处词语的权重</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Re-run with painted mask</source>
        <translation>用绘制的蒙版重新运行</translation>
    </message>
    <message>
        <source>Run the edit again using the mask as you painted it</source>
        <translation>使用你绘制的蒙版再次运行编辑</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Local blend</source>
        <translation>局部混合</translation>
    </message>
    <message>
        <source>Keep everything outside the edited words&apos; region exactly as in the photo</source>
        <translation>编辑词语区域之外的一切都与照片完全相同</translation>
    </message>
    <message>
        <source>default: the changed words</source>
        <translation>默认：改动的词语</translation>
    </message>
    <message>
        <source>Blend words</source>
        <translation>混合词语</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>蒙版</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>细节</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>参数扫描</translation>
    </message>
    <message>
        <source>KEY=V1,V2,... per axis, separated by spaces; KEY: {keys} (weight sets every (word:f) factor of the edited caption). The first axis runs across the sheet.</source>
        <translation>每个轴写 KEY=V1,V2,...，以空格分隔；KEY：{keys}（weight 设置编辑后描述中每个 (word:f) 系数）。第一个轴横向排列。</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>运行扫描</translation>
    </message>
    <message>
        <source>Edit with every combination in batched runs; the results fill a contact sheet and the history, each with its own parameters</source>
        <translation>以批量方式运行每种组合；结果填入对照表和历史记录，各自带有参数</translation>
    </message>
    <message>
        <source>{cells} cells ({columns} × {rows}), batched {batch} edits per run</source>
        <translation>{cells} 格（{columns} × {rows}），每次批量 {batch} 个编辑</translation>
    </message>
    <message>
        <source>Where each word attends (click a word)</source>
        <translation>每个词关注的位置（点击词语）</translation>
    </message>
    <message>
        <source>Run an edit to see the attention maps of its words.</source>
        <translation>运行一次编辑即可查看其词语的注意力图。</translation>
    </message>
    <message>
        <source>Blend mask</source>
        <translation>混合蒙版</translation>
    </message>
    <message>
        <source>Show mask (M)</source>
        <translation>显示蒙版 (M)</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>not with the {sampler} sampler, which adds noise each step: renoise is its faithful inversion</source>
        <translation>不适用于 {sampler} 采样器，它每步都加入噪声：renoise 是它的忠实反演</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Not inverted yet</source>
        <translation>尚未反演</translation>
    </message>
    <message>
        <source>Ready ({quality})</source>
        <translation>就绪（{quality}）</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
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
        <translation>强度</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>P2P Studio — read-only</source>
        <translation>P2P Studio — 只读</translation>
    </message>
    <message>
        <source>P2P Studio cannot save</source>
        <translation>P2P Studio 无法保存</translation>
    </message>
    <message>
        <source>P2P Studio is already open</source>
        <translation>P2P Studio 已经打开</translation>
    </message>
    <message>
        <source>Another P2P Studio window is using your session. Start a fresh session (saved separately)?

Choose No to look at the other window&apos;s session read-only.</source>
        <translation>另一个 P2P Studio 窗口正在使用你的会话。要开始一个新会话（单独保存）吗？

选择“否”以只读方式查看另一个窗口的会话。</translation>
    </message>
    <message>
        <source>P2P Studio</source>
        <translation>P2P Studio</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Results of other photos of this session: pick one to go back to it</source>
        <translation>本会话中其他照片的结果：选择一张即可返回</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Open a photo to start.</source>
        <translation>打开一张照片开始。</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open photo…</source>
        <translation>打开照片(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste photo</source>
        <translation>粘贴照片(&amp;P)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save result…</source>
        <translation>保存结果(&amp;S)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Run &amp;edit</source>
        <translation>运行编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;100 %</source>
        <translation>&amp;100 %</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Split before/after</source>
        <translation>分屏前后对比(&amp;S)</translation>
    </message>
    <message>
        <source>Toggle &amp;before/after</source>
        <translation>切换前/后(&amp;B)</translation>
    </message>
    <message>
        <source>Show &amp;mask</source>
        <translation>显示蒙版(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;weep sheet / photo</source>
        <translation>扫描对照表 / 照片(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About P2P Studio</source>
        <translation>关于 P2P Studio(&amp;A)</translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <source>Photos ({patterns});;All files (*)</source>
        <translation>照片 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Pasted a photo from the clipboard.</source>
        <translation>已从剪贴板粘贴照片。</translation>
    </message>
    <message>
        <source>Opened {name}. Type its caption; inversion starts by itself.</source>
        <translation>已打开 {name}。请输入它的描述；反演会自动开始。</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图像。</translation>
    </message>
    <message>
        <source>This photo: {results}</source>
        <translation>此照片：{results}</translation>
    </message>
    <message>
        <source>{photo}: {results}</source>
        <translation>{photo}：{results}</translation>
    </message>
    <message>
        <source>pasted photo</source>
        <translation>粘贴的照片</translation>
    </message>
    <message>
        <source>painted mask</source>
        <translation>绘制的蒙版</translation>
    </message>
    <message>
        <source>Restored the parameters of {edit} ({values}); G shows the sweep sheet again.</source>
        <translation>已恢复 {edit} 的参数（{values}）；按 G 再次显示扫描对照表。</translation>
    </message>
    <message>
        <source>No sweep yet: set the grid under Sweep and press Run sweep.</source>
        <translation>还没有扫描：在“参数扫描”下设置网格并按“运行扫描”。</translation>
    </message>
    <message>
        <source>Attention of “{word}” (caption)</source>
        <translation>“{word}”的注意力（描述）</translation>
    </message>
    <message>
        <source>Attention of “{word}” (edit)</source>
        <translation>“{word}”的注意力（编辑）</translation>
    </message>
    <message>
        <source>Paint where the edit may change the photo; then ‘Re-run with painted mask’.</source>
        <translation>在编辑可以改变照片的地方绘制；然后点“用绘制的蒙版重新运行”。</translation>
    </message>
    <message>
        <source>Restore its parameters</source>
        <translation>恢复其参数</translation>
    </message>
    <message>
        <source>Unstar</source>
        <translation>取消星标</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>加星标</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No result to save yet: run an edit first.</source>
        <translation>还没有可保存的结果：请先运行一次编辑。</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>保存结果</translation>
    </message>
    <message>
        <source>Restore recipe?</source>
        <translation>恢复配方？</translation>
    </message>
    <message>
        <source>{name} was made by P2P Studio:

“{edit}”

Restore its caption, edit and parameters?</source>
        <translation>{name} 由 P2P Studio 生成：

“{edit}”

要恢复它的描述、编辑和参数吗？</translation>
    </message>
    <message>
        <source>About P2P Studio</source>
        <translation>关于 P2P Studio</translation>
    </message>
    <message>
        <source>Edit photos by editing their caption (Prompt-to-Prompt with null-text inversion).</source>
        <translation>通过编辑描述来编辑照片（Prompt-to-Prompt 与 null-text 反演）。</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 个结果</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>{count} 个结果</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source> (kept: the captions and {count} results)</source>
        <extracomment>Every result of the session, of every photo it was made from (History shows the current photo&apos;s: :attr:`history`).</extracomment>
        <translation>（已保留：描述和 {count} 个结果）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>a hub id (downloaded once, then offline), a local diffusers folder, or a single &lt;code&gt;.safetensors&lt;/code&gt; checkpoint</source>
        <translation>一个 hub id（下载一次，之后离线）、一个本地 diffusers 文件夹，或一个单独的 &lt;code&gt;.safetensors&lt;/code&gt; 检查点</translation>
    </message>
    <message>
        <source>the model&apos;s own (LCM with an LCM-LoRA)</source>
        <translation>模型自带的（配合 LCM-LoRA 时为 LCM）</translation>
    </message>
    <message>
        <source>DDIM, Prompt-to-Prompt&apos;s sampler (50-step models)</source>
        <translation>DDIM，Prompt-to-Prompt 的采样器（50 步模型）</translation>
    </message>
    <message>
        <source>Euler (SD-Turbo)</source>
        <translation>Euler（SD-Turbo）</translation>
    </message>
    <message>
        <source>Euler ancestral, adds noise each step (SDXL-Turbo); stored with the inversion</source>
        <translation>Euler ancestral，每步加入噪声（SDXL-Turbo）；随反演一起保存</translation>
    </message>
    <message>
        <source>latent consistency, adds noise each step (LCM models and LCM-LoRAs)</source>
        <translation>潜在一致性，每步加入噪声（LCM 模型和 LCM-LoRA）</translation>
    </message>
    <message>
        <source>Style LoRAs and speed LoRAs (.safetensors) are fused into the model. An LCM-LoRA, a Hyper-SD or a Lightning LoRA makes SD 1.5 or SDXL a few-step model: edits then default to ReNoise at its step count.</source>
        <translation>风格 LoRA 和加速 LoRA（.safetensors）会融合进模型。LCM-LoRA、Hyper-SD 或 Lightning LoRA 会让 SD 1.5 或 SDXL 变成少步数模型：编辑随后默认以其步数使用 ReNoise。</translation>
    </message>
    <message>
        <source>auto: TAESD when it is in the hub cache (fetch it once with &apos;hf download madebyollin/taesd&apos;, or madebyollin/taesdxl for SDXL); none: the model&apos;s VAE; or a folder of a tiny autoencoder.</source>
        <extracomment>What the preview decoder field takes, shown under it.</extracomment>
        <translation>auto：TAESD 在 hub 缓存中时使用它（用 &apos;hf download madebyollin/taesd&apos; 获取一次，SDXL 用 madebyollin/taesdxl）；none：模型的 VAE；或一个微型自编码器的文件夹。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>only for single files offline: a diffusers folder with the configs</source>
        <translation>仅用于离线的单文件：包含配置的 diffusers 文件夹</translation>
    </message>
    <message>
        <source>Add LoRA…</source>
        <translation>添加 LoRA…</translation>
    </message>
    <message>
        <source>default: the user cache folder</source>
        <translation>默认：用户缓存文件夹</translation>
    </message>
    <message>
        <source>Out of memory? Use fp16 on a GPU, the cpu device, or fewer edited captions at once.</source>
        <translation>内存不足？在 GPU 上使用 fp16、改用 cpu 设备，或一次少编辑几个描述。</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>自动（系统语言）</translation>
    </message>
    <message>
        <source>Takes effect when P2P Studio starts again.</source>
        <translation>在 P2P Studio 下次启动时生效。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model configs</source>
        <translation>模型配置</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <source>LoRAs</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Inversion cache</source>
        <translation>反演缓存</translation>
    </message>
    <message>
        <source>Time per edit</source>
        <translation>每次编辑用时</translation>
    </message>
    <message>
        <source>Preview decoder</source>
        <translation>预览解码器</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Pick a preset above, or give {other}.</source>
        <translation>选择上方的预设，或提供{other}。</translation>
    </message>
    <message>
        <source>Measured when the model has loaded (one UNet evaluation is timed); shown here afterwards.</source>
        <translation>模型加载后测量（计时一次 UNet 计算）；之后显示在这里。</translation>
    </message>
    <message>
        <source>the model&apos;s VAE</source>
        <translation>模型的 VAE</translation>
    </message>
    <message>
        <source>Previews are drawn by {decoder}.</source>
        <translation>预览由 {decoder} 绘制。</translation>
    </message>
    <message>
        <source>Diffusers model folder</source>
        <translation>Diffusers 模型文件夹</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>检查点</translation>
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
        <translation>{reason}。此窗口以只读方式显示已保存的会话，不保存任何内容；请将 P2P_STUDIO_DATA 设为你可以写入的文件夹。</translation>
    </message>
    <message>
        <source>Another P2P Studio window is using {folder}: this window shows it read-only and saves nothing. Close the other window, or start a fresh session.</source>
        <translation>另一个 P2P Studio 窗口正在使用 {folder}：此窗口以只读方式显示它，不保存任何内容。请关闭另一个窗口，或开始一个新会话。</translation>
    </message>
    <message>
        <source>This is the built-in demo: a complete edit of a sample photo. Open your own photo with Ctrl+O; for real photos pick Stable Diffusion in Settings.</source>
        <translation>这是内置演示：一张示例照片的完整编辑。用 Ctrl+O 打开你自己的照片；处理真实照片请在设置中选择 Stable Diffusion。</translation>
    </message>
</context>
<context>
    <name>StudioController</name>
    <message>
        <source>Try a smaller photo, fewer edits at once, or Settings → Device: cpu / Precision: fp16.</source>
        <translation>请尝试更小的照片、一次更少的编辑，或 设置 → 设备：cpu / 精度：fp16。</translation>
    </message>
    <message>
        <source>Open a photo first (File → Open, drag and drop, or paste).</source>
        <extracomment>Words the text encoder is likely to misread, per caption (:class:`WordWarnings`). The model defaults the session&apos;s settings follow (see :meth:`ModelDefaults.follow`). Where a recipe&apos;s LoRAs are looked for (by name, then content hash).</extracomment>
        <translation>请先打开一张照片（文件 → 打开、拖放或粘贴）。</translation>
    </message>
    <message>
        <source>Type a caption that describes the photo first.</source>
        <translation>请先输入描述这张照片的描述。</translation>
    </message>
    <message>
        <source>Open a photo first.</source>
        <translation>请先打开一张照片。</translation>
    </message>
    <message>
        <source>Both the caption and the edited caption are needed.</source>
        <translation>描述和编辑后的描述都需要。</translation>
    </message>
    <message>
        <source>Queued: {edit}</source>
        <translation>已加入队列：{edit}</translation>
    </message>
    <message>
        <source>Sweep: {reason}</source>
        <translation>扫描：{reason}</translation>
    </message>
    <message>
        <source>Queued: sweep of {cells} cells ({grid})</source>
        <translation>已加入队列：{cells} 格的扫描（{grid}）</translation>
    </message>
    <message>
        <source>This result has no image to save.</source>
        <translation>此结果没有可保存的图像。</translation>
    </message>
    <message>
        <source>Refusing to overwrite the original photo; choose another file name.</source>
        <translation>拒绝覆盖原始照片；请换一个文件名。</translation>
    </message>
    <message>
        <source>Change words of the caption here to describe the edit you want.</source>
        <translation>在这里修改描述中的词语，描述你想要的编辑。</translation>
    </message>
    <message>
        <source>Type the caption of the photo, then change words in the edit.</source>
        <translation>先输入照片的描述，再修改编辑中的词语。</translation>
    </message>
    <message>
        <source>{model} is {reason}: edits use {settings}.</source>
        <translation>{model} 是{reason}：编辑使用 {settings}。</translation>
    </message>
    <message>
        <source>{method} inversion: encoding the photo…</source>
        <translation>{method} 反演：正在编码照片…</translation>
    </message>
    <message>
        <source>ETA {time}</source>
        <translation>剩余 {time}</translation>
    </message>
    <message>
        <source>from cache</source>
        <translation>来自缓存</translation>
    </message>
    <message>
        <source>in {seconds} s</source>
        <translation>用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>inverted {how}</source>
        <translation>已反演（{how}）</translation>
    </message>
    <message>
        <source>Photo inverted {how}; type an edit and press Edit (Ctrl+Enter).</source>
        <translation>照片已反演（{how}）；输入编辑并按“编辑” (Ctrl+Enter)。</translation>
    </message>
    <message>
        <source>Reconstruction {psnr} dB: {hint}.</source>
        <translation>重建 {psnr} dB：{hint}。</translation>
    </message>
    <message>
        <source>Edited in {seconds} s: {edit}.</source>
        <translation>编辑用时 {seconds} 秒：{edit}。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Read the recipe of {name}.</source>
        <translation>已读取 {name} 的配方。</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>已反演</translation>
    </message>
    <message>
        <source>Swept {cells} cells in {seconds} s; click a cell of the sheet to restore its parameters.</source>
        <translation>已扫描 {cells} 格，用时 {seconds} 秒；点击对照表中的一格即可恢复其参数。</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Cancelled: {job}</source>
        <translation>已取消：{job}</translation>
    </message>
</context>
<context>
    <name>SweepSheetView</name>
    <message>
        <source>Back to the photo (G)</source>
        <translation>返回照片 (G)</translation>
    </message>
    <message>
        <source>{across} across, {down} down</source>
        <translation>{across} 横向，{down} 纵向</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <source>{across} across</source>
        <translation>{across} 横向</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sweep&lt;/b&gt; {grid} — {cells} cells, {layout}. Click a cell to show it and restore its parameters.</source>
        <translation>&lt;b&gt;扫描&lt;/b&gt; {grid} — {cells} 格，{layout}。点击一格即可显示它并恢复其参数。</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>denoising steps</source>
        <translation>去噪步数</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>引导</translation>
    </message>
    <message>
        <source>classifier-free guidance scale (1 or below: none, the conditional prediction alone)</source>
        <translation>无分类器引导强度（1 或以下：不引导，只用条件预测）</translation>
    </message>
    <message>
        <source>Cross-attention steps</source>
        <translation>交叉注意力步数</translation>
    </message>
    <message>
        <source>fraction of steps (from the start) in which the caption&apos;s cross-attention maps are injected</source>
        <translation>从开始起注入描述的交叉注意力图的步数比例</translation>
    </message>
    <message>
        <source>cross-attention fraction</source>
        <translation>交叉注意力比例</translation>
    </message>
    <message>
        <source>fraction of steps in which one word&apos;s cross-attention map is injected</source>
        <translation>注入某个词的交叉注意力图的步数比例</translation>
    </message>
    <message>
        <source>Self-attention steps</source>
        <translation>自注意力步数</translation>
    </message>
    <message>
        <source>fraction of steps in which self-attention maps are injected</source>
        <translation>注入自注意力图的步数比例</translation>
    </message>
    <message>
        <source>largest self-attention map injected, as a fraction of the latent side</source>
        <translation>注入的最大自注意力图，占潜空间边长的比例</translation>
    </message>
    <message>
        <source>Blend threshold</source>
        <translation>混合阈值</translation>
    </message>
    <message>
        <source>local-blend mask threshold</source>
        <translation>局部混合蒙版阈值</translation>
    </message>
    <message>
        <source>Blend start</source>
        <translation>混合开始</translation>
    </message>
    <message>
        <source>fraction of steps before local blend starts</source>
        <translation>局部混合开始前的步数比例</translation>
    </message>
    <message>
        <source>self-attention map side used to refine the mask, as a fraction of the latent side</source>
        <translation>用于细化蒙版的自注意力图边长，占潜空间边长的比例</translation>
    </message>
    <message>
        <source>Outline threshold</source>
        <translation>轮廓阈值</translation>
    </message>
    <message>
        <source>refined masks: threshold of the photo-size composite mask (lower keeps more around the object)</source>
        <translation>精细蒙版：照片尺寸合成蒙版的阈值（越低保留物体周围越多）</translation>
    </message>
    <message>
        <source>threshold of the subtracted words&apos; mask</source>
        <translation>减去的词语蒙版的阈值</translation>
    </message>
    <message>
        <source>blend-map side as a fraction of the latent side</source>
        <translation>混合图边长，占潜空间边长的比例</translation>
    </message>
    <message>
        <source>smallest blend-map side in positions</source>
        <translation>混合图最小边长（位置数）</translation>
    </message>
    <message>
        <source>mask edge softening in pixels</source>
        <translation>蒙版边缘柔化（像素）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>random seed (generate: the initial noise)</source>
        <translation>随机种子（生成：初始噪声）</translation>
    </message>
    <message>
        <source>best fidelity; optimises the empty prompt per step (slowest)</source>
        <translation>保真度最佳；逐步优化空提示（最慢）</translation>
    </message>
    <message>
        <source>fast (seconds): uses the caption as negative prompt (slightly less faithful)</source>
        <translation>快（几秒）：把描述用作负向提示（略欠忠实）</translation>
    </message>
    <message>
        <source>fast (seconds): the source branch follows the inversion exactly</source>
        <translation>快（几秒）：源分支严格跟随反演</translation>
    </message>
    <message>
        <source>plain DDIM inversion; drifts at high guidance (for comparison)</source>
        <translation>普通 DDIM 反演；高引导时会漂移（用于对比）</translation>
    </message>
    <message>
        <source>fast and faithful at few steps: re-evaluates each inversion step (ReNoise)</source>
        <translation>少步数时又快又忠实：每个反演步重新计算（ReNoise）</translation>
    </message>
    <message>
        <source>follows the object&apos;s outline (self-attention refined)</source>
        <translation>贴合物体轮廓（经自注意力细化）</translation>
    </message>
    <message>
        <source>the authors&apos; coarse mask (cross-attention cells, max-pooled)</source>
        <translation>作者的粗糙蒙版（交叉注意力格子，最大池化）</translation>
    </message>
    <message>
        <source>the region around the edit redrawn when the photo is well above the model&apos;s size and the edit small</source>
        <translation>照片远大于模型尺寸且编辑区域小时，重绘编辑周围的区域</translation>
    </message>
    <message>
        <source>the whole photo at the model&apos;s size, scaled up (fastest)</source>
        <translation>整张照片按模型尺寸处理，再放大（最快）</translation>
    </message>
    <message>
        <source>the region around the edit, redrawn at the model&apos;s size whenever that adds detail</source>
        <translation>只要能增加细节，就按模型尺寸重绘编辑周围的区域</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>built in: knows only coloured shapes; 64 px, an edit in seconds on a CPU</source>
        <translation>内置：只认识彩色形状；64 px，在 CPU 上几秒完成一次编辑</translation>
    </message>
    <message>
        <source>Stable Diffusion 1.5</source>
        <translation>Stable Diffusion 1.5</translation>
    </message>
    <message>
        <source>512 px, 50 steps; about 4.3 GB downloaded once</source>
        <translation>512 px，50 步；一次下载约 4.3 GB</translation>
    </message>
    <message>
        <source>Stable Diffusion 2.1</source>
        <translation>Stable Diffusion 2.1</translation>
    </message>
    <message>
        <source>768 px, 50 steps; about 5.2 GB downloaded once</source>
        <translation>768 px，50 步；一次下载约 5.2 GB</translation>
    </message>
    <message>
        <source>SDXL</source>
        <translation>SDXL</translation>
    </message>
    <message>
        <source>1024 px, 50 steps; about 14 GB downloaded once; a GPU with 12 GB or more</source>
        <translation>1024 px，50 步；一次下载约 14 GB；需要 12 GB 或以上显存的 GPU</translation>
    </message>
    <message>
        <source>SD-Turbo (few-step)</source>
        <translation>SD-Turbo（少步数）</translation>
    </message>
    <message>
        <source>512 px, 4 steps without guidance, ReNoise inversion; about 5.2 GB downloaded once</source>
        <translation>512 px，4 步无引导，ReNoise 反演；一次下载约 5.2 GB</translation>
    </message>
    <message>
        <source>SDXL-Turbo (few-step)</source>
        <translation>SDXL-Turbo（少步数）</translation>
    </message>
    <message>
        <source>512 px, 4 steps without guidance, ReNoise inversion; about 14 GB downloaded once; a GPU with 12 GB or more</source>
        <translation>512 px，4 步无引导，ReNoise 反演；一次下载约 14 GB；需要 12 GB 或以上显存的 GPU</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>编辑中</translation>
    </message>
    <message>
        <source>Refining</source>
        <translation>细化中</translation>
    </message>
    <message>
        <source>Edited region</source>
        <translation>编辑区域</translation>
    </message>
    <message>
        <source>DDIM inversion</source>
        <translation>DDIM 反演</translation>
    </message>
    <message>
        <source>Direct inversion</source>
        <translation>Direct 反演</translation>
    </message>
    <message>
        <source>Negative-prompt inversion</source>
        <translation>负向提示反演</translation>
    </message>
    <message>
        <source>Null-text</source>
        <translation>Null-text</translation>
    </message>
    <message>
        <source>ReNoise inversion</source>
        <translation>ReNoise 反演</translation>
    </message>
    <message>
        <source>Noise correction</source>
        <translation>噪声校正</translation>
    </message>
    <message>
        <source>Loading model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <source>Downloading model</source>
        <translation>正在下载模型</translation>
    </message>
    <message>
        <source>Timing one UNet evaluation</source>
        <translation>正在计时一次 UNet 计算</translation>
    </message>
    <message>
        <source>Reading recipe</source>
        <translation>正在读取配方</translation>
    </message>
    <message>
        <source>iter</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>faithful</source>
        <translation>忠实</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>尚可</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>较差</translation>
    </message>
    <message>
        <source>try {method}</source>
        <translation>试试 {method}</translation>
    </message>
    <message>
        <source>try {method} inversion for a closer reconstruction</source>
        <translation>试试 {method} 反演，重建会更接近</translation>
    </message>
    <message>
        <source>check that the caption describes the photo, or use more steps</source>
        <translation>检查描述是否符合照片，或使用更多步数</translation>
    </message>
    <message>
        <source>check that the caption describes the photo, or raise the null-text iterations</source>
        <translation>检查描述是否符合照片，或增加 null-text 迭代次数</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not English: the text encoder was trained on English captions, so write the caption in English</source>
        <translation>&apos;{text}&apos; 不是英文：文本编码器是用英文描述训练的，请用英文书写描述</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is a rare word for the text encoder; did you mean &apos;{likely}&apos;?</source>
        <translation>&apos;{word}&apos; 对文本编码器来说是罕见词；您是指 &apos;{likely}&apos; 吗？</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is not a word the text encoder knows; did you mean &apos;{likely}&apos;?</source>
        <translation>&apos;{word}&apos; 不是文本编码器认识的词；您是指 &apos;{likely}&apos; 吗？</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>--lora {text!r}: the scale after &apos;:&apos; must be a number, not {scale!r}</source>
        <translation>--lora {text!r}：&apos;:&apos; 后的强度必须是数字，而不是 {scale!r}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>; for a single checkpoint file pass the file itself, e.g. {file}</source>
        <translation>；单个检查点文件请直接传入该文件，例如 {file}</translation>
    </message>
    <message>
        <source>; pass a diffusers model folder, a .safetensors checkpoint or a hub id such as {hub_id}</source>
        <translation>；请传入 diffusers 模型文件夹、.safetensors 检查点或 hub ID（如 {hub_id}）</translation>
    </message>
    <message>
        <source>; {word}: {span}</source>
        <translation>；{word}：{span}</translation>
    </message>
    <message>
        <source>An edit of a photo at this model&apos;s defaults ({settings}) takes about {time} on {device}: {rows} UNet evaluations of {row:.3g} s each.</source>
        <translation>按此模型的默认设置（{settings}），在 {device} 上编辑一张照片约需 {time}：{rows} 次 UNet 计算，每次 {row:.3g} 秒。</translation>
    </message>
    <message>
        <source>An edit of a photo at this model&apos;s defaults ({settings}) takes up to {time} on {device}: {rows} UNet evaluations of {row:.3g} s each.</source>
        <translation>按此模型的默认设置（{settings}），在 {device} 上编辑一张照片最多需 {time}：{rows} 次 UNet 计算，每次 {row:.3g} 秒。</translation>
    </message>
    <message>
        <source>Editing: {edit}</source>
        <translation>正在编辑：{edit}</translation>
    </message>
    <message>
        <source>Inverting the photo</source>
        <translation>正在反演照片</translation>
    </message>
    <message>
        <source>LoRA {name} could not be loaded: {reason}</source>
        <translation>无法加载 LoRA {name}：{reason}</translation>
    </message>
    <message>
        <source>LoRA {name} could not be read: {reason}</source>
        <translation>无法读取 LoRA {name}：{reason}</translation>
    </message>
    <message>
        <source>LoRA {name} does not fit this model ({kind}): {part}.{module_path} {problem} - a LoRA made for another model family?</source>
        <translation>LoRA {name} 与此模型（{kind}）不匹配：{part}.{module_path} {problem} —— 是为其他模型系列制作的 LoRA 吗？</translation>
    </message>
    <message>
        <source>LoRA {name} has no LoRA layers this program can read</source>
        <translation>LoRA {name} 中没有本程序可读取的 LoRA 层</translation>
    </message>
    <message>
        <source>LoRA {name}: no such file ({path})</source>
        <translation>LoRA {name}：文件不存在（{path}）</translation>
    </message>
    <message>
        <source>LoRA {name}: only .safetensors files are loaded (a pickle can run code)</source>
        <translation>LoRA {name}：只加载 .safetensors 文件（pickle 文件可能执行代码）</translation>
    </message>
    <message>
        <source>LoRA {name}: scale {scale:g} is outside {low:g} to {high:g}</source>
        <translation>LoRA {name}：强度 {scale:g} 超出 {low:g} 到 {high:g} 的范围</translation>
    </message>
    <message>
        <source>Opening the photo</source>
        <translation>正在打开照片</translation>
    </message>
    <message>
        <source>Redrawing the edited region of a large photo (Detail: auto or region) adds about {time} ({rows} evaluations).</source>
        <translation>重绘大照片的编辑区域（细节：auto 或 region）约增加 {time}（{rows} 次计算）。</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Sweeping {cells} cells: {grid}</source>
        <translation>正在扫描 {cells} 个单元：{grid}</translation>
    </message>
    <message>
        <source>a LoRA needs a file</source>
        <translation>LoRA 需要一个文件</translation>
    </message>
    <message>
        <source>a few-step model</source>
        <translation>少步数模型</translation>
    </message>
    <message>
        <source>a few-step model (LCM)</source>
        <translation>少步数模型（LCM）</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>路径的一部分是文件而不是文件夹</translation>
    </message>
    <message>
        <source>a sweep names the same parameter twice</source>
        <translation>扫描中同一参数出现了两次</translation>
    </message>
    <message>
        <source>a sweep needs at least one KEY=V1,V2,... axis</source>
        <translation>扫描至少需要一个 KEY=V1,V2,... 轴</translation>
    </message>
    <message>
        <source>a weight sweep needs (word:factor) markup in the edited caption, e.g. a (red:2) car</source>
        <translation>权重扫描需要在编辑后的描述中使用 (word:factor) 标记，例如 a (red:2) car</translation>
    </message>
    <message>
        <source>a word swap needs captions with the same number of words</source>
        <translation>词替换要求两个描述的词数相同</translation>
    </message>
    <message>
        <source>all unreadable history entries left out (their files are kept)</source>
        <translation>所有无法读取的历史条目都已略过（其文件已保留）</translation>
    </message>
    <message>
        <source>cannot read the re-weighting in {text!r}; write it as (word:1.5)</source>
        <translation>无法读取 {text!r} 中的重新加权；请写成 (word:1.5)</translation>
    </message>
    <message>
        <source>cannot sweep {key!r}; choose from {items}</source>
        <translation>无法扫描 {key!r}；请从 {items} 中选择</translation>
    </message>
    <message>
        <source>cannot write to {what} {folder}: {reason}</source>
        <translation>无法写入{what} {folder}：{reason}</translation>
    </message>
    <message>
        <source>clipboard image</source>
        <translation>剪贴板图像</translation>
    </message>
    <message>
        <source>could not load checkpoint {name}: {reason}</source>
        <translation>无法加载检查点 {name}：{reason}</translation>
    </message>
    <message>
        <source>could not load checkpoint {name}: {reason} (is --model-config a diffusers folder of the same model family?)</source>
        <translation>无法加载检查点 {name}：{reason}（--model-config 是否为同一模型系列的 diffusers 文件夹？）</translation>
    </message>
    <message>
        <source>could not read the {part} of the model in {folder}: its config.json does not match its weights ({count} weights missing or of another shape, e.g. {missing})</source>
        <translation>无法读取 {folder} 中模型的 {part}：其 config.json 与权重不符（{count} 个权重缺失或形状不同，例如 {missing}）</translation>
    </message>
    <message>
        <source>could not read the {part} of the model in {folder}: {reason}</source>
        <translation>无法读取 {folder} 中模型的 {part}：{reason}</translation>
    </message>
    <message>
        <source>could not save the session: {reason}</source>
        <translation>无法保存会话：{reason}</translation>
    </message>
    <message>
        <source>cross-attention replaced for steps {cross} of {total}{words}, self-attention {self_steps}</source>
        <translation>交叉注意力在 {total} 步中的第 {cross} 步被替换{words}，自注意力 {self_steps}</translation>
    </message>
    <message>
        <source>cross-attention word {word!r} is not in the edited caption</source>
        <translation>交叉注意力词 {word!r} 不在编辑后的描述中</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>detail: the edited region is redrawn at {native} px when it adds detail (the photo is {scale:.1f}× the model&apos;s size; {strength:.0%} of the steps again)</source>
        <translation>细节：只要能增加细节，就以 {native} px 重绘编辑区域（照片是模型尺寸的 {scale:.1f}×；再走 {strength:.0%} 的步数）</translation>
    </message>
    <message>
        <source>detail: the edited region is redrawn at {native} px when its mask is small (the photo is {scale:.1f}× the model&apos;s size; {strength:.0%} of the steps again)</source>
        <translation>细节：蒙版较小时以 {native} px 重绘编辑区域（照片是模型尺寸的 {scale:.1f}×；再走 {strength:.0%} 的步数）</translation>
    </message>
    <message>
        <source>detail: whole photo at the model&apos;s {native} px</source>
        <translation>细节：整张照片按模型的 {native} px 处理</translation>
    </message>
    <message>
        <source>detail: whole photo at the model&apos;s {native} px, scaled up {scale:.1f}×</source>
        <translation>细节：整张照片按模型的 {native} px 处理，放大 {scale:.1f}×</translation>
    </message>
    <message>
        <source>device &apos;cuda&apos; requested but no CUDA GPU is available to PyTorch</source>
        <translation>请求了设备 &apos;cuda&apos;，但 PyTorch 无法使用 CUDA GPU</translation>
    </message>
    <message>
        <source>device &apos;mps&apos; requested but Apple&apos;s Metal backend is not available</source>
        <translation>请求了设备 &apos;mps&apos;，但 Apple 的 Metal 后端不可用</translation>
    </message>
    <message>
        <source>device must be one of {items}, not {device!r}</source>
        <translation>设备必须是 {items} 之一，而不是 {device!r}</translation>
    </message>
    <message>
        <source>did not save the session: {reason}</source>
        <translation>未保存会话：{reason}</translation>
    </message>
    <message>
        <source>download it on a connected machine with `hf download {repo_id}` or pass a local folder or .safetensors file</source>
        <translation>请在联网的机器上用 `hf download {repo_id}` 下载，或传入本地文件夹或 .safetensors 文件</translation>
    </message>
    <message>
        <source>edited region {w}×{h} px at ({left}, {top}), {gain:.1f}× the detail of the whole photo</source>
        <translation>编辑区域 {w}×{h} px，位于 ({left}, {top})，细节为整张照片的 {gain:.1f}×</translation>
    </message>
    <message>
        <source>edits of one run must share {items}</source>
        <translation>同一次运行的编辑必须共用 {items}</translation>
    </message>
    <message>
        <source>empty word in re-weighting {markup!r}</source>
        <translation>重新加权 {markup!r} 中的词为空</translation>
    </message>
    <message>
        <source>expected KEY=V1,V2,... for a sweep, got {text!r}</source>
        <translation>扫描应为 KEY=V1,V2,...，收到的是 {text!r}</translation>
    </message>
    <message>
        <source>guidance {guidance:g}</source>
        <translation>引导 {guidance:g}</translation>
    </message>
    <message>
        <source>has {want} inputs, the LoRA {have}</source>
        <translation>有 {want} 个输入，而 LoRA 为 {have}</translation>
    </message>
    <message>
        <source>has {want} outputs, the LoRA {have}</source>
        <translation>有 {want} 个输出，而 LoRA 为 {have}</translation>
    </message>
    <message>
        <source>is a layer of a second text encoder, which this model does not have</source>
        <translation>是第二个文本编码器的层，而此模型没有第二个文本编码器</translation>
    </message>
    <message>
        <source>is a {layer}, which takes no LoRA</source>
        <translation>是 {layer}，不接受 LoRA</translation>
    </message>
    <message>
        <source>is not a layer of this model</source>
        <translation>不是此模型的层</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <source>model folder {folder} is incomplete: missing {items}; download the whole model again (e.g. `hf download ORG/NAME --local-dir FOLDER`)</source>
        <translation>模型文件夹 {folder} 不完整：缺少 {items}；请重新下载整个模型（例如 `hf download ORG/NAME --local-dir FOLDER`）</translation>
    </message>
    <message>
        <source>model {repo_id} does not exist on the hub (or needs a login)</source>
        <translation>hub 上不存在模型 {repo_id}（或需要登录）</translation>
    </message>
    <message>
        <source>model {repo_id} is not cached and could not be downloaded ({reason}); {how}</source>
        <translation>模型 {repo_id} 未缓存且无法下载（{reason}）；{how}</translation>
    </message>
    <message>
        <source>model {repo_id} is not in the local cache and offline mode is on; {how}</source>
        <translation>模型 {repo_id} 不在本地缓存中，且离线模式已开启；{how}</translation>
    </message>
    <message>
        <source>no model file or folder at {spec}</source>
        <translation>{spec} 处没有模型文件或文件夹</translation>
    </message>
    <message>
        <source>no model given</source>
        <translation>未指定模型</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>not a session (the JSON is not an object)</source>
        <translation>不是会话（JSON 不是对象）</translation>
    </message>
    <message>
        <source>not valid JSON (not UTF-8 text)</source>
        <translation>不是有效的 JSON（不是 UTF-8 文本）</translation>
    </message>
    <message>
        <source>not valid JSON: {reason}</source>
        <translation>不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <source>null-text inversion needs a deterministic sampler, not {sampler}: use ReNoise or Direct inversion (the sampler&apos;s noise makes them exact)</source>
        <translation>null-text 反演需要确定性采样器，而不是 {sampler}：请使用 ReNoise 或 Direct 反演（采样器的噪声使它们精确）</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>precision must be one of {items}, not {precision!r}</source>
        <translation>精度必须是 {items} 之一，而不是 {precision!r}</translation>
    </message>
    <message>
        <source>preview decoder {spec}: cannot be read ({reason}); previews use the model&apos;s VAE</source>
        <translation>预览解码器 {spec}：无法读取（{reason}）；预览使用模型的 VAE</translation>
    </message>
    <message>
        <source>preview decoder {spec}: made for {channels}-channel latents, the model has {latent}; previews use the model&apos;s VAE</source>
        <translation>预览解码器 {spec}：为 {channels} 通道潜变量制作，而模型为 {latent}；预览使用模型的 VAE</translation>
    </message>
    <message>
        <source>re-weighting factor {factor} in {markup!r} is out of range: use a factor between {low:g} and {high:g}</source>
        <translation>{markup!r} 中的重新加权系数 {factor} 超出范围：请使用 {low:g} 到 {high:g} 之间的系数</translation>
    </message>
    <message>
        <source>refine</source>
        <translation>细化</translation>
    </message>
    <message>
        <source>reweight</source>
        <translation>重新加权</translation>
    </message>
    <message>
        <source>sampler must be one of {items}, not {sampler!r}</source>
        <translation>采样器必须是 {items} 之一，而不是 {sampler!r}</translation>
    </message>
    <message>
        <source>settings reset to defaults ({reason})</source>
        <translation>设置已重置为默认值（{reason}）</translation>
    </message>
    <message>
        <source>size differs from the photo&apos;s</source>
        <translation>尺寸与照片不同</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>sweep weight {value:g} is out of range [{low:g}, {high:g}]</source>
        <translation>扫描权重 {value:g} 超出范围 [{low:g}, {high:g}]</translation>
    </message>
    <message>
        <source>the Euler-ancestral sampler cannot run a {prediction!r}-prediction model</source>
        <translation>Euler-ancestral 采样器无法运行 {prediction!r} 预测模型</translation>
    </message>
    <message>
        <source>the LCM sampler gives {count} timesteps for {steps} steps</source>
        <translation>LCM 采样器对 {steps} 步给出了 {count} 个时间步</translation>
    </message>
    <message>
        <source>the built-in demo model is missing ({reason}); reinstall P2P Studio</source>
        <translation>内置演示模型缺失（{reason}）；请重新安装 P2P Studio</translation>
    </message>
    <message>
        <source>the caption is too long: {count} tokens, the model takes at most {most}</source>
        <translation>描述太长：{count} 个词元，模型最多接受 {most} 个</translation>
    </message>
    <message>
        <source>the caption {text!r} has no words the tokenizer understands</source>
        <translation>描述 {text!r} 中没有分词器能理解的词</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>超出磁盘配额</translation>
    </message>
    <message>
        <source>the edited caption is the same as the caption — change a word</source>
        <translation>编辑后的描述与原描述相同——请修改一个词</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>文件系统是只读的</translation>
    </message>
    <message>
        <source>the inversion has {num_steps} steps but the edit asks for {steps}</source>
        <translation>反演有 {num_steps} 步，但编辑要求 {steps} 步</translation>
    </message>
    <message>
        <source>the model produced NaN or infinity at {where}; nothing was written (on a GPU try --precision fp32; otherwise the model&apos;s weights may be damaged)</source>
        <translation>模型在 {where} 产生了 NaN 或无穷大；未写入任何内容（在 GPU 上请尝试 --precision fp32；否则模型权重可能已损坏）</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler config gives Euler sigmas this library cannot run</source>
        <translation>模型的调度器配置给出了本库无法运行的 Euler sigma</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler config is invalid: num_train_timesteps = {train!r}</source>
        <translation>模型的调度器配置无效：num_train_timesteps = {train!r}</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler config is invalid: {reason}</source>
        <translation>模型的调度器配置无效：{reason}</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler has zero terminal SNR (rescale_betas_zero_snr: true): its noisiest level is pure noise, which an epsilon-prediction model cannot denoise; such models use v-prediction (prediction_type: v_prediction in the scheduler config)</source>
        <translation>模型的调度器为零终端 SNR（rescale_betas_zero_snr: true）：其最高噪声级是纯噪声，epsilon 预测模型无法去噪；此类模型使用 v 预测（调度器配置中的 prediction_type: v_prediction）</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名称太长</translation>
    </message>
    <message>
        <source>the number of steps must be at least 1</source>
        <translation>步数必须至少为 1</translation>
    </message>
    <message>
        <source>the recipe has no captions</source>
        <translation>配方中没有描述</translation>
    </message>
    <message>
        <source>the session could not be restored ({reason}); its files are kept as they are and not saved over</source>
        <translation>无法恢复会话（{reason}）；其文件保持原样，不会被覆盖</translation>
    </message>
    <message>
        <source>the session is not saved: {file} could not be read or moved aside, and it is never written over</source>
        <translation>会话未保存：{file} 既无法读取也无法移到一旁，因此绝不会被覆盖</translation>
    </message>
    <message>
        <source>the session&apos;s photo {file} is missing</source>
        <translation>会话的照片 {file} 不见了</translation>
    </message>
    <message>
        <source>the sweep batch must be at least 1, not {batch}</source>
        <translation>扫描批大小至少为 1，而不是 {batch}</translation>
    </message>
    <message>
        <source>the sweep has no cells</source>
        <translation>扫描没有单元</translation>
    </message>
    <message>
        <source>the sweep has {size} cells; at most {most}</source>
        <translation>扫描有 {size} 个单元；最多 {most} 个</translation>
    </message>
    <message>
        <source>the sweep of {key} has no values</source>
        <translation>{key} 的扫描没有值</translation>
    </message>
    <message>
        <source>the sweep of {key} repeats a value</source>
        <translation>{key} 的扫描有重复的值</translation>
    </message>
    <message>
        <source>the sweep {text!r} has a value that is not a number</source>
        <translation>扫描 {text!r} 中有一个值不是数字</translation>
    </message>
    <message>
        <source>the {component} weights in {folder} are pickle files (.bin), which can run code when loaded; convert them to .safetensors, or allow them explicitly (--allow-pickle) if you trust their source</source>
        <translation>{folder} 中的 {component} 权重是 pickle 文件（.bin），加载时可能执行代码；请转换为 .safetensors，或在信任其来源时明确允许（--allow-pickle）</translation>
    </message>
    <message>
        <source>the {device} device ran out of memory; try fewer edited captions, half precision, a smaller photo size or the CPU</source>
        <translation>{device} 设备内存不足；请尝试更少的编辑描述、半精度、更小的照片尺寸或使用 CPU</translation>
    </message>
    <message>
        <source>the {label} of {word!r}</source>
        <translation>{word!r} 的{label}</translation>
    </message>
    <message>
        <source>the {what} contains a NUL character</source>
        <translation>{what}中含有 NUL 字符</translation>
    </message>
    <message>
        <source>the {what} contains a byte that is not UTF-8 text (0x{bad} at character {position}); type it again or set a UTF-8 locale</source>
        <translation>{what}中含有不是 UTF-8 文本的字节（第 {position} 个字符处的 0x{bad}）；请重新输入或设置 UTF-8 区域</translation>
    </message>
    <message>
        <source>the {what} is empty</source>
        <translation>{what}为空</translation>
    </message>
    <message>
        <source>the {what} is too long: {count:,} characters (at most {limit:,})</source>
        <translation>{what}太长：{count:,} 个字符（最多 {limit:,} 个）</translation>
    </message>
    <message>
        <source>unexpected content ({reason})</source>
        <translation>意外的内容（{reason}）</translation>
    </message>
    <message>
        <source>unknown device {name!r}; use auto, cuda, mps or cpu</source>
        <translation>未知设备 {name!r}；请使用 auto、cuda、mps 或 cpu</translation>
    </message>
    <message>
        <source>unknown key {name!r}</source>
        <translation>未知的键 {name!r}</translation>
    </message>
    <message>
        <source>unknown precision {precision!r}; use auto, fp32, fp16 or bf16</source>
        <translation>未知精度 {precision!r}；请使用 auto、fp32、fp16 或 bf16</translation>
    </message>
    <message>
        <source>unknown setting {name!r}</source>
        <translation>未知的设置 {name!r}</translation>
    </message>
    <message>
        <source>{count} masks given for {captions} edited captions</source>
        <translation>为 {captions} 个编辑描述给出了 {count} 个蒙版</translation>
    </message>
    <message>
        <source>{count} settings given for {captions} edited captions</source>
        <translation>为 {captions} 个编辑描述给出了 {count} 组设置</translation>
    </message>
    <message>
        <source>{count} unreadable history entries left out (their files are kept)</source>
        <translation>已略过 {count} 个无法读取的历史条目（其文件已保留）</translation>
    </message>
    <message>
        <source>{error}; details are in the log</source>
        <translation>{error}；详情见日志</translation>
    </message>
    <message>
        <source>{file} could not be read ({reason})</source>
        <translation>无法读取 {file}（{reason}）</translation>
    </message>
    <message>
        <source>{folder} is not a model folder (no model_index.json, no unet/ or vae/ folder){hint}</source>
        <translation>{folder} 不是模型文件夹（没有 model_index.json，也没有 unet/ 或 vae/ 文件夹）{hint}</translation>
    </message>
    <message>
        <source>{kind}: {changes}</source>
        <translation>{kind}：{changes}</translation>
    </message>
    <message>
        <source>{label} ({flag})</source>
        <translation>{label} ({flag})</translation>
    </message>
    <message>
        <source>{method} inversion</source>
        <translation>{method} 反演</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{name} is a legacy pickle checkpoint, which can run arbitrary code when loaded; use a .safetensors file, or allow it explicitly (--allow-pickle) if you trust its source</source>
        <translation>{name} 是旧式 pickle 检查点，加载时可能执行任意代码；请使用 .safetensors 文件，或在信任其来源时明确允许（--allow-pickle）</translation>
    </message>
    <message>
        <source>{name} is an SDXL refiner, which only refines another model&apos;s output; use an SDXL base model (e.g. {base}) or one of its fine-tunes</source>
        <translation>{name} 是 SDXL 精修模型，只能精修其他模型的输出；请使用 SDXL 基础模型（例如 {base}）或其微调版本</translation>
    </message>
    <message>
        <source>{name} must be a finite number, not {value}</source>
        <translation>{name} 必须是有限数，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be in {range_text}, not {shown}</source>
        <translation>{name} 必须在 {range_text} 内，而不是 {shown}</translation>
    </message>
    <message>
        <source>{name} needs its model&apos;s configs: pass --model-config FOLDER (a diffusers folder of the same model family), or fetch them once with `hf download {base} --include &apos;*.json&apos; &apos;*.txt&apos;`</source>
        <translation>{name} 需要其模型的配置：请传入 --model-config FOLDER（同一模型系列的 diffusers 文件夹），或用 `hf download {base} --include &apos;*.json&apos; &apos;*.txt&apos;` 获取一次</translation>
    </message>
    <message>
        <source>{name}: an SDXL UNet needs SDXL&apos;s two text encoders (and only it does)</source>
        <translation>{name}：SDXL 的 UNet 需要 SDXL 的两个文本编码器（且只有它需要）</translation>
    </message>
    <message>
        <source>{name}: an animation of {frames} frames; its first frame is used</source>
        <translation>{name}：{frames} 帧的动画；使用其第一帧</translation>
    </message>
    <message>
        <source>{name}: expected a diffusers folder, a .safetensors checkpoint or a hub id</source>
        <translation>{name}：应为 diffusers 文件夹、.safetensors 检查点或 hub ID</translation>
    </message>
    <message>
        <source>{name}: file not found</source>
        <translation>{name}：找不到文件</translation>
    </message>
    <message>
        <source>{name}: not a regular file (a folder, pipe or device cannot be opened as a photo)</source>
        <translation>{name}：不是普通文件（文件夹、管道或设备不能作为照片打开）</translation>
    </message>
    <message>
        <source>{name}: not an image file, or a format P2P Studio cannot read</source>
        <translation>{name}：不是图像文件，或是 P2P Studio 无法读取的格式</translation>
    </message>
    <message>
        <source>{name}: the UNet expects text states of width {width}, the text encoders give {widths}</source>
        <translation>{name}：UNet 需要宽度为 {width} 的文本状态，文本编码器给出的是 {widths}</translation>
    </message>
    <message>
        <source>{name}: the UNet&apos;s added conditioning ({added} values) is not SDXL&apos;s pooled embedding and {ids} time ids ({expected})</source>
        <translation>{name}：UNet 的附加条件（{added} 个值）不是 SDXL 的池化嵌入加 {ids} 个时间 ID（{expected}）</translation>
    </message>
    <message>
        <source>{name}: the file is larger than {megabytes:,.0f} MB, the largest photo that can be opened</source>
        <translation>{name}：文件大于 {megabytes:,.0f} MB，即可打开的最大照片</translation>
    </message>
    <message>
        <source>{name}: the image file is damaged or truncated ({reason})</source>
        <translation>{name}：图像文件已损坏或不完整（{reason}）</translation>
    </message>
    <message>
        <source>{name}: the image file is damaged or unsupported ({reason})</source>
        <translation>{name}：图像文件已损坏或不受支持（{reason}）</translation>
    </message>
    <message>
        <source>{name}: the image is larger than the limit of {limit:,} pixels; downscale it first</source>
        <translation>{name}：图像超过 {limit:,} 像素的上限；请先缩小</translation>
    </message>
    <message>
        <source>{name}: the scheduler config is invalid (num_train_timesteps = {train!r})</source>
        <translation>{name}：调度器配置无效（num_train_timesteps = {train!r}）</translation>
    </message>
    <message>
        <source>{name}: the scheduler has zero terminal SNR (rescale_betas_zero_snr: true) with epsilon prediction, which cannot denoise its noisiest level; such models use v-prediction (prediction_type: v_prediction in scheduler/scheduler_config.json)</source>
        <translation>{name}：调度器为零终端 SNR（rescale_betas_zero_snr: true）且使用 epsilon 预测，无法对最高噪声级去噪；此类模型使用 v 预测（scheduler/scheduler_config.json 中的 prediction_type: v_prediction）</translation>
    </message>
    <message>
        <source>{name}: the two tokenizers of this SDXL model differ, so one token alignment cannot serve both text encoders</source>
        <translation>{name}：此 SDXL 模型的两个分词器不同，一个词元对齐无法同时用于两个文本编码器</translation>
    </message>
    <message>
        <source>{name}: unsupported prediction type {prediction!r}</source>
        <translation>{name}：不支持的预测类型 {prediction!r}</translation>
    </message>
    <message>
        <source>{name}: {format} images are not supported; use JPEG, PNG, WebP, BMP, TIFF or GIF</source>
        <translation>{name}：不支持 {format} 图像；请使用 JPEG、PNG、WebP、BMP、TIFF 或 GIF</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <source>{name}: {w}×{h} is larger than the limit of {limit:,} pixels; downscale it first</source>
        <translation>{name}：{w}×{h} 超过 {limit:,} 像素的上限；请先缩小</translation>
    </message>
    <message>
        <source>{name}: {w}×{h} is too small; photos need at least {least} pixels per side</source>
        <translation>{name}：{w}×{h} 太小；照片每边至少需要 {least} 像素</translation>
    </message>
    <message>
        <source>{note}; a new session was started (earlier results stay in the items folder)</source>
        <translation>{note}；已开始新会话（之前的结果仍在 items 文件夹中）</translation>
    </message>
    <message>
        <source>{note}; it is kept as it is and this session is not saved over it</source>
        <translation>{note}；它保持原样，此会话不会覆盖它</translation>
    </message>
    <message>
        <source>{note}; it was moved aside to {aside}</source>
        <translation>{note}；已移到一旁，名为 {aside}</translation>
    </message>
    <message>
        <source>{plan}, local blend on {words}</source>
        <translation>{plan}，局部混合：{words}</translation>
    </message>
    <message>
        <source>{plan}; {windows}</source>
        <translation>{plan}；{windows}</translation>
    </message>
    <message>
        <source>{reason}; the file as it was is kept as {aside}</source>
        <translation>{reason}；原文件已保留为 {aside}</translation>
    </message>
    <message>
        <source>{reason}; {file} is not saved over while no copy of it can be made</source>
        <translation>{reason}；在无法复制 {file} 之前不会覆盖它</translation>
    </message>
    <message>
        <source>{repo_id!r} is neither a model folder, a checkpoint file nor a hub id</source>
        <translation>{repo_id!r} 既不是模型文件夹、检查点文件，也不是 hub ID</translation>
    </message>
    <message>
        <source>{seconds:.2g} s</source>
        <translation>{seconds:.2g} 秒</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps} 步</translation>
    </message>
    <message>
        <source>{steps} steps are more than the model&apos;s scheduler has ({train})</source>
        <translation>{steps} 步超过了模型调度器的步数（{train}）</translation>
    </message>
    <message>
        <source>{token} ← (own map)</source>
        <translation>{token} ← （自身的图）</translation>
    </message>
    <message>
        <source>{token} ← {sources}</source>
        <translation>{token} ← {sources}</translation>
    </message>
    <message>
        <source>{what} is not a JSON object</source>
        <translation>{what}不是 JSON 对象</translation>
    </message>
    <message>
        <source>{what} is not valid ({value})</source>
        <translation>{what} 无效（{value}）</translation>
    </message>
    <message>
        <source>{what} is out of range ({value})</source>
        <translation>{what} 超出范围（{value}）</translation>
    </message>
    <message>
        <source>{what} is too long</source>
        <translation>{what} 太长</translation>
    </message>
    <message>
        <source>{what} is {count:,} characters long</source>
        <translation>{what} 长达 {count:,} 个字符</translation>
    </message>
    <message>
        <source>{what} must be a JSON object</source>
        <translation>{what}必须是 JSON 对象</translation>
    </message>
    <message>
        <source>{what} must be a finite number, not {value}</source>
        <translation>{what} 必须是有限数值，而不是 {value}</translation>
    </message>
    <message>
        <source>{what} must be a list of words</source>
        <translation>{what} 必须是单词列表</translation>
    </message>
    <message>
        <source>{what} must be a number, not {value}</source>
        <translation>{what} 必须是数值，而不是 {value}</translation>
    </message>
    <message>
        <source>{what} must be a whole number, not {value}</source>
        <translation>{what} 必须是整数，而不是 {value}</translation>
    </message>
    <message>
        <source>{what} must be one of {expected}, not {value}</source>
        <translation>{what} 必须是 {expected} 之一，而不是 {value}</translation>
    </message>
    <message>
        <source>{what} must be text</source>
        <translation>{what} 必须是文本</translation>
    </message>
    <message>
        <source>{what} must be true or false, not {value}</source>
        <translation>{what} 必须是 true 或 false，而不是 {value}</translation>
    </message>
    <message>
        <source>{what} word {word!r} is in neither caption</source>
        <translation>{what}词 {word!r} 不在任何一个描述中</translation>
    </message>
    <message>
        <source>{what} {folder} is a file, not a folder</source>
        <translation>{what} {folder} 是文件而不是文件夹</translation>
    </message>
    <message>
        <source>{what}: {reason}</source>
        <translation>{what}：{reason}</translation>
    </message>
    <message>
        <source>{windows}, blend from step {start}</source>
        <translation>{windows}，从第 {start} 步开始混合</translation>
    </message>
</context>
</TS>
