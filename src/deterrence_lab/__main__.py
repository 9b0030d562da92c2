"""``python -m deterrence_lab`` is the ``deterrence-lab`` command."""
import sys

from .cli import main

sys.exit(main())
