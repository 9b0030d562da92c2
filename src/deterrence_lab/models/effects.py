"""Effects of a nuclear explosion at the level of the public references: blast, fireball, heat,
prompt radiation, fallout decay, high-altitude EMP reach and rough casualty counts.

All distances are in km (heights of burst in m, EMP burst heights in km), yields in kt of TNT.
Every function is vectorised over numpy arrays and validates its arguments. Each constant
names its source key (see :mod:`deterrence_lab.sources`) or is marked a teaching assumption.

Accuracy: the blast fit is good to about ±10% in overpressure on ideal flat ground
[brode1986]; heat, radiation and casualty figures are rougher (factors, not percent).
Nothing here is more detailed than Glasstone & Dolan (1977) or NUKEMAP.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .._validate import check_bool, check_broadcast, check_choice, check_range, single_number
from ..content.sources import TEACHING_ASSUMPTION

# --------------------------------------------------------------------------- limits
MIN_YIELD_KT, MAX_YIELD_KT = 0.001, 100_000.0
MAX_RANGE_KM = 20_000.0          # half the Earth's circumference, roughly
MAX_HEIGHT_M = 20_000.0          # blast and heat formulas are for bursts in the lower atmosphere
MIN_PSI, MAX_PSI = 1.0, 10_000.0  # below ~1 psi the Brode fit stops being monotone in range

KM_PER_KFT = 0.3048              # Brode's fit works in kilofeet
EARTH_RADIUS_KM = 6371.0         # mean Earth radius (standard geodetic value)


@dataclass(frozen=True)
class Assumption:
    """A model constant with where it comes from."""

    name: str
    value: str
    source: str
    where: str = ""
    note: str = ""


ASSUMPTIONS = (
    Assumption("blast fit", "peak overpressure vs scaled range and height, W^(1/3) scaling, 1 kt "
               "reference", "brode1986", "section on overpressure versus range and burst height",
               "about ±10% on ideal flat ground; public transcriptions differ in one coefficient "
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
    Assumption("atmospheric transmittance", "τ = 0.7 by default", TEACHING_ASSUMPTION, "",
               "a clear day at a few km; Glasstone & Dolan give transmittance as a graph for 12-mile "
               "visibility (Fig. 7.98); haze, cloud or smoke lower it"),
    Assumption("burn thresholds", "3rd degree: 8 / 10 / 12 cal/cm² at 20 kt / 1 Mt / 20 Mt",
               TEACHING_ASSUMPTION, "",
               "commonly tabulated values, interpolated in log-yield and held constant outside "
               "20 kt–20 Mt. That larger yields need more energy (a longer pulse) is Glasstone & "
               "Dolan's (§12.63, Fig. 12.65), but their graph was not read for these numbers"),
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
               "§8.65, Table 8.37", "neutrons: one-half for a contact surface burst; gamma rays: "
               "two-thirds for 1-50 kt; we use one-half for the total"),
    Assumption("fallout decay", "R(t) = R1 · t^-1.2", "glasstone1977", "§9.147"),
    Assumption("idealised fallout contours", "downwind length a·W^0.45 miles in a 15 mph wind, "
               "× (1 + (v − 15)/60) above 15 mph, × (1 + (v − 15)/30) below", "glasstone1977",
               "Table 9.93, §9.97", "idealised shapes for a steady wind with little shear; they "
               "tend to overstate the downwind reach (§9.99)"),
    Assumption("casualty rates by overpressure ring", ">12 psi 98% killed; 5–12 psi 50% killed, "
               "40% injured; 2–5 psi 5% killed, 45% injured; 1–2 psi 25% injured", "ota1979",
               "", "applied by OTA to megaton-range attacks on large cities; here applied to "
               "every yield alike, a teaching simplification"),
)

# --------------------------------------------------------------------------- data
@dataclass(frozen=True)
class ReferenceYield:
    """A real explosion or weapon class, with its yield range in kt."""

    name: str
    low_kt: float
    high_kt: float
    source: str
    where: str = ""
    note: str = ""

    @property
    def central_kt(self) -> float:
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
HIROSHIMA_SURVEY = {"killed": 68_000, "injured": 76_000}   # [glasstone1977, Table 12.09]
STARFISH = {"yield_kt": 1400.0, "height_km": 400.0, "oahu_distance_km": 1300.0}  # §2.52, §11.26


@dataclass(frozen=True)
class Shielding:
    """A structure's dose transmission factors (ranges) for initial gamma rays and neutrons."""

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
    """A population density to try, with the reasoning behind it."""

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
    """A city, in standard geographic coordinates (degrees; east and north positive)."""

    name: str
    lat_deg: float
    lon_deg: float


