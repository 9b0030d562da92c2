"""deterrence-lab: models, widgets and exercise checks for a course on a 'small' nuclear
weapon in Ukraine and the West's answer.

The model modules load on first use (``deterrence_lab.effects`` and so on), so
``import deterrence_lab`` stays fast and never imports matplotlib or ipywidgets.
"""
from importlib import import_module

__version__ = "0.1.0"

_LAZY = ("argument", "sources", "effects", "law", "command", "response", "games", "escalation",
         "seminar", "verdict", "glossary")
__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        return import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
