<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Canvas</name>
    <message>
        <source>Drop a photo here, or File → Open (Ctrl+O), or paste (Ctrl+V)</source>
        <translation>여기에 사진을 놓거나, 파일 → 열기 (Ctrl+O), 또는 붙여넣기 (Ctrl+V)</translation>
    </message>
</context>
<context>
    <name>EditPanel</name>
    <message>
        <source>Queue this edit (Ctrl+Enter); results land in the history</source>
        <extracomment>The grid the Sweep box starts with: the paper&apos;s usual range of injection windows.</extracomment>
        <translation>이 편집을 대기열에 추가 (Ctrl+Enter); 결과는 기록에 들어갑니다</translation>
    </message>
    <message>
        <source>1. Caption of the photo</source>
        <translation>1. 사진 설명</translation>
    </message>
    <message>
        <source>e.g. a cat sitting on a bench</source>
        <translation>예: a cat sitting on a bench</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>반전</translation>
    </message>
    <message>
        <source>Start or stop the inversion (it also starts by itself once the caption is set)</source>
        <translation>반전 시작 또는 중지 (설명을 입력하면 자동으로도 시작됩니다)</translation>
    </message>
    <message>
        <source>No photo yet</source>
        <translation>아직 사진이 없습니다</translation>
    </message>
    <message>
        <source>Inversion</source>
        <translation>반전</translation>
    </message>
    <message>
        <source>2. Edited caption</source>
        <translation>2. 편집한 설명</translation>
    </message>
    <message>
        <source>change words: a tiger sitting on a bench; (word:1.5) re-weights</source>
        <translation>단어 변경: a tiger sitting on a bench; (word:1.5)로 가중치 조정</translation>
    </message>
    <message>
        <source>Ctrl+Up / Ctrl+Down raise or lower the weight of the word under the cursor</source>
        <translation>Ctrl+Up / Ctrl+Down으로 커서 위치 단어의 가중치를 올리거나 내립니다</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Re-run with painted mask</source>
        <translation>그린 마스크로 다시 실행</translation>
    </message>
    <message>
        <source>Run the edit again using the mask as you painted it</source>
        <translation>그린 마스크 그대로 편집을 다시 실행합니다</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Local blend</source>
        <translation>로컬 블렌드</translation>
    </message>
    <message>
        <source>Keep everything outside the edited words&apos; region exactly as in the photo</source>
        <translation>편집한 단어 영역 밖은 모두 사진 그대로 유지합니다</translation>
    </message>
    <message>
        <source>default: the changed words</source>
        <translation>기본값: 바뀐 단어</translation>
    </message>
    <message>
        <source>Blend words</source>
        <translation>블렌드 단어</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>마스크</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>디테일</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <source>KEY=V1,V2,... per axis, separated by spaces; KEY: {keys} (weight sets every (word:f) factor of the edited caption). The first axis runs across the sheet.</source>
        <translation>축마다 KEY=V1,V2,...를 공백으로 구분; KEY: {keys} (weight는 편집한 설명의 모든 (word:f) 계수를 설정). 첫 번째 축이 가로로 놓입니다.</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>스윕 실행</translation>
    </message>
    <message>
        <source>Edit with every combination in batched runs; the results fill a contact sheet and the history, each with its own parameters</source>
        <translation>모든 조합을 일괄로 편집합니다; 결과는 비교 시트와 기록에 각자의 매개변수와 함께 들어갑니다</translation>
    </message>
    <message>
        <source>{cells} cells ({columns} × {rows}), batched {batch} edits per run</source>
        <translation>{cells}칸 ({columns} × {rows}), 한 번에 {batch}개씩 일괄 처리</translation>
    </message>
    <message>
        <source>Where each word attends (click a word)</source>
        <translation>각 단어가 주목하는 곳 (단어를 클릭)</translation>
    </message>
    <message>
        <source>Run an edit to see the attention maps of its words.</source>
        <translation>편집을 실행하면 단어의 어텐션 맵을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Blend mask</source>
        <translation>블렌드 마스크</translation>
    </message>
    <message>
        <source>Show mask (M)</source>
        <translation>마스크 표시 (M)</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>그리기</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>비우기</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>브러시</translation>
    </message>
    <message>
        <source>not with the {sampler} sampler, which adds noise each step: renoise is its faithful inversion</source>
        <translation>{sampler} 샘플러에서는 쓸 수 없습니다 (매 단계 노이즈를 더함): renoise가 충실한 반전입니다</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Not inverted yet</source>
        <translation>아직 반전하지 않음</translation>
    </message>
    <message>
        <source>Ready ({quality})</source>
        <translation>준비됨 ({quality})</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>실패: {reason}</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>편집</translation>
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
        <translation>강도</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>P2P Studio — read-only</source>
        <translation>P2P Studio — 읽기 전용</translation>
    </message>
    <message>
        <source>P2P Studio cannot save</source>
        <translation>P2P Studio가 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>P2P Studio is already open</source>
        <translation>P2P Studio가 이미 열려 있습니다</translation>
    </message>
    <message>
        <source>Another P2P Studio window is using your session. Start a fresh session (saved separately)?

Choose No to look at the other window&apos;s session read-only.</source>
        <translation>다른 P2P Studio 창이 세션을 사용하고 있습니다. 새 세션을 시작할까요 (따로 저장됨)?

