"""Unit slips in numeric answers: recognise the unit a student probably used and name it.

A number that is not the expected value may still be the right quantity in another unit:
the 5 psi radius in miles, a yield in tonnes, a dose in grays, a probability as a
percentage. :func:`explain_slip` finds the unit that turns the expected value into the
student's number (within the question's tolerance) and says so. The conversion factors
are definitions (international yard and pound agreement, 1959: 1 yd = 0.9144 m, 1 mile =
1,609.344 m; 1 nautical mile = 1,852 m; 1 Gy = 100 rad, 1 Sv = 100 rem), except that the
course takes 1 rad = 1 rem for prompt radiation (a teaching assumption stated with the
effects model), so grays and sieverts coincide here.
"""
from __future__ import annotations

import math

# unit symbol -> (name, size in the quantity's base unit). Base units: metre, kiloton,
# rad (= rem in this course), fraction (probability).
LENGTH = {"km": ("kilometres", 1000.0), "m": ("metres", 1.0), "mi": ("miles", 1609.344),
          "ft": ("feet", 0.3048), "kft": ("kilofeet (thousands of feet)", 304.8),
          "yd": ("yards", 0.9144), "nmi": ("nautical miles", 1852.0),
          "cm": ("centimetres", 0.01)}
YIELD = {"kt": ("kilotons", 1.0), "t": ("tons", 1e-3), "Mt": ("megatons", 1e3)}
DOSE = {"rem": ("rem", 1.0), "rad": ("rad", 1.0), "Gy": ("grays or sieverts (Gy, Sv)", 100.0),
        "Sv": ("sieverts", 100.0), "cGy": ("centigrays", 1.0),
        "mSv": ("millisieverts or milligrays (mSv, mGy)", 0.1), "mGy": ("milligrays", 0.1)}
PROBABILITY = {"fraction": ("a fraction between 0 and 1", 1.0), "%": ("a percentage", 0.01)}

QUANTITIES = {"length": LENGTH, "yield": YIELD, "dose": DOSE, "probability": PROBABILITY}

#: what to say after "off by a factor of ..." for each quantity
SCALE_HINTS = {"length": "km or m?", "yield": "t, kt or Mt?", "dose": "rem, Gy or Sv?",
               "probability": "a fraction or a percentage?"}

_SHOWN = {"Gy": "Gy (or Sv)", "mSv": "mSv (or mGy)"}
_PROBABILITY_LABELS = ("(probability)", "(share)", "probability", "share", "per crisis")


def quantity_of(unit: str) -> str | None:
    """The quantity a unit label measures (``'km'`` → ``'length'``), or ``None``."""
    label = unit.strip()
    if label.lower() in _PROBABILITY_LABELS:
        return "probability"
    for quantity, table in QUANTITIES.items():
        if label in table:
            return quantity
    return None


def _amount(size: float) -> str:
    return f"{size:,.4g}" if size >= 1 else f"{size:.4g}"


def explain_slip(value: float, expected: float, unit: str, quantity: str | None,
                 rtol: float) -> str | None:
    """A message naming the unit that ``value`` seems to be in, or ``None``.

    Parameters
    ----------
    value, expected : float
        The student's number and the right answer, in ``unit``.
    unit : str
        The unit the question asks for (a key of the quantity's table, or a label such as
        ``'(probability)'``).
    quantity : str or None
        ``'length'``, ``'yield'``, ``'dose'`` or ``'probability'``; ``None`` to infer it from
        ``unit``.
    rtol : float
        Relative tolerance, as the question's.
    """
    quantity = quantity or quantity_of(unit)
    if quantity is None or expected == 0 or value == 0:
        return None
    table = QUANTITIES[quantity]
    asked = unit.strip() if unit.strip() in table else next(iter(table))
    asked_size = table[asked][1]
    tolerance = max(rtol, 1e-3)
    seen = set()
    for symbol, (name, size) in table.items():
        if size == asked_size or size in seen:
            continue
        seen.add(size)
        if math.isclose(value, expected * asked_size / size, rel_tol=tolerance):
            if quantity == "probability":
                return (f"{value:.4g} looks like {name}: give it as "
                        + (f"a fraction between 0 and 1 ({value:.4g}% → {value / 100:.4g})."
                           if symbol == "%" else f"a percentage ({value:.4g} → {value * 100:.4g}%)."))
            ratio = size / asked_size
            factor = value / expected
            power = round(math.log10(factor))
            scale = (f"is off by a factor of {10.0 ** power:g} — it "
                     if power and math.isclose(factor, 10.0 ** power, rel_tol=tolerance) else "")
            return (f"{value:.4g} {scale}looks like the answer in {name}, not in {asked}: "
                    + (f"1 {_SHOWN.get(symbol, symbol)} = {_amount(ratio)} {asked}" if ratio > 1
                       else f"1 {asked} = {_amount(1 / ratio)} {_SHOWN.get(symbol, symbol)}")
                    + f". Convert it, or "
                    f"work in {asked} from the start.")
    if quantity == "probability" and asked == "fraction" and not 0 <= value <= 1:
        return (f"{value:.4g} cannot be right: the answer is a probability or share, which "
                f"lies between 0 and 1. "
                f"If you meant a percentage, write it as a fraction ({value:.4g}% → "
                f"{value / 100:.4g}), then compare again.")
    return None
