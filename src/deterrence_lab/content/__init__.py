"""Sourced course content: the op-ed's argument, the verdicts and timeline, the glossary
and the bibliography. Data, not logic; every record carries a source key into
:mod:`deterrence_lab.content.sources` or is labelled a teaching assumption."""
