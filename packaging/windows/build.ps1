<#
.SYNOPSIS
  Build P2P Studio for Windows: the PyInstaller folder, a .zip of it and an Inno Setup installer.
.DESCRIPTION
  .\packaging\windows\build.ps1 [-TorchVariant cpu|cu126|cu128] [-CurrentPython] [-Out build\windows]
  Makes a fresh virtual environment (unless -CurrentPython), installs torch of the given variant
  from download.pytorch.org plus the app from constraints.txt, runs PyInstaller with
  packaging\p2p-studio.spec, then ISCC.exe (Inno Setup 6, on PATH or in its default folder).
  Not run on the project's Linux CI; the script mirrors packaging/linux/build.sh step by step.
#>
param(
    [ValidatePattern('^(cpu|cu\d+)$')][string]$TorchVariant = "cpu",
    [switch]$CurrentPython,
    [string]$Out = ""
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
if (-not $Out) { $Out = Join-Path $Root "build\windows" }
New-Item -ItemType Directory -Force -Path $Out | Out-Null
$Out = (Resolve-Path $Out).Path

if ($CurrentPython) {
    $Py = (Get-Command python).Source
} else {
    $Venv = Join-Path $Out "venv-$TorchVariant"
    python -m venv $Venv
    $Py = Join-Path $Venv "Scripts\python.exe"
    & $Py -m pip install -q --upgrade pip
    & $Py -m pip install -q -c "$Root\constraints.txt" --index-url "https://download.pytorch.org/whl/$TorchVariant" torch
    & $Py -m pip install -q -c "$Root\constraints.txt" "$Root[packaging]"
}
$Version = & $Py -c "import p2p_studio; print(p2p_studio.__version__)"
Write-Host "P2P Studio $Version, torch variant $TorchVariant"

$Notices = Join-Path $Out "THIRD-PARTY-NOTICES.txt"
& $Py "$Root\packaging\bundle_deps.py" $Notices
$env:P2P_STUDIO_NOTICES = $Notices
& $Py -m PyInstaller --noconfirm --log-level WARN --distpath "$Out\dist" --workpath "$Out\work" "$Root\packaging\p2p-studio.spec"
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$App = Join-Path $Out "p2p-studio"
if (Test-Path $App) { Remove-Item -Recurse -Force $App }
Move-Item "$Out\dist\p2p-studio" $App
Copy-Item "$Root\LICENSE", $Notices $App

& "$App\p2p-studio.exe" --self-test
if ($LASTEXITCODE -ne 0) { throw "the built app failed its self-test" }

Compress-Archive -Force -Path $App -DestinationPath "$Out\p2p-studio-$Version-windows-x64-$TorchVariant.zip"

$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" "/DSourceDir=$App" "/DOutputDir=$Out" "/DTorchVariant=$TorchVariant" `
    "/DRepoRoot=$Root" "$Root\packaging\windows\p2p-studio.iss"
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
& $Py "$Root\packaging\size_report.py" $App --torch-variant $TorchVariant | Tee-Object "$Out\size-report.json"
