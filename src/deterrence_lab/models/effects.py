"""Effects of a nuclear explosion at the level of Glasstone & Dolan (1977) [glasstone1977], the
course's main reference, and NUKEMAP [wellerstein2012]: blast, fireball, heat, prompt
radiation, fallout decay and contours, high-altitude EMP reach and rough casualty counts.

Blast follows Brode's (1986) analytic fit [brode1986]; prompt radiation is fitted to the
Soviet defence ministry's published curves [minoborony1987]; casualty rates per overpressure
ring come from OTA (1979) [ota1979]. All distances are in km (heights of burst in m, EMP burst
heights in km), yields in kt of TNT. Every function is vectorised over numpy arrays (its
numeric arguments broadcast together, and the result has their broadcast shape: a float for
scalar input, an ndarray otherwise) unless its docstring says it takes single numbers, and
validates its arguments. Each constant names its source key (see
:mod:`deterrence_lab.content.sources`) or is marked a teaching assumption; ``ASSUMPTIONS``
lists them all.

Accuracy: the blast fit follows Brode's curves to about ±10% in overpressure on ideal flat
ground [brode1986]; that is the fit's error, not the real-world accuracy of blast predictions,
which is worse (terrain, buildings, weather). Heat, radiation and casualty figures are rougher
still (factors, not percent).
Nothing here is more detailed than Glasstone & Dolan (1977) or NUKEMAP.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .._validate import (as_float_array, check_bool, check_broadcast, check_choice, check_range,
                         single_number)
from ..content.sources import TEACHING_ASSUMPTION, SourcedValue
from .._docstring import fill, pieces, section

_DOC = pieces(
    yield_kt="""
        yield_kt : float or array_like, kt of TNT
            Explosive yield, in [0.001, 100000] kt.
        """,
    yield_kt_single="""
        yield_kt : float, kt of TNT
            Explosive yield, a single number in [0.001, 100000] kt.
        """,
    enhanced_radiation="""
        enhanced_radiation : bool, optional
            ``True`` models an enhanced-radiation weapon as ten times the yield for prompt radiation
            only (default ``False``).
        """,
    slant_range_km="""
        slant_range_km : float or array_like, km
            Straight-line distance from the burst, in (0, 20000] km.
        """,
    height_m="""
        height_m : float or array_like, m, optional
            Burst height in [0, 20000] m, default 0.
        """,
    lat1_lon1="""
        lat1_deg, lon1_deg : float or array_like, degrees
            The first point: latitude in [-90, 90], longitude in [-180, 180] (north and east
            positive).
        """,
    lat2_lon2="""
        lat2_deg, lon2_deg : float or array_like, degrees
            The second point, likewise; all four arguments broadcast together.
        """,
    burst_height_km="""
        burst_height_km : float or array_like, km
            Height of the burst above the ground, in (0, 100000] km.
        """,
    blast_errors="""
        TypeError
            If a numeric argument is not a number or array of numbers (text, None, a bool).
        ValueError
            If a numeric argument is empty, contains NaN or infinity, or lies outside its range
            above (the message names the parameter, the value and the range),
            or if the arguments' shapes do not broadcast together.
        """,
    range_value_error="""
        ValueError
            If a numeric argument is empty, not finite or outside its range above, or if the shapes
            do not broadcast together.
        """,
    radiation_type_error="""
        TypeError
            If a numeric argument is not a number or array of numbers, or ``surface`` or
            ``enhanced_radiation`` is not a bool.
        """,
    thermal_type_error="""
        TypeError
            If a numeric argument is not a number or array of numbers, or ``surface`` is not a bool.
        """,
    coordinate_errors="""
        TypeError
            If a coordinate is not a number or array of numbers.
        ValueError
            If a coordinate is empty, not finite or outside its range, or if the four shapes do not
            broadcast together.
        """,
    argument_type_error="""
        TypeError
            If an argument is not a number or array of numbers.
        """,
    emp_errors="""
        TypeError
            If ``burst_height_km`` is not a number or array of numbers.
        ValueError
            If it is empty, not finite or outside (0, 100000] km.
        """,
    thermal_raises=section("Raises", "%(thermal_type_error)s", "%(range_value_error)s"),
    radiation_raises=section("Raises", "%(radiation_type_error)s", "%(range_value_error)s"),
    emp_raises=section("Raises", "%(emp_errors)s"),
    argument_value_error="""
        ValueError
            If an argument is empty, not finite or outside its range above, or if the shapes do not
            broadcast together.
        """,
    spherical="""
        Standard spherical geometry with the mean Earth radius, 6371 km (standard geodetic value).
        """,
    argument_raises=section("Raises", "%(argument_type_error)s", "%(argument_value_error)s"),
    two_points=section("Parameters", "%(lat1_lon1)s", "%(lat2_lon2)s"),
    emp_args=section("Parameters", "%(burst_height_km)s"),
    ground_range_km="""
        float or ndarray, km
            Ground range, of the broadcast shape of the numeric arguments; 0 where the burst is too
            high for the threshold to reach the ground.
        """,
)

# --------------------------------------------------------------------------- limits
MIN_YIELD_KT, MAX_YIELD_KT = 0.001, 100_000.0
MAX_RANGE_KM = 20_000.0          # half the Earth's circumference, roughly
MAX_HEIGHT_M = 20_000.0          # blast and heat formulas are for bursts in the lower atmosphere
MIN_PSI, MAX_PSI = 1.0, 10_000.0  # below ~1 psi the Brode fit stops being monotone in range

KM_PER_KFT = 0.3048              # Brode's fit works in kilofeet
EARTH_RADIUS_KM = 6371.0         # mean Earth radius (standard geodetic value)


# A model constant with where it comes from: the package's one record for a sourced datum
# (name, value with its units, source key, where in the source, caveats or the reason of a
# teaching assumption), kept under its chapter-01 name.
Assumption = SourcedValue

ASSUMPTIONS = (
    Assumption("blast fit", "peak overpressure vs scaled range and height, W^(1/3) scaling, 1 kt "
               "reference", "brode1986", "section on overpressure versus range and burst height",
               "the fit reproduces Brode's curves to about ±10% on ideal flat ground (an error of the fit, "
               "not a real-world accuracy); the equations were taken from public transcriptions "
               "of the report, which was not consulted itself. The transcriptions differ in one coefficient "
               "(17.15 vs 17.5), which moves radii by under 1%; we use 17.15"),
    Assumption("cube-root scaling of blast distances", "R ∝ W^(1/3)", "glasstone1977", "§3.61–3.64"),
    Assumption("fireball maximum radius", "about twice the radius at breakaway: 200 ft × W^0.4 "
               "(air burst), 290 ft × W^0.4 (contact surface burst)", "glasstone1977", "§2.127",
               "'as a rough approximation'; for 1 Mt this gives a diameter of about 6,300 ft, "
               "against the 5,700 ft quoted in §2.05"),
    Assumption("height of burst below which local fallout is appreciable", "180 ft × W^0.4",
               "glasstone1977", "§2.128", "probable error ±30%"),
    Assumption("thermal partition, air burst", "f = 0.35", "glasstone1977", "Table 7.88"),
    Assumption("thermal partition, contact surface burst", "f = 0.18 (effective)", "glasstone1977",
               "§7.101", "bursts slightly above the surface lie between 0.18 and 0.35 (Table 7.101)"),
    Assumption("atmospheric transmittance", "τ = 0.92·exp(−(D/L)^1.2), L = 12.8 km × (1 + 0.37 "
               "H/km) on a clear day", "glasstone1977", "Fig. 7.98, §7.98",
               "fitted to the figure's contours (12-mile visibility, burst heights 0.3-1.2 km) "
               "digitised from a scan; largest error 0.025 in τ (TAU_FIT_ERROR). The figure has "
               "one visibility: scaling L in proportion to other visibilities is a teaching "
               "simplification"),
    Assumption("burn thresholds", "radiant exposure for 50% and 100% third-degree and 50% "
               "first- and second-degree burns, rising with yield", "glasstone1977",
               "Fig. 12.65, §12.63",
               "digitised from a scan of the figure at 1, 10, 100, 1,000 and 10,000 kt (reading "
               "error about ±0.05 cal/cm²; NUKEMAP's own fit to the figure agrees within 0.06); "
               "interpolated linearly in log-yield and held at the end values outside 1 kt-10 Mt, "
               "which slightly understates burn ranges below 1 kt, where the pulse is shorter "
               "still"),
    Assumption("prompt radiation", "D = K·W·exp(−R/λ)/R², λ = 0.218 km × W^0.046",
               "minoborony1987", "air-burst initial radiation curves, 1–1,000 kt",
               "fitted to the 500 and 5,000 rad ranges of the digitised curves (within ~20% in "
               "dose); 1 rad taken as 1 rem. Glasstone & Dolan's worked example (§8.34: ~250 rad "
               "of gamma rays alone at 2,000 yd from 50 kt) is about 1.5 times our total there; "
               "they rate their own curves reliable only within a factor 0.5-2 (§8.33, §8.64)"),
    Assumption("enhanced-radiation weapon", "prompt radiation as from 10 × the yield",
               "wellerstein2012", "NUKEMAP's documented simplification",
               "blast and heat stay those of the actual yield"),
    Assumption("surface-burst prompt radiation", "half the air-burst dose", "glasstone1977",
               "§8.65, Table 8.37", "Glasstone & Dolan halve the neutrons (and the secondary "
               "gamma rays they make) and scale the other gamma rays by about two-thirds for "
               "1-50 kt; NUKEMAP uses two-thirds for gamma rays. We halve the total: close in, "
               "where the rings lie, the neutrons matter most, and two-thirds for the gamma share "
               "would move a ring outward by at most about 5%"),
    Assumption("fallout decay", "R(t) = R1 · t^-1.2", "glasstone1977", "§9.146–9.148",
               "within about 25% from half an hour to about 200 days, counted from the burst but "
               "valid only once the fallout has arrived; the '7–10 rule' (7 times later, a tenth "
               "of the rate) is §9.15"),
    Assumption("idealised fallout contours", "downwind length a·W^0.45 miles in a 15 mph wind, "
               "× (1 + (v − 15)/60) above 15 mph, × (1 + (v − 15)/30) below", "glasstone1977",
               "Table 9.93, §9.97", "idealised shapes for a steady wind with little shear; they "
               "tend to overstate the downwind reach (§9.99)"),
    Assumption("'many thousands' killed", "2,000 or more", TEACHING_ASSUMPTION, "",
               "the op-ed gives no number; the chapter's figure draws the line here and lets "
               "students move it"),
    Assumption("casualty rates by overpressure ring", ">12 psi 98% killed; 5–12 psi 50% killed, "
               "40% injured; 2–5 psi 5% killed, 45% injured; 1–2 psi 25% injured", "ota1979",
               "", "applied by OTA to megaton-range attacks on large cities; here applied to "
               "every yield alike, a teaching simplification"),
)

# --------------------------------------------------------------------------- data
@dataclass(frozen=True)
class ReferenceYield:
    """A real explosion or weapon class, with its yield range in kt.

    Parameters
    ----------
    name : str
        The explosion or weapon class.
    low_kt, high_kt : float, kt
        The lowest and highest published yield (equal when one value is given).
    source : str
        A key of :mod:`deterrence_lab.content.sources`, or ``TEACHING_ASSUMPTION``.
    where : str, optional
        Where in the source.
    note : str, optional
        Caveats and competing estimates.

    Notes
    -----
    A plain record; it does not validate its fields. The values are listed in
    ``REFERENCE_YIELDS`` with their sources (pittock1986, ch. 1, §1.1.1; glasstone1977, §2.52).
    """

    name: str
    low_kt: float
    high_kt: float
    source: str
    where: str = ""
    note: str = ""

    @property
    def central_kt(self) -> float:
        """Central yield (kt): the geometric mean of ``low_kt`` and ``high_kt``.

        Returns
        -------
        float, kt
            sqrt(low_kt · high_kt), the middle of the range on the logarithmic yield axis.

        Notes
        -----
        Taking the geometric mean is a teaching assumption: yields are compared on a logarithmic
        scale, where it lies halfway between the two published ends.
        """
        return float(np.sqrt(self.low_kt * self.high_kt))


REFERENCE_YIELDS = (
    ReferenceYield("Hiroshima (1945)", 12.0, 18.0, "pittock1986", "ch. 1, §1.1.1",
                   "about 15 ± 3 kt, air burst at about 580 m; Glasstone & Dolan (§2.24) used the "
                   "older estimate of about 12.5 kt at 1,670 ft"),
    ReferenceYield("Nagasaki (1945)", 19.0, 23.0, "pittock1986", "ch. 1, §1.1.1",
                   "about 21 ± 2 kt, air burst at about 500 m (Glasstone & Dolan §2.24: 22 kt)"),
    ReferenceYield("Non-strategic warheads (Russian and US, published range)", 0.3, 300.0,
                   TEACHING_ASSUMPTION, "",
                   "open sources describe yields from under 1 kt to tens or hundreds of kt; no "
                   "single warhead's yield is confirmed, so we show only the broad band"),
    ReferenceYield("Starfish Prime (1962, ~400 km altitude)", 1400.0, 1400.0, "glasstone1977",
                   "§2.52", "1.4 Mt at about 248 miles near Johnston Island, some 700 miles "
                   "south-west of Hawaii"),
)
HIROSHIMA_HEIGHT_M = 580.0        # [pittock1986, ch. 1, §1.1.2]
HIROSHIMA_FLASH_BURN_KM = 6000 * 0.3048e-3   # fatal flash burns in the open out to ~6,000 ft
                                             # "or more" [glasstone1977, §12.69]
# NUKEMAP's third-degree ring (its default, the 100% line of Fig. 12.65) from its own effects
# code, NukeEffects, run unmodified [wellerstein2012]: yield (kt) -> (air-burst height m at
# NUKEMAP's 5 psi optimum, ground range km, contact-surface-burst range km).
NUKEMAP_THIRD_DEGREE_KM = {1.0: (312.0, 0.51, 0.50), 10.0: (673.0, 1.53, 1.41),
                           15.0: (770.0, 1.84, 1.69)}
HIROSHIMA_SURVEY = {"killed": 68_000, "injured": 76_000}   # [glasstone1977, Table 12.09]
STARFISH = {"yield_kt": 1400.0, "height_km": 400.0, "oahu_distance_km": 1300.0}  # §2.52, §11.26


@dataclass(frozen=True)
class IndirectHarm:
    """A harm of a high-altitude burst beyond its EMP, with its source.

    Parameters
    ----------
    name : str
        Short label (``"eyes"``, ``"satellites"``, ``"misreading"``).
    text : str
        One sentence describing the harm.
    source : str
        A key of :mod:`deterrence_lab.content.sources`, or ``TEACHING_ASSUMPTION``.
    where : str, optional
        Where in the source, or the reason for a teaching assumption.

    Notes
    -----
    A plain record; it does not validate its fields. ``HIGH_ALTITUDE_HARMS`` holds the entries
    (glasstone1977, §12.87 and §2.147; the "misreading" entry is a teaching assumption).
    """

    name: str
    text: str
    source: str
    where: str = ""


# What a high-altitude "demonstration" does besides its pulse (listed beside the EMP map).
HIGH_ALTITUDE_HARMS = (
    IndirectHarm("eyes", "the flash of a large burst above about 25 miles (40 km) can burn the "
                 "retina of people looking towards it, out to the horizon on a clear night",
                 "glasstone1977", "§12.87"),
    IndirectHarm("satellites", "Starfish Prime made artificial radiation belts that damaged "
                 "satellites in orbit; low orbit is far more crowded today", "glasstone1977",
                 "§2.147"),
    IndirectHarm("misreading", "a pulse that cuts command and communications is also how an "
                 "attack could begin, so the country below may read a demonstration as the "
                 "opening of an attack", TEACHING_ASSUMPTION,
                 "the course's reasoning; the op-ed itself expects the pulse to disrupt "
                 "communications"),
)


@dataclass(frozen=True)
class Shielding:
    """A structure's dose transmission factors (ranges) for initial gamma rays and neutrons.

    Parameters
    ----------
    structure : str
        The structure, e.g. ``"frame house"``.
    gamma, neutrons : tuple of float, dimensionless
        (low, high) fraction of the free-field gamma and neutron dose that reaches the inside.
    source : str, optional
        Source key, by default ``"glasstone1977"``.
    where : str, optional
        Where in the source, by default ``"Table 8.72"``.

    Notes
    -----
    A plain record; it does not validate its fields. Values from glasstone1977, Table 8.72,
    which lists buildings only (no armoured vehicles).
    """

    structure: str
    gamma: tuple
    neutrons: tuple
    source: str = "glasstone1977"
    where: str = "Table 8.72"


# Reference points for the armour question: Glasstone & Dolan list no vehicles.
SHIELDING = (
    Shielding("frame house", (0.8, 1.0), (0.3, 0.8)),
    Shielding("concrete blockhouse, 12-in walls", (0.05, 0.1), (0.2, 0.4)),
    Shielding("concrete blockhouse, 24-in walls", (0.007, 0.02), (0.1, 0.2)),
    Shielding("three feet underground", (0.002, 0.004), (0.002, 0.01)),
)


@dataclass(frozen=True)
class DensityPreset:
    """A population density to try, with the reasoning behind it.

    Parameters
    ----------
    name : str
        Label shown in the explorer (``"dense city"``, ``"town"``, ...).
    per_km2 : float, people/km²
        The density.
    source : str
        A source key, or ``TEACHING_ASSUMPTION``.
    note : str
        The reasoning behind the number.

    Notes
    -----
    A plain record; it does not validate its fields. The presets in ``DENSITY_PRESETS`` are
    teaching assumptions (orders of magnitude, reasons in ``note``).
    """

    name: str
    per_km2: float
    source: str
    note: str


DENSITY_PRESETS = (
    DensityPreset("dense city", 10_000.0, TEACHING_ASSUMPTION,
                  "order of magnitude of the densest central districts of European cities"),
    DensityPreset("town", 1_000.0, TEACHING_ASSUMPTION,
                  "a small town with its suburbs, a tenth of a dense city"),
    DensityPreset("front-line countryside", 20.0, TEACHING_ASSUMPTION,
                  "rural land near a front, much of it evacuated; soldiers not counted"),
)


@dataclass(frozen=True)
class Place:
    """A city, in standard geographic coordinates (degrees; east and north positive).

    Parameters
    ----------
    name : str
        The city's name in English.
    lat_deg : float, degrees
        Latitude, north positive.
    lon_deg : float, degrees
        Longitude, east positive.

    Notes
    -----
    A plain record; it does not validate its fields. ``PLACES`` holds standard geographic
    coordinates of city centres rounded to 0.01° (Natural Earth where it lists the city; see
    ``PLACES_SOURCE``).
    """

    name: str
    lat_deg: float
    lon_deg: float


PLACES_SOURCE = ("standard geographic coordinates of city centres, rounded to 0.01° (Natural "
                 "Earth populated places where it lists the city)")
PLACES = (
    Place("Zaporizhzhia", 47.83, 35.17), Place("The Hague", 52.08, 4.27),
    Place("Hiroshima", 34.39, 132.46), Place("Brussels", 50.84, 4.33),
    Place("Vienna", 48.20, 16.37), Place("Prague", 50.09, 14.42), Place("Budapest", 47.50, 19.08),
    Place("Bucharest", 44.44, 26.10), Place("Madrid", 40.40, -3.69), Place("Oslo", 59.92, 10.75),
    Place("Vilnius", 54.68, 25.32), Place("Riga", 56.95, 24.10), Place("Tallinn", 59.43, 24.73),
    Place("Moscow", 55.76, 37.62), Place("Saint Petersburg", 59.94, 30.31),
    Place("Kazan", 55.79, 49.12), Place("Yekaterinburg", 56.84, 60.61),
    Place("Murmansk", 68.97, 33.09), Place("Rostov-on-Don", 47.24, 39.71),
    Place("Kyiv", 50.45, 30.52), Place("Kharkiv", 49.99, 36.23), Place("Odesa", 46.48, 30.72),
    Place("Minsk", 53.90, 27.57), Place("Warsaw", 52.23, 21.01), Place("Helsinki", 60.17, 24.94),
    Place("Stockholm", 59.33, 18.07), Place("Berlin", 52.52, 13.40),
    Place("Amsterdam", 52.37, 4.90), Place("Paris", 48.86, 2.35), Place("London", 51.51, -0.13),
    Place("Rome", 41.90, 12.50), Place("Istanbul", 41.01, 28.98), Place("Tbilisi", 41.72, 44.79),
    Place("Johnston Atoll", 16.73, -169.53), Place("Honolulu (Oahu)", 21.31, -157.86),
)


# --------------------------------------------------------------------------- validation helpers
def _yield(value, name="yield_kt"):
    return check_range(name, value, MIN_YIELD_KT, MAX_YIELD_KT, unit="kt")


def _height(value, name="height_m"):
    return check_range(name, value, 0.0, MAX_HEIGHT_M, unit="m")


def _scalar_or_array(arr):
    arr = np.asarray(arr, dtype=float)
    return float(arr) if arr.ndim == 0 else arr


# --------------------------------------------------------------------------- blast
def _brode_psi(x, y):
    """Brode's (1986) fit: peak overpressure (psi) at scaled ground range x and scaled burst
    height y, both in kilofeet for a 1 kt burst. The many auxiliary terms have no physical
    meaning on their own; they shape the height-of-burst curves. (Powers are built from
    products and square roots because this runs inside every slider update.)"""
    x = np.maximum(x, 1e-3)
    r = np.hypot(x, y)
    z = y / x
    z2, sz = z * z, np.sqrt(z)
    qz = np.sqrt(sz)                                   # z^0.25
    z3, z4 = z2 * z, z2 * z2
    z5, z8 = z4 * z, z4 * z4
    z17 = z8 * z8 * z
    z18 = z17 * z
    y2 = y * y
    y4 = y2 * y2
    sr = np.sqrt(r)
    a = 1.22 - 3.908 * z2 / (1 + 810.2 * z5)
    b = (2.321 + 6.195 * z18 / (1 + 1.113 * z18) - 0.03831 * z17 / (1 + 0.02415 * z17)
         + 0.6692 / (1 + 4164 * z8))
    c = 4.153 - 1.149 * z18 / (1 + 1.641 * z18) - 1.1 / (1 + 2.771 * z2 * sz)
    d = -4.166 + 25.76 * z * sz * qz / (1 + 1.382 * z18) + 8.257 * z / (1 + 3.219 * z)
    e = 1 - 0.004642 * z18 / (1 + 0.003886 * z18)
    f = 0.6096 + 2.879 * z8 * z * qz / (1 + 2.359 * z8 * z4 * z2 * sz) - 17.15 * z2 / (1 + 71.66 * z3)
    g = 1.83 + 5.361 * z2 / (1 + 0.3139 * z3 * z3)
    h = (8.808 * z * sz / (1 + 154.5 * z3 * sz) - (0.2905 + 64.67 * z5) / (1 + 441.5 * z5)
         - 1.389 * z / (1 + 49.03 * z5)
         + 1.094 * r * r / ((781.2 - 123.4 * r + 37.98 * r * sr + r * r) * (1 + 2 * y)))
    j = 0.000629 * y4 / (3.493e-9 + y4) - 2.67 * y2 / (1 + 1e7 * y**4.3)
    k = 5.18 + 0.2803 * y2 * y * np.sqrt(y) / (3.788e-6 + y4)
    p = 10.47 / r**a + b / r**c + d * e / (1 + f * r**g) + h + j / r**k
    return np.maximum(p, 0.0)


_X_GRID_KFT = np.geomspace(1e-3, 300.0, 97)


def _scaled_range_kft(psi, y, iterations=8):
    """Scaled ground range (kft) where the fit equals ``psi`` at scaled height ``y``: bracket
    the outermost crossing on a fixed log grid, bisect in log-range, then interpolate
    log-pressure linearly inside the last bracket. 0 where even the point below the burst
    stays under ``psi``."""
    psi, y = np.broadcast_arrays(np.asarray(psi, float), np.asarray(y, float))
    above = _brode_psi(_X_GRID_KFT, y[..., None]) >= psi[..., None]
    n = _X_GRID_KFT.size
    last = n - 1 - np.argmax(above[..., ::-1], axis=-1)
    i = np.clip(last, 0, n - 2)
    lo, hi = np.log(_X_GRID_KFT[i]), np.log(_X_GRID_KFT[i + 1])
    for _ in range(iterations):
        mid = 0.5 * (lo + hi)
        up = _brode_psi(np.exp(mid), y) >= psi
        lo = np.where(up, mid, lo)
        hi = np.where(up, hi, mid)
    p_lo = np.log(np.maximum(_brode_psi(np.exp(lo), y), 1e-12))
    p_hi = np.log(np.maximum(_brode_psi(np.exp(hi), y), 1e-12))
    step = np.where(p_lo > p_hi, (p_lo - np.log(psi)) / np.where(p_lo > p_hi, p_lo - p_hi, 1.0), 0.5)
    x = np.exp(lo + np.clip(step, 0.0, 1.0) * (hi - lo))
    return np.where(above.any(axis=-1), x, 0.0)


@lru_cache(maxsize=1)
def _optimum_table():
    """For a 1 kt burst: log(psi) grid, the largest scaled range (kft) reachable for each
    overpressure and the scaled height (kft) that reaches it. Computed once, on first use,
    a few overpressures at a time: the whole grid at once peaks at about 160 MB."""
    log_psi = np.linspace(np.log(MIN_PSI), np.log(MAX_PSI), 61)
    heights = np.linspace(0.0, 3.0, 151)
    grid = np.concatenate([
        _scaled_range_kft(np.exp(part)[:, None], heights[None, :], iterations=6)
        for part in np.array_split(log_psi, 16)])
    best = np.argmax(grid, axis=1)
    # refine each maximum with a parabola through its neighbours (interior maxima only)
    i = np.clip(best, 1, len(heights) - 2)
    rows = np.arange(len(log_psi))
    r0, r1, r2 = grid[rows, i - 1], grid[rows, i], grid[rows, i + 1]
    denom = r0 - 2 * r1 + r2
    shift = np.where((best == i) & (denom < 0), 0.5 * (r0 - r2) / np.where(denom == 0, -1, denom), 0)
    y_opt = np.clip(heights[i] + shift * (heights[1] - heights[0]), 0.0, None)
    y_opt = np.where(best == 0, 0.0, y_opt)
    x_opt = _scaled_range_kft(np.exp(log_psi), y_opt)
    return log_psi, x_opt, y_opt


@fill(_DOC)
def overpressure_psi(yield_kt, ground_range_km, height_m=0.0):
    """Peak static overpressure (psi) on ideal flat ground at sea level [brode1986].

    Parameters
    ----------
    %(yield_kt)s
    ground_range_km : float or array_like, km
        Distance along the ground from the point below the burst, in [0, 20000] km.
    height_m : float or array_like, m, optional
        Height of burst in [0, 20000] m; 0 (the default) is a surface burst.

    Returns
    -------
    float or ndarray, psi
        Peak overpressure, of the broadcast shape of the three arguments (a float if all are
        scalars). Clipped at 0 where the fit goes negative.

    Raises
    ------
    %(blast_errors)s

    Notes
    -----
    brode1986, the overpressure fit as a function of scaled range and burst height (pp. 60-71;
    equations as transcribed in public effects codes, see ``ASSUMPTIONS``). Distances scale with
    the cube root of the yield (glasstone1977, §3.61-3.64): the fit is written for 1 kt and a
    burst of W kt at range R gives what 1 kt gives at R / W^(1/3). Good to about ±10%; below about
    1 psi the fit is not reliable.
    """
    w = _yield(yield_kt)
    ground = check_range("ground_range_km", ground_range_km, 0.0, MAX_RANGE_KM, unit="km")
    h = _height(height_m)
    scale = np.cbrt(w)
    x = ground / KM_PER_KFT / scale
    y = h / 1000.0 / KM_PER_KFT / scale
    return _scalar_or_array(_brode_psi(x, y))


@fill(_DOC)
def optimum_height_m(yield_kt, psi):
    """The burst height (m) that carries ``psi`` to the greatest ground range [brode1986].

    Parameters
    ----------
    %(yield_kt)s
    psi : float or array_like, psi
        Peak overpressure, in [1, 10000] psi. Broadcasts with ``yield_kt``.

    Returns
    -------
    float or ndarray, m
        Optimum height of burst, of the broadcast shape of the arguments.

    Raises
    ------
    %(blast_errors)s

    Notes
    -----
    Found numerically from the Brode fit (brode1986, overpressure versus range and burst height)
    for 1 kt on a grid of heights, refined by a parabola, and scaled by W^(1/3)
    (glasstone1977, §3.61-3.64).
    """
    w = _yield(yield_kt)
    p = check_range("psi", psi, MIN_PSI, MAX_PSI, unit="psi")
    check_broadcast(yield_kt=w, psi=p)
    log_psi, _, y_opt = _optimum_table()
    y = np.interp(np.log(p), log_psi, y_opt)
    return _scalar_or_array(y * KM_PER_KFT * 1000.0 * np.cbrt(w))


def _blast_range(w, p, height_m):
    """Unvalidated core of :func:`blast_range_km` (km), also used for casualty rings."""
    scale = np.cbrt(w)
    if height_m is None:
        log_psi, x_opt, _ = _optimum_table()
        x = np.exp(np.interp(np.log(p), log_psi, np.log(x_opt)))
    else:
        x = _scaled_range_kft(p, np.asarray(height_m, float) / 1000.0 / KM_PER_KFT / scale)
    return x * KM_PER_KFT * scale


@fill(_DOC)
def blast_range_km(yield_kt, psi, height_m=None):
    """Ground range (km) out to which the peak overpressure is at least ``psi``.

    Parameters
    ----------
    %(yield_kt)s
    psi : float or array_like, psi
        Peak overpressure threshold, in [1, 10000] psi.
    height_m : float or array_like or None, m, optional
        Height of burst in [0, 20000] m; ``0`` is a surface burst. ``None`` (the default) uses,
        for each threshold, the burst height that maximises this range
        (:func:`optimum_height_m`).

    Returns
    -------
    float or ndarray, km
        Ground range, of the broadcast shape of the arguments; 0 where a high burst never brings
        ``psi`` to the ground.

    Raises
    ------
    %(blast_errors)s

    Notes
    -----
    Inverts the Brode fit (brode1986, overpressure versus range and burst height) with
    cube-root scaling (glasstone1977, §3.61-3.64); good to about ±10% in overpressure on ideal
    flat ground.
    """
    w = _yield(yield_kt)
    p = check_range("psi", psi, MIN_PSI, MAX_PSI, unit="psi")
    height = None if height_m is None else _height(height_m)
    check_broadcast(yield_kt=w, psi=p, **({} if height is None else {"height_m": height}))
    return _scalar_or_array(_blast_range(w, p, height))


# --------------------------------------------------------------------------- fireball and heat
_FT_KM = 0.3048e-3


@fill(_DOC)
def fireball_radius_km(yield_kt, surface=False):
    """Maximum fireball radius (km) of an air or contact surface burst.

    Parameters
    ----------
    %(yield_kt)s
    surface : bool, optional
        ``True`` for a contact surface burst, ``False`` (default) for an air burst.

    Returns
    -------
    float or ndarray, km
        Radius, of the shape of ``yield_kt``.

    Raises
    ------
    TypeError
        If ``yield_kt`` is not a number or array of numbers, or ``surface`` is not a bool.
    ValueError
        If ``yield_kt`` is empty, not finite or outside [0.001, 100000] kt.

    Notes
    -----
    glasstone1977, §2.127: taken as twice the radius at breakaway, 2 × 100 ft × W^0.4 for an air
    burst and 2 × 145 ft × W^0.4 for a contact surface burst, where the ground reflects energy
    back as if the yield were doubled. Glasstone & Dolan call it a rough approximation.
    """
    w = _yield(yield_kt)
    feet = 290.0 if check_bool("surface", surface) else 200.0
    return _scalar_or_array(feet * _FT_KM * w**0.4)


@fill(_DOC)
def local_fallout_expected(yield_kt, height_m):
    """Whether a burst is low enough for appreciable local fallout.

    Parameters
    ----------
    %(yield_kt)s
    height_m : float or array_like, m, 0 or more
        Height of burst (no upper limit: a burst far above the atmosphere, such as
        Starfish Prime at about 400 km, is allowed and leaves none).

    Returns
    -------
    numpy.bool_ or ndarray of bool
        True where ``height_m`` is below about 180 ft × W^0.4; of the broadcast shape of the
        arguments.

    Raises
    ------
    %(blast_errors)s

    Notes
    -----
    glasstone1977, §2.128 (threshold 180 ft × W^0.4, probable error ±30%): roughly where the
    fireball reaches the ground and draws up soil (§2.24, §2.29); Starfish Prime, §2.52.
    """
    w = _yield(yield_kt)
    h = check_range("height_m", height_m, 0.0, None, unit="m")
    check_broadcast(yield_kt=w, height_m=h)
    return np.asarray(h / 1000.0 < 180.0 * _FT_KM * w**0.4)[()]


def _thermal_partition(surface):
    return 0.18 if check_bool("surface", surface) else 0.35


# [glasstone1977, Fig. 7.98]: transmittance τ to a target on the ground on a clear day (12-mile
# visibility, the only one drawn), as contours over ground distance and burst height. Digitised
# from the figure (contour crossings at burst heights of 0.30-1.22 km; see ASSUMPTIONS) and
# fitted by τ = τ0·exp(-(D/L)^p), D the slant range, L = L0·(1 + k·H) growing with the burst
# height H (held at 1.22 km above that) and, a teaching assumption, in proportion to visibility.
VISIBILITY_CLEAR_KM = 12 * 1.609344          # 12 statute miles: "a typical clear day" (§7.42)
TAU_FIG_HEIGHTS_KM = np.array([0.30, 0.46, 0.61, 0.76, 0.91, 1.22])
TAU_FIG_LEVELS = np.array([0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.01])
TAU_FIG_GROUND_KM = np.array([               # ground distance where each contour crosses H
    [2.8, 4.9, 6.8, 9.8, 12.4, 16.2, 19.5, 28.0, 54.4],
    [2.8, 5.1, 7.1, 10.2, 12.8, 16.5, 20.3, 28.9, 56.2],
    [2.9, 5.3, 7.4, 10.6, 13.3, 17.4, 21.0, 29.9, 58.6],
    [3.1, 5.6, 7.8, 11.2, 14.1, 18.4, 22.6, 31.8, 62.4],
    [3.2, 5.8, 8.1, 11.6, 14.5, 19.1, 23.5, 32.6, 65.0],
    [3.4, 6.4, 9.1, 12.6, 15.8, 20.7, 25.9, 36.1, 72.2],
])
TAU_FIT = {"tau0": 0.92, "scale_km": 12.8, "height_per_km": 0.37, "power": 1.2,
           "max_height_km": 1.22}
# Largest error of the fit against the digitised contours: in τ, and in the distance at which
# a contour is reached (relative; the largest is at the faint τ = 0.01 contour).
TAU_FIT_ERROR = {"tau": 0.025, "distance": 0.10}


def _transmittance(slant_km, height_m, visibility_km):
    """Unvalidated core of :func:`transmittance` (the fit to Fig. 7.98, see ``TAU_FIT``)."""
    fit = TAU_FIT
    h_km = np.minimum(np.asarray(height_m, float) / 1000.0, fit["max_height_km"])
    scale = (fit["scale_km"] * (1.0 + fit["height_per_km"] * h_km)
             * np.asarray(visibility_km, float) / VISIBILITY_CLEAR_KM)
    return fit["tau0"] * np.exp(-(np.asarray(slant_km, float) / scale) ** fit["power"])


def _visibility(value):
    return check_range("visibility_km", value, 2.0, 100.0, unit="km")


@fill(_DOC)
def transmittance(slant_range_km, height_m=0.0, visibility_km=VISIBILITY_CLEAR_KM):
    """Fraction τ of the thermal radiation that reaches a target on the ground [glasstone1977].

    Parameters
    ----------
    slant_range_km : float or array_like, km
        Straight-line distance from the burst to the target, in (0, 20000] km.
    height_m : float or array_like, m, optional
        Burst height in [0, 20000] m (default 0); τ grows slowly with it (less air near the
        burst). Heights above 1,220 m are treated as 1,220 m, the highest digitised (this
        understates τ a little).
    visibility_km : float or array_like, km, optional
        Daylight visibility in [2, 100] km. The default, 19.3 km (12 miles), is the figure's
        "typical clear day" (§7.42); cities are often hazier (§7.98).

    Returns
    -------
    float or ndarray, dimensionless
        τ in (0, 0.92], of the broadcast shape of the arguments.

    %(argument_raises)s

    Notes
    -----
    glasstone1977, Fig. 7.98 and §7.98. τ = 0.92·exp(−(D/L)^1.2) with
    L = 12.8 km × (1 + 0.37 H/km) × (visibility / 19.3 km). The fit reproduces the digitised
    contours of Fig. 7.98 to within ``TAU_FIT_ERROR`` (0.025 in τ). The figure gives one
    visibility only: scaling L with the visibility is a teaching assumption (haze removes light
    in proportion to the extinction that sets the visibility). Scattered light that still
    reaches the target is included, which is why τ stays near 0.9 close to the burst. Clouds
    above the burst or snow on the ground raise the exposure by up to 1.5 times each (§7.100);
    that is not modelled.
    """
    d = check_range("slant_range_km", slant_range_km, 0.0, MAX_RANGE_KM, low_open=True, unit="km")
    h = _height(height_m)
    v = _visibility(visibility_km)
    check_broadcast(slant_range_km=d, height_m=h, visibility_km=v)
    return _scalar_or_array(_transmittance(d, h, v))


def _fluence(w, slant_km, surface, transmittance_value, height_m, visibility_km):
    """Radiant exposure (cal/cm²), unvalidated. ``transmittance_value=None``: τ from Fig. 7.98."""
    tau = (_transmittance(slant_km, height_m, visibility_km) if transmittance_value is None
           else transmittance_value)
    # 1 kt = 1e12 cal; Q = f W tau / (4 pi D^2), with D in km -> cm (1 km^2 = 1e10 cm^2)
    return _thermal_partition(surface) * w * tau * 1e12 / (4 * np.pi * 1e10) / slant_km**2


def _thermal_conditions(w, transmittance, height_m, visibility_km, **other):
    """The checked transmittance (or None), burst height and visibility of a thermal call, once
    all of them and ``other`` (the one argument the call adds) are known to broadcast with the
    checked yield ``w``."""
    tau = _tau_arg(transmittance)
    h = _height(height_m)
    v = _visibility(visibility_km)
    check_broadcast(yield_kt=w, **other, height_m=h, visibility_km=v,
                    **({} if tau is None else {"transmittance": tau}))
    return tau, h, v


def _tau_arg(transmittance_value):
    if transmittance_value is None:
        return None
    return check_range("transmittance", transmittance_value, 0.0, 1.0, low_open=True)


@fill(_DOC)
def thermal_fluence_cal_cm2(yield_kt, slant_range_km, surface=False, transmittance=None,
                            height_m=0.0, visibility_km=VISIBILITY_CLEAR_KM):
    """Radiant exposure (cal/cm²) at a slant range: Q = f·W·τ / (4πD²).

    Parameters
    ----------
    %(yield_kt)s
    %(slant_range_km)s
    surface : bool, optional
        ``True`` for a contact surface burst (f = 0.18), ``False`` (default) for an air burst
        (f = 0.35).
    transmittance : float or array_like or None, optional
        Atmospheric transmittance τ in (0, 1] held fixed; ``None`` (default) computes it from the
        range, the burst height and the visibility (:func:`transmittance`), and only then are
        ``height_m`` and ``visibility_km`` used.
    %(height_m)s
    visibility_km : float or array_like, km, optional
        Visibility in [2, 100] km, default 19.3 km (12 miles, a clear day).

    Returns
    -------
    float or ndarray, cal/cm²
        Radiant exposure, of the broadcast shape of the numeric arguments.

    %(thermal_raises)s

    Notes
    -----
    glasstone1977, §7.96 (the formula), Table 7.88 (f = 0.35 for an air burst), §7.101 (an
    effective f = 0.18 for a contact surface burst), Fig. 7.98 (τ, see :func:`transmittance`).
    """
    w = _yield(yield_kt)
    d = check_range("slant_range_km", slant_range_km, 0.0, MAX_RANGE_KM, low_open=True, unit="km")
    tau, h, v = _thermal_conditions(w, transmittance, height_m, visibility_km, slant_range_km=d)
    return _scalar_or_array(_fluence(w, d, surface, tau, h, v))


# [glasstone1977, Fig. 12.65]: radiant exposure (cal/cm²) that burns bare skin of an average
# unshielded population, against yield (the figure spans 1 kt to 10 Mt). Digitised from a scan
# of the figure (reading error about ±0.05 cal/cm², see ASSUMPTIONS). Keys: (degree, percent of
# people burnt at least to that degree): the solid lines are 50%, the top broken line is the
# "100% third-degree" line.
BURN_FIG_YIELDS_KT = np.array([1.0, 10.0, 100.0, 1000.0, 10_000.0])
BURN_CURVES = {
    (1, 50): np.array([1.90, 2.32, 2.74, 3.16, 3.58]),
    (2, 50): np.array([3.95, 4.70, 5.45, 6.20, 6.96]),
    (3, 50): np.array([5.95, 7.19, 8.44, 9.69, 10.94]),
    (3, 100): np.array([6.97, 8.43, 9.88, 11.33, 12.79]),
}


def _burn_threshold(w, kind):
    curve = BURN_CURVES[kind]
    return np.interp(np.log(w), np.log(BURN_FIG_YIELDS_KT), curve)


@fill(_DOC)
def burn_threshold_cal_cm2(yield_kt, degree=3, probability_pct=50):
    """Radiant exposure (cal/cm²) that burns bare skin [glasstone1977, Fig. 12.65].

    Parameters
    ----------
    %(yield_kt)s
    degree : {1, 2, 3}, optional
        First-, second- or third-degree burn (default 3).
    probability_pct : {50, 100}, optional
        Share of exposed people burnt at least to that degree (default 50); 100 is given for
        third-degree burns only (NUKEMAP's third-degree ring uses it).

    Returns
    -------
    float or ndarray, cal/cm²
        Threshold exposure, of the shape of ``yield_kt``.

    Raises
    ------
    TypeError
        If ``yield_kt`` is not a number or array of numbers.
    ValueError
        If ``yield_kt`` is empty, not finite or outside [0.001, 100000] kt; if ``degree`` is not
        the whole number 1, 2 or 3, or ``probability_pct`` not 50 or 100 (a bool or float is
        refused too); or if ``probability_pct=100`` is asked for a first- or second-degree burn.

    Notes
    -----
    glasstone1977, Fig. 12.65 and §12.63, digitised from a scan (reading error about ±0.05
    cal/cm², see ``ASSUMPTIONS``). Larger yields need more energy for the same burn because
    their heat arrives over a longer pulse and the skin cools meanwhile (§12.63). Interpolated
    linearly in log-yield between the digitised points at 1, 10, 100, 1,000 and 10,000 kt; held
    at the end values outside that range.
    """
    w = _yield(yield_kt)
    if (isinstance(degree, (bool, np.bool_)) or not isinstance(degree, (int, np.integer))
            or degree not in (1, 2, 3)):
        raise ValueError(f"degree={degree!r} is not one of: 1, 2, 3")
    if (isinstance(probability_pct, (bool, np.bool_))
            or not isinstance(probability_pct, (int, np.integer)) or probability_pct not in (50, 100)):
        raise ValueError(f"probability_pct={probability_pct!r} is not one of: 50, 100")
    if (degree, probability_pct) not in BURN_CURVES:
        raise ValueError(f"probability_pct={probability_pct!r} is given only for third-degree "
                         f"burns: use probability_pct=50 with degree={degree}")
    return _scalar_or_array(_burn_threshold(w, (degree, probability_pct)))


def _ground_from_slant(slant_km, height_m):
    h_km = np.asarray(height_m, float) / 1000.0
    return np.sqrt(np.clip(slant_km**2 - h_km**2, 0.0, None))


def _thermal_slant(w, q, surface, tau, height_m, visibility_km):
    """Slant range (km) where the exposure falls to ``q``; exact for fixed τ, bisection in
    log-range otherwise (the exposure falls monotonically with range)."""
    if tau is not None:
        return np.sqrt(_fluence(w, 1.0, surface, tau, height_m, visibility_km) / q)
    w, q, h, v = np.broadcast_arrays(np.asarray(w, float), np.asarray(q, float),
                                     np.asarray(height_m, float), np.asarray(visibility_km, float))
    lo = np.full(w.shape, np.log(1e-4))
    hi = np.full(w.shape, np.log(MAX_RANGE_KM))
    for _ in range(45):
        mid = 0.5 * (lo + hi)
        above = _fluence(w, np.exp(mid), surface, None, h, v) >= q
        lo = np.where(above, mid, lo)
        hi = np.where(above, hi, mid)
    return np.exp(0.5 * (lo + hi))


@fill(_DOC)
def thermal_range_km(yield_kt, fluence_cal_cm2, surface=False, transmittance=None, height_m=0.0,
                     visibility_km=VISIBILITY_CLEAR_KM):
    """Ground range (km) out to which the radiant exposure is at least ``fluence_cal_cm2``.

    The inverse of :func:`thermal_fluence_cal_cm2` for a burst at ``height_m``.

    Parameters
    ----------
    %(yield_kt)s
    fluence_cal_cm2 : float or array_like, cal/cm²
        Threshold radiant exposure, greater than 0.
    surface : bool, optional
        ``True`` for a contact surface burst (f = 0.18), default ``False`` (air burst, 0.35).
    transmittance : float or array_like or None, optional
        Fixed τ in (0, 1]; ``None`` (default) takes τ from range, height and visibility
        (:func:`transmittance`).
    %(height_m)s
    visibility_km : float or array_like, km, optional
        Visibility in [2, 100] km, default 19.3 km.

    Returns
    -------
    %(ground_range_km)s

    %(thermal_raises)s

    Notes
    -----
    glasstone1977, §7.96, Table 7.88, §7.101 and Fig. 7.98 (see
    :func:`thermal_fluence_cal_cm2`). With τ from Fig. 7.98 the slant range is found by
    bisection in log-range (the exposure falls monotonically with range).
    """
    w = _yield(yield_kt)
    q = check_range("fluence_cal_cm2", fluence_cal_cm2, 0.0, None, low_open=True, unit="cal/cm²")
    tau, h, v = _thermal_conditions(w, transmittance, height_m, visibility_km, fluence_cal_cm2=q)
    check_bool("surface", surface)
    return _scalar_or_array(_ground_from_slant(_thermal_slant(w, q, surface, tau, h, v), h))


@fill(_DOC)
def burn_range_km(yield_kt, degree=3, probability_pct=50, surface=False, height_m=0.0,
                  visibility_km=VISIBILITY_CLEAR_KM):
    """Ground range (km) of a burn ring for one burst.

    The threshold of Fig. 12.65 at this yield (:func:`burn_threshold_cal_cm2`), reached
    through air of the given visibility (Fig. 7.98, :func:`thermal_range_km`).

    Parameters
    ----------
    %(yield_kt)s
    degree : {1, 2, 3}, optional
        Burn degree (default 3), see :func:`burn_threshold_cal_cm2`.
    probability_pct : {50, 100}, optional
        Share of people burnt (default 50). The explorer's ring (and NUKEMAP's) is
        ``degree=3, probability_pct=100``.
    surface : bool, optional
        Contact surface burst (thermal partition 0.18 instead of 0.35, §7.101); default False.
    height_m : float or array_like, m, optional
        Burst height in [0, 20000] m (default 0); the ring is the ground range below the slant
        range.
    visibility_km : float or array_like, km, optional
        Visibility in [2, 100] km, default 19.3 km; see :func:`transmittance`.

    Returns
    -------
    float or ndarray, km
        Ground range, of the broadcast shape of ``yield_kt``, ``height_m`` and
        ``visibility_km``; 0 where the burst is too high for the threshold to reach the ground.

    Raises
    ------
    %(thermal_type_error)s
    ValueError
        If a numeric argument is empty, not finite or outside its range above, if ``degree`` or
        ``probability_pct`` is not an allowed value (or 100% is asked for degree 1 or 2), or if
        the shapes do not broadcast together.

    Notes
    -----
    glasstone1977, Fig. 12.65 and §12.63 (burn thresholds), §7.96, Table 7.88, §7.101 and
    Fig. 7.98 (the exposure).
    """
    q = burn_threshold_cal_cm2(yield_kt, degree, probability_pct)
    return thermal_range_km(yield_kt, q, surface=surface, height_m=height_m,
                            visibility_km=visibility_km)


# --------------------------------------------------------------------------- prompt radiation
_RAD_K = 12_388.0        # rad km² per kt (fit, see ASSUMPTIONS: minoborony1987)
_RAD_LAMBDA_KM = 0.218
_RAD_LAMBDA_EXP = 0.046
ER_YIELD_FACTOR = 10.0   # [wellerstein2012]: enhanced radiation ~ 10x yield for prompt radiation
INCAPACITATION_REM = 5000.0   # CNS syndrome, incapacitation almost at once [glasstone1977, Table 12.108]
INCAPACITATION_RANGE_REM = (2000.0, 6000.0)   # where that line may lie [glasstone1977, §12.111]
LETHAL_DOSE_RANGE_REM = (600.0, 1000.0)       # death probable within weeks [glasstone1977, Table 12.108]
LETHAL_REM = 500.0            # NUKEMAP's radiation ring: 50-90% mortality [wellerstein2012]
# Contact surface burst: half the air-burst dose. Glasstone & Dolan halve the neutron dose (and
# the secondary gammas it makes) and scale the other gamma rays by about 2/3 for 1-50 kt
# [glasstone1977, §8.65, Table 8.37]; NUKEMAP scales gamma by 2/3 [wellerstein2012]. We halve
# the total: neutrons dominate the dose close in, where the rings lie, and the 2/3 factor would
# move a ring by under 5%, well inside the factor-2 uncertainty of the curves (§8.33).
SURFACE_RADIATION_FACTOR = 0.5


def _radiation_yield(w, enhanced_radiation):
    return w * (ER_YIELD_FACTOR if check_bool("enhanced_radiation", enhanced_radiation) else 1.0)


def _dose(w_rad, slant_km, surface):
    source = SURFACE_RADIATION_FACTOR if surface else 1.0
    lam = _RAD_LAMBDA_KM * w_rad**_RAD_LAMBDA_EXP
    return source * _RAD_K * w_rad * np.exp(-slant_km / lam) / slant_km**2


@fill(_DOC)
def prompt_dose_rem(yield_kt, slant_range_km, surface=False, enhanced_radiation=False):
    """Initial (prompt) neutron and gamma dose (rem) in the open at a slant range.

    Parameters
    ----------
    %(yield_kt)s
    %(slant_range_km)s
    surface : bool, optional
        ``True`` for a contact surface burst (half the air-burst dose), default ``False``.
    %(enhanced_radiation)s

    Returns
    -------
    float or ndarray, rem
        Dose, of the broadcast shape of ``yield_kt`` and ``slant_range_km``.

    %(radiation_raises)s

    Notes
    -----
    D = K·W·exp(−R/λ)/R² with λ = 0.218 km × W^0.046, fitted to the air-burst initial-radiation
    curves of minoborony1987 (1-1,000 kt; within about 20% in dose), 1 rad taken as 1 rem. The
    surface-burst half follows glasstone1977, §8.65 and Table 8.37 (see
    ``SURFACE_RADIATION_FACTOR``); the enhanced-radiation rule is NUKEMAP's (wellerstein2012).
    Uncertain by a factor of about 2 (glasstone1977, §8.33).
    """
    w = _yield(yield_kt)
    d = check_range("slant_range_km", slant_range_km, 0.0, MAX_RANGE_KM, low_open=True, unit="km")
    check_broadcast(yield_kt=w, slant_range_km=d)
    surface = check_bool("surface", surface)
    return _scalar_or_array(_dose(_radiation_yield(w, enhanced_radiation), d, surface))


@fill(_DOC)
def prompt_dose_range_km(yield_kt, dose_rem, surface=False, enhanced_radiation=False,
                         height_m=0.0, transmission=1.0):
    """Ground range (km) inside which the prompt dose is at least ``dose_rem``.

    Parameters
    ----------
    %(yield_kt)s
    dose_rem : float or array_like, rem
        Dose threshold, greater than 0 (e.g. ``LETHAL_REM``, 500 rem).
    surface : bool, optional
        ``True`` for a contact surface burst (half the dose), default ``False``.
    %(enhanced_radiation)s
    height_m : float or array_like, m, optional
        Burst height in [0, 20000] m (default 0); the result is the ground range below the slant
        range.
    transmission : float or array_like, optional
        Fraction of the free-field dose that passes a shield, in (0, 1] (default 1, in the open).

    Returns
    -------
    %(ground_range_km)s

    %(radiation_raises)s

    Notes
    -----
    Inverts :func:`prompt_dose_rem` (fit to minoborony1987; surface rule glasstone1977, §8.65;
    enhanced radiation wellerstein2012) by bisection in log slant range up to 200 km.
    """
    w = _yield(yield_kt)
    dose = check_range("dose_rem", dose_rem, 0.0, None, low_open=True, unit="rem")
    h = _height(height_m)
    t = check_range("transmission", transmission, 0.0, 1.0, low_open=True)
    check_broadcast(yield_kt=w, dose_rem=dose, height_m=h, transmission=t)
    surface = check_bool("surface", surface)
    return _scalar_or_array(_dose_range(_radiation_yield(w, enhanced_radiation), dose / t,
                                        surface, h))


def _dose_range(w_rad, target_rem, surface, height_m):
    """Unvalidated core of :func:`prompt_dose_range_km`: bisection in log slant range."""
    target, w_rad = np.broadcast_arrays(np.asarray(target_rem, float), np.asarray(w_rad, float))
    lo = np.full(target.shape, np.log(1e-4))
    hi = np.full(target.shape, np.log(200.0))
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        above = _dose(w_rad, np.exp(mid), surface) >= target
        lo = np.where(above, mid, lo)
        hi = np.where(above, hi, mid)
    return _ground_from_slant(np.exp(0.5 * (lo + hi)), height_m)


@fill(_DOC)
def armour_protected_dose_rem(yield_kt, slant_range_km, transmission, surface=False,
                              enhanced_radiation=False):
    """Prompt dose (rem) inside a vehicle that lets through the fraction ``transmission``.

    Parameters
    ----------
    %(yield_kt)s
    %(slant_range_km)s
    transmission : float or array_like
        Fraction of the free-field dose that reaches the crew, in (0, 1]. No default: the value
        for a tank is not given in the open references used here, so try a range of values.
    surface : bool, optional
        ``True`` for a contact surface burst, default ``False``.
    %(enhanced_radiation)s

    Returns
    -------
    float or ndarray, rem
        ``transmission`` × :func:`prompt_dose_rem`, of the broadcast shape of the numeric
        arguments.

    %(radiation_raises)s

    Notes
    -----
    Free-field dose as in :func:`prompt_dose_rem` (minoborony1987; glasstone1977, §8.65).
    The transmission is the user's choice: glasstone1977, Table 8.72 lists buildings only
    (see ``SHIELDING``), no vehicles.
    """
    t = check_range("transmission", transmission, 0.0, 1.0, low_open=True)
    check_broadcast(yield_kt=yield_kt, slant_range_km=slant_range_km, transmission=t)
    return _scalar_or_array(t * prompt_dose_rem(yield_kt, slant_range_km, surface, enhanced_radiation))


# --------------------------------------------------------------------------- one burst, all rings
BURST_KINDS = ("optimum", "surface", "custom")
RING_NAMES = ("fireball", "20 psi", "5 psi", "1 psi", "500 rem", "3rd-degree burns")


@dataclass(frozen=True)
class BurstRadii:
    """Ground radii (km) of the chapter's rings for one burst, as :func:`effect_radii_km` returns.

    Parameters
    ----------
    radii_km : dict of str to float, km
        One radius per ring, keyed by ``RING_NAMES``.
    height_m : float, m
        The burst height used.
    surface : bool
        Whether the burst was a contact surface burst.

    Notes
    -----
    A plain record; it does not validate its fields. Sources of the rings (details in
    :func:`effect_radii_km`): glasstone1977 (fireball, burns), brode1986 (overpressure),
    minoborony1987 and wellerstein2012 (500 rem).
    """

    radii_km: dict
    height_m: float
    surface: bool


@fill(_DOC)
def effect_radii_km(yield_kt, burst="optimum", height_m=0.0, enhanced_radiation=False,
                    visibility_km=VISIBILITY_CLEAR_KM):
    """All ring radii (km) for one burst, validated once.

    Parameters
    ----------
    %(yield_kt_single)s
    burst : {"optimum", "surface", "custom"}, optional
        ``"optimum"`` (default): air burst at the height that carries 5 psi farthest;
        ``"surface"``: a contact surface burst (height 0, surface thermal partition and
        radiation rule); ``"custom"``: an air burst at ``height_m``.
    height_m : float, m, optional
        A single number in [0, 20000] m (default 0), used only for ``burst="custom"`` (but
        checked always).
    enhanced_radiation : bool, optional
        Prompt radiation as from ten times the yield [wellerstein2012]; default ``False``.
    visibility_km : float, km, optional
        A single number in [2, 100] km for the burn ring (Fig. 7.98), default 19.3 km.

    Returns
    -------
    BurstRadii
        ``radii_km`` has the rings of ``RING_NAMES`` (floats, km): maximum fireball; 20, 5 and
        1 psi; 500 rem of prompt radiation; 100% third-degree burns (the ring NUKEMAP draws).
        ``height_m`` is the burst height used (m).

    Raises
    ------
    TypeError
        If a numeric argument is not a number, or is an array of more than one number, or
        ``enhanced_radiation`` is not a bool.
    ValueError
        If a numeric argument is not finite or outside its range above, or ``burst`` is not one
        of the three kinds.

    Notes
    -----
    Fireball: glasstone1977, §2.127. Overpressure rings: brode1986 with cube-root scaling
    (glasstone1977, §3.61-3.64). Radiation ring: minoborony1987 fit, 500 rem as NUKEMAP
    (wellerstein2012). Burn ring: glasstone1977, Fig. 12.65 and Fig. 7.98.
    """
    w = single_number("yield_kt", _yield(yield_kt))
    burst = check_choice("burst", burst, BURST_KINDS)
    h_custom = single_number("height_m", _height(height_m))
    er = check_bool("enhanced_radiation", enhanced_radiation)
    v = single_number("visibility_km", _visibility(visibility_km))
    surface = burst == "surface"
    if burst == "surface":
        h = 0.0
    elif burst == "custom":
        h = h_custom
    else:
        log_psi, _, y_opt = _optimum_table()
        h = float(np.interp(np.log(5.0), log_psi, y_opt) * KM_PER_KFT * 1000.0 * np.cbrt(w))
    r20, r5, r1 = _blast_range(w, np.array([20.0, 5.0, 1.0]), h)
    q_burn = _burn_threshold(w, (3, 100))
    radii = {
        "fireball": float((290.0 if surface else 200.0) * _FT_KM * w**0.4),
        "20 psi": float(r20), "5 psi": float(r5), "1 psi": float(r1),
        "500 rem": float(_dose_range(_radiation_yield(w, er), LETHAL_REM, surface, h)),
        "3rd-degree burns": float(_ground_from_slant(_thermal_slant(w, q_burn, surface, None, h, v),
                                                     h)),
    }
    return BurstRadii(radii_km=radii, height_m=h, surface=surface)


# --------------------------------------------------------------------------- EMP reach
def _emp_height(value):
    return check_range("burst_height_km", value, 0.0, 100_000.0, low_open=True, unit="km")


@fill(_DOC)
def emp_ground_radius_km(burst_height_km):
    """Ground radius (km) of a high-altitude EMP footprint.

    The great-circle distance along the Earth's surface to the burst's horizon,
    R·arccos(R / (R + h)). The straight tangent line from the burst to that horizon is longer
    (:func:`emp_tangent_distance_km`).

    %(emp_args)s

    Returns
    -------
    float or ndarray, km
        Ground radius, of the shape of ``burst_height_km``.

    %(emp_raises)s

    Notes
    -----
    %(spherical)s
    The footprint is the ground in line of sight of the burst; Starfish Prime's effects were
    felt on Oahu, about 1,300 km from it (glasstone1977, §11.26; ``STARFISH``).
    """
    h = _emp_height(burst_height_km)
    return _scalar_or_array(EARTH_RADIUS_KM * np.arccos(EARTH_RADIUS_KM / (EARTH_RADIUS_KM + h)))


@fill(_DOC)
def emp_tangent_distance_km(burst_height_km):
    """Straight-line distance (km) from the burst to its horizon: sqrt((R + h)² − R²).

    %(emp_args)s

    Returns
    -------
    float or ndarray, km
        Tangent distance, of the shape of ``burst_height_km``.

    %(emp_raises)s

    Notes
    -----
    %(spherical)s
    """
    h = _emp_height(burst_height_km)
    return _scalar_or_array(np.sqrt((EARTH_RADIUS_KM + h) ** 2 - EARTH_RADIUS_KM**2))


def _two_points(lat1_deg, lon1_deg, lat2_deg, lon2_deg,
                names=("lat1_deg", "lon1_deg", "lat2_deg", "lon2_deg")):
    """Latitudes and longitude difference in radians, checked and broadcast together."""
    values = (lat1_deg, lon1_deg, lat2_deg, lon2_deg)
    named = {name: check_range(name, value, -90 if name.startswith("lat") else -180,
                               90 if name.startswith("lat") else 180, unit="°")
             for name, value in zip(names, values)}
    try:
        la1, lo1, la2, lo2 = np.broadcast_arrays(*named.values())
    except ValueError:
        shapes = ", ".join(f"{k} {v.shape}" for k, v in named.items())
        raise ValueError(f"the coordinates must have shapes that broadcast together: {shapes}") \
            from None
    return np.radians(la1), np.radians(la2), np.radians(lo2 - lo1)


@fill(_DOC)
def great_circle_km(lat1_deg, lon1_deg, lat2_deg, lon2_deg):
    """Great-circle distance (km) between two points on a spherical Earth.

    %(two_points)s

    Returns
    -------
    float or ndarray, km
        Distance along the surface, of the broadcast shape of the coordinates.

    Raises
    ------
    %(coordinate_errors)s

    Notes
    -----
    The haversine formula, standard spherical geometry, with the mean Earth radius 6371 km
    (standard geodetic value); the Earth's flattening changes distances by under 0.5%.
    """
    la1, la2, dlon = _two_points(lat1_deg, lon1_deg, lat2_deg, lon2_deg)
    a = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin(dlon / 2) ** 2
    return _scalar_or_array(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1))))


@fill(_DOC)
def azimuthal_equidistant_km(lat0_deg, lon0_deg, lat_deg, lon_deg):
    """Map coordinates (km) of points in an azimuthal equidistant projection.

    The projection is centred on (``lat0_deg``, ``lon0_deg``) on a spherical Earth. Every point
    lies at its true great-circle distance and bearing from the centre, so a circle of a given
    ground range around the centre (an effect ring, the EMP horizon) is drawn true to scale.
    Distances between two other points are not exact; the error grows with the distance from
    the centre (at right angles to the radius the scale is too large by c/sin c, c the central
    angle: about 1% at 1,600 km, 4% at 3,000 km).

    Parameters
    ----------
    lat0_deg, lon0_deg : float or array_like, degrees
        The centre: latitude in [-90, 90], longitude in [-180, 180] (north and east positive).
    lat_deg, lon_deg : float or array_like, degrees
        The points, in the same ranges; all four arguments broadcast together.

    Returns
    -------
    x_km, y_km : float or ndarray, km
        km east and km north of the centre along the map, each of the broadcast shape of the
        coordinates.

    Raises
    ------
    %(coordinate_errors)s

    Notes
    -----
    Standard map-projection formulas on a sphere of the mean Earth radius, 6371 km (standard
    geodetic value).
    """
    la1, la2, dlon = _two_points(lat0_deg, lon0_deg, lat_deg, lon_deg,
                                 names=("lat0_deg", "lon0_deg", "lat_deg", "lon_deg"))
    cos_c = np.clip(np.sin(la1) * np.sin(la2) + np.cos(la1) * np.cos(la2) * np.cos(dlon), -1, 1)
    c = np.arccos(cos_c)                                   # central angle (radians)
    k = np.where(c > 1e-12, c / np.where(c > 1e-12, np.sin(c), 1.0), 1.0)
    x = EARTH_RADIUS_KM * k * np.cos(la2) * np.sin(dlon)
    y = EARTH_RADIUS_KM * k * (np.cos(la1) * np.sin(la2) - np.sin(la1) * np.cos(la2) * np.cos(dlon))
    return _scalar_or_array(x), _scalar_or_array(y)


@fill(_DOC)
def initial_bearing_deg(lat1_deg, lon1_deg, lat2_deg, lon2_deg):
    """Compass bearing (degrees clockwise from north) of the great circle from point 1 to point 2.

    %(two_points)s

    Returns
    -------
    float or ndarray, degrees
        Initial bearing in [0, 360), of the broadcast shape of the coordinates.

    Raises
    ------
    %(coordinate_errors)s

    Notes
    -----
    Standard spherical trigonometry (the forward azimuth); no empirical numbers.
    """
    la1, la2, dlon = _two_points(lat1_deg, lon1_deg, lat2_deg, lon2_deg)
    y = np.sin(dlon) * np.cos(la2)
    x = np.cos(la1) * np.sin(la2) - np.sin(la1) * np.cos(la2) * np.cos(dlon)
    return _scalar_or_array(np.degrees(np.arctan2(y, x)) % 360.0)


# --------------------------------------------------------------------------- fallout
@fill(_DOC)
def fallout_dose_rate_rem_h(t_hours, rate_1h_rem_h):
    """Fallout dose rate (rem/h) at ``t_hours`` after the burst: R1·t^-1.2.

    Parameters
    ----------
    t_hours : float or array_like, h
        Time after the burst, greater than 0 (the law holds from about 0.5 h, and only once the
        fallout has arrived).
    rate_1h_rem_h : float or array_like, rem/h
        Reference dose rate at 1 h after the burst (R1), 0 or more. Broadcasts with
        ``t_hours``.

    Returns
    -------
    float or ndarray, rem/h
        Dose rate, of the broadcast shape of the arguments.

    %(argument_raises)s

    Notes
    -----
    glasstone1977, §9.146-9.148: good to about 25% from 0.5 h to about 200 days. So seven times
    later the rate is about a tenth (7^-1.2 ≈ 0.097), the "7-10 rule" (§9.15).
    """
    t = check_range("t_hours", t_hours, 0.0, None, low_open=True, unit="h")
    r1 = check_range("rate_1h_rem_h", rate_1h_rem_h, 0.0, None, unit="rem/h")
    check_broadcast(t_hours=t, rate_1h_rem_h=r1)
    return _scalar_or_array(r1 * t**-1.2)


@fill(_DOC)
def fallout_dose_rem(rate_1h_rem_h, t_start_h, t_end_h):
    """Dose (rem) accumulated in the open from ``t_start_h`` to ``t_end_h`` after the burst.

    Parameters
    ----------
    rate_1h_rem_h : float or array_like, rem/h
        Reference dose rate at 1 h after the burst (R1), 0 or more.
    t_start_h, t_end_h : float or array_like, h
        Start and end of the exposure, each greater than 0, with ``t_end_h >= t_start_h``. All
        three arguments broadcast together.

    Returns
    -------
    float or ndarray, rem
        Accumulated dose, of the broadcast shape of the arguments.

    Raises
    ------
    %(argument_type_error)s
    ValueError
        If an argument is empty, not finite or outside its range above, if the shapes do not
        broadcast together, or if ``t_end_h`` is earlier than ``t_start_h``.

    Notes
    -----
    The integral of R1·t^-1.2, 5·R1·(t_start^-0.2 − t_end^-0.2) (glasstone1977, §9.150; decay
    law §9.146-9.148, good to about 25%).
    """
    r1 = check_range("rate_1h_rem_h", rate_1h_rem_h, 0.0, None, unit="rem/h")
    ta = check_range("t_start_h", t_start_h, 0.0, None, low_open=True, unit="h")
    tb = check_range("t_end_h", t_end_h, 0.0, None, low_open=True, unit="h")
    check_broadcast(rate_1h_rem_h=r1, t_start_h=ta, t_end_h=tb)
    if np.any(tb < ta):
        raise ValueError(f"t_end_h={t_end_h!r} is earlier than t_start_h={t_start_h!r}: the "
                         "shelter period must end after it starts")
    return _scalar_or_array(5.0 * r1 * (ta**-0.2 - tb**-0.2))


# [glasstone1977, Table 9.93]: idealised unit-time (H+1) reference dose-rate contours of a
# contact surface burst of W kt in a 15 mph effective wind. Per contour (rad/h at 1 h):
# downwind distance, maximum width and ground-zero width, each a·W^b statute miles.
FALLOUT_CONTOURS_RAD_H = np.array([3000.0, 1000.0, 300.0, 100.0, 30.0, 10.0, 3.0, 1.0])
_DOWNWIND = (np.array([0.95, 1.8, 4.5, 8.9, 16.0, 24.0, 30.0, 40.0]), np.full(8, 0.45))
_MAX_WIDTH = (np.array([0.0076, 0.036, 0.13, 0.38, 0.76, 1.4, 2.2, 3.3]),
              np.array([0.86, 0.76, 0.66, 0.60, 0.56, 0.53, 0.50, 0.48]))
_GZ_WIDTH = (np.array([0.026, 0.060, 0.20, 0.39, 0.53, 0.68, 0.89, 1.5]),
             np.array([0.58, 0.57, 0.48, 0.42, 0.41, 0.41, 0.41, 0.41]))
KM_PER_MILE = 1.609344
KMH_PER_MPH = 1.609344


@dataclass(frozen=True)
class FalloutContour:
    """Size (km) of the idealised contour where the dose rate at 1 h equals ``rate_1h_rem_h``.

    Parameters
    ----------
    rate_1h_rem_h : float, rem/h
        The contour's dose rate at 1 h after the burst (G&D tabulate rad/h; for fallout
        gammas the course counts a rad as a rem).
    downwind_km : float, km
        Downwind length of the contour.
    max_width_km : float, km
        Its greatest crosswind width.
    ground_zero_width_km : float, km
        Its crosswind width at ground zero.

    Notes
    -----
    A plain record, as :func:`fallout_contour_km` returns; it does not validate its fields.
    Shapes from glasstone1977, Table 9.93.
    """

    rate_1h_rem_h: float
    downwind_km: float
    max_width_km: float
    ground_zero_width_km: float


def fallout_contour_km(yield_kt, rate_1h_rem_h, wind_kmh=24.0, fission_fraction=1.0):
    """Downwind length and widths (km) of an idealised early-fallout contour of a surface burst.

    One contour at a time: every argument is a single number.

    Parameters
    ----------
    yield_kt : float, kt of TNT
        Explosive yield, in [0.001, 100000] kt.
    rate_1h_rem_h : float, rem/h
        The contour's dose rate at 1 h after the burst, greater than 0, such that
        ``rate_1h_rem_h / fission_fraction`` lies in [1, 3000] rem/h (the tabulated contours;
        G&D tabulate rad/h, and for fallout gammas the course counts a rad as a rem).
    wind_kmh : float, km/h, optional
        Effective wind speed, in [8, 45] mph = [12.87, 72.42] km/h; default 24 km/h (about
        15 mph, the table's wind).
    fission_fraction : float, optional
        Fraction of the yield from fission, in (0, 1], default 1.

    Returns
    -------
    FalloutContour
        The contour's downwind length, maximum width and ground-zero width, in km.

    Raises
    ------
    TypeError
        If an argument is not a number, or is an array of more than one number.
    ValueError
        If an argument is not finite or outside its range above, or if
        ``rate_1h_rem_h / fission_fraction`` lies outside [1, 3000] rem/h.

    Notes
    -----
    glasstone1977, Table 9.93 (contact surface burst, 15 mph effective wind, little wind shear;
    each size a·W^b statute miles). Other winds stretch the downwind distance by
    F = 1 + (v − 15)/60 above 15 mph and 1 + (v − 15)/30 below, valid for 8-45 mph (§9.97); only
    the dose-rate labels scale with the fission fraction (§9.94). Contours between the tabulated
    ones are interpolated log-log, as the worked example after §9.98 recommends. Real patterns
    are irregular: this idealised shape tends to overstate the downwind extent (§9.99). An air
    burst above the fallout height deposits no such pattern (:func:`local_fallout_expected`).
    """
    w = single_number("yield_kt", check_range("yield_kt", yield_kt, 0.001, 100_000.0, unit="kt"))
    wind_mph = single_number("wind_kmh", check_range("wind_kmh", wind_kmh, 8 * KMH_PER_MPH,
                                               45 * KMH_PER_MPH, unit="km/h")) / KMH_PER_MPH
    fraction = single_number("fission_fraction", check_range("fission_fraction", fission_fraction,
                                                       0.0, 1.0, low_open=True))
    rate = single_number("rate_1h_rem_h", check_range("rate_1h_rem_h", rate_1h_rem_h, 0.0, None,
                                             low_open=True, unit="rem/h"))
    label = rate / fraction   # the contour of a pure-fission weapon that carries this rate
    if not 1.0 <= label <= 3000.0:
        raise ValueError(f"rate_1h_rem_h={rate_1h_rem_h!r} with fission_fraction={fission_fraction!r} "
                         f"lies outside the tabulated contours: rate_1h_rem_h / fission_fraction must "
                         f"be within [1, 3000] rem/h")
    factor = 1 + (wind_mph - 15) / (60 if wind_mph > 15 else 30)

    def size_km(table, stretch=1.0):
        a, b = table
        miles = a * w**b * stretch
        # FALLOUT_CONTOURS_RAD_H falls; np.interp needs rising x: reverse both
        log_miles = np.interp(np.log(label), np.log(FALLOUT_CONTOURS_RAD_H[::-1]),
                              np.log(miles[::-1]))
        return float(np.exp(log_miles)) * KM_PER_MILE

    return FalloutContour(rate, size_km(_DOWNWIND, factor), size_km(_MAX_WIDTH),
                          size_km(_GZ_WIDTH))


# --------------------------------------------------------------------------- casualties
RING_PSI = (12.0, 5.0, 2.0, 1.0)
# [ota1979]: fraction (killed, injured) in each ring: >12, 5-12, 2-5, 1-2 psi
RING_RATES = ((0.98, 0.02), (0.50, 0.40), (0.05, 0.45), (0.0, 0.25))
BLAST_FIT_UNCERTAINTY = 0.10   # [brode1986]


@dataclass(frozen=True)
class CasualtyEstimate:
    """Killed and injured (central value and a low-high range) and the ring radii used.

    Parameters
    ----------
    killed, injured : float or ndarray, people
        Central estimates, of the shape of the density passed to :func:`casualties`.
    killed_range, injured_range : tuple of (float or ndarray), people
        (low, high) when every overpressure threshold moves by the blast fit's ±10%.
    population_in_rings : float or ndarray, people
        Everyone inside the outermost (1 psi) ring.
    ring_radii_km : tuple of float, km
        Outer radii of the 12, 5, 2 and 1 psi rings.
    height_m : float, m
        The burst height used.

    Notes
    -----
    A plain record, as :func:`casualties` returns; it does not validate its fields. Rates from
    ota1979, spread from brode1986 (see :func:`casualties`).
    """

    killed: float
    injured: float
    killed_range: tuple
    injured_range: tuple
    population_in_rings: float
    ring_radii_km: tuple
    height_m: float


def _ring_counts(w, density, height, scales):
    """Killed and injured for each threshold scale factor (one vectorised blast solve)."""
    psi = np.outer(scales, RING_PSI)                      # (variants, rings)
    radii = _blast_range(w, psi, height)
    edges = np.concatenate([np.zeros((len(scales), 1)), radii], axis=1)
    areas = np.pi * np.diff(edges**2, axis=1)             # km² per ring
    rates = np.array(RING_RATES)                          # (rings, [killed, injured])
    counts = np.asarray(density)[..., None, None] * (areas @ rates)   # (..., variants, 2)
    return counts[..., 0], counts[..., 1], radii[0]


@fill(_DOC)
def casualties(yield_kt, density_per_km2, height_m=None):
    """Killed and injured by one burst over a uniform population, from overpressure rings.

    Parameters
    ----------
    %(yield_kt_single)s
    density_per_km2 : float or array_like, people/km²
        Population density, in [0, 100000]; an array gives one estimate per density.
    height_m : float or None, m, optional
        Burst height, a single number in [0, 20000] m; ``None`` (default) uses the height that
        maximises the 5 psi range (:func:`optimum_height_m`).

    Returns
    -------
    CasualtyEstimate
        Killed, injured and their ranges (floats, or arrays of the shape of
        ``density_per_km2``), the population inside the 1 psi ring, the ring radii (km) and the
        burst height (m).

    Raises
    ------
    TypeError
        If ``yield_kt`` or ``height_m`` is an array rather than a single number, or an argument
        is not a number.
    ValueError
        If an argument is empty, not finite or outside its range above.

    Notes
    -----
    Casualty rates by ring from ota1979 (>12 psi 98% killed; 5-12 psi 50% killed, 40% injured;
    2-5 psi 5% killed, 45% injured; 1-2 psi 25% injured), which OTA applied to megaton-range
    attacks on large cities; applying them to every yield is a teaching simplification. The
    range moves every threshold by the blast fit's ±10% (brode1986); the real spread (shelter,
    warning, fire, medical care) is wider.
    """
    w = _yield(yield_kt)
    if w.ndim:
        raise TypeError(f"yield_kt={yield_kt!r} must be a single number for casualties()")
    density = check_range("density_per_km2", density_per_km2, 0.0, 100_000.0, unit="people/km²")
    if height_m is None:
        height = optimum_height_m(float(w), 5.0)
    else:
        h = _height(height_m)
        if h.ndim:
            raise TypeError(f"height_m={height_m!r} must be a single number or None")
        height = float(h)
    w = float(w)
    scales = (1.0, 1.0 + BLAST_FIT_UNCERTAINTY, 1.0 - BLAST_FIT_UNCERTAINTY)
    killed, injured, radii = _ring_counts(w, density, height, scales)
    return CasualtyEstimate(
        killed=_scalar_or_array(killed[..., 0]), injured=_scalar_or_array(injured[..., 0]),
        killed_range=(_scalar_or_array(killed.min(axis=-1)), _scalar_or_array(killed.max(axis=-1))),
        injured_range=(_scalar_or_array(injured.min(axis=-1)), _scalar_or_array(injured.max(axis=-1))),
        population_in_rings=_scalar_or_array(density * np.pi * radii[-1] ** 2),
        ring_radii_km=tuple(float(r) for r in radii), height_m=float(height))


CASUALTY_SIG_FIGS = 2   # the ring model supports no more precision than this (teaching choice)
# The op-ed's "many thousands" gives no number: the course reads it as 2,000 killed or more, a
# teaching choice that the chapter's figure lets students move (see ASSUMPTIONS).
MANY_THOUSANDS_KILLED = 2000


def round_significant(value, digits=CASUALTY_SIG_FIGS):
    """``value`` rounded to ``digits`` significant figures (0 stays 0), e.g. 56,498 -> 56,000.

    Parameters
    ----------
    value : float or array_like
        Numbers to round, any unit and shape.
    digits : int, optional
        Significant figures, a whole number in [1, 15]; default ``CASUALTY_SIG_FIGS`` (2).

    Returns
    -------
    float or ndarray
        The rounded values, of the shape and unit of ``value``.

    Raises
    ------
    TypeError
        If ``value`` is not a number or array of numbers.
    ValueError
        If ``value`` is empty or not finite, or ``digits`` is not a whole number (int) in
        [1, 15] (a bool or float is refused).

    Notes
    -----
    The default of two figures is a teaching assumption: the ring model of :func:`casualties`
    supports no more precision than that.
    """
    x = as_float_array("value", value)
    if isinstance(digits, (bool, np.bool_)) or not isinstance(digits, (int, np.integer)) \
            or not 1 <= digits <= 15:
        raise ValueError(f"digits={digits!r} is outside the valid range [1, 15] (whole numbers)")
    mag = np.floor(np.log10(np.where(x == 0, 1.0, np.abs(x))))
    scale = 10.0 ** (digits - 1 - mag)
    return _scalar_or_array(np.where(x == 0, 0.0, np.round(x * scale) / scale))


def density_preset(name):
    """The population density (people/km²) of a named preset in ``DENSITY_PRESETS``.

    Parameters
    ----------
    name : str
        One of ``"dense city"``, ``"town"``, ``"front-line countryside"``.

    Returns
    -------
    float, people/km²
        The preset's density.

    Raises
    ------
    ValueError
        If ``name`` is not one of the preset names (the message lists them).

    Notes
    -----
    The presets are teaching assumptions (orders of magnitude; each preset's ``note`` gives its
    reason).
    """
    presets = {p.name: p for p in DENSITY_PRESETS}
    return presets[check_choice("name", name, presets)].per_km2


__all__ = [
    "ASSUMPTIONS", "BURN_CURVES", "BURN_FIG_YIELDS_KT", "BURST_KINDS", "BurstRadii",
    "CASUALTY_SIG_FIGS", "CasualtyEstimate", "MANY_THOUSANDS_KILLED", "DENSITY_PRESETS", "HIGH_ALTITUDE_HARMS",
    "HIROSHIMA_FLASH_BURN_KM", "HIROSHIMA_HEIGHT_M", "HIROSHIMA_SURVEY", "NUKEMAP_THIRD_DEGREE_KM", "INCAPACITATION_RANGE_REM", "INCAPACITATION_REM",
    "LETHAL_DOSE_RANGE_REM", "LETHAL_REM", "PLACES", "PLACES_SOURCE", "REFERENCE_YIELDS",
    "RING_NAMES", "RING_PSI", "RING_RATES", "SHIELDING", "STARFISH", "Shielding",
    "SURFACE_RADIATION_FACTOR", "TAU_FIT", "TAU_FIT_ERROR", "VISIBILITY_CLEAR_KM",
    "armour_protected_dose_rem", "azimuthal_equidistant_km", "blast_range_km", "burn_range_km",
    "burn_threshold_cal_cm2", "casualties", "density_preset", "effect_radii_km",
    "emp_ground_radius_km", "emp_tangent_distance_km", "fallout_dose_rate_rem_h", "fallout_dose_rem",
    "fireball_radius_km", "great_circle_km", "initial_bearing_deg", "local_fallout_expected",
    "optimum_height_m", "overpressure_psi", "prompt_dose_range_km", "prompt_dose_rem",
    "round_significant", "thermal_fluence_cal_cm2", "thermal_range_km", "transmittance",
]
