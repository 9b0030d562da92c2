"""Hypothesis profiles for the whole suite; choose one with HYPOTHESIS_PROFILE.

* ``dev`` (the default): random examples, 50 per property; a failure prints the seed and
  a ``@reproduce_failure`` blob to replay it;
* ``ci``: the same number of examples, derandomised (a fixed seed per test, so a CI run
  is repeatable), no example database, the blob printed on failure (``.ci/run``'s pinned
  run; its second run passes a dated ``--hypothesis-seed`` instead);
* ``thorough``: 1000 examples per property, for a local run before a release.

Test files take their strategies from ``tests/strategies.py`` and leave the number of
examples to these profiles.
"""
import os

from hypothesis import HealthCheck, settings

_COMMON = dict(deadline=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=50, **_COMMON)
settings.register_profile("ci", max_examples=50, derandomize=True, database=None, **_COMMON)
settings.register_profile("thorough", max_examples=1000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
