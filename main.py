"""Start the P2P Studio desktop app."""

import sys

from p2p_studio.ui.desktop import run

if __name__ == "__main__":
    sys.exit(run())
