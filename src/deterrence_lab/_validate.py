"""Argument checks shared by every model module.

Each check returns the cleaned value (a float array for numbers) or raises an
error whose message names the parameter, the value given and what is valid, so a
student who types ``yield_kt=-5`` reads what went wrong in plain words.
"""
from __future__ import annotations

import numbers
from collections.abc import Iterable

import numpy as np


def _show(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def as_float_array(name: str, value) -> np.ndarray:
    """``value`` as a float array; bools, text, None, empty input and NaN/inf are refused."""
    if value is None or isinstance(value, (str, bytes, bool, np.bool_)):
        raise TypeError(f"{name}={_show(value)} must be a number or an array of numbers")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name}={_show(value)} must be a number or an array of numbers") from None
    if arr.size == 0:
        raise ValueError(f"{name} is empty: give at least one number")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name}={_show(value)} contains NaN or infinity: give finite numbers")
    return arr


def check_range(name: str, value, low: float | None = None, high: float | None = None, *,
                low_open: bool = False, high_open: bool = False, unit: str = "") -> np.ndarray:
    """``value`` as a float array, every element inside [low, high] (ends optionally open)."""
    arr = as_float_array(name, value)
    too_low = low is not None and np.any(arr <= low if low_open else arr < low)
    too_high = high is not None and np.any(arr >= high if high_open else arr > high)
    if too_low or too_high:
        left = "(" if low_open else "["
        right = ")" if high_open else "]"
        lo = "-inf" if low is None else f"{low:g}"
        hi = "inf" if high is None else f"{high:g}"
        suffix = f" {unit}" if unit else ""
        raise ValueError(f"{name}={_show(value)} is outside the valid range {left}{lo}, {hi}{right}{suffix}")
    return arr


def check_probability(name: str, value) -> np.ndarray:
    """A probability or array of probabilities, each in [0, 1]."""
    return check_range(name, value, 0.0, 1.0)


def check_int(name: str, value, low: int | None = None, high: int | None = None) -> int:
    """A whole number (an int, or a float with no fractional part) inside [low, high]."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}={_show(value)} must be a whole number")
    if not float(value).is_integer():
        raise ValueError(f"{name}={_show(value)} must be a whole number")
    as_int = int(value)
    if (low is not None and as_int < low) or (high is not None and as_int > high):
        lo = "-inf" if low is None else str(low)
        hi = "inf" if high is None else str(high)
        raise ValueError(f"{name}={as_int} is outside the valid range [{lo}, {hi}]")
    return as_int


def check_whole_numbers(name: str, value, low: int, high: int) -> np.ndarray:
    """An integer array (any shape) with every element in [low, high]; a fraction is refused."""
    arr = as_float_array(name, value)
    if not np.all(arr == np.round(arr)):
        raise ValueError(f"{name}={_show(value)} must be a whole number (or whole numbers)")
    if np.any(arr < low) or np.any(arr > high):
        raise ValueError(f"{name}={_show(value)} is outside the valid range [{low}, {high}]")
    return arr.astype(int)


def check_rng(rng) -> np.random.Generator:
    """``rng`` if it is a numpy random Generator: every random function takes one explicitly."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng={_show(rng)} must be a numpy.random.Generator, e.g. "
                        "np.random.default_rng(2023)")
    return rng


def check_choice(name: str, value, choices: Iterable[str]):
    """``value`` if it is one of ``choices``; otherwise an error listing them."""
    options = list(choices)
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name}={_show(value)} is not one of: {', '.join(map(str, options))}")
    return value


def check_bool(name: str, value) -> bool:
    """A true/false flag (Python or numpy bool)."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}={_show(value)} must be True or False")
    return bool(value)


def check_broadcast(**arrays) -> tuple[int, ...]:
    """The common shape of ``arrays`` (numpy broadcasting); shapes that cannot be combined
    element by element are an error naming each argument and its shape."""
    shapes = {name: np.shape(value) for name, value in arrays.items()}
    try:
        return np.broadcast_shapes(*shapes.values())
    except ValueError:
        listed = ", ".join(f"{name} has shape {shape}" for name, shape in shapes.items())
        raise ValueError(f"these arguments cannot be combined element by element: {listed}; "
                         "give arrays of the same length, or single numbers") from None


def single_number(name: str, arr: np.ndarray) -> float:
    """A checked argument that must be one number (not an array) as a float."""
    if np.size(arr) != 1:
        raise TypeError(f"{name} must be a single number here, not {np.size(arr)} numbers")
    return float(np.reshape(arr, ()))