PLACES_SOURCE = "standard geographic coordinates of city centres, rounded to 0.01°"
PLACES = (
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


def overpressure_psi(yield_kt, ground_range_km, height_m=0.0):
    """Peak static overpressure (psi) on ideal flat ground at sea level [brode1986].

    Distances scale with the cube root of the yield [glasstone1977, §3.61-3.64]: the fit is
    written for 1 kt and a burst of W kt at range R gives what 1 kt gives at R / W^(1/3).
    Good to about ±10%; below about 1 psi the fit is not reliable (clipped at 0)."""
    w = _yield(yield_kt)
    ground = check_range("ground_range_km", ground_range_km, 0.0, MAX_RANGE_KM, unit="km")
    h = _height(height_m)
    scale = np.cbrt(w)
    x = ground / KM_PER_KFT / scale
    y = h / 1000.0 / KM_PER_KFT / scale
    return _scalar_or_array(_brode_psi(x, y))


def optimum_height_m(yield_kt, psi):
    """The burst height (m) that carries ``psi`` to the greatest ground range [brode1986]."""
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


def blast_range_km(yield_kt, psi, height_m=None):
    """Ground range (km) out to which the peak overpressure is at least ``psi``.

    ``height_m=None``: the burst height that maximises this range (see
    :func:`optimum_height_m`); ``height_m=0``: a surface burst. Returns 0 where a high burst
    never brings ``psi`` to the ground."""
    w = _yield(yield_kt)
    p = check_range("psi", psi, MIN_PSI, MAX_PSI, unit="psi")
    height = None if height_m is None else _height(height_m)
    check_broadcast(yield_kt=w, psi=p, **({} if height is None else {"height_m": height}))
    return _scalar_or_array(_blast_range(w, p, height))


# --------------------------------------------------------------------------- fireball and heat
_FT_KM = 0.3048e-3


def fireball_radius_km(yield_kt, surface=False):
    """Maximum fireball radius (km), taken as twice the radius at breakaway: 2 × 100 ft × W^0.4
    for an air burst, 2 × 145 ft × W^0.4 for a contact surface burst, where the ground reflects
    energy back as if the yield were doubled [glasstone1977, §2.127]. A rough approximation."""
    w = _yield(yield_kt)
    feet = 290.0 if check_bool("surface", surface) else 200.0
    return _scalar_or_array(feet * _FT_KM * w**0.4)


def local_fallout_expected(yield_kt, height_m):
    """True where the burst is low enough for appreciable local fallout: below about
    180 ft × W^0.4 (±30%) [glasstone1977, §2.128], i.e. roughly where the fireball reaches the
    ground and draws up soil (§2.24, §2.29). A burst far above the atmosphere, such as
    Starfish Prime at about 400 km (§2.52), leaves none."""
    w = _yield(yield_kt)
    h = check_range("height_m", height_m, 0.0, None, unit="m")
    check_broadcast(yield_kt=w, height_m=h)
    return np.asarray(h / 1000.0 < 180.0 * _FT_KM * w**0.4)[()]


def _thermal_energy(w, surface, transmittance):
    f = 0.18 if check_bool("surface", surface) else 0.35
    tau = check_range("transmittance", transmittance, 0.0, 1.0, low_open=True)
    # 1 kt = 1e12 cal; Q = f W tau / (4 pi D^2), with D in km -> cm (1 km^2 = 1e10 cm^2)
    return f * w * tau * 1e12 / (4 * np.pi * 1e10)


def thermal_fluence_cal_cm2(yield_kt, slant_range_km, surface=False, transmittance=0.7):
    """Radiant exposure (cal/cm²) at a slant range: Q = f·W·τ / (4πD²) [glasstone1977, §7.96],
    f = 0.35 for an air burst (Table 7.88), an effective 0.18 for a contact surface burst
    (§7.101); τ is the atmospheric transmittance."""
    w = _yield(yield_kt)
    d = check_range("slant_range_km", slant_range_km, 0.0, MAX_RANGE_KM, low_open=True, unit="km")
    check_broadcast(yield_kt=w, slant_range_km=d, transmittance=transmittance)
    return _scalar_or_array(_thermal_energy(w, surface, transmittance) / d**2)


_BURN_YIELDS_KT = np.array([20.0, 1000.0, 20_000.0])
_BURN_TABLE = {1: np.array([2.5, 3.2, 5.0]), 2: np.array([5.0, 6.0, 8.5]),
               3: np.array([8.0, 10.0, 12.0])}


def burn_threshold_cal_cm2(yield_kt, degree=3):
    """Radiant exposure (cal/cm²) that causes burns of the given degree on bare skin. Larger
    yields need more, because their heat arrives over a longer pulse (teaching values, see
    ``ASSUMPTIONS``; constant below 20 kt and above 20 Mt)."""
    w = _yield(yield_kt)
    if (isinstance(degree, (bool, np.bool_)) or not isinstance(degree, (int, np.integer))
            or degree not in _BURN_TABLE):
        raise ValueError(f"degree={degree!r} is not one of: 1, 2, 3")
    return _scalar_or_array(np.interp(np.log(w), np.log(_BURN_YIELDS_KT), _BURN_TABLE[degree]))


def _ground_from_slant(slant_km, height_m):
    h_km = np.asarray(height_m, float) / 1000.0
    return np.sqrt(np.clip(slant_km**2 - h_km**2, 0.0, None))


def thermal_range_km(yield_kt, fluence_cal_cm2, surface=False, transmittance=0.7, height_m=0.0):
    """Ground range (km) out to which the radiant exposure is at least ``fluence_cal_cm2``,
    for a burst at ``height_m`` (inverse of :func:`thermal_fluence_cal_cm2`)."""
    w = _yield(yield_kt)
    q = check_range("fluence_cal_cm2", fluence_cal_cm2, 0.0, None, low_open=True, unit="cal/cm²")
    h = _height(height_m)
    check_broadcast(yield_kt=w, fluence_cal_cm2=q, height_m=h, transmittance=transmittance)
    slant = np.sqrt(_thermal_energy(w, surface, transmittance) / q)
    return _scalar_or_array(_ground_from_slant(slant, h))


# --------------------------------------------------------------------------- prompt radiation
_RAD_K = 12_388.0        # rad km² per kt (fit, see ASSUMPTIONS: minoborony1987)
_RAD_LAMBDA_KM = 0.218
_RAD_LAMBDA_EXP = 0.046
ER_YIELD_FACTOR = 10.0   # [wellerstein2012]: enhanced radiation ~ 10x yield for prompt radiation
INCAPACITATION_REM = 5000.0   # near-immediate incapacitation [glasstone1977, Table 12.108]
LETHAL_REM = 500.0            # NUKEMAP's radiation ring: 50-90% mortality [wellerstein2012]


def _radiation_yield(w, enhanced_radiation):
    return w * (ER_YIELD_FACTOR if check_bool("enhanced_radiation", enhanced_radiation) else 1.0)


def _dose(w_rad, slant_km, surface):
    source = 0.5 if surface else 1.0
    lam = _RAD_LAMBDA_KM * w_rad**_RAD_LAMBDA_EXP
    return source * _RAD_K * w_rad * np.exp(-slant_km / lam) / slant_km**2


def prompt_dose_rem(yield_kt, slant_range_km, surface=False, enhanced_radiation=False):
    """Initial (prompt) neutron + gamma dose (rem) in the open at a slant range.

    Fitted to published air-burst curves [minoborony1987]; a contact surface burst gets half
    [glasstone1977, §8.65]. An enhanced-radiation weapon is modelled as NUKEMAP does, as ten
    times the yield for this effect only. Uncertain by a factor of about 2 (G&D §8.33)."""
    w = _yield(yield_kt)
    d = check_range("slant_range_km", slant_range_km, 0.0, MAX_RANGE_KM, low_open=True, unit="km")
    check_broadcast(yield_kt=w, slant_range_km=d)
    surface = check_bool("surface", surface)
    return _scalar_or_array(_dose(_radiation_yield(w, enhanced_radiation), d, surface))


def prompt_dose_range_km(yield_kt, dose_rem, surface=False, enhanced_radiation=False,
                         height_m=0.0, transmission=1.0):
    """Ground range (km) inside which the prompt dose is at least ``dose_rem`` (behind a
    shield passing the fraction ``transmission``), for a burst at ``height_m``."""
    w = _yield(yield_kt)
    dose = check_range("dose_rem", dose_rem, 0.0, None, low_open=True, unit="rem")
    h = _height(height_m)
    t = check_range("transmission", transmission, 0.0, 1.0, low_open=True)
    check_broadcast(yield_kt=w, dose_rem=dose, height_m=h, transmission=t)
    surface = check_bool("surface", surface)
    w_rad = _radiation_yield(w, enhanced_radiation)
    target, w_rad = np.broadcast_arrays(dose / t, w_rad)
    lo = np.full(target.shape, np.log(1e-4))
    hi = np.full(target.shape, np.log(200.0))
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        above = _dose(w_rad, np.exp(mid), surface) >= target
        lo = np.where(above, mid, lo)
        hi = np.where(above, hi, mid)
    return _scalar_or_array(_ground_from_slant(np.exp(0.5 * (lo + hi)), h))


def armour_protected_dose_rem(yield_kt, slant_range_km, transmission, surface=False,
                              enhanced_radiation=False):
    """Prompt dose (rem) inside a vehicle that lets through the fraction ``transmission`` of
    the free-field dose. The fraction for a tank is not given in the open references used
    here (Glasstone & Dolan's Table 8.72 lists buildings only, see ``SHIELDING``): pass it
    explicitly and try a range of values."""
    t = check_range("transmission", transmission, 0.0, 1.0, low_open=True)
    check_broadcast(yield_kt=yield_kt, slant_range_km=slant_range_km, transmission=t)
    return _scalar_or_array(t * prompt_dose_rem(yield_kt, slant_range_km, surface, enhanced_radiation))


# --------------------------------------------------------------------------- EMP reach
def _emp_height(value):
    return check_range("burst_height_km", value, 0.0, 100_000.0, low_open=True, unit="km")


def emp_ground_radius_km(burst_height_km):
    """Ground radius (km) of a high-altitude EMP footprint: the great-circle distance along
    the Earth's surface to the burst's horizon, R·arccos(R / (R + h)). (The straight tangent
    line from the burst to that horizon is longer: :func:`emp_tangent_distance_km`.)"""
    h = _emp_height(burst_height_km)
    return _scalar_or_array(EARTH_RADIUS_KM * np.arccos(EARTH_RADIUS_KM / (EARTH_RADIUS_KM + h)))


def emp_tangent_distance_km(burst_height_km):
    """Straight-line distance (km) from the burst to its horizon: sqrt((R + h)² − R²)."""
    h = _emp_height(burst_height_km)
    return _scalar_or_array(np.sqrt((EARTH_RADIUS_KM + h) ** 2 - EARTH_RADIUS_KM**2))


def _two_points(lat1_deg, lon1_deg, lat2_deg, lon2_deg):
    """Latitudes and longitude difference in radians, checked and broadcast together."""
    named = {"lat1_deg": check_range("lat1_deg", lat1_deg, -90, 90, unit="°"),
             "lon1_deg": check_range("lon1_deg", lon1_deg, -180, 180, unit="°"),
             "lat2_deg": check_range("lat2_deg", lat2_deg, -90, 90, unit="°"),
             "lon2_deg": check_range("lon2_deg", lon2_deg, -180, 180, unit="°")}
    try:
        la1, lo1, la2, lo2 = np.broadcast_arrays(*named.values())
    except ValueError:
        shapes = ", ".join(f"{k} {v.shape}" for k, v in named.items())
        raise ValueError(f"the coordinates must have shapes that broadcast together: {shapes}") \
            from None
    return np.radians(la1), np.radians(la2), np.radians(lo2 - lo1)


def great_circle_km(lat1_deg, lon1_deg, lat2_deg, lon2_deg):
    """Great-circle distance (km) on a spherical Earth (haversine formula)."""
    la1, la2, dlon = _two_points(lat1_deg, lon1_deg, lat2_deg, lon2_deg)
    a = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin(dlon / 2) ** 2
    return _scalar_or_array(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1))))


