"""Entry points: ``p2p-studio`` (the desktop app without arguments, the command line with them)
and the windowed launcher of the installers (the app, optionally opening photos)."""

from __future__ import annotations

import sys

SELF_TEST = "--self-test"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args and args != [SELF_TEST]:
        from p2p_studio.cli import main as cli_main

        return cli_main(args)
    return gui_main(args)


def gui_main(argv: list[str] | None = None) -> int:
    """The windowed launcher: ``--self-test``, or the app with the photos given (desktop "Open with")."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args == [SELF_TEST]:
        from p2p_studio.selftest import main as self_test

        return self_test()
    from p2p_studio.ui.desktop import run

    return run([sys.argv[0], *args])


if __name__ == "__main__":
    sys.exit(main())
