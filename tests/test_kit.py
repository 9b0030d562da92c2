"""The printable seminar kit (``deterrence-lab build-kit``): what it writes, and that its d100
tables play the same game as the chain.

The paper game is simulated from the printed data only (the moves' points on the briefs, the
cut points of the d100 tables, the targets in the tables' headers) with its own dice, and its
end states are compared with the engine's exact distribution: each share must lie within 4
binomial standard errors (seeds fixed, so the test is deterministic).
"""
import math
import re

import numpy as np
import pytest

from deterrence_lab import seminar
from deterrence_lab.content import argument, scenario
from deterrence_lab.tooling import cli, kit

Z = 4.0


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("kit")
    result = kit.build_kit(out, pdf=False)
    return out, result


def test_build_kit_writes_briefs_injects_guide_tables_and_worksheet(built):
    out, result = built
    briefs = sorted(out.glob("brief-*.html"))
    assert result["briefs"] == len(briefs) >= 5
    assert {p.stem for p in briefs} == {f"brief-{t.key}" for t in scenario.TEAMS}
    assert (out / "brief-den_haag.html").is_file()
    for path in briefs:
        text = path.read_text()
        for heading in ("Situation", "Your interests", "Your red lines",
                        "What you know that others do not", "Chapters to read", "Role cards"):
            assert heading in text, (path.name, heading)
        assert text.count("Role card ·") >= 5
    injects = (out / "injects.html").read_text()
    n_cards = len(re.findall(r"Inject \d+ ·", injects))
    assert 12 <= n_cards == result["injects"] <= 15
    for kind in ("hotline", "council", "statement", "rumour", "intelligence", "news"):
        assert f"· {kind} ·" in injects
    assert "UN Security Council" in injects and "North Atlantic Council" in injects
    assert "Beijing" in injects and "This report is false" in injects
    assert injects.count("When to play it") == n_cards and injects.count("What it changes") == n_cards
    guide = (out / "white-cell-guide.html").read_text()
    for heading in ("Judging arguments", "When to use the chain",
                    "When a team refuses the premise", "Run sheet: Day After",
                    "Run sheet: Pre-crisis, session 2", "Kahn rung 23"):
        assert heading in guide
    tables = (out / "d100-tables.html").read_text()
    assert "Before any nuclear use" in tables and "After a nuclear use" in tables
    worksheet = (out / "worksheet.html").read_text()
    assert "Decision quality and outcome" in worksheet and "Verdict sheet" in worksheet
    assert f"{kit.OUTCOME_SEEDS} seeds" in worksheet and "Bad luck" in worksheet
    for claim in argument.CLAIMS:
        assert f"<td>{claim.id}</td>" in worksheet
    assert "model answer" not in worksheet.lower()            # the verdict sheet is blank
    forms = (out / "forms.html").read_text()
    assert "Decision form" in forms and "Message form" in forms
    assert (out / "map.png").stat().st_size > 10_000 and "Zaporizhzhia" in (out / "map.html").read_text()
    assert "size: A4" in (out / "print-a4.css").read_text()
    assert "size: letter" in (out / "print-letter.css").read_text()
    assert "@media print" in (out / "kit.css").read_text()
    whole = (out / "kit.html").read_text()
    assert "print-a4.css" in whole and "print-letter.css" in (out / "kit-letter.html").read_text()
    for s in kit.sections(out):
        assert s.body in whole
    index = (out / "index.html").read_text()
    assert "What to print" in index and all(f"href='{p.name}'" in index for p in briefs)


def test_the_cli_builds_the_kit(tmp_path, capsys):
    assert cli.main(["build-kit", str(tmp_path / "k"), "--no-pdf"]) == 0
    out = capsys.readouterr().out
    assert "6 team briefs" in out and "14 inject cards" in out
    assert (tmp_path / "k" / "index.html").is_file()


def test_the_printed_d100_tables_give_the_chains_probabilities_to_one_percent(built):
    out, _ = built
    data = kit.d100_table_data()
    html = (out / "d100-tables.html").read_text()
    checked = 0
    for (phase, state, option, pressure, talk), cuts in data.items():
        key = None if option == seminar.NO_RESPONSE else option
        row = seminar.transition_row(state, key, pressure, talk)
        targets = seminar.band_targets(state)
        widths = np.diff([0, *cuts, 100])
        for kind, width in zip(seminar.BAND_KINDS, widths):
            target = targets[kind]
            p = row.get(target, 0.0) if target else 0.0
            assert abs(width / 100 - p) < 0.01, (phase, state, option, pressure, talk, kind)
            checked += 1
        assert "/".join(f"{c:02d}" for c in cuts) in html
    assert checked == 4 * len(data) > 1000


def _paper_game(script, game_format, rng, data, premise="strike_on_troops"):
    """One game on paper: points from the brief's menus, cut points from the tables, dice."""
    moves = {phase: {team: {m.key: m for m in ms} if ms != scenario.WEST_ANSWERS else None
                     for team, ms in scenario.MOVES[phase].items()} for phase in ("before", "after")}
    state = (scenario.PREMISES[premise].start_state if game_format == "day_after"
             else "conventional_war")
    used = game_format == "day_after"
    teams = scenario.DEFAULT_TEAMS
    for entry in script[:scenario.FORMATS[game_format].rounds]:
        if state in ("settlement", "general_war"):
            break
        phase = "after" if used else "before"
        choices = entry[phase] if set(entry) <= {"before", "after"} else entry
        pressure = talk = 0
        option = None
        for team in teams:
            menu = moves[phase][team]
            if menu is None:
                option = choices[team]
                continue
            pressure += menu[choices[team]].pressure
            talk += menu[choices[team]].talk
        pressure = max(scenario.PRESSURE_LIMITS[0], min(scenario.PRESSURE_LIMITS[1], pressure))
        talk = max(scenario.TALK_LIMITS[0], min(scenario.TALK_LIMITS[1], talk))
        cuts = data[(phase, state, option, pressure, talk)]
        roll = int(rng.integers(1, 101))
        kind = next((k for k, c in zip(seminar.BAND_KINDS, cuts) if roll <= c), "stay")
        state = seminar.band_targets(state)[kind]
        used = used or state in seminar.USED_KEYS
    return state, used