def initial_bearing_deg(lat1_deg, lon1_deg, lat2_deg, lon2_deg):
    """Compass bearing (degrees clockwise from north) of the great circle from point 1 to 2."""
    la1, la2, dlon = _two_points(lat1_deg, lon1_deg, lat2_deg, lon2_deg)
    y = np.sin(dlon) * np.cos(la2)
    x = np.cos(la1) * np.sin(la2) - np.sin(la1) * np.cos(la2) * np.cos(dlon)
    return _scalar_or_array(np.degrees(np.arctan2(y, x)) % 360.0)


# --------------------------------------------------------------------------- fallout
def fallout_dose_rate(t_hours, rate_at_1h):
    """Fallout dose rate (rem/h) at ``t_hours`` after the burst: R1·t^-1.2 [glasstone1977,
    §9.147]. So seven times later the rate is about a tenth (7^-1.2 ≈ 0.097)."""
    t = check_range("t_hours", t_hours, 0.0, None, low_open=True, unit="h")
    r1 = check_range("rate_at_1h", rate_at_1h, 0.0, None, unit="rem/h")
    check_broadcast(t_hours=t, rate_at_1h=r1)
    return _scalar_or_array(r1 * t**-1.2)


def fallout_dose_rem(rate_at_1h, t_start_h, t_end_h):
    """Dose (rem) accumulated in the open from ``t_start_h`` to ``t_end_h``: the integral of
    R1·t^-1.2, which is 5·R1·(t_start^-0.2 − t_end^-0.2) [glasstone1977, §9.150]."""
    r1 = check_range("rate_at_1h", rate_at_1h, 0.0, None, unit="rem/h")
    ta = check_range("t_start_h", t_start_h, 0.0, None, low_open=True, unit="h")
    tb = check_range("t_end_h", t_end_h, 0.0, None, low_open=True, unit="h")
    check_broadcast(rate_at_1h=r1, t_start_h=ta, t_end_h=tb)
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
    """Size (km) of the idealised contour where the dose rate at 1 h equals ``rate_at_1h``."""

    rate_at_1h: float
    downwind_km: float
    max_width_km: float
    ground_zero_width_km: float


