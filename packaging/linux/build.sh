#!/usr/bin/env bash
# Build P2P Studio for Linux: the PyInstaller folder, a .tar.gz of it and a .deb.
#
#   packaging/linux/build.sh [TORCH_VARIANT] [--current-python] [--out DIR] [--compress gzip|xz|zstd]
#
# TORCH_VARIANT: cpu (default) or a CUDA build such as cu126 / cu128 (the wheel index suffix at
# download.pytorch.org). Without --current-python a fresh virtual environment is made in
# OUT/venv-VARIANT and everything is installed there from constraints.txt; with it, the python3
# on PATH is used as is (it must have the app, its dependencies and PyInstaller installed: CI
# and the packaging test do this). P2P_TORCH_INDEX overrides the torch wheel index ("none":
# use pip's defaults, e.g. a local wheel house).
#
# Writes into OUT (default build/linux): p2p-studio/ (the app folder),
# p2p-studio-VERSION-linux-ARCH-VARIANT.tar.gz, p2p-studio_VERSION_ARCH.deb, size-report.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VARIANT=cpu
CURRENT=0
OUT="$ROOT/build/linux"
COMPRESS=gzip
while [[ $# -gt 0 ]]; do
    case "$1" in
        --current-python) CURRENT=1 ;;
        --out) OUT="$2"; shift ;;
        --compress) COMPRESS="$2"; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        -*) echo "build.sh: unknown option $1" >&2; exit 2 ;;
        *) VARIANT="$1" ;;
    esac
    shift
done
[[ "$VARIANT" =~ ^(cpu|cu[0-9]+|rocm[0-9.]+)$ ]] || { echo "build.sh: torch variant must be cpu, cuNNN or rocmX.Y, not '$VARIANT'" >&2; exit 2; }
for tool in dpkg-deb tar; do
    command -v "$tool" >/dev/null || { echo "build.sh: $tool is required" >&2; exit 2; }
done
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

if [[ $CURRENT == 1 ]]; then
    PY="$(command -v python3)"
else
    step "virtual environment for torch variant $VARIANT"
    VENV="$OUT/venv-$VARIANT"
    python3 -m venv "$VENV"
    PY="$VENV/bin/python"
    "$PY" -m pip install -q --upgrade pip
    INDEX="${P2P_TORCH_INDEX:-https://download.pytorch.org/whl/$VARIANT}"
    if [[ "$INDEX" == none ]]; then
        "$PY" -m pip install -q -c "$ROOT/constraints.txt" torch
    else
        "$PY" -m pip install -q -c "$ROOT/constraints.txt" --index-url "$INDEX" torch
    fi
    "$PY" -m pip install -q -c "$ROOT/constraints.txt" "$ROOT[packaging]"
fi
VERSION="$("$PY" -c 'import p2p_studio; print(p2p_studio.__version__)')"
ARCH="$(dpkg --print-architecture 2>/dev/null || uname -m)"
echo "P2P Studio $VERSION, torch $("$PY" -c 'import torch; print(torch.__version__)'), $ARCH"

step "third-party notices"
NOTICES="$OUT/THIRD-PARTY-NOTICES.txt"
"$PY" "$ROOT/packaging/bundle_deps.py" "$NOTICES"

step "PyInstaller"
P2P_STUDIO_NOTICES="$NOTICES" "$PY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/work" "$ROOT/packaging/p2p-studio.spec"
APP="$OUT/p2p-studio"
rm -rf "$APP"
mv "$OUT/dist/p2p-studio" "$APP"
cp "$ROOT/LICENSE" "$NOTICES" "$APP/"
cp "$ROOT/packaging/linux/p2p-studio.desktop" "$APP/"
cp "$ROOT/resources/icons/p2p-studio-256.png" "$APP/p2p-studio.png"

step "tar.gz"
TARBALL="$OUT/p2p-studio-$VERSION-linux-$ARCH-$VARIANT.tar.gz"
tar -C "$OUT" -czf "$TARBALL" p2p-studio

step ".deb"
STAGE="$OUT/deb-root"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/doc/p2p-studio"
cp -a "$APP" "$STAGE/opt/p2p-studio"
for exe in p2p-studio p2p-studio-gui; do
    printf '#!/bin/sh\nexec /opt/p2p-studio/%s "$@"\n' "$exe" > "$STAGE/usr/bin/$exe"
    chmod 755 "$STAGE/usr/bin/$exe"
done
install -m 644 "$ROOT/packaging/linux/p2p-studio.desktop" "$STAGE/usr/share/applications/"
for size in 16 24 32 48 64 128 256 512; do
    dir="$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    install -m 644 "$ROOT/resources/icons/p2p-studio-$size.png" "$dir/p2p-studio.png"
done
{
    echo "P2P Studio $VERSION"
    echo "Licence: Apache-2.0 (full text below). Third-party software and licences:"
    echo "/usr/share/doc/p2p-studio/THIRD-PARTY-NOTICES.txt"
    echo
    cat "$ROOT/LICENSE"
} > "$STAGE/usr/share/doc/p2p-studio/copyright"
install -m 644 "$NOTICES" "$STAGE/usr/share/doc/p2p-studio/"
SIZE_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE_KB/" -e "s/@VARIANT@/$VARIANT/" \
    "$ROOT/packaging/linux/control.in" > "$STAGE/DEBIAN/control"
DEB="$OUT/p2p-studio_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Z"$COMPRESS" --build "$STAGE" "$DEB" >/dev/null

step "size report"
"$PY" "$ROOT/packaging/size_report.py" "$APP" --package "$DEB" --package "$TARBALL" \
    --torch-variant "$VARIANT" | tee "$OUT/size-report.json"
echo "built $DEB and $TARBALL in ${SECONDS}s"