@pytest.mark.parametrize("name, script, game_format", [
    ("day after demo", seminar.DEMO_SCRIPT, "day_after"),
    ("pre-crisis calm", seminar.DEESCALATORY_SCRIPT, "pre_crisis"),
    ("pre-crisis hard", seminar.HARDLINE_SCRIPT, "pre_crisis"),
])
def test_a_paper_game_with_the_d100_tables_matches_the_chain(name, script, game_format):
    data = kit.d100_table_data()
    rng = np.random.default_rng(20231)
    n = 4000
    ends, used = {}, 0
    for _ in range(n):
        end, detonated = _paper_game(list(script), game_format, rng, data)
        ends[end] = ends.get(end, 0) + 1
        used += detonated
    exact = seminar.outcome_distribution(script, game_format=game_format)
    unrounded = seminar.outcome_distribution(script, game_format=game_format, rounded=False)
    for state in set(exact["ends"]) | set(ends):
        p = exact["ends"].get(state, 0.0)
        se = math.sqrt(max(p * (1 - p), 1e-12) / n)
        assert abs(ends.get(state, 0) / n - p) <= Z * se + 0.5 / n, (name, state)
        # the whole-percent tables stay close to the unrounded chain as well
        assert abs(p - unrounded["ends"].get(state, 0.0)) < 0.02, (name, state)
    p = exact["p_detonation"]
    assert abs(used / n - p) <= Z * math.sqrt(max(p * (1 - p), 1e-12) / n) + 0.5 / n


def test_the_site_links_the_kit(tmp_path):
    from deterrence_lab.tooling.site import build_site

    (tmp_path / "course").mkdir()
    build_site(tmp_path / "course", tmp_path / "out", kit=True)
    assert (tmp_path / "out" / "kit" / "index.html").is_file()
    assert 'href="kit/index.html"' in (tmp_path / "out" / "index.html").read_text()


def _guide_run_sheets() -> dict[str, list[tuple[int, int, str]]]:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "course" / "instructor_guide.md").read_text()
    sheets = {}
    for match in re.finditer(r"\*\*Run sheet: (.+?)\*\*\n\n\| minutes \| activity \|\n\|---\|---\|\n"
                             r"((?:\|.*\|\n)+)", text):
        rows = []
        for line in match.group(2).strip().splitlines():
            minutes, activity = [c.strip() for c in line.strip("|").split("|", 1)]
            start, end = (int(x) for x in minutes.split("–"))
            rows.append((start, end, activity))
        sheets[match.group(1)] = rows
    return sheets


def test_the_guides_run_sheets_add_up_to_the_session_length():
    sheets = _guide_run_sheets()
    expected = {title: fmt for fmt, parts in scenario.RUN_SHEETS.items() for title, _ in parts}
    assert set(sheets) == set(expected)
    for title, rows in sheets.items():
        f = scenario.FORMATS[expected[title]]
        session = f.minutes // f.sessions
        assert rows[0][0] == 0 and rows[-1][1] == session, title
        assert all(a[1] == b[0] for a, b in zip(rows, rows[1:])), title     # no gaps, no overlap
        assert sum(end - start for start, end, _ in rows) == session
        content = dict(scenario.RUN_SHEETS[expected[title]])[title]
        assert [(s.start, s.end, s.activity) for s in content] == rows
    for fmt, parts in scenario.RUN_SHEETS.items():
        f = scenario.FORMATS[fmt]
        assert len(parts) == f.sessions
        assert sum(p[1][-1].end for p in parts) == f.minutes
        # every round of the format has a slot
        rounds = sum(activity.startswith("Round") for _, slots in parts for activity in
                     (s.activity for s in slots))
        assert rounds == f.rounds


def test_the_run_sheets_play_each_inject_in_the_round_its_card_names():
    for fmt, parts in scenario.RUN_SHEETS.items():
        number = 0
        for _, slots in parts:
            for slot in slots:
                if not slot.activity.startswith("Round"):
                    continue
                number += 1
                listed = re.search(r"injects? ([\d, and-]+)$", slot.activity)
                if not listed:
                    continue
                text = listed.group(1).replace(" and ", ", ")
                numbers = set()
                for part in text.split(","):
                    part = part.strip()
                    if "-" in part:
                        lo, hi = part.split("-")
                        numbers |= set(range(int(lo), int(hi) + 1))
                    elif part:
                        numbers.add(int(part))
                for inject in scenario.INJECTS:
                    if inject.number in numbers:
                        assert f"round {number}" in inject.when[fmt], (fmt, number, inject.key)
        assert number == scenario.FORMATS[fmt].rounds
    assert {f for i in scenario.INJECTS for f in i.when} == set(scenario.FORMAT_KEYS)
