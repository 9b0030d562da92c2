"""Loads the notebook plugin (tests/notebook_runs.py): each notebook in course/, solutions/
and exercises/ executes once per pytest call, in an isolated kernel, and every test that
needs an executed notebook reuses that run."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "tests"))

pytest_plugins = ["notebook_runs"]
