"""Bad input is refused in plain words: every public function of every model module, called
with each bad input of the table in ``bad_inputs.py``, raises ValueError or TypeError naming
the parameter. Completeness tests fail when a module gains a function the table does not
list (every module in models/ and content/ is covered, found from the layout); every
widget accepts the values its own controls offer."""
from __future__ import annotations

import importlib
import inspect

import numpy as np
import pytest

from bad_inputs import (BAD_CASES, MODEL_MODULES, NAMED_AS, TABLE, function,
                        materialise, public_functions)


@pytest.mark.parametrize("module_name", MODEL_MODULES)
def test_table_covers_every_public_function(module_name):
    """Nothing is skipped silently: every public function of a present module is in the table."""
    listed = {name.split(".")[1] for name in TABLE if name.startswith(module_name + ".")}
    assert set(public_functions(module_name)) - listed == set(), \
        f"add these {module_name} functions to the bad-input table"
    assert listed - set(public_functions(module_name)) == set(), "table lists unknown functions"


@pytest.mark.parametrize("qualified", sorted(TABLE))
def test_table_entry_is_sound(qualified):
    """The good call works; at least three bad inputs, or none for a function without parameters."""
    good, bad = TABLE[qualified]
    call = function(qualified)
    call(**materialise(good))
    if inspect.signature(call).parameters:
        assert len(bad) >= 3, f"{qualified}: give at least three bad inputs"
    else:
        assert not bad


@pytest.mark.parametrize("qualified,index,param,replaced", BAD_CASES,
                         ids=[f"{n}-{p}-{i}" for n, i, p, _ in BAD_CASES])
def test_bad_input_is_refused_naming_the_parameter(qualified, index, param, replaced):
    good, _ = TABLE[qualified]
    with pytest.raises((ValueError, TypeError)) as caught:
        function(qualified)(**materialise({**good, **replaced}))
    named = [param] + ([NAMED_AS[qualified]] if qualified in NAMED_AS else [])
    assert any(n in str(caught.value) for n in named), \
        f"message does not name {param!r}: {caught.value}"



# Inconsistent shapes: two array arguments that cannot broadcast must be named in the error.
def _shape_cases():
    cases = []
    for name, (good, _) in sorted(TABLE.items()):
        numeric = [k for k, v in good.items()
                   if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if len(numeric) >= 2:
            cases.append(pytest.param(name, numeric[0], numeric[1], id=name))
    return cases


@pytest.mark.parametrize("qualified,first,second", _shape_cases())
def test_arguments_that_cannot_broadcast_are_named(qualified, first, second):
    good, _ = TABLE[qualified]
    call = {**good, first: np.full(2, good[first]), second: np.full(3, good[second])}
    with pytest.raises((ValueError, TypeError)) as caught:
        function(qualified)(**materialise(call))
    assert first in str(caught.value) or second in str(caught.value), str(caught.value)



# ---------------------------------------------------------------------------------------
# Widgets are driveable from Python with the values their own controls offer.
# ---------------------------------------------------------------------------------------

def _widget_classes():
    import pkgutil

    from deterrence_lab import widgets
    found = []
    for info in pkgutil.iter_modules(widgets.__path__):
        if info.name.startswith("ch"):
            module = importlib.import_module(f"deterrence_lab.widgets.{info.name}")
            found += [pytest.param(obj, id=f"{info.name}.{name}")
                      for name, obj in sorted(vars(module).items())
                      if inspect.isclass(obj) and obj.__module__ == module.__name__
                      and not name.startswith("_") and callable(getattr(obj, "set", None))]
    return found


@pytest.mark.parametrize("cls", _widget_classes())
def test_widget_accepts_its_own_control_values(cls):
    widget = cls()
    name, control = next(iter(widget.controls.items()))
    if getattr(control, "options", None):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options][:3]
    elif hasattr(control, "base"):  # a log slider: min and max are exponents
        values = [control.base ** control.max, control.base ** control.min]
    else:  # a slider: both ends of its range
        values = [control.max, control.min]
    for value in values:
        widget.set(**{name: value})
        assert widget.controls[name].value == value
    with pytest.raises(ValueError, match="unknown|not one of|no_such_control"):
        widget.set(no_such_control=1)
