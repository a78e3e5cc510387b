"""``python -m p2p_studio`` runs the command line."""

import sys

from p2p_studio.cli import main

sys.exit(main())
