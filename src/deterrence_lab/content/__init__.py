"""Sourced course content: the op-ed's argument, the verdicts and timeline, the glossary,
the bibliography and the table of response options (``options``: the one encoding of the
West's possible answers that chapters 04-06 all read). Data, not logic; every record
carries a source key into :mod:`deterrence_lab.content.sources` or is labelled a teaching
assumption."""
