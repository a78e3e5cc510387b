"""``python -m p2p_studio``: the desktop app without arguments, the command line with them."""

import sys

from p2p_studio.launcher import main

sys.exit(main())
