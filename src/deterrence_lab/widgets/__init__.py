"""Interactive views, one module per chapter (``ch00`` ... ``ch06``), all built on :class:`Explorer`.

Widgets call the models and draw; they hold no model logic of their own. Every widget
can be driven from Python: set a control's ``value`` and read ``result``.
"""
from ._base import Explorer

__all__ = ["Explorer"]
