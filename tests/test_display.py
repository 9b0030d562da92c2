"""The library's own text formats: Markdown tables every column of which has a heading."""
import pytest

from deterrence_lab import markdown_table, verdict


def test_a_table_column_without_a_heading_is_refused():
    """axe-core's rule empty-table-header: a screen reader announces each cell with its
    column's heading, so a blank heading is refused at the source."""
    with pytest.raises(ValueError, match="column 1 has no heading"):
        markdown_table(["", "killed"], [["a", "b"]])
    with pytest.raises(ValueError, match="column 2 has no heading"):
        markdown_table(["estimate", "  "], [["a", "b"]])
    with pytest.raises(ValueError, match="header"):
        markdown_table([], [])
    assert markdown_table(["a|b", "c"], [["1", "2"]]).startswith("| a\\|b | c |")


def test_the_verdict_comparison_names_every_column():
    text = verdict.compare({**verdict.template(), "C4": "needs correction"})
    header = next(line for line in text.splitlines() if line.startswith("| claim"))
    assert all(cell.strip() for cell in header.strip("|").split("|")), header


# --- sentences and tables instead of printed lines --------------------------------------------

def test_prose_is_markdown_paragraphs_whose_plain_form_wraps_between_words():
    from deterrence_lab import prose
    from deterrence_lab._display import PLAIN_WIDTH

    long = "an unbreakable-looking sentence " * 12
    text = prose("**First.**  One\nline.", "", long)
    assert str(text) == "**First.** One line.\n\n" + " ".join(long.split())
    assert text._repr_markdown_() == str(text)
    plain = repr(text).splitlines()
    assert max(len(line) for line in plain) <= PLAIN_WIDTH
    words = set(long.split())
    assert all(word in words for line in plain[2:] for word in line.split())  # none split
    with pytest.raises(TypeError, match=r"paragraphs\[1\]=3"):
        prose("fine", 3)


def _cells(table: str, row: int) -> list[str]:
    return [c.strip() for c in table.splitlines()[row].strip("|").split("|")]


def test_law_views_say_what_the_printed_lines_said():
    from deterrence_lab import law
    from deterrence_lab.views import law as views

    assert views.finding_note("E").startswith("**Finding E, 7–7")
    assert law.finding("E").note.split()[0] in views.finding_note("E")
    with pytest.raises(ValueError):
        views.finding_note("Z")
    table = views.paragraphs_table(["41", "97"])
    assert _cells(table, 2)[0] == "41 [icj1996, para 41]" and len(table.splitlines()) == 4
    with pytest.raises(TypeError, match="list of paragraph numbers"):
        views.paragraphs_table("41")
    s = law.scenario("zaporizhzhia_counteroffensive")
    result = law.walk(s.answers)
    text = views.walk_summary(result, title=s.title)
    assert s.title in text and result.outcome.title in text and "— **no**" in text
    assert "[(" not in text and "C (unanimous)" in text
    with pytest.raises(TypeError, match="law.walk"):
        views.walk_summary({"armed_attack": "no"})
    table = views.invocable_table()
    rows = table.splitlines()[2:]
    assert len(rows) == 2 * len(law.SCENARIOS)
    for key, (claimed, legal) in zip(law.SCENARIOS, zip(rows[::2], rows[1::2])):
        for line, counted in ((claimed, True), (legal, False)):
            numbers = [int(c) for c in line.strip("|").split("|")[2:]]
            assert numbers == list(law.invocable_count(key, count_claimed=counted).values())


def test_ladder_views_label_every_number():
    import numpy as np

    from deterrence_lab import escalation as esc
    from deterrence_lab.content import options
    from deterrence_lab.views import ladder

    P = esc.ladder_matrix(**esc.ladder_parameters())
    table = ladder.matrix_table(P)
    lines = table.splitlines()
    assert len(lines) == 2 + len(esc.STATE_KEYS)
    assert all(_cells(table, r)[-1] == "1.00" for r in range(2, len(lines)))
    first = esc.STATE_KEYS.index("first_use")
    assert _cells(table, 2 + first)[1 + esc.STATE_KEYS.index("settlement")] == \
        f"{P[first, esc.STATE_KEYS.index('settlement')]:.2f}"
    with pytest.raises(ValueError):
        ladder.matrix_table(np.eye(3))
    N = esc.fundamental_matrix(P)
    row = list(esc.TRANSIENT_KEYS).index("first_use")
    out = esc.ladder_outcome()
    text = ladder.outcome_summary(out, N[row], "a note.")
    assert "general war 10.2%" in text and text.endswith("a note.")
    assert f"| {esc.state('battlefield_use').label} | {N[row][3]:.2f} |" in text
    with pytest.raises(ValueError, match="one per transient state"):
        ladder.outcome_summary(out, N[row][:3])
    stats = {"remembering": esc.path_statistics(P, n_paths=500)}
    assert _cells(ladder.path_statistics_table(stats), 2) == ["paths sampled from a single use",
                                                              "500"]
    with pytest.raises(ValueError, match="path_statistics"):
        ladder.path_statistics_table({"x": 1})
    memory = ladder.memory_table()
    assert len(memory.splitlines()) == 2 + len(options.OPTION_KEYS)
    assert "Conventional precision strikes on arsenals and communication centres" in memory


def test_command_and_game_views_are_tables():
    from deterrence_lab import command, games
    from deterrence_lab.views import command as command_views
    from deterrence_lab.views import games as game_views

    table = command_views.profile_risks_table(["us", "russia"], explain=["russia"])
    assert _cells(table, 2) == ["United States",
                                command.odds_in_words(command.profile_risks("us").p_unauthorised),
                                command.odds_in_words(command.profile_risks("us").p_valid_fails)]
    assert "**Russia's design:**" in table
    with pytest.raises(TypeError, match="explain"):
        command_views.profile_risks_table(explain="russia")
    plan = game_views.plan_table(games.red_line_game(), games.THREAT_PLAN)
    assert _cells(plan, 2) == ["(the start)", games.RUSSIA, "refrain"]
    assert len(plan.splitlines()) == 2 + len(games.THREAT_PLAN)
    with pytest.raises(ValueError, match="no action"):
        game_views.plan_table(games.red_line_game(), {(): "refrain"})


def test_yields_read_as_numbers_never_in_exponent_form():
    from deterrence_lab._display import kilotons

    assert [kilotons(y) for y in (0.1, 1.0, 15.0, 99.94, 1000.0, 1234.5)] == [
        "0.1 kt", "1 kt", "15 kt", "99.9 kt", "1,000 kt", "1,230 kt"]