def fallout_contour_km(yield_kt, rate_at_1h, wind_kmh=24.0, fission_fraction=1.0):
    """Downwind length and widths of an idealised early-fallout contour of a surface burst.

    Scaled from Glasstone & Dolan's Table 9.93 (15 mph effective wind, little wind shear);
    other winds stretch the downwind distance by F = 1 + (v − 15)/60 above 15 mph and
    1 + (v − 15)/30 below, valid for 8–45 mph (§9.97); only the dose-rate labels scale
    with the fission fraction (§9.94). Contours between the tabulated ones (3,000 to
    1 rad/h) are interpolated log-log, as the worked example after §9.98 recommends. One
    contour at a time (scalar inputs). Real patterns are
    irregular: this is the idealised shape that tends to maximise the downwind extent
    (§9.99). An air burst above the fallout height deposits no such pattern
    (:func:`local_fallout_expected`).
    """
    w = single_number("yield_kt", check_range("yield_kt", yield_kt, 0.001, 100_000.0, unit="kt"))
    wind_mph = single_number("wind_kmh", check_range("wind_kmh", wind_kmh, 8 * KMH_PER_MPH,
                                               45 * KMH_PER_MPH, unit="km/h")) / KMH_PER_MPH
    fraction = single_number("fission_fraction", check_range("fission_fraction", fission_fraction,
                                                       0.0, 1.0, low_open=True))
    rate = single_number("rate_at_1h", check_range("rate_at_1h", rate_at_1h, 0.0, None,
                                             low_open=True, unit="rad/h"))
    label = rate / fraction   # the contour of a pure-fission weapon that carries this rate
    if not 1.0 <= label <= 3000.0:
        raise ValueError(f"rate_at_1h={rate_at_1h!r} with fission_fraction={fission_fraction!r} "
                         f"lies outside the tabulated contours: rate_at_1h / fission_fraction must "
                         f"be within [1, 3000] rad/h")
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
    """Killed and injured (central value and a low-high range) and the ring radii used."""

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


