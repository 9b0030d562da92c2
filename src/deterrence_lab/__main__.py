"""``python -m deterrence_lab`` is the ``deterrence-lab`` command."""
import sys

from .tooling.cli import main

sys.exit(main())
