"""Start P2P Studio (until the desktop window lands, this runs the command line)."""

import sys

from p2p_studio.cli import main

if __name__ == "__main__":
    sys.exit(main())
