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
        <source>Open a photo first (File → Open, drag and drop, or paste).</source>
        <extracomment>The caption rule&apos;s line as a sentence of the app (the CLI prints it as it is). Words the text encoder is likely to misread, per caption (:class:`WordWarnings`). The model defaults the session&apos;s settings follow (see :meth:`ModelDefaults.follow`). Where a recipe&apos;s LoRAs are looked for (by name, then content hash).</extracomment>
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
</context>
</TS>
