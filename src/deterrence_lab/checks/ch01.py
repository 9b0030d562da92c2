"""Checks for chapter 01 exercises (solutions/01_effects.ipynb). Expected values come from
:mod:`deterrence_lab.effects`, so a model change that breaks an exercise fails a test."""
from __future__ import annotations

import math

from ..models import effects as fx
from ._core import (NOT_YET, ChoiceQuestion, FunctionQuestion, NumericQuestion, ReflectionQuestion,
                    _as_number)

_R5_10KT = fx.blast_range_km(10.0, 5.0)
_EMP_400 = fx.emp_ground_radius_km(400.0)
_SHELTER_SHARE = fx.fallout_dose_rem(1.0, 1.0, 48.0) / fx.fallout_dose_rem(1.0, 1.0, 200 * 24.0)
_TANK_T = 0.5
# Q6 says "at ground level": a contact surface burst, which halves the prompt dose
# [glasstone1977, §8.65]. The air-burst figure (height 0 but no halving) is the expected slip.
_TANK_KM = fx.prompt_dose_range_km(1.0, fx.INCAPACITATION_REM, enhanced_radiation=True,
                                   transmission=_TANK_T, surface=True)
_TANK_AIR_KM = fx.prompt_dose_range_km(1.0, fx.INCAPACITATION_REM, enhanced_radiation=True,
                                       transmission=_TANK_T)


class _SurfaceBurstQuestion(NumericQuestion):
    """A numeric question that recognises the air-burst answer and says what it missed."""

    def __init__(self, *args, air_burst_answer: float, **kw):
        super().__init__(*args, **kw)
        self.air_burst_answer = float(air_burst_answer)

    def _judge(self, answer):
        outcome = super()._judge(answer)
        value, _ = _as_number(answer)
        if (not outcome.passed and value is not None
                and math.isclose(value, self.air_burst_answer, rel_tol=self.rtol)):
            return self._outcome(NOT_YET, f"{self._fmt(value)} is the range for an air burst. "
                                 "The weapon explodes on the ground: pass `surface=True`, which "
                                 "halves the prompt dose (Glasstone & Dolan §8.65).")
        return outcome


q1 = NumericQuestion(
    "Q1", "Ground range (km) of the 5 psi ring for a 10 kt burst at the height that maximises it.",
    _R5_10KT, unit="km", rtol=0.02,
    hints=["Use `effects.blast_range_km(yield_kt, psi)`; leave out `height_m` to get the "
           "optimum height.",
           "The yield is 10 (kt) and the overpressure 5 (psi); the answer is in km."],
    solution=f"`effects.blast_range_km(10, 5)` ≈ {_R5_10KT:.2f} km. Brode's fit is good to "
             "about ±10% in pressure on ideal flat ground, so quote it as 'about 1.4 km'.")

q2 = NumericQuestion(
    "Q2", "By what factor must the yield grow to double every blast radius?", 8.0, unit="×",
    rtol=0.01,
    hints=["Blast distances scale with the cube root of the yield.",
           "If R ∝ W^(1/3), then 2R needs W × 2³."],
    solution="Cube-root scaling [glasstone1977, §3.61]: doubling a radius takes 2³ = 8 times "
             "the yield, so the destroyed area (∝ R²) grows only as W^(2/3).")

q3 = FunctionQuestion(
    "Q3", "Write `shelter_dose_rem(rate_1h_rem_h, t_start_h, t_end_h)`: the fallout dose (rem) "
          "accumulated in the open between two times, with the dose rate R1·t^-1.2.",
    cases=[((100.0, 1.0, 2.0), fx.fallout_dose_rem(100.0, 1.0, 2.0)),
           ((1000.0, 0.5, 48.0), fx.fallout_dose_rem(1000.0, 0.5, 48.0)),
           ((10.0, 24.0, 24.0 * 14), fx.fallout_dose_rem(10.0, 24.0, 24.0 * 14)),
           ((0.0, 1.0, 10.0), 0.0)],
    rtol=1e-6,
    hints=["Integrate R1·t^-1.2 from t_start to t_end.",
           "An antiderivative of t^-1.2 is −5·t^-0.2.",
           "Return 5 * rate_1h_rem_h * (t_start_h**-0.2 - t_end_h**-0.2)."],
    solution="`5 * rate_1h_rem_h * (t_start_h**-0.2 - t_end_h**-0.2)` [glasstone1977, §9.150]. "
             "Most of the dose arrives early: for fallout that is already there at one hour, "
             f"hours 1 to 48 bring {_SHELTER_SHARE:.0%} of the dose of the first 200 days (the "
             "span over which the t^-1.2 law holds, §9.146-9.148), so sheltering through the "
             "first two days avoids about two-thirds of it.")

