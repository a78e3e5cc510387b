"""Update the translation catalogues from the code and compile them (``make translations``).

    python scripts/translations.py            # lupdate into resources/translations/*.ts, then lrelease
    python scripts/translations.py --check    # exit 1, naming what, if the catalogues lag the code

lupdate (PySide6's) collects every ``tr()``, ``QCoreApplication.translate()`` and
``QT_TRANSLATE_NOOP()`` text of the app's Qt modules into each ``.ts``, keeping the translations
already there (no source locations, so a moved line changes nothing); lrelease compiles each into
the ``.qm`` the app loads. ``--check`` does the same in a scratch folder and compares: a text with
no finished translation, a translation whose ``{placeholders}`` differ from its source's, or a
``.qm`` that is not the compiled ``.ts``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = ROOT / "resources" / "translations"
#: The modules whose texts are translated (the Qt layers: the widgets, the controller, the studio).
SOURCES = (*sorted((ROOT / "p2p_studio" / "ui").glob("*.py")),
           *(ROOT / "p2p_studio" / "app" / name for name in ("controller.py", "studio.py", "core_text.py")))
LANGUAGES = ("zh_CN", "ja", "ko")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: it comes with PySide6")
    return found


def update(folder: Path) -> None:
    """lupdate and lrelease every language's catalogue in *folder*."""
    ts = [str(folder / f"p2p_studio_{code}.ts") for code in LANGUAGES]
    subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-silent",
                    *map(str, SOURCES), "-ts", *ts], check=True)
    for path in ts:
        subprocess.run([_tool("pyside6-lrelease"), "-silent", path, "-qm", path[:-3] + ".qm"], check=True)


def problems(folder: Path) -> list[str]:
    """What is missing or wrong in *folder*'s catalogues, one line each."""
    found = []
    for code in LANGUAGES:
        root = ET.parse(folder / f"p2p_studio_{code}.ts").getroot()
        for context in root.iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                text = translation.text if translation is not None else None
                if not text or (translation is not None and translation.get("type")):
                    found.append(f"{code}: {name}: not translated: {source!r}")
                elif sorted(re.findall(r"\{\w*\}", source)) != sorted(re.findall(r"\{\w*\}", text)):
                    found.append(f"{code}: {name}: placeholders differ: {source!r} -> {text!r}")
    return found


def check() -> list[str]:
    """Update a copy of the catalogues from the code: every difference and problem, one line each."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for path in CATALOGUES.glob("p2p_studio_*"):
            shutil.copy(path, copy / path.name)
        update(copy)
        found = problems(copy)
        for path in sorted(copy.glob("p2p_studio_*")):
            if path.read_bytes() != (CATALOGUES / path.name).read_bytes():
                found.append(f"{path.name} is not up to date with the code: run make translations")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not args.check:
        update(CATALOGUES)
    lines = check() if args.check else problems(CATALOGUES)
    for line in lines:
        print(line, file=sys.stderr)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
