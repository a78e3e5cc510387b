"""Print a JSON size report of a built app folder: total, biggest parts, packages.

    python packaging/size_report.py FOLDER [--package FILE ...] [--torch-variant cpu]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

MB = 1024 * 1024


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def _parts(folder: Path) -> dict[str, int]:
    """Sizes per top-level entry of the bundle's content folder (``_internal`` if there is one)."""
    inner = folder / "_internal" if (folder / "_internal").is_dir() else folder
    sizes: dict[str, int] = {}
    for entry in inner.iterdir():
        name = entry.name.split(".libs")[0] if entry.name.endswith(".libs") else entry.name
        key = name.split("-")[0] if entry.suffix in {".dist-info"} else name
        sizes[key] = sizes.get(key, 0) + (folder_bytes(entry) if entry.is_dir() else entry.stat().st_size)
    return sizes


def report(folder: Path, packages: list[Path], variant: str | None, top: int = 12) -> dict:
    parts = sorted(_parts(folder).items(), key=lambda kv: -kv[1])
    return {
        "folder": str(folder),
        "torch_variant": variant,
        "folder_mb": round(folder_bytes(folder) / MB, 1),
        "files": sum(1 for f in folder.rglob("*") if f.is_file()),
        "largest_parts_mb": {name: round(size / MB, 1) for name, size in parts[:top]},
        "packages_mb": {p.name: round(p.stat().st_size / MB, 1) for p in packages if p.is_file()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--package", type=Path, action="append", default=[])
    parser.add_argument("--torch-variant")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"size_report: {args.folder} is not a folder", file=sys.stderr)
        return 2
    print(json.dumps(report(args.folder, args.package, args.torch_variant), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
