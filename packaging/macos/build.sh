#!/usr/bin/env bash
# Build P2P Studio for macOS: "P2P Studio.app" (PyInstaller BUNDLE, Info.plist and icon from
# packaging/p2p-studio.spec) and a .dmg with the app and an Applications link.
#
#   packaging/macos/build.sh [TORCH_VARIANT] [--current-python] [--out DIR]
#
# TORCH_VARIANT: cpu (default; on Apple silicon this build also runs on the GPU through MPS).
# Needs macOS (hdiutil). Not run on the project's Linux CI; mirrors packaging/linux/build.sh.
# The bundle is ad-hoc signed (PyInstaller does this); distributing outside your own machines
# needs a Developer ID signature and notarisation (codesign / xcrun notarytool), not done here.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VARIANT=cpu
CURRENT=0
OUT="$ROOT/build/macos"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --current-python) CURRENT=1 ;;
        --out) OUT="$2"; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        -*) echo "build.sh: unknown option $1" >&2; exit 2 ;;
        *) VARIANT="$1" ;;
    esac
    shift
done
[[ "$VARIANT" == cpu ]] || { echo "build.sh: macOS has only the cpu torch variant (MPS is built in)" >&2; exit 2; }
[[ "$(uname)" == Darwin ]] || { echo "build.sh: run this on macOS (needs hdiutil)" >&2; exit 2; }
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

if [[ $CURRENT == 1 ]]; then
    PY="$(command -v python3)"
else
    python3 -m venv "$OUT/venv-$VARIANT"
    PY="$OUT/venv-$VARIANT/bin/python"
    "$PY" -m pip install -q --upgrade pip
    "$PY" -m pip install -q -c "$ROOT/constraints.txt" torch   # PyPI's macOS wheels are the CPU/MPS build
    "$PY" -m pip install -q -c "$ROOT/constraints.txt" "$ROOT[packaging]"
fi
VERSION="$("$PY" -c 'import p2p_studio; print(p2p_studio.__version__)')"
ARCH="$(uname -m)"

NOTICES="$OUT/THIRD-PARTY-NOTICES.txt"
"$PY" "$ROOT/packaging/bundle_deps.py" "$NOTICES"
P2P_STUDIO_NOTICES="$NOTICES" "$PY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/work" "$ROOT/packaging/p2p-studio.spec"
APP="$OUT/dist/P2P Studio.app"
cp "$ROOT/LICENSE" "$NOTICES" "$APP/Contents/Resources/"
"$APP/Contents/MacOS/p2p-studio" --self-test

STAGE="$OUT/dmg"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
cp "$ROOT/LICENSE" "$STAGE/LICENSE.txt"
cp "$NOTICES" "$STAGE/"
DMG="$OUT/P2P-Studio-$VERSION-macos-$ARCH.dmg"
hdiutil create -volname "P2P Studio $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
"$PY" "$ROOT/packaging/size_report.py" "$APP" --package "$DMG" --torch-variant "$VARIANT" | tee "$OUT/size-report.json"
echo "built $DMG"
