"""Draw the P2P Studio icon and write it at the sizes each platform wants.

    python packaging/make_icons.py [resources/icons]

The icon: a photo (mountains under a sun) above a caption line with a text cursor — editing a
photo by editing its caption. Drawn once at 1024 px and downsampled, so small sizes stay crisp.
Writes ``p2p-studio-<size>.png`` (16…512, the freedesktop hicolor sizes), ``p2p-studio.ico``
(Windows: 16…256) and ``p2p-studio.icns`` (macOS: 16…1024).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
MASTER = 1024


def draw(side: int = MASTER) -> Image.Image:
    s = side / 1024
    img = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return round(x0 * s), round(y0 * s), round(x1 * s), round(y1 * s)

    # Tile: deep blue rounded square with a lighter top band (cheap vertical gradient).
    for i in range(64):
        t = i / 63
        colour = (round(38 + 30 * (1 - t)), round(64 + 40 * (1 - t)), round(140 + 60 * (1 - t)), 255)
        y0, y1 = 64 + i * 896 / 64, 64 + (i + 1) * 896 / 64
        layer = Image.new("L", (side, side), 0)
        ImageDraw.Draw(layer).rectangle(box(64, y0, 960, y1 + 1), fill=255)
        img.paste(colour, (0, 0), layer)
    mask = Image.new("L", (side, side), 0)
    ImageDraw.Draw(mask).rounded_rectangle(box(64, 64, 960, 960), radius=round(190 * s), fill=255)
    tile = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    tile.paste(img, (0, 0), mask)
    img, d = tile, ImageDraw.Draw(tile)

    # Photo: white frame, sky, sun, two mountains.
    d.rounded_rectangle(box(190, 170, 834, 640), radius=round(36 * s), fill=(250, 250, 252, 255))
    d.rectangle(box(226, 206, 798, 604), fill=(140, 200, 240, 255))
    d.ellipse(box(600, 250, 720, 370), fill=(255, 196, 60, 255))
    d.polygon([box(226, 604, 0, 0)[:2], box(420, 330, 0, 0)[:2], box(614, 604, 0, 0)[:2]], fill=(46, 140, 90, 255))
    d.polygon([box(470, 604, 0, 0)[:2], box(640, 410, 0, 0)[:2], box(798, 560, 0, 0)[:2], box(798, 604, 0, 0)[:2]],
              fill=(30, 110, 70, 255))
    # Caption line with a text cursor.
    d.rounded_rectangle(box(190, 712, 834, 840), radius=round(40 * s), fill=(250, 250, 252, 255))
    for x0, x1 in ((240, 380), (410, 520), (550, 640)):
        d.rounded_rectangle(box(x0, 758, x1, 794), radius=round(18 * s), fill=(120, 130, 150, 255))
    d.rectangle(box(676, 738, 694, 814), fill=(236, 72, 96, 255))
    return img


def write_icons(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    master = draw()
    written = []
    for size in PNG_SIZES:
        path = folder / f"p2p-studio-{size}.png"
        master.resize((size, size), Image.Resampling.LANCZOS).save(path, optimize=True)
        written.append(path)
    master.save(folder / "p2p-studio.ico", sizes=[(n, n) for n in ICO_SIZES])
    master.save(folder / "p2p-studio.icns")
    written += [folder / "p2p-studio.ico", folder / "p2p-studio.icns"]
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "resources" / "icons"
    for p in write_icons(target):
        print(p, p.stat().st_size)
