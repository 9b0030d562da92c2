"""deterrence-lab: models, views, widgets and exercise checks for a course on a 'small'
nuclear weapon in Ukraine and the West's answer.

The map of the package (arrows run one way: models and content know nothing of views,
widgets or notebooks; views draw models and content; widgets drive views; tooling sits on
top):

=====================  ===========================================================
subpackage             what it holds
=====================  ===========================================================
``models``             effects, law, command, response, games, escalation, seminar,
                       robustness
``content``            argument, verdict, glossary, sources, options, scenario
``views``              figures and tables, one module per concept
``widgets``            interactive explorers and the ``chNN`` façades notebooks import
``checks``             exercise checks, one module per solution notebook
``tooling``            cli, launcher, site, kit, exercisegen
=====================  ===========================================================

The modules most notebooks use are re-exported here, so ``from deterrence_lab import
effects`` works, as do the objects ``cite``, ``reference_list``, ``markdown_table``,
``prose`` and ``percent``.
Everything loads on first use: ``import deterrence_lab`` imports neither numpy's users
nor matplotlib nor ipywidgets.
"""
from importlib import import_module

__version__ = "0.1.0"

# name -> the module that holds it (a module re-exported under its own name, or an object)
_MODULES = {
    "effects": "models", "law": "models", "command": "models", "response": "models",
    "games": "models", "escalation": "models", "seminar": "models", "robustness": "models",
    "argument": "content", "options": "content", "verdict": "content", "glossary": "content",
    "sources": "content", "legal_notes": "content", "scenario": "content",
}
_OBJECTS = {
    "cite": "content.sources", "reference_list": "content.sources",
    "TEACHING_ASSUMPTION": "content.sources", "markdown_table": "_display",
    "Markdown": "_display", "percent": "_display", "prose": "_display",
}
__all__ = ["__version__", *_MODULES, *_OBJECTS]


def __getattr__(name: str):
    if name in _MODULES:
        return import_module(f"{__name__}.{_MODULES[name]}.{name}")
    if name in _OBJECTS:
        return getattr(import_module(f"{__name__}.{_OBJECTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
