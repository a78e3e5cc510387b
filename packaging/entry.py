"""Entry script of the frozen app. Both executables run this file: the windowed launcher
(``p2p-studio-gui``) opens the app; the console one (``p2p-studio``) is the CLI, or the app when
started without arguments. ``--self-test`` works in both."""

import os
import sys
from pathlib import Path

from p2p_studio.launcher import gui_main, main

if __name__ == "__main__":
    # A windowed executable on Windows starts without stdout/stderr; libraries that print would fail.
    for stream in ("stdout", "stderr"):
        if getattr(sys, stream) is None:
            setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    windowed = Path(sys.executable).stem.lower().endswith("-gui")
    sys.exit(gui_main() if windowed else main())
