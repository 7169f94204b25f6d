"""``python -m corridors``: the command line."""

import sys

from corridors.cli.main import main

sys.exit(main())
