"""``python -m verify``: the same as the ``verify`` command."""

import sys

from verify.cli import main

sys.exit(main())
