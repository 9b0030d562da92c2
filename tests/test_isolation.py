"""Determinism and isolation: seeded model functions repeat, and the notebooks run anywhere.

Every notebook executes once per pytest call (``tests/notebook_runs.py``) in a kernel
started elsewhere: a temporary working folder, an empty HOME and, through ``unshare -n``
where the machine allows it, no network. These tests read that one run: it must leave
nothing in the repository, in HOME or in its folder, and its checked outputs must equal
the stored ones (which an earlier run wrote: two runs, identical checked outputs).
"""
from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from bad_inputs import SEEDED, SEEDED_BY_NUMBER, TABLE, function, materialise
from notebook_runs import ROOT, all_notebooks, checked_outputs

# --- seeded model functions ----------------------------------------------------------------


def _fingerprint(result) -> bytes:
    return pickle.dumps(result)


def test_seeded_functions_exist_in_table():
    assert len(SEEDED) >= 3 and len(SEEDED_BY_NUMBER) >= 3


@pytest.mark.parametrize("qualified", SEEDED)
def test_seeded_results_repeat_and_depend_on_the_seed(qualified):
    good, _ = TABLE[qualified]
    call = function(qualified)
    first = _fingerprint(call(**materialise(good)))
    again = _fingerprint(call(**materialise(good)))
    assert first == again, f"{qualified}: same seed, different result"
    assert _fingerprint(call(**materialise(good, seed=99))) != first, \
        f"{qualified}: the seed has no effect"


@pytest.mark.parametrize("qualified", SEEDED_BY_NUMBER)
def test_games_seeded_by_number_repeat(qualified):
    """The crisis seminar draws chance from integer seeds: the same seed, the same game."""
    good, _ = TABLE[qualified]
    assert _fingerprint(function(qualified)(**good)) == _fingerprint(function(qualified)(**good))


# --- notebooks: one isolated run each ---------------------------------------------------------

NOTEBOOKS = all_notebooks()


def test_isolated_kernel_runs_elsewhere_with_empty_home(notebook_runs):
    (cwd, home, _), folder = notebook_runs.probe()
    assert Path(cwd) == folder and not Path(cwd).is_relative_to(ROOT)
    assert home == str(notebook_runs.home)


def test_isolated_kernel_has_no_network(notebook_runs):
    if not notebook_runs.no_network:
        pytest.skip("`unshare -n` is unavailable here (needs root or user namespaces)")
    (_, _, network), _ = notebook_runs.probe()
    assert network.startswith("refused"), network


def test_notebooks_write_nothing_into_the_repository(notebook_runs):
    notebook_runs.all()
    before, after = notebook_runs.before, notebook_runs.after
    assert sorted(set(after) - set(before)) == [], "notebooks created files in the repository"
    changed = sorted(k for k in before if after.get(k) != before[k])
    assert changed == [], f"notebooks changed or removed files: {changed}"


def test_notebooks_write_nothing_into_home(notebook_runs):
    """A notebook may leave caches (matplotlib, IPython) in HOME, but no course files."""
    notebook_runs.all()
    written = [p for p in notebook_runs.home.rglob("*")
               if p.is_file() and p.suffix in (".ipynb", ".csv", ".json", ".png", ".txt")
               and ".ipython" not in p.parts and "matplotlib" not in p.parts]
    assert written == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_isolated_run_is_clean_and_reproduces_stored_checked_outputs(notebook_runs, path):
    import nbformat

    run = notebook_runs.get(path)
    assert run.error is None, run.error
    assert run.files_left == [], "the notebook left files in its folder"
    stored = nbformat.read(path, as_version=4)
    assert checked_outputs(run.notebook) == checked_outputs(stored)


def test_every_notebook_ran_exactly_once(notebook_runs):
    """The point of the shared runs: no notebook is executed a second time per pytest call."""
    runs = notebook_runs.all()
    assert set(runs) == set(NOTEBOOKS)
    assert notebook_runs.count == len(NOTEBOOKS)
    assert all(np.isfinite(run.seconds) and run.seconds > 0 for run in runs.values())