def casualties(yield_kt, density_per_km2, height_m=None):
    """Killed and injured by one burst over a uniform population, from OTA's overpressure rings
    [ota1979]. ``height_m=None`` uses the height that maximises the 5 psi range. The range
    shown moves every threshold by the blast fit's ±10% [brode1986]; the real spread (shelter,
    warning, fire, medical care) is wider."""
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


def density_preset(name):
    """The population density (people/km²) of a named preset in ``DENSITY_PRESETS``."""
    presets = {p.name: p for p in DENSITY_PRESETS}
    return presets[check_choice("name", name, presets)].per_km2


__all__ = [
    "ASSUMPTIONS", "DENSITY_PRESETS", "SHIELDING", "Shielding", "HIROSHIMA_HEIGHT_M", "HIROSHIMA_SURVEY", "PLACES",
    "PLACES_SOURCE", "REFERENCE_YIELDS", "RING_PSI", "RING_RATES", "STARFISH", "CasualtyEstimate",
    "armour_protected_dose_rem", "blast_range_km", "burn_threshold_cal_cm2", "casualties",
    "density_preset", "emp_ground_radius_km", "emp_tangent_distance_km", "fallout_dose_rate",
    "fallout_dose_rem", "fireball_radius_km", "great_circle_km", "initial_bearing_deg",
    "local_fallout_expected", "optimum_height_m", "overpressure_psi", "prompt_dose_range_km",
    "prompt_dose_rem", "thermal_fluence_cal_cm2", "thermal_range_km",
]