아니요를 고르면 다른 창의 세션을 읽기 전용으로 봅니다.</translation>
    </message>
    <message>
        <source>P2P Studio</source>
        <translation>P2P Studio</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Results of other photos of this session: pick one to go back to it</source>
        <translation>이 세션의 다른 사진 결과: 고르면 그 사진으로 돌아갑니다</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Open a photo to start.</source>
        <translation>사진을 열어 시작하세요.</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>취소 (Esc)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open photo…</source>
        <translation>사진 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste photo</source>
        <translation>사진 붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save result…</source>
        <translation>결과 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>설정(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run &amp;edit</source>
        <translation>편집 실행(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;100 %</source>
        <translation>&amp;100 %</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Split before/after</source>
        <translation>전후 분할 보기(&amp;S)</translation>
    </message>
    <message>
        <source>Toggle &amp;before/after</source>
        <translation>전/후 전환(&amp;B)</translation>
    </message>
    <message>
        <source>Show &amp;mask</source>
        <translation>마스크 표시(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;weep sheet / photo</source>
        <translation>스윕 시트 / 사진(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About P2P Studio</source>
        <translation>P2P Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>사진 열기</translation>
    </message>
    <message>
        <source>Photos ({patterns});;All files (*)</source>
        <translation>사진 ({patterns});;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Pasted a photo from the clipboard.</source>
        <translation>클립보드에서 사진을 붙여넣었습니다.</translation>
    </message>
    <message>
        <source>Opened {name}. Type its caption; inversion starts by itself.</source>
        <translation>{name}을(를) 열었습니다. 설명을 입력하세요; 반전은 자동으로 시작됩니다.</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>클립보드에 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>This photo: {results}</source>
        <translation>이 사진: {results}</translation>
    </message>
    <message>
        <source>{photo}: {results}</source>
        <translation>{photo}: {results}</translation>
    </message>
    <message>
        <source>pasted photo</source>
        <translation>붙여넣은 사진</translation>
    </message>
    <message>
        <source>painted mask</source>
        <translation>그린 마스크</translation>
    </message>
    <message>
        <source>Restored the parameters of {edit} ({values}); G shows the sweep sheet again.</source>
        <translation>{edit}의 매개변수를 복원했습니다 ({values}); G를 누르면 스윕 시트를 다시 봅니다.</translation>
    </message>
    <message>
        <source>No sweep yet: set the grid under Sweep and press Run sweep.</source>
        <translation>아직 스윕이 없습니다: 스윕에서 격자를 정하고 스윕 실행을 누르세요.</translation>
    </message>
    <message>
        <source>Attention of “{word}” (caption)</source>
        <translation>“{word}”의 어텐션 (설명)</translation>
    </message>
    <message>
        <source>Attention of “{word}” (edit)</source>
        <translation>“{word}”의 어텐션 (편집)</translation>
    </message>
    <message>
        <source>Paint where the edit may change the photo; then ‘Re-run with painted mask’.</source>
        <translation>편집이 사진을 바꿔도 되는 곳을 그린 뒤 ‘그린 마스크로 다시 실행’을 누르세요.</translation>
    </message>
    <message>
        <source>Restore its parameters</source>
        <translation>매개변수 복원</translation>
    </message>
    <message>
        <source>Unstar</source>
        <translation>별표 해제</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>별표</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>No result to save yet: run an edit first.</source>
        <translation>저장할 결과가 아직 없습니다: 먼저 편집을 실행하세요.</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>결과 저장</translation>
    </message>
    <message>
        <source>Restore recipe?</source>
        <translation>레시피를 복원할까요?</translation>
    </message>
    <message>
        <source>{name} was made by P2P Studio:

“{edit}”

Restore its caption, edit and parameters?</source>
        <translation>{name}은(는) P2P Studio로 만들었습니다:

“{edit}”

설명, 편집, 매개변수를 복원할까요?</translation>
    </message>
    <message>
        <source>About P2P Studio</source>
        <translation>P2P Studio 정보</translation>
    </message>
    <message>
        <source>Edit photos by editing their caption (Prompt-to-Prompt with null-text inversion).</source>
        <translation>설명을 편집해 사진을 편집합니다 (Prompt-to-Prompt와 null-text 반전).</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>결과 1개</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>결과 {count}개</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source> (kept: the captions and {count} results)</source>
        <extracomment>Every result of the session, of every photo it was made from (History shows the current photo&apos;s: :attr:`history`).</extracomment>
        <translation> (보존됨: 캡션과 결과 {count}개)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>a hub id (downloaded once, then offline), a local diffusers folder, or a single &lt;code&gt;.safetensors&lt;/code&gt; checkpoint</source>
        <translation>hub id (한 번 내려받은 뒤 오프라인), 로컬 diffusers 폴더, 또는 단일 &lt;code&gt;.safetensors&lt;/code&gt; 체크포인트</translation>
    </message>
    <message>
        <source>the model&apos;s own (LCM with an LCM-LoRA)</source>
        <translation>모델 자체의 것 (LCM-LoRA와 함께면 LCM)</translation>
    </message>
    <message>
        <source>DDIM, Prompt-to-Prompt&apos;s sampler (50-step models)</source>
        <translation>DDIM, Prompt-to-Prompt의 샘플러 (50단계 모델)</translation>
    </message>
    <message>
        <source>Euler (SD-Turbo)</source>
        <translation>Euler (SD-Turbo)</translation>
    </message>
    <message>
        <source>Euler ancestral, adds noise each step (SDXL-Turbo); stored with the inversion</source>
        <translation>Euler ancestral, 매 단계 노이즈를 더함 (SDXL-Turbo); 반전과 함께 저장</translation>
    </message>
    <message>
        <source>latent consistency, adds noise each step (LCM models and LCM-LoRAs)</source>
        <translation>잠재 일관성, 매 단계 노이즈를 더함 (LCM 모델과 LCM-LoRA)</translation>
    </message>
    <message>
        <source>Style LoRAs and speed LoRAs (.safetensors) are fused into the model. An LCM-LoRA, a Hyper-SD or a Lightning LoRA makes SD 1.5 or SDXL a few-step model: edits then default to ReNoise at its step count.</source>
        <translation>스타일 LoRA와 가속 LoRA (.safetensors)는 모델에 융합됩니다. LCM-LoRA, Hyper-SD, Lightning LoRA는 SD 1.5나 SDXL을 적은 단계 모델로 만듭니다: 그러면 편집은 기본으로 그 단계 수의 ReNoise를 씁니다.</translation>
    </message>
    <message>
        <source>auto: TAESD when it is in the hub cache (fetch it once with &apos;hf download madebyollin/taesd&apos;, or madebyollin/taesdxl for SDXL); none: the model&apos;s VAE; or a folder of a tiny autoencoder.</source>
        <extracomment>What the preview decoder field takes, shown under it.</extracomment>
        <translation>auto: hub 캐시에 TAESD가 있으면 사용 (&apos;hf download madebyollin/taesd&apos;로 한 번 받기, SDXL은 madebyollin/taesdxl); none: 모델의 VAE; 또는 작은 오토인코더 폴더.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>파일…</translation>
    </message>
    <message>
        <source>only for single files offline: a diffusers folder with the configs</source>
        <translation>오프라인 단일 파일에만: 설정이 든 diffusers 폴더</translation>
    </message>
    <message>
        <source>Add LoRA…</source>
        <translation>LoRA 추가…</translation>
    </message>
    <message>
        <source>default: the user cache folder</source>
        <translation>기본값: 사용자 캐시 폴더</translation>
    </message>
    <message>
        <source>Out of memory? Use fp16 on a GPU, the cpu device, or fewer edited captions at once.</source>
        <translation>메모리가 부족한가요? GPU에서는 fp16을 쓰거나, cpu 장치를 쓰거나, 한 번에 편집하는 설명 수를 줄이세요.</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>자동 (시스템 언어)</translation>
    </message>
    <message>
        <source>Takes effect when P2P Studio starts again.</source>
        <translation>P2P Studio를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Model configs</source>
        <translation>모델 설정</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>샘플러</translation>
    </message>
    <message>
        <source>LoRAs</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>Inversion cache</source>
        <translation>반전 캐시</translation>
    </message>
    <message>
        <source>Time per edit</source>
        <translation>편집당 시간</translation>
    </message>
    <message>
        <source>Preview decoder</source>
        <translation>미리보기 디코더</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Pick a preset above, or give {other}.</source>
        <translation>위의 프리셋을 고르거나 {other}을(를) 지정하세요.</translation>
    </message>
    <message>
        <source>Measured when the model has loaded (one UNet evaluation is timed); shown here afterwards.</source>
        <translation>모델을 불러온 뒤 측정하고 (UNet 평가 1회 측정) 이곳에 표시합니다.</translation>
    </message>
    <message>
        <source>the model&apos;s VAE</source>
        <translation>모델의 VAE</translation>
    </message>
    <message>
        <source>Previews are drawn by {decoder}.</source>
        <translation>미리보기는 {decoder}(으)로 그립니다.</translation>
    </message>
    <message>
        <source>Diffusers model folder</source>
        <translation>Diffusers 모델 폴더</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>체크포인트</translation>
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
        <translation>{reason}. 이 창은 저장된 세션을 읽기 전용으로 보여 주며 아무것도 저장하지 않습니다; P2P_STUDIO_DATA를 쓸 수 있는 폴더로 설정하세요.</translation>
    </message>
    <message>
        <source>Another P2P Studio window is using {folder}: this window shows it read-only and saves nothing. Close the other window, or start a fresh session.</source>
        <translation>다른 P2P Studio 창이 {folder}을(를) 사용 중입니다: 이 창은 읽기 전용으로 보여 주며 아무것도 저장하지 않습니다. 다른 창을 닫거나 새 세션을 시작하세요.</translation>
    </message>
    <message>
        <source>This is the built-in demo: a complete edit of a sample photo. Open your own photo with Ctrl+O; for real photos pick Stable Diffusion in Settings.</source>
        <translation>내장 데모입니다: 예시 사진을 처음부터 끝까지 편집합니다. 내 사진은 Ctrl+O로 여세요; 실제 사진에는 설정에서 Stable Diffusion을 고르세요.</translation>
    </message>
</context>
<context>
    <name>StudioController</name>
    <message>
        <source>Try a smaller photo, fewer edits at once, or Settings → Device: cpu / Precision: fp16.</source>
        <translation>더 작은 사진, 한 번에 더 적은 편집, 또는 설정 → 장치: cpu / 정밀도: fp16을 시도하세요.</translation>
    </message>
    <message>
        <source>Open a photo first (File → Open, drag and drop, or paste).</source>
        <extracomment>Words the text encoder is likely to misread, per caption (:class:`WordWarnings`). The model defaults the session&apos;s settings follow (see :meth:`ModelDefaults.follow`). Where a recipe&apos;s LoRAs are looked for (by name, then content hash).</extracomment>
        <translation>먼저 사진을 여세요 (파일 → 열기, 끌어다 놓기, 또는 붙여넣기).</translation>
    </message>
    <message>
        <source>Type a caption that describes the photo first.</source>
        <translation>먼저 사진을 설명하는 설명을 입력하세요.</translation>
    </message>
    <message>
        <source>Open a photo first.</source>
        <translation>먼저 사진을 여세요.</translation>
    </message>
    <message>
        <source>Both the caption and the edited caption are needed.</source>
        <translation>설명과 편집한 설명이 모두 필요합니다.</translation>
    </message>
    <message>
        <source>Queued: {edit}</source>
        <translation>대기열에 추가: {edit}</translation>
    </message>
    <message>
        <source>Sweep: {reason}</source>
        <translation>스윕: {reason}</translation>
    </message>
    <message>
        <source>Queued: sweep of {cells} cells ({grid})</source>
        <translation>대기열에 추가: {cells}칸 스윕 ({grid})</translation>
    </message>
    <message>
        <source>This result has no image to save.</source>
        <translation>이 결과에는 저장할 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>Refusing to overwrite the original photo; choose another file name.</source>
        <translation>원본 사진은 덮어쓰지 않습니다; 다른 파일 이름을 고르세요.</translation>
    </message>
    <message>
        <source>Change words of the caption here to describe the edit you want.</source>
        <translation>여기서 설명의 단어를 바꿔 원하는 편집을 적으세요.</translation>
    </message>
    <message>
        <source>Type the caption of the photo, then change words in the edit.</source>
        <translation>사진 설명을 입력한 뒤 편집란의 단어를 바꾸세요.</translation>
    </message>
    <message>
        <source>{model} is {reason}: edits use {settings}.</source>
        <translation>{model}은(는) {reason}입니다: 편집은 {settings}을(를) 씁니다.</translation>
    </message>
    <message>
        <source>{method} inversion: encoding the photo…</source>
        <translation>{method} 반전: 사진 인코딩 중…</translation>
    </message>
    <message>
        <source>ETA {time}</source>
        <translation>남은 시간 {time}</translation>
    </message>
    <message>
        <source>from cache</source>
        <translation>캐시에서</translation>
    </message>
    <message>
        <source>in {seconds} s</source>
        <translation>{seconds}초 만에</translation>
    </message>
    <message>
        <source>inverted {how}</source>
        <translation>반전됨 ({how})</translation>
    </message>
    <message>
        <source>Photo inverted {how}; type an edit and press Edit (Ctrl+Enter).</source>
        <translation>사진을 반전했습니다 ({how}); 편집을 입력하고 편집 (Ctrl+Enter)을 누르세요.</translation>
    </message>
    <message>
        <source>Reconstruction {psnr} dB: {hint}.</source>
        <translation>재구성 {psnr} dB: {hint}.</translation>
    </message>
    <message>
        <source>Edited in {seconds} s: {edit}.</source>
        <translation>{seconds}초 만에 편집했습니다: {edit}.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} 저장함</translation>
    </message>
    <message>
        <source>Read the recipe of {name}.</source>
        <translation>{name}의 레시피를 읽었습니다.</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>반전됨</translation>
    </message>
    <message>
        <source>Swept {cells} cells in {seconds} s; click a cell of the sheet to restore its parameters.</source>
        <translation>{cells}칸을 {seconds}초 만에 스윕했습니다; 시트의 칸을 누르면 매개변수를 복원합니다.</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Cancelled: {job}</source>
        <translation>취소함: {job}</translation>
    </message>
</context>
<context>
    <name>SweepSheetView</name>
    <message>
        <source>Back to the photo (G)</source>
        <translation>사진으로 돌아가기 (G)</translation>
    </message>
    <message>
        <source>{across} across, {down} down</source>
        <translation>{across} 가로, {down} 세로</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 및 </translation>
    </message>
    <message>
        <source>{across} across</source>
        <translation>{across} 가로</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sweep&lt;/b&gt; {grid} — {cells} cells, {layout}. Click a cell to show it and restore its parameters.</source>
        <translation>&lt;b&gt;스윕&lt;/b&gt; {grid} — {cells}칸, {layout}. 칸을 누르면 보여 주고 매개변수를 복원합니다.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Steps</source>
        <translation>단계 수</translation>
    </message>
    <message>
        <source>denoising steps</source>
        <translation>노이즈 제거 단계 수</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>가이던스</translation>
    </message>
    <message>
        <source>classifier-free guidance scale (1 or below: none, the conditional prediction alone)</source>
        <translation>분류기 없는 가이던스 강도 (1 이하: 없음, 조건부 예측만)</translation>
    </message>
    <message>
        <source>Cross-attention steps</source>
        <translation>교차 어텐션 단계</translation>
    </message>
    <message>
        <source>fraction of steps (from the start) in which the caption&apos;s cross-attention maps are injected</source>
        <translation>설명의 교차 어텐션 맵을 주입하는 단계의 비율 (처음부터)</translation>
    </message>
    <message>
        <source>cross-attention fraction</source>
        <translation>교차 어텐션 비율</translation>
    </message>
    <message>
        <source>fraction of steps in which one word&apos;s cross-attention map is injected</source>
        <translation>한 단어의 교차 어텐션 맵을 주입하는 단계의 비율</translation>
    </message>
    <message>
        <source>Self-attention steps</source>
        <translation>자기 어텐션 단계</translation>
    </message>
    <message>
        <source>fraction of steps in which self-attention maps are injected</source>
        <translation>자기 어텐션 맵을 주입하는 단계의 비율</translation>
    </message>
    <message>
        <source>largest self-attention map injected, as a fraction of the latent side</source>
        <translation>주입하는 가장 큰 자기 어텐션 맵 (잠재 변 길이에 대한 비율)</translation>
    </message>
    <message>
        <source>Blend threshold</source>
        <translation>블렌드 임계값</translation>
    </message>
    <message>
        <source>local-blend mask threshold</source>
        <translation>로컬 블렌드 마스크 임계값</translation>
    </message>
    <message>
        <source>Blend start</source>
        <translation>블렌드 시작</translation>
    </message>
    <message>
        <source>fraction of steps before local blend starts</source>
        <translation>로컬 블렌드가 시작되기 전 단계의 비율</translation>
    </message>
    <message>
        <source>self-attention map side used to refine the mask, as a fraction of the latent side</source>
        <translation>마스크를 다듬는 데 쓰는 자기 어텐션 맵 변 (잠재 변 길이에 대한 비율)</translation>
    </message>
    <message>
        <source>Outline threshold</source>
        <translation>윤곽 임계값</translation>
    </message>
    <message>
        <source>refined masks: threshold of the photo-size composite mask (lower keeps more around the object)</source>
        <translation>정교한 마스크: 사진 크기 합성 마스크의 임계값 (낮을수록 물체 주변을 더 남김)</translation>
    </message>
    <message>
        <source>threshold of the subtracted words&apos; mask</source>
        <translation>빼는 단어 마스크의 임계값</translation>
    </message>
    <message>
        <source>blend-map side as a fraction of the latent side</source>
        <translation>블렌드 맵 변 (잠재 변 길이에 대한 비율)</translation>
    </message>
    <message>
        <source>smallest blend-map side in positions</source>
        <translation>블렌드 맵의 최소 변 (위치 수)</translation>
    </message>
    <message>
        <source>mask edge softening in pixels</source>
        <translation>마스크 가장자리 부드럽게 (픽셀)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>random seed (generate: the initial noise)</source>
        <translation>난수 시드 (생성: 초기 노이즈)</translation>
    </message>
    <message>
        <source>best fidelity; optimises the empty prompt per step (slowest)</source>
        <translation>충실도가 가장 높음; 단계마다 빈 프롬프트를 최적화 (가장 느림)</translation>
    </message>
    <message>
        <source>fast (seconds): uses the caption as negative prompt (slightly less faithful)</source>
        <translation>빠름 (몇 초): 설명을 부정 프롬프트로 씀 (충실도 약간 낮음)</translation>
    </message>
    <message>
        <source>fast (seconds): the source branch follows the inversion exactly</source>
        <translation>빠름 (몇 초): 원본 분기가 반전을 그대로 따름</translation>
    </message>
    <message>
        <source>plain DDIM inversion; drifts at high guidance (for comparison)</source>
        <translation>일반 DDIM 반전; 가이던스가 높으면 어긋남 (비교용)</translation>
    </message>
    <message>
        <source>fast and faithful at few steps: re-evaluates each inversion step (ReNoise)</source>
        <translation>적은 단계에서 빠르고 충실함: 반전 단계마다 다시 계산 (ReNoise)</translation>
    </message>
    <message>
        <source>follows the object&apos;s outline (self-attention refined)</source>
        <translation>물체 윤곽을 따름 (자기 어텐션으로 다듬음)</translation>
    </message>
    <message>
        <source>the authors&apos; coarse mask (cross-attention cells, max-pooled)</source>
        <translation>저자의 거친 마스크 (교차 어텐션 칸, 최대 풀링)</translation>
    </message>
    <message>
        <source>the region around the edit redrawn when the photo is well above the model&apos;s size and the edit small</source>
        <translation>사진이 모델 크기보다 훨씬 크고 편집 범위가 작으면 편집 주변 영역을 다시 그림</translation>
    </message>
    <message>
        <source>the whole photo at the model&apos;s size, scaled up (fastest)</source>
        <translation>사진 전체를 모델 크기로 처리한 뒤 확대 (가장 빠름)</translation>
    </message>
    <message>
        <source>the region around the edit, redrawn at the model&apos;s size whenever that adds detail</source>
        <translation>디테일이 늘어날 때마다 편집 주변 영역을 모델 크기로 다시 그림</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>데모</translation>
    </message>
    <message>
        <source>built in: knows only coloured shapes; 64 px, an edit in seconds on a CPU</source>
        <translation>내장: 색칠된 도형만 앎; 64 px, CPU에서 몇 초 만에 편집</translation>
    </message>
    <message>
        <source>Stable Diffusion 1.5</source>
        <translation>Stable Diffusion 1.5</translation>
    </message>
    <message>
        <source>512 px, 50 steps; about 4.3 GB downloaded once</source>
        <translation>512 px, 50단계; 약 4.3 GB를 한 번 내려받음</translation>
    </message>
    <message>
        <source>Stable Diffusion 2.1</source>
        <translation>Stable Diffusion 2.1</translation>
    </message>
    <message>
        <source>768 px, 50 steps; about 5.2 GB downloaded once</source>
        <translation>768 px, 50단계; 약 5.2 GB를 한 번 내려받음</translation>
    </message>
    <message>
        <source>SDXL</source>
        <translation>SDXL</translation>
    </message>
    <message>
        <source>1024 px, 50 steps; about 14 GB downloaded once; a GPU with 12 GB or more</source>
        <translation>1024 px, 50단계; 약 14 GB를 한 번 내려받음; 12 GB 이상의 GPU</translation>
    </message>
    <message>
        <source>SD-Turbo (few-step)</source>
        <translation>SD-Turbo (적은 단계)</translation>
    </message>
    <message>
        <source>512 px, 4 steps without guidance, ReNoise inversion; about 5.2 GB downloaded once</source>
        <translation>512 px, 가이던스 없이 4단계, ReNoise 반전; 약 5.2 GB를 한 번 내려받음</translation>
    </message>
    <message>
        <source>SDXL-Turbo (few-step)</source>
        <translation>SDXL-Turbo (적은 단계)</translation>
    </message>
    <message>
        <source>512 px, 4 steps without guidance, ReNoise inversion; about 14 GB downloaded once; a GPU with 12 GB or more</source>
        <translation>512 px, 가이던스 없이 4단계, ReNoise 반전; 약 14 GB를 한 번 내려받음; 12 GB 이상의 GPU</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>편집 중</translation>
    </message>
    <message>
        <source>Refining</source>
        <translation>다듬는 중</translation>
    </message>
    <message>
        <source>Edited region</source>
        <translation>편집 영역</translation>
    </message>
    <message>
        <source>DDIM inversion</source>
        <translation>DDIM 반전</translation>
    </message>
    <message>
        <source>Direct inversion</source>
        <translation>Direct 반전</translation>
    </message>
    <message>
        <source>Negative-prompt inversion</source>
        <translation>부정 프롬프트 반전</translation>
    </message>
    <message>
        <source>Null-text</source>
        <translation>Null-text</translation>
    </message>
    <message>
        <source>ReNoise inversion</source>
        <translation>ReNoise 반전</translation>
    </message>
    <message>
        <source>Noise correction</source>
        <translation>노이즈 보정</translation>
    </message>
    <message>
        <source>Loading model</source>
        <translation>모델 불러오는 중</translation>
    </message>
    <message>
        <source>Downloading model</source>
        <translation>모델 내려받는 중</translation>
    </message>
    <message>
        <source>Timing one UNet evaluation</source>
        <translation>UNet 평가 1회 측정 중</translation>
    </message>
    <message>
        <source>Reading recipe</source>
        <translation>레시피 읽는 중</translation>
    </message>
    <message>
        <source>iter</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>faithful</source>
        <translation>충실</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>미흡</translation>
    </message>
    <message>
        <source>try {method}</source>
        <translation>{method} 시도</translation>
    </message>
    <message>
        <source>try {method} inversion for a closer reconstruction</source>
        <translation>더 가까운 재구성을 위해 {method} 반전을 시도하세요</translation>
    </message>
    <message>
        <source>check that the caption describes the photo, or use more steps</source>
        <translation>설명이 사진과 맞는지 확인하거나 단계 수를 늘리세요</translation>
    </message>
    <message>
        <source>check that the caption describes the photo, or raise the null-text iterations</source>
        <translation>설명이 사진과 맞는지 확인하거나 null-text 반복 횟수를 늘리세요</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not English: the text encoder was trained on English captions, so write the caption in English</source>
        <translation>&apos;{text}&apos;은(는) 영어가 아닙니다: 텍스트 인코더는 영어 캡션으로 학습되었으므로 캡션을 영어로 작성하세요</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is a rare word for the text encoder; did you mean &apos;{likely}&apos;?</source>
        <translation>&apos;{word}&apos;은(는) 텍스트 인코더에 드문 단어입니다. &apos;{likely}&apos;을(를) 의미하셨나요?</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is not a word the text encoder knows; did you mean &apos;{likely}&apos;?</source>
        <translation>&apos;{word}&apos;은(는) 텍스트 인코더가 모르는 단어입니다. &apos;{likely}&apos;을(를) 의미하셨나요?</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>--lora {text!r}: the scale after &apos;:&apos; must be a number, not {scale!r}</source>
        <translation>--lora {text!r}: &apos;:&apos; 뒤의 강도는 {scale!r}이(가) 아닌 숫자여야 합니다</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>; for a single checkpoint file pass the file itself, e.g. {file}</source>
        <translation>; 단일 체크포인트 파일은 파일 자체를 지정하세요. 예: {file}</translation>
    </message>
    <message>
        <source>; pass a diffusers model folder, a .safetensors checkpoint or a hub id such as {hub_id}</source>
        <translation>; diffusers 모델 폴더, .safetensors 체크포인트 또는 {hub_id} 같은 hub ID를 지정하세요</translation>
    </message>
    <message>
        <source>; {word}: {span}</source>
        <translation>; {word}: {span}</translation>
    </message>
    <message>
        <source>An edit of a photo at this model&apos;s defaults ({settings}) takes about {time} on {device}: {rows} UNet evaluations of {row:.3g} s each.</source>
        <translation>이 모델의 기본값({settings})으로 사진 한 장을 편집하면 {device}에서 약 {time} 걸립니다: UNet 평가 {rows}회, 각 {row:.3g}초.</translation>
    </message>
    <message>
        <source>An edit of a photo at this model&apos;s defaults ({settings}) takes up to {time} on {device}: {rows} UNet evaluations of {row:.3g} s each.</source>
        <translation>이 모델의 기본값({settings})으로 사진 한 장을 편집하면 {device}에서 최대 {time} 걸립니다: UNet 평가 {rows}회, 각 {row:.3g}초.</translation>
    </message>
    <message>
        <source>Editing: {edit}</source>
        <translation>편집 중: {edit}</translation>
    </message>
    <message>
        <source>Inverting the photo</source>
        <translation>사진 반전 중</translation>
    </message>
    <message>
        <source>LoRA {name} could not be loaded: {reason}</source>
        <translation>LoRA {name}을(를) 불러올 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>LoRA {name} could not be read: {reason}</source>
        <translation>LoRA {name}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>LoRA {name} does not fit this model ({kind}): {part}.{module_path} {problem} - a LoRA made for another model family?</source>
        <translation>LoRA {name}이(가) 이 모델({kind})에 맞지 않습니다: {part}.{module_path} {problem} - 다른 모델 계열용 LoRA인가요?</translation>
    </message>
    <message>
        <source>LoRA {name} has no LoRA layers this program can read</source>
        <translation>LoRA {name}에 이 프로그램이 읽을 수 있는 LoRA 레이어가 없습니다</translation>
    </message>
    <message>
        <source>LoRA {name}: no such file ({path})</source>
        <translation>LoRA {name}: 파일이 없습니다({path})</translation>
    </message>
    <message>
        <source>LoRA {name}: only .safetensors files are loaded (a pickle can run code)</source>
        <translation>LoRA {name}: .safetensors 파일만 불러옵니다(pickle은 코드를 실행할 수 있음)</translation>
    </message>
    <message>
        <source>LoRA {name}: scale {scale:g} is outside {low:g} to {high:g}</source>
        <translation>LoRA {name}: 강도 {scale:g}이(가) {low:g}~{high:g} 범위를 벗어났습니다</translation>
    </message>
    <message>
        <source>Opening the photo</source>
        <translation>사진을 여는 중</translation>
    </message>
    <message>
        <source>Redrawing the edited region of a large photo (Detail: auto or region) adds about {time} ({rows} evaluations).</source>
        <translation>큰 사진의 편집 영역 다시 그리기(디테일: auto 또는 region)는 약 {time}이 더 걸립니다(평가 {rows}회).</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>저장 중</translation>
    </message>
    <message>
        <source>Sweeping {cells} cells: {grid}</source>
        <translation>{cells}개 셀 스윕 중: {grid}</translation>
    </message>
    <message>
        <source>a LoRA needs a file</source>
        <translation>LoRA에는 파일이 필요합니다</translation>
    </message>
    <message>
        <source>a few-step model</source>
        <translation>소수 단계 모델</translation>
    </message>
    <message>
        <source>a few-step model (LCM)</source>
        <translation>소수 단계 모델(LCM)</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>경로의 일부가 폴더가 아니라 파일입니다</translation>
    </message>
    <message>
        <source>a sweep names the same parameter twice</source>
        <translation>스윕에 같은 매개변수가 두 번 지정되었습니다</translation>
    </message>
    <message>
        <source>a sweep needs at least one KEY=V1,V2,... axis</source>
        <translation>스윕에는 KEY=V1,V2,... 축이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>a weight sweep needs (word:factor) markup in the edited caption, e.g. a (red:2) car</source>
        <translation>가중치 스윕에는 편집된 캡션에 (word:factor) 표기가 필요합니다. 예: a (red:2) car</translation>
    </message>
    <message>
        <source>a word swap needs captions with the same number of words</source>
        <translation>단어 교체에는 단어 수가 같은 캡션이 필요합니다</translation>
    </message>
    <message>
        <source>all unreadable history entries left out (their files are kept)</source>
        <translation>읽을 수 없는 기록 항목을 모두 제외했습니다(파일은 보존됨)</translation>
    </message>
    <message>
        <source>cannot read the re-weighting in {text!r}; write it as (word:1.5)</source>
        <translation>{text!r}의 재가중치를 읽을 수 없습니다. (word:1.5)처럼 쓰세요</translation>
    </message>
    <message>
        <source>cannot sweep {key!r}; choose from {items}</source>
        <translation>{key!r}은(는) 스윕할 수 없습니다. {items} 중에서 고르세요</translation>
    </message>
    <message>
        <source>cannot write to {what} {folder}: {reason}</source>
        <translation>{what} {folder}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>clipboard image</source>
        <translation>클립보드 이미지</translation>
    </message>
    <message>
        <source>could not load checkpoint {name}: {reason}</source>
        <translation>체크포인트 {name}을(를) 불러올 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>could not load checkpoint {name}: {reason} (is --model-config a diffusers folder of the same model family?)</source>
        <translation>체크포인트 {name}을(를) 불러올 수 없습니다: {reason} (--model-config가 같은 모델 계열의 diffusers 폴더인가요?)</translation>
    </message>
    <message>
        <source>could not read the {part} of the model in {folder}: its config.json does not match its weights ({count} weights missing or of another shape, e.g. {missing})</source>
        <translation>{folder}에 있는 모델의 {part}을(를) 읽을 수 없습니다: config.json이 가중치와 맞지 않습니다(가중치 {count}개가 없거나 모양이 다름. 예: {missing})</translation>
    </message>
    <message>
        <source>could not read the {part} of the model in {folder}: {reason}</source>
        <translation>{folder}에 있는 모델의 {part}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>could not save the session: {reason}</source>
        <translation>세션을 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>cross-attention replaced for steps {cross} of {total}{words}, self-attention {self_steps}</source>
        <translation>교차 어텐션은 {total}단계 중 {cross} 단계에서 교체{words}, 셀프 어텐션 {self_steps}</translation>
    </message>
    <message>
        <source>cross-attention word {word!r} is not in the edited caption</source>
        <translation>교차 어텐션 단어 {word!r}이(가) 편집된 캡션에 없습니다</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>손상됨</translation>
    </message>
    <message>
        <source>detail: the edited region is redrawn at {native} px when it adds detail (the photo is {scale:.1f}× the model&apos;s size; {strength:.0%} of the steps again)</source>
        <translation>디테일: 디테일이 늘어날 때 편집 영역을 {native} px로 다시 그립니다(사진은 모델 크기의 {scale:.1f}×, 단계의 {strength:.0%}를 다시)</translation>
    </message>
    <message>
        <source>detail: the edited region is redrawn at {native} px when its mask is small (the photo is {scale:.1f}× the model&apos;s size; {strength:.0%} of the steps again)</source>
        <translation>디테일: 마스크가 작을 때 편집 영역을 {native} px로 다시 그립니다(사진은 모델 크기의 {scale:.1f}×, 단계의 {strength:.0%}를 다시)</translation>
    </message>
    <message>
        <source>detail: whole photo at the model&apos;s {native} px</source>
        <translation>디테일: 사진 전체를 모델의 {native} px로</translation>
    </message>
    <message>
        <source>detail: whole photo at the model&apos;s {native} px, scaled up {scale:.1f}×</source>
        <translation>디테일: 사진 전체를 모델의 {native} px로, {scale:.1f}× 확대</translation>
    </message>
    <message>
        <source>device &apos;cuda&apos; requested but no CUDA GPU is available to PyTorch</source>
        <translation>장치 &apos;cuda&apos;를 요청했지만 PyTorch가 사용할 수 있는 CUDA GPU가 없습니다</translation>
    </message>
    <message>
        <source>device &apos;mps&apos; requested but Apple&apos;s Metal backend is not available</source>
        <translation>장치 &apos;mps&apos;를 요청했지만 Apple의 Metal 백엔드를 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>device must be one of {items}, not {device!r}</source>
        <translation>장치는 {device!r}이(가) 아닌 {items} 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>did not save the session: {reason}</source>
        <translation>세션을 저장하지 않았습니다: {reason}</translation>
    </message>
    <message>
        <source>download it on a connected machine with `hf download {repo_id}` or pass a local folder or .safetensors file</source>
        <translation>인터넷에 연결된 컴퓨터에서 `hf download {repo_id}`로 내려받거나 로컬 폴더 또는 .safetensors 파일을 지정하세요</translation>
    </message>
    <message>
        <source>edited region {w}×{h} px at ({left}, {top}), {gain:.1f}× the detail of the whole photo</source>
        <translation>편집 영역 {w}×{h} px, 위치 ({left}, {top}), 사진 전체의 {gain:.1f}× 디테일</translation>
    </message>
    <message>
        <source>edits of one run must share {items}</source>
        <translation>한 번의 실행에 포함된 편집은 {items}을(를) 공유해야 합니다</translation>
    </message>
    <message>
        <source>empty word in re-weighting {markup!r}</source>
        <translation>재가중치 {markup!r}의 단어가 비어 있습니다</translation>
    </message>
    <message>
        <source>expected KEY=V1,V2,... for a sweep, got {text!r}</source>
        <translation>스윕에는 KEY=V1,V2,...가 필요한데 {text!r}을(를) 받았습니다</translation>
    </message>
    <message>
        <source>guidance {guidance:g}</source>
        <translation>가이던스 {guidance:g}</translation>
    </message>
    <message>
        <source>has {want} inputs, the LoRA {have}</source>
        <translation>의 입력은 {want}개, LoRA는 {have}개</translation>
    </message>
    <message>
        <source>has {want} outputs, the LoRA {have}</source>
        <translation>의 출력은 {want}개, LoRA는 {have}개</translation>
    </message>
    <message>
        <source>is a layer of a second text encoder, which this model does not have</source>
        <translation>은(는) 두 번째 텍스트 인코더의 레이어인데 이 모델에는 없습니다</translation>
    </message>
    <message>
        <source>is a {layer}, which takes no LoRA</source>
        <translation>은(는) {layer}(으)로 LoRA를 받지 않습니다</translation>
    </message>
    <message>
        <source>is not a layer of this model</source>
        <translation>은(는) 이 모델의 레이어가 아닙니다</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <source>model folder {folder} is incomplete: missing {items}; download the whole model again (e.g. `hf download ORG/NAME --local-dir FOLDER`)</source>
        <translation>모델 폴더 {folder}이(가) 불완전합니다: {items} 없음. 모델 전체를 다시 내려받으세요(예: `hf download ORG/NAME --local-dir FOLDER`)</translation>
    </message>
    <message>
        <source>model {repo_id} does not exist on the hub (or needs a login)</source>
        <translation>모델 {repo_id}이(가) hub에 없습니다(또는 로그인이 필요합니다)</translation>
    </message>
    <message>
        <source>model {repo_id} is not cached and could not be downloaded ({reason}); {how}</source>
        <translation>모델 {repo_id}이(가) 캐시에 없고 내려받을 수도 없습니다({reason}). {how}</translation>
    </message>
    <message>
        <source>model {repo_id} is not in the local cache and offline mode is on; {how}</source>
        <translation>모델 {repo_id}이(가) 로컬 캐시에 없고 오프라인 모드가 켜져 있습니다. {how}</translation>
    </message>
    <message>
        <source>no model file or folder at {spec}</source>
        <translation>{spec}에 모델 파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <source>no model given</source>
        <translation>모델이 지정되지 않았습니다</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>그런 파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>not a session (the JSON is not an object)</source>
        <translation>세션이 아닙니다(JSON이 객체가 아님)</translation>
    </message>
    <message>
        <source>not valid JSON (not UTF-8 text)</source>
        <translation>올바른 JSON이 아닙니다(UTF-8 텍스트가 아님)</translation>
    </message>
    <message>
        <source>not valid JSON: {reason}</source>
        <translation>올바른 JSON이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>null-text inversion needs a deterministic sampler, not {sampler}: use ReNoise or Direct inversion (the sampler&apos;s noise makes them exact)</source>
        <translation>null-text 반전에는 {sampler}이(가) 아닌 결정적 샘플러가 필요합니다. ReNoise 또는 Direct 반전을 사용하세요(샘플러의 노이즈로 정확해집니다)</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <source>precision must be one of {items}, not {precision!r}</source>
        <translation>정밀도는 {precision!r}이(가) 아닌 {items} 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>preview decoder {spec}: cannot be read ({reason}); previews use the model&apos;s VAE</source>
        <translation>미리보기 디코더 {spec}: 읽을 수 없습니다({reason}). 미리보기는 모델의 VAE를 사용합니다</translation>
    </message>
    <message>
        <source>preview decoder {spec}: made for {channels}-channel latents, the model has {latent}; previews use the model&apos;s VAE</source>
        <translation>미리보기 디코더 {spec}: {channels}채널 잠재 변수용인데 모델은 {latent}입니다. 미리보기는 모델의 VAE를 사용합니다</translation>
    </message>
    <message>
        <source>re-weighting factor {factor} in {markup!r} is out of range: use a factor between {low:g} and {high:g}</source>
        <translation>{markup!r}의 재가중치 계수 {factor}이(가) 범위를 벗어났습니다: {low:g}~{high:g} 사이의 계수를 사용하세요</translation>
    </message>
    <message>
        <source>refine</source>
        <translation>세분화</translation>
    </message>
    <message>
        <source>reweight</source>
        <translation>재가중치</translation>
    </message>
    <message>
        <source>sampler must be one of {items}, not {sampler!r}</source>
        <translation>샘플러는 {sampler!r}이(가) 아닌 {items} 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>settings reset to defaults ({reason})</source>
        <translation>설정을 기본값으로 되돌렸습니다({reason})</translation>
    </message>
    <message>
        <source>size differs from the photo&apos;s</source>
        <translation>사진과 크기가 다릅니다</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>교체</translation>
    </message>
    <message>
        <source>sweep weight {value:g} is out of range [{low:g}, {high:g}]</source>
        <translation>스윕 가중치 {value:g}이(가) 범위 [{low:g}, {high:g}]를 벗어났습니다</translation>
    </message>
    <message>
        <source>the Euler-ancestral sampler cannot run a {prediction!r}-prediction model</source>
        <translation>Euler-ancestral 샘플러는 {prediction!r} 예측 모델을 실행할 수 없습니다</translation>
    </message>
    <message>
        <source>the LCM sampler gives {count} timesteps for {steps} steps</source>
        <translation>LCM 샘플러가 {steps}단계에 대해 {count}개의 타임스텝을 냅니다</translation>
    </message>
    <message>
        <source>the built-in demo model is missing ({reason}); reinstall P2P Studio</source>
        <translation>내장 데모 모델이 없습니다({reason}). P2P Studio를 다시 설치하세요</translation>
    </message>
    <message>
        <source>the caption is too long: {count} tokens, the model takes at most {most}</source>
        <translation>캡션이 너무 깁니다: {count}토큰, 모델은 최대 {most}토큰을 받습니다</translation>
    </message>
    <message>
        <source>the caption {text!r} has no words the tokenizer understands</source>
        <translation>캡션 {text!r}에 토크나이저가 이해하는 단어가 없습니다</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>디스크 할당량을 초과했습니다</translation>
    </message>
    <message>
        <source>the edited caption is the same as the caption — change a word</source>
        <translation>편집된 캡션이 원래 캡션과 같습니다 — 단어를 바꾸세요</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>파일 시스템이 읽기 전용입니다</translation>
    </message>
    <message>
        <source>the inversion has {num_steps} steps but the edit asks for {steps}</source>
        <translation>반전은 {num_steps}단계인데 편집은 {steps}단계를 요구합니다</translation>
    </message>
    <message>
        <source>the model produced NaN or infinity at {where}; nothing was written (on a GPU try --precision fp32; otherwise the model&apos;s weights may be damaged)</source>
        <translation>모델이 {where}에서 NaN 또는 무한대를 냈습니다. 아무것도 쓰지 않았습니다(GPU에서는 --precision fp32를 시도하세요. 아니면 모델 가중치가 손상되었을 수 있습니다)</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler config gives Euler sigmas this library cannot run</source>
        <translation>모델의 스케줄러 설정이 이 라이브러리가 실행할 수 없는 Euler 시그마를 냅니다</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler config is invalid: num_train_timesteps = {train!r}</source>
        <translation>모델의 스케줄러 설정이 잘못되었습니다: num_train_timesteps = {train!r}</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler config is invalid: {reason}</source>
        <translation>모델의 스케줄러 설정이 잘못되었습니다: {reason}</translation>
    </message>
    <message>
        <source>the model&apos;s scheduler has zero terminal SNR (rescale_betas_zero_snr: true): its noisiest level is pure noise, which an epsilon-prediction model cannot denoise; such models use v-prediction (prediction_type: v_prediction in the scheduler config)</source>
        <translation>모델의 스케줄러가 종단 SNR 0(rescale_betas_zero_snr: true)입니다: 가장 노이즈가 큰 단계는 순수한 노이즈라 epsilon 예측 모델은 디노이즈할 수 없습니다. 이런 모델은 v 예측을 사용합니다(스케줄러 설정의 prediction_type: v_prediction)</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>이름이 너무 깁니다</translation>
    </message>
    <message>
        <source>the number of steps must be at least 1</source>
        <translation>단계 수는 1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>the recipe has no captions</source>
        <translation>레시피에 캡션이 없습니다</translation>
    </message>
    <message>
        <source>the session could not be restored ({reason}); its files are kept as they are and not saved over</source>
        <translation>세션을 복원할 수 없습니다({reason}). 파일은 그대로 두고 덮어쓰지 않습니다</translation>
    </message>
    <message>
        <source>the session is not saved: {file} could not be read or moved aside, and it is never written over</source>
        <translation>세션이 저장되지 않았습니다: {file}을(를) 읽거나 옮겨 둘 수 없어 절대 덮어쓰지 않습니다</translation>
    </message>
    <message>
        <source>the session&apos;s photo {file} is missing</source>
        <translation>세션의 사진 {file}이(가) 없습니다</translation>
    </message>
    <message>
        <source>the sweep batch must be at least 1, not {batch}</source>
        <translation>스윕 배치는 {batch}이(가) 아닌 1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>the sweep has no cells</source>
        <translation>스윕에 셀이 없습니다</translation>
    </message>
    <message>
        <source>the sweep has {size} cells; at most {most}</source>
        <translation>스윕에 셀이 {size}개 있습니다. 최대 {most}개입니다</translation>
    </message>
    <message>
        <source>the sweep of {key} has no values</source>
        <translation>{key} 스윕에 값이 없습니다</translation>
    </message>
    <message>
        <source>the sweep of {key} repeats a value</source>
        <translation>{key} 스윕에 같은 값이 반복됩니다</translation>
    </message>
    <message>
        <source>the sweep {text!r} has a value that is not a number</source>
        <translation>스윕 {text!r}에 숫자가 아닌 값이 있습니다</translation>
    </message>
    <message>
        <source>the {component} weights in {folder} are pickle files (.bin), which can run code when loaded; convert them to .safetensors, or allow them explicitly (--allow-pickle) if you trust their source</source>
        <translation>{folder}의 {component} 가중치는 pickle 파일(.bin)이라 불러올 때 코드를 실행할 수 있습니다. .safetensors로 변환하거나, 출처를 믿는다면 명시적으로 허용하세요(--allow-pickle)</translation>
    </message>
    <message>
        <source>the {device} device ran out of memory; try fewer edited captions, half precision, a smaller photo size or the CPU</source>
        <translation>{device} 장치의 메모리가 부족합니다. 편집 캡션 줄이기, 반정밀도, 더 작은 사진 크기 또는 CPU를 시도하세요</translation>
    </message>
    <message>
        <source>the {label} of {word!r}</source>
        <translation>{word!r}의 {label}</translation>
    </message>
    <message>
        <source>the {what} contains a NUL character</source>
        <translation>{what}에 NUL 문자가 있습니다</translation>
    </message>
    <message>
        <source>the {what} contains a byte that is not UTF-8 text (0x{bad} at character {position}); type it again or set a UTF-8 locale</source>
        <translation>{what}에 UTF-8 텍스트가 아닌 바이트가 있습니다({position}번째 문자의 0x{bad}). 다시 입력하거나 UTF-8 로캘을 설정하세요</translation>
    </message>
    <message>
        <source>the {what} is empty</source>
        <translation>{what}이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>the {what} is too long: {count:,} characters (at most {limit:,})</source>
        <translation>{what}이(가) 너무 깁니다: {count:,}자(최대 {limit:,}자)</translation>
    </message>
    <message>
        <source>unexpected content ({reason})</source>
        <translation>예상치 못한 내용({reason})</translation>
    </message>
    <message>
        <source>unknown device {name!r}; use auto, cuda, mps or cpu</source>
        <translation>알 수 없는 장치 {name!r}. auto, cuda, mps, cpu 중 하나를 사용하세요</translation>
    </message>
    <message>
        <source>unknown key {name!r}</source>
        <translation>알 수 없는 키 {name!r}</translation>
    </message>
    <message>
        <source>unknown precision {precision!r}; use auto, fp32, fp16 or bf16</source>
        <translation>알 수 없는 정밀도 {precision!r}. auto, fp32, fp16, bf16 중 하나를 사용하세요</translation>
    </message>
    <message>
        <source>unknown setting {name!r}</source>
        <translation>알 수 없는 설정 {name!r}</translation>
    </message>
    <message>
        <source>{count} masks given for {captions} edited captions</source>
        <translation>편집 캡션 {captions}개에 마스크 {count}개가 주어졌습니다</translation>
    </message>
    <message>
        <source>{count} settings given for {captions} edited captions</source>
        <translation>편집 캡션 {captions}개에 설정 {count}개가 주어졌습니다</translation>
    </message>
    <message>
        <source>{count} unreadable history entries left out (their files are kept)</source>
        <translation>읽을 수 없는 기록 항목 {count}개를 제외했습니다(파일은 보존됨)</translation>
    </message>
    <message>
        <source>{error}; details are in the log</source>
        <translation>{error}. 자세한 내용은 로그에 있습니다</translation>
    </message>
    <message>
        <source>{file} could not be read ({reason})</source>
        <translation>{file}을(를) 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{folder} is not a model folder (no model_index.json, no unet/ or vae/ folder){hint}</source>
        <translation>{folder}은(는) 모델 폴더가 아닙니다(model_index.json도, unet/ 또는 vae/ 폴더도 없음){hint}</translation>
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
        <translation>{method} 반전</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes}분 {seconds}초</translation>
    </message>
    <message>
        <source>{name} is a legacy pickle checkpoint, which can run arbitrary code when loaded; use a .safetensors file, or allow it explicitly (--allow-pickle) if you trust its source</source>
        <translation>{name}은(는) 구식 pickle 체크포인트라 불러올 때 임의의 코드를 실행할 수 있습니다. .safetensors 파일을 사용하거나, 출처를 믿는다면 명시적으로 허용하세요(--allow-pickle)</translation>
    </message>
    <message>
        <source>{name} is an SDXL refiner, which only refines another model&apos;s output; use an SDXL base model (e.g. {base}) or one of its fine-tunes</source>
        <translation>{name}은(는) 다른 모델의 출력을 다듬기만 하는 SDXL 리파이너입니다. SDXL 기본 모델(예: {base}) 또는 그 파인튜닝 모델을 사용하세요</translation>
    </message>
    <message>
        <source>{name} must be a finite number, not {value}</source>
        <translation>{name}은(는) {value}이(가) 아닌 유한한 수여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be in {range_text}, not {shown}</source>
        <translation>{name}은(는) {shown}이(가) 아닌 {range_text} 범위여야 합니다</translation>
    </message>
    <message>
        <source>{name} needs its model&apos;s configs: pass --model-config FOLDER (a diffusers folder of the same model family), or fetch them once with `hf download {base} --include &apos;*.json&apos; &apos;*.txt&apos;`</source>
        <translation>{name}에는 모델 설정이 필요합니다: --model-config FOLDER(같은 모델 계열의 diffusers 폴더)를 지정하거나 `hf download {base} --include &apos;*.json&apos; &apos;*.txt&apos;`로 한 번 받으세요</translation>
    </message>
    <message>
        <source>{name}: an SDXL UNet needs SDXL&apos;s two text encoders (and only it does)</source>
        <translation>{name}: SDXL UNet에는 SDXL의 텍스트 인코더 두 개가 필요합니다(SDXL만 필요함)</translation>
    </message>
    <message>
        <source>{name}: an animation of {frames} frames; its first frame is used</source>
        <translation>{name}: {frames}프레임 애니메이션입니다. 첫 프레임을 사용합니다</translation>
    </message>
    <message>
        <source>{name}: expected a diffusers folder, a .safetensors checkpoint or a hub id</source>
        <translation>{name}: diffusers 폴더, .safetensors 체크포인트 또는 hub ID여야 합니다</translation>
    </message>
    <message>
        <source>{name}: file not found</source>
        <translation>{name}: 파일을 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>{name}: not a regular file (a folder, pipe or device cannot be opened as a photo)</source>
        <translation>{name}: 일반 파일이 아닙니다(폴더, 파이프, 장치는 사진으로 열 수 없음)</translation>
    </message>
    <message>
        <source>{name}: not an image file, or a format P2P Studio cannot read</source>
        <translation>{name}: 이미지 파일이 아니거나 P2P Studio가 읽을 수 없는 형식입니다</translation>
    </message>
    <message>
        <source>{name}: the UNet expects text states of width {width}, the text encoders give {widths}</source>
        <translation>{name}: UNet은 너비 {width}의 텍스트 상태를 기대하지만 텍스트 인코더는 {widths}를 냅니다</translation>
    </message>
    <message>
        <source>{name}: the UNet&apos;s added conditioning ({added} values) is not SDXL&apos;s pooled embedding and {ids} time ids ({expected})</source>
        <translation>{name}: UNet의 추가 조건({added}개 값)이 SDXL의 풀링 임베딩과 시간 ID {ids}개({expected})가 아닙니다</translation>
    </message>
    <message>
        <source>{name}: the file is larger than {megabytes:,.0f} MB, the largest photo that can be opened</source>
        <translation>{name}: 파일이 열 수 있는 사진의 최대 크기인 {megabytes:,.0f} MB보다 큽니다</translation>
    </message>
    <message>
        <source>{name}: the image file is damaged or truncated ({reason})</source>
        <translation>{name}: 이미지 파일이 손상되었거나 잘렸습니다({reason})</translation>
    </message>
    <message>
        <source>{name}: the image file is damaged or unsupported ({reason})</source>
        <translation>{name}: 이미지 파일이 손상되었거나 지원되지 않습니다({reason})</translation>
    </message>
    <message>
        <source>{name}: the image is larger than the limit of {limit:,} pixels; downscale it first</source>
        <translation>{name}: 이미지가 {limit:,}픽셀 한도보다 큽니다. 먼저 축소하세요</translation>
    </message>
    <message>
        <source>{name}: the scheduler config is invalid (num_train_timesteps = {train!r})</source>
        <translation>{name}: 스케줄러 설정이 잘못되었습니다(num_train_timesteps = {train!r})</translation>
    </message>
    <message>
        <source>{name}: the scheduler has zero terminal SNR (rescale_betas_zero_snr: true) with epsilon prediction, which cannot denoise its noisiest level; such models use v-prediction (prediction_type: v_prediction in scheduler/scheduler_config.json)</source>
        <translation>{name}: 스케줄러가 종단 SNR 0(rescale_betas_zero_snr: true)에 epsilon 예측이라 가장 노이즈가 큰 단계를 디노이즈할 수 없습니다. 이런 모델은 v 예측을 사용합니다(scheduler/scheduler_config.json의 prediction_type: v_prediction)</translation>
    </message>
    <message>
        <source>{name}: the two tokenizers of this SDXL model differ, so one token alignment cannot serve both text encoders</source>
        <translation>{name}: 이 SDXL 모델의 두 토크나이저가 달라서 토큰 정렬 하나로 두 텍스트 인코더를 모두 처리할 수 없습니다</translation>
    </message>
    <message>
        <source>{name}: unsupported prediction type {prediction!r}</source>
        <translation>{name}: 지원되지 않는 예측 유형 {prediction!r}</translation>
    </message>
    <message>
        <source>{name}: {format} images are not supported; use JPEG, PNG, WebP, BMP, TIFF or GIF</source>
        <translation>{name}: {format} 이미지는 지원되지 않습니다. JPEG, PNG, WebP, BMP, TIFF, GIF를 사용하세요</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>{name}: {w}×{h} is larger than the limit of {limit:,} pixels; downscale it first</source>
        <translation>{name}: {w}×{h}은(는) {limit:,}픽셀 한도보다 큽니다. 먼저 축소하세요</translation>
    </message>
    <message>
        <source>{name}: {w}×{h} is too small; photos need at least {least} pixels per side</source>
        <translation>{name}: {w}×{h}은(는) 너무 작습니다. 사진은 변마다 {least}픽셀 이상이어야 합니다</translation>
    </message>
    <message>
        <source>{note}; a new session was started (earlier results stay in the items folder)</source>
        <translation>{note}. 새 세션을 시작했습니다(이전 결과는 items 폴더에 남아 있음)</translation>
    </message>
    <message>
        <source>{note}; it is kept as it is and this session is not saved over it</source>
        <translation>{note}. 그대로 두며 이 세션이 덮어쓰지 않습니다</translation>
    </message>
    <message>
        <source>{note}; it was moved aside to {aside}</source>
        <translation>{note}. {aside}(으)로 옮겨 두었습니다</translation>
    </message>
    <message>
        <source>{plan}, local blend on {words}</source>
        <translation>{plan}, 로컬 블렌드: {words}</translation>
    </message>
    <message>
        <source>{plan}; {windows}</source>
        <translation>{plan}; {windows}</translation>
    </message>
    <message>
        <source>{reason}; the file as it was is kept as {aside}</source>
        <translation>{reason}. 원래 파일은 {aside}(으)로 보존했습니다</translation>
    </message>
    <message>
        <source>{reason}; {file} is not saved over while no copy of it can be made</source>
        <translation>{reason}. {file}의 사본을 만들 수 없는 동안에는 덮어쓰지 않습니다</translation>
    </message>
    <message>
        <source>{repo_id!r} is neither a model folder, a checkpoint file nor a hub id</source>
        <translation>{repo_id!r}은(는) 모델 폴더도, 체크포인트 파일도, hub ID도 아닙니다</translation>
    </message>
    <message>
        <source>{seconds:.2g} s</source>
        <translation>{seconds:.2g}초</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps}단계</translation>
    </message>
    <message>
        <source>{steps} steps are more than the model&apos;s scheduler has ({train})</source>
        <translation>{steps}단계는 모델 스케줄러의 단계 수({train})보다 많습니다</translation>
    </message>
    <message>
        <source>{token} ← (own map)</source>
        <translation>{token} ← (자체 맵)</translation>
    </message>
    <message>
        <source>{token} ← {sources}</source>
        <translation>{token} ← {sources}</translation>
    </message>
    <message>
        <source>{what} is not a JSON object</source>
        <translation>{what}은(는) JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>{what} is not valid ({value})</source>
        <translation>{what}이(가) 올바르지 않습니다 ({value})</translation>
    </message>
    <message>
        <source>{what} is out of range ({value})</source>
        <translation>{what}이(가) 범위를 벗어났습니다 ({value})</translation>
    </message>
    <message>
        <source>{what} is too long</source>
        <translation>{what}이(가) 너무 깁니다</translation>
    </message>
    <message>
        <source>{what} is {count:,} characters long</source>
        <translation>{what}의 길이가 {count:,}자입니다</translation>
    </message>
    <message>
        <source>{what} must be a JSON object</source>
        <translation>{what}은(는) JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>{what} must be a finite number, not {value}</source>
        <translation>{what}은(는) {value}이(가) 아닌 유한한 숫자여야 합니다</translation>
    </message>
    <message>
        <source>{what} must be a list of words</source>
        <translation>{what}은(는) 단어 목록이어야 합니다</translation>
    </message>
    <message>
        <source>{what} must be a number, not {value}</source>
        <translation>{what}은(는) {value}이(가) 아닌 숫자여야 합니다</translation>
    </message>
    <message>
        <source>{what} must be a whole number, not {value}</source>
        <translation>{what}은(는) {value}이(가) 아닌 정수여야 합니다</translation>
    </message>
    <message>
        <source>{what} must be one of {expected}, not {value}</source>
        <translation>{what}은(는) {value}이(가) 아닌 {expected} 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>{what} must be text</source>
        <translation>{what}은(는) 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>{what} must be true or false, not {value}</source>
        <translation>{what}은(는) {value}이(가) 아닌 true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>{what} word {word!r} is in neither caption</source>
        <translation>{what} 단어 {word!r}이(가) 어느 캡션에도 없습니다</translation>
    </message>
    <message>
        <source>{what} {folder} is a file, not a folder</source>
        <translation>{what} {folder}은(는) 폴더가 아니라 파일입니다</translation>
    </message>
    <message>
        <source>{what}: {reason}</source>
        <translation>{what}: {reason}</translation>
    </message>
    <message>
        <source>{windows}, blend from step {start}</source>
        <translation>{windows}, 블렌드는 {start}단계부터</translation>
    </message>
</context>
</TS>
