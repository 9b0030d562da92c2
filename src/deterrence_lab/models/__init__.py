"""The course's models: pure functions over numpy arrays, one module per idea.

=============  =====================================================  =========
module         what it models                                          chapter
=============  =====================================================  =========
``effects``    blast, heat, prompt radiation, fallout, EMP footprint   01
``law``        the ICJ's 1996 opinion as a walk-through of questions   02
``command``    k-of-n release rules, code locks, custody               03
``response``   multi-criteria comparison of the West's answers         04
``games``      game trees, a reputation model, chicken                 04
``escalation`` a Markov chain over an escalation ladder                05
``seminar``    the crisis seminar's game engine                        06
``robustness`` where a headline result holds and where it flips        04-06
=============  =====================================================  =========

No module here imports matplotlib, ipywidgets or IPython (a test checks it); views draw
what these return.
"""