q4 = NumericQuestion(
    "Q4", "Ground radius (km) of the EMP footprint of a burst at 400 km altitude (great-circle "
          "distance to the horizon).", _EMP_400, unit="km", rtol=0.01,
    hints=["The burst sees the ground out to its horizon.",
           "The angle at the Earth's centre is arccos(R / (R + h)) with R = 6,371 km.",
           "Multiply that angle (in radians) by R; or call `effects.emp_ground_radius_km(400)`."],
    solution=f"R·arccos(R/(R+h)) = {_EMP_400:,.0f} km. The straight line to that horizon, "
             f"sqrt((R+h)² − R²), is a little longer ({fx.emp_tangent_distance_km(400.0):,.0f} km). "
             "Oahu, about 1,300 km from Starfish Prime, lay well inside [glasstone1977, §11.26].")

q5 = ChoiceQuestion(
    "Q5", "The op-ed says a 'demonstration' burst high above Russia would cause little immediate "
          "damage but an EMP and radioactive fallout. For a burst far above the atmosphere, "
          "which statement fits the physics best?",
    {"A": "Both strong EMP over a wide area and heavy local fallout under the burst.",
     "B": "EMP that can reach ground across a radius of hundreds to thousands of km, but "
          "essentially no local fallout: the fireball never touches the ground.",
     "C": "Neither EMP nor fallout: nothing reaches the ground from space.",
     "D": "Heavy local fallout, but no EMP."},
    "B",
    why_not={"A": "local fallout needs the fireball to draw up soil; a burst hundreds of km up "
                  "deposits none locally (Starfish Prime, 1962).",
             "C": "the EMP from Starfish Prime affected Oahu, about 1,300 km away.",
             "D": "it is the other way round: EMP yes, local fallout no."},
    hints=["Where does local fallout come from?",
           "Compare with Starfish Prime (1962): 1.4 Mt at about 400 km."],
    solution="B. Local fallout forms when the fireball touches the ground and sucks up soil; a "
             "burst far above the atmosphere leaves none locally (its debris spreads globally "
             "and thinly), while its EMP reaches everything in line of sight "
             "[glasstone1977, §2.28, §2.52, §11.26]. The op-ed's wording needs care on fallout.")

q6 = _SurfaceBurstQuestion(
    "Q6", f"A 1 kt enhanced-radiation weapon explodes at ground level (a contact surface burst). "
          f"Assume armour passes {_TANK_T:.0%} of the prompt dose (an assumption: the real figure "
          "is uncertain). Out to what ground range (km) does a tank crew receive at least "
          "5,000 rem?",
    _TANK_KM, unit="km", rtol=0.02, air_burst_answer=_TANK_AIR_KM,
    hints=["Use `effects.prompt_dose_range_km` with `enhanced_radiation=True`.",
           f"The armour enters as `transmission={_TANK_T}`; the dose threshold is 5000 (rem).",
           "A burst on the ground is a contact surface burst: add `surface=True`."],
    solution=f"`effects.prompt_dose_range_km(1, 5000, enhanced_radiation=True, "
             f"transmission={_TANK_T}, surface=True)` ≈ {_TANK_KM:.2f} km. For a contact "
             "surface burst Glasstone & Dolan give about half the air-burst neutron dose "
             "[glasstone1977, §8.65]; the model halves the whole dose (the chapter says why). An air burst low over the tanks would reach "
             f"{_TANK_AIR_KM:.2f} km. Halving the armour's transmission again moves the line in by "
             "less than a hundred metres: radiation falls off steeply, so the answer is less "
             "sensitive to the uncertain armour factor than one might expect.")

q7 = ReflectionQuestion(
    "Q7", "The op-ed says 'small' nuclear weapons kill many thousands. Using the model, say "
          "when this holds and when it does not, and name the biggest uncertainty.",
    model_answer="It depends mostly on where the weapon falls, not only on its size. Over a "
                 "dense city even 1 kt kills thousands in the blast rings alone, and 10–20 kt "
                 "(Hiroshima-size) tens of thousands. Against troops in thinly populated "
                 "countryside (tens of people per km²) the civilian toll from blast may be in "
                 "the tens or hundreds, though soldiers, fallout from a surface burst, fire and "
                 "the political effects are not counted. The biggest uncertainties are the "
                 "population actually present and sheltered, and how well the casualty rates OTA "
                 "used for megaton-range attacks transfer to small weapons; the Hiroshima "
                 "cross-check shows the rings overstate injuries relative to deaths.",
    min_words=30)
