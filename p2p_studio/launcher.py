"""Entry points: ``p2p-studio`` (the desktop app without arguments, the command line with them)
and the windowed launcher of the installers (the app, optionally opening photos)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

SELF_TEST = "--self-test"
#: The command line's commands (``p2p_studio.cli``), which a photo's name never shadows.
COMMANDS = ("edit", "generate")


def display_problem(env: Mapping[str, str], platform: str) -> str | None:
    """Why the window cannot open here, in one line, or ``None``. On Linux Qt needs an X11 or
    Wayland display unless a platform plugin is named; without one it aborts, blaming a library
    that is installed (the xcb plugin's own message)."""
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("no display found (DISPLAY and WAYLAND_DISPLAY are unset): use the command line "
            "(p2p-studio edit PHOTO --caption TEXT --edit TEXT), p2p-studio --self-test, "
            "or set QT_QPA_PLATFORM=offscreen")


def names_photos(args: list[str]) -> bool:
    """Whether the arguments are photos for the app to open (``p2p-studio photo.jpg``, as
    ``p2p-studio-gui`` and the desktop entry's "Open with" take them) rather than a command line:
    no option, no command, each a photo's name or an existing file (the app says what is wrong)."""
    from p2p_studio.core.photos import PHOTO_SUFFIXES

    return bool(args) and args[0] not in COMMANDS and all(
        not a.startswith("-") and (Path(a).suffix.lower() in PHOTO_SUFFIXES or Path(a).is_file()) for a in args)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args and args != [SELF_TEST] and not names_photos(args):
        from p2p_studio.cli import main as cli_main

        return cli_main(args)
    return gui_main(args)


def gui_main(argv: list[str] | None = None) -> int:
    """The windowed launcher: ``--self-test``, or the app with the photos given (desktop "Open with")."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args == [SELF_TEST]:
        from p2p_studio.selftest import main as self_test

        return self_test()
    if problem := display_problem(os.environ, sys.platform):
        print(f"p2p-studio: error: {problem}", file=sys.stderr)
        return 2
    from p2p_studio.ui.desktop import run

    return run([sys.argv[0], *args])


if __name__ == "__main__":
    sys.exit(main())
