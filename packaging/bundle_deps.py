"""What the installers ship besides our code: the runtime distributions and their notices.

    python packaging/bundle_deps.py NOTICES_FILE   # write THIRD-PARTY-NOTICES.txt

Used by ``p2p-studio.spec`` (metadata that diffusers/transformers read through
importlib.metadata) and by the build scripts (licence notices). The list is the closure of
p2p-studio's own requirements in the build environment, so it follows ``pyproject.toml``.
"""

from __future__ import annotations

import importlib.metadata as md
import sys
import sysconfig
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

APP_DIST = "p2p-studio"
#: Pulled in by requirements but never imported by the app at run time.
NOT_SHIPPED = {"setuptools", "pip", "wheel"}
LICENCE_WORDS = ("LICEN", "COPYING", "NOTICE", "AUTHORS")

CLIP_VOCABULARY_NOTICE = """\
CLIP BPE vocabulary and merges (the tokenizer of the bundled demo model)
Licence: MIT

Copyright (c) 2021 OpenAI

Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

QT_NOTICE = """\
Qt for Python (PySide6, shiboken6) and the Qt libraries
Licence used here: GNU Lesser General Public License v3 (LGPL-3.0-only)

P2P Studio uses Qt through PySide6 under the LGPL v3. The Qt and PySide6 libraries are shipped
unmodified as separate shared libraries in the application folder (_internal/PySide6), so you
may replace them with your own builds of the same version. The complete source code of Qt is
available at https://download.qt.io/ and of PySide6 at https://code.qt.io/pyside/pyside-setup;
the LGPL v3 text is included with the PySide6 entry below and at https://www.gnu.org/licenses/lgpl-3.0.
"""


def _dist(name: str) -> md.Distribution | None:
    try:
        return md.distribution(name)
    except md.PackageNotFoundError:
        return None


def runtime_distributions(root: str = APP_DIST) -> list[md.Distribution]:
    """The installed distributions the app needs at run time (no extras), root excluded."""
    seen: dict[str, md.Distribution] = {}
    todo = [root]
    while todo:
        dist = _dist(todo.pop())
        if dist is None:
            continue
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            key = canonicalize_name(req.name)
            if key in seen or key in NOT_SHIPPED or (found := _dist(req.name)) is None:
                continue
            seen[key] = found
            todo.append(req.name)
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def licence_of(dist: md.Distribution) -> str:
    meta = dist.metadata
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    declared = meta.get("License-Expression") or (meta.get("License") or "").strip()
    if declared and len(declared) < 120:
        return declared
    return ", ".join(classifiers) or "see the licence text below"


def licence_texts(dist: md.Distribution) -> list[tuple[str, str]]:
    texts = []
    for f in dist.files or []:
        if any(word in f.name.upper() for word in LICENCE_WORDS) and ".dist-info" in str(f):
            try:
                texts.append((str(f), Path(dist.locate_file(f)).read_text(encoding="utf-8", errors="replace")))
            except OSError:
                continue
    return texts


def _python_licence() -> str:
    for folder in (sysconfig.get_paths()["stdlib"], sys.base_prefix):
        path = Path(folder) / "LICENSE.txt"
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    return "Python Software Foundation License Version 2: https://docs.python.org/3/license.html\n"


def notices() -> str:
    rule = "=" * 100
    parts = [
        "P2P Studio: third-party software notices\n\nThe P2P Studio packages include the software "
        "listed below. P2P Studio itself is licensed under Apache-2.0 (LICENSE).\n",
        QT_NOTICE, CLIP_VOCABULARY_NOTICE,
        f"Python {sys.version.split()[0]} (the interpreter and standard library)\n\n{_python_licence()}",
    ]
    for dist in runtime_distributions():
        meta = dist.metadata
        body = "\n\n".join(f"--- {name} ---\n{text}" for name, text in licence_texts(dist))
        home = meta.get("Home-page") or next(iter(meta.get_all("Project-URL") or []), "")
        parts.append(f"{meta['Name']} {meta['Version']}\nLicence: {licence_of(dist)}\n{home}\n\n{body}")
    return f"\n{rule}\n".join(parts)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("THIRD-PARTY-NOTICES.txt")
    out.write_text(notices(), encoding="utf-8")
    names = [d.metadata["Name"] for d in runtime_distributions()]
    print(f"{out}: {len(names)} distributions ({', '.join(names)}), {out.stat().st_size // 1024} KiB")
