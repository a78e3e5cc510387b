"""``p2p-studio``: the desktop app without arguments, the command line with them."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args:
        from p2p_studio.cli import main as cli_main

        return cli_main(args)
    from p2p_studio.app import run

    return run([sys.argv[0]])


if __name__ == "__main__":
    sys.exit(main())
