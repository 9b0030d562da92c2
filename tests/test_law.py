"""Tests of deterrence_lab.law: the opinion's data pinned to its source, every walk-through
path, the doctrine comparison per scenario, bad inputs, and the chapter 02 widgets."""
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deterrence_lab import law, sources

# --- the opinion, pinned to ICJ Reports 1996 p. 226, para 105(2) ----------------------
# Votes checked against the dispositif as reproduced in the Court's press communiqué
# 96/23 (8 July 1996) and Judge Weeramantry's dissent (table of contents: 2B 11-3,
# 2E 7-7 with the President's casting vote, A, C, D, F unanimous). Exact integers.
EXPECTED_VOTES = {"A": (14, 0), "B": (11, 3), "C": (14, 0), "D": (14, 0), "E": (7, 7), "F": (14, 0)}


@pytest.mark.parametrize("letter", "ABCDEF")
def test_votes_pinned_to_dispositif(letter):
    f = law.finding(letter)
    assert (f.votes_for, f.votes_against) == EXPECTED_VOTES[letter]
    assert f.where == f"para 105(2){letter}"
    assert f.source == "icj1996"


def test_fourteen_judges_voted_on_every_finding():
    assert {f.votes_for + f.votes_against for f in law.FINDINGS} == {14}


def test_casting_vote_only_on_e_and_names_the_president():
    assert [f.letter for f in law.FINDINGS if f.casting_vote] == ["E"]
    assert "Bedjaoui" in law.finding("E").vote and law.finding("E").vote.startswith("7–7")
    assert law.finding("A").vote == "unanimous" and law.finding("B").vote == "11–3"


def test_named_dissenters_consistent_with_counts():
    # B: complete list from the dispositif; E: partial list (only opinions we read).
    b, e = law.finding("B"), law.finding("E")
    assert b.named_against_complete and len(b.named_against) == b.votes_against
    assert not e.named_against_complete and len(e.named_against) < e.votes_against
    assert "Higgins" in e.named_against and "Koroma" in e.named_against


def test_e_keeps_the_courts_three_short_phrases():
    text = law.finding("E").paraphrase
    for phrase in ("would generally be contrary", "cannot conclude definitively",
                   "extreme circumstance of self-defence, in which the very survival of a State "
                   "would be at stake"):
        assert phrase in text


def test_key_paragraphs_are_the_ones_facts_md_lists():
    assert [p.number for p in law.KEY_PARAGRAPHS] == ["41", "78", "79", "96", "97"]
    assert "intransgressible" in law.paragraph("79").summary
    assert "necessary and proportionate" in law.paragraph("41").summary
    assert law.paragraph(41) == law.paragraph("41")   # a whole number is read as its text


# --- the walk-through --------------------------------------------------------------
def test_graph_is_closed_and_every_node_reachable():
    nodes = {q.node for q in law.QUESTIONS} | {o.node for o in law.OUTCOMES}
    edges = law.graph_edges()
    assert len(edges) == 3 * len(law.QUESTIONS)
    assert all(to in nodes for _, _, to in edges)
    reached = {law.START} | {to for _, _, to in edges}
    assert reached == nodes


def test_every_path_ends_at_an_outcome_that_quotes_the_court():
    paths = law.all_paths()
    assert len(paths) > 100
    seen = set()
    for path in paths:
        answers = {s.key: s.answer for s in path}
        result = law.walk(answers)
        assert result.path == path
        assert law.next_question(answers) is None
        seen.add(result.outcome.node)
        # never a verdict the Court did not give: each outcome cites findings that exist
        assert set(result.outcome.findings) <= set("ABCDEF")
        assert result.unclear == tuple(s.key for s in path if s.answer == "unclear")
    assert seen == {o.node for o in law.OUTCOMES}


def test_no_outcome_declares_use_lawful():
    for o in law.OUTCOMES:
        assert not re.search(r"\b(is|would be) lawful\b", o.court_said.replace("lawful or unlawful", ""))


def test_extreme_circumstance_reached_only_through_self_defence():
    for path in law.all_paths():
        result = law.walk({s.key: s.answer for s in path})
        if result.outcome.node == "non_liquet":
            assert path[0].answer in ("yes", "unclear")
            assert path[-1].key == "survival" and path[-1].answer in ("yes", "unclear")
            assert "7–7" in result.outcome.court_said
            assert "cannot conclude definitively" in result.outcome.court_said


def test_no_armed_attack_gives_finding_c_at_once():
    result = law.walk({"armed_attack": "no"})
    assert result.outcome.node == "charter_breach" and len(result.path) == 1
    assert result.outcome.findings[0] == "C" and not result.conditional


def test_breach_of_distinction_without_survival_is_humanitarian_breach():
    answers = {"armed_attack": "yes", "necessity": "yes", "proportionality": "yes",
               "distinction": "no", "survival": "no"}
    assert law.walk(answers).outcome.node == "humanitarian_breach"
    answers["survival"] = "yes"
    assert law.walk(answers).outcome.node == "non_liquet"


@given(st.fixed_dictionaries({k: st.sampled_from(law.ANSWERS) for k in law.QUESTION_KEYS}))
def test_walk_is_total_and_outcome_depends_only_on_path(answers):
    result = law.walk(answers)
    again = law.walk({s.key: s.answer for s in result.path})
    assert again == result
    # 'unclear' follows the 'yes' branch: turning one into 'yes' leaves the outcome unchanged
    for key in result.unclear:
        changed = law.walk({**answers, key: "yes"})
        assert changed.outcome.node == result.outcome.node


def test_next_question_steps_through_the_path():
    assert law.next_question({}).node == "armed_attack"
    assert law.next_question({"armed_attack": "yes"}).node == "necessity"
    assert law.next_question({"armed_attack": "no"}) is None


# --- scenarios and doctrine ----------------------------------------------------------
EXPECTED_OUTCOME = {"zaporizhzhia_counteroffensive": "charter_breach",
                    "long_range_strikes": "charter_breach",
                    "nato_air_campaign": "general_rule", "invasion_of_russia": "non_liquet"}


@pytest.mark.parametrize("key", sorted(law.SCENARIOS))
def test_scenario_walks(key):
    s = law.scenario(key)
    assert law.walk(s.answers).outcome.node == EXPECTED_OUTCOME[key]
    assert set(s.reasons) <= set(s.answers) and s.facts_reason
    assert s.source == law.TEACHING_ASSUMPTION


# Conditions Moscow could claim per version: (counting annexed land, not counting it).
EXPECTED_COUNTS = {
    "zaporizhzhia_counteroffensive": ({"2000": 1, "2010/2014": 0, "2020": 0, "2024": 1},
                                      {"2000": 0, "2010/2014": 0, "2020": 0, "2024": 0}),
    "long_range_strikes": ({"2000": 0, "2010/2014": 0, "2020": 1, "2024": 1},
                           {"2000": 0, "2010/2014": 0, "2020": 1, "2024": 1}),
    "nato_air_campaign": ({"2000": 1, "2010/2014": 0, "2020": 0, "2024": 2},
                          {"2000": 1, "2010/2014": 0, "2020": 0, "2024": 0}),
    "invasion_of_russia": ({"2000": 1, "2010/2014": 1, "2020": 1, "2024": 1},
                           {"2000": 1, "2010/2014": 1, "2020": 1, "2024": 1}),
}


@pytest.mark.parametrize("key", sorted(law.SCENARIOS))
def test_doctrine_counts_per_scenario(key):
    with_claim, without = EXPECTED_COUNTS[key]
    assert law.invocable_count(key) == with_claim
    assert law.invocable_count(key, count_claimed=False) == without


def test_the_2024_wording_is_what_reaches_annexed_land():
    rows = dict((c.label, s) for c, s in law.doctrine_comparison("zaporizhzhia_counteroffensive")["2024"])
    assert rows["conventional"] == "only if annexed land counts as Russian"
    older = law.doctrine_comparison("zaporizhzhia_counteroffensive")["2020"]
    assert dict((c.label, s) for c, s in older)["d"] == "not met"


def test_doctrine_sources_and_2020_letters():
    assert [c.label for c in law.CONDITIONS if c.version == "2020"] == ["a", "b", "c", "d"]
    assert all(c.where == f"para 19({c.label})" for c in law.CONDITIONS if c.version == "2020")
    assert {c.version for c in law.CONDITIONS} == set(law.VERSIONS)
    assert all(set(c.requires) <= set(law.FACTS) for c in law.CONDITIONS)


@given(st.fixed_dictionaries({f: st.sampled_from(law.FACT_VALUES) for f in law.FACTS}))
def test_condition_status_monotone(facts):
    # making a fact firmer ('claimed'/'unclear' -> 'yes') never makes a condition harder to invoke
    rank = {s: i for i, s in enumerate(law.STATUSES)}
    firmer = {f: ("yes" if v in ("claimed", "unclear") else v) for f, v in facts.items()}
    for c in law.CONDITIONS:
        assert rank[law.condition_status(c, firmer)] <= rank[law.condition_status(c, facts)]


def test_contrast_with_court_and_es_11_4():
    c = law.contrast_with_court("zaporizhzhia_counteroffensive")
    assert c["rests_on_annexation"] and "143 in favour, 5 against, 35 abstentions" in c["annexation"]
    assert "does not arise" in c["court"]
    assert "could arise" in law.contrast_with_court("invasion_of_russia")["court"]
    assert not law.contrast_with_court("invasion_of_russia")["rests_on_annexation"]


def test_statements_point_to_real_findings():
    assert {s.verdict for s in law.STATEMENTS} == set(law.VERDICTS)
    assert all(s.finding in "ABCDEF" for s in law.STATEMENTS)
    assert law.statement("survival_lawful").verdict == "inconsistent"


def test_every_source_key_used_exists():
    keys = {f.source for f in law.FINDINGS} | {c.source for c in law.CONDITIONS}
    keys |= {law.ES_11_4["source"], law.ES_11_4["reported_by"]}
    for k in keys:
        sources.get(k)


# --- widgets, driven from Python ------------------------------------------------------
def test_walkthrough_widget_answers_one_question_at_a_time():
    from deterrence_lab.widgets.ch02 import WalkThrough

    w = WalkThrough()
    assert w.result["next_question"] == "armed_attack" and w.result["outcome"] is None
    assert "armed attack" in w.card.value
    w.set(armed_attack="yes")
    assert w.result["path"] == (("armed_attack", "yes"),)
    assert w.result["next_question"] == "necessity" and "necessary" in w.card.value
    w.buttons[law.ANSWERS.index("no")].click()          # the 'no' button answers 'necessity'
    assert w.result["outcome"] == "charter_breach" and w.result["findings"][0] == "C"
    assert "unanimous" in w.readout.value and "Art. 2(4)" in w.readout.value
    assert w.controls["survival"].layout.display == "none"
    w.step_back()
    assert w.result["next_question"] == "necessity"
    w.reset()
    assert w.result["path"] == () and w.controls["scenario"].value == ""


def test_walkthrough_widget_scenario_fills_answers_and_can_be_changed():
    from deterrence_lab.widgets.ch02 import WalkThrough

    w = WalkThrough(scenario="zaporizhzhia_counteroffensive")
    assert w.result["outcome"] == "charter_breach" and not w.result["modified"]
    assert "unga2022" in w.readout.value
    w.set(armed_attack="unclear")
    assert w.result["modified"] and w.result["next_question"] == "necessity"
    w.controls["scenario"].value = "invasion_of_russia"   # as a student would, via the dropdown
    assert w.result["outcome"] == "non_liquet" and "7–7" in w.readout.value
    assert "could not" in w.readout.value.lower() or "cannot conclude" in w.readout.value


def test_doctrine_widget_counts_and_annexation_switch():
    from deterrence_lab.widgets.ch02 import DoctrineComparison

    d = DoctrineComparison()
    assert d.result["counts"]["2024"] == 1 and d.result["rests_on_annexation"]
    before = d.image.value
    d.set(count_claimed=False)
    assert d.result["counts"] == {"2000": 0, "2010/2014": 0, "2020": 0, "2024": 0}
    assert d.image.value != before
    d.set(scenario="invasion_of_russia")
    assert d.result["counts"]["2010/2014"] == 1 and "could arise" in d.readout.value
    assert law.FACT_LABELS["existential_threat"] in d.readout.value
    with pytest.raises(ValueError, match="unknown control"):
        d.set(year=2024)


def test_figures_have_labelled_axes():
    from deterrence_lab.widgets import ch02

    for fig in (ch02.findings_votes_figure(), ch02.walkthrough_figure({"armed_attack": "no"}),
                ch02.doctrine_figure("long_range_strikes", count_claimed=False)):
        ax = fig.axes[0]
        assert ax.get_xlabel() and ax.get_title()


# --- exercise checks ------------------------------------------------------------------
def test_checks_accept_the_answers_and_refuse_near_misses():
    from deterrence_lab.checks import ch02

    assert ch02.q1.check("B").passed and ch02.q1.check("b").passed
    assert "authorisation" in ch02.q1.check("A").message
    assert ch02.q2.check(7).passed and not ch02.q2.check(3).passed
    key = {s.key: s.verdict for s in law.STATEMENTS}
    assert ch02.q3.check(key).passed
    assert not ch02.q3.check({**key, "survival_lawful": "consistent"}).passed
    assert ch02.q4.check({"armed_attack": "yes", "necessity": "no"}).passed
    assert "fixes 'armed_attack'" in ch02.q4.check({"armed_attack": "no"}).message
    assert "necessity" in ch02.q4.check({"armed_attack": "yes"}).message
    assert "yes, no, unclear" in ch02.q4.check({"armed_attack": "yes", "necessity": "nope"}).message
    assert ch02.q5.check(" ".join(["word"] * 70)).status == "recorded"
    assert ch02.q6.check("A").passed and "2000" in ch02.q6.check("B").message
    for q in ch02.QUESTIONS:
        assert q.check(...).status == "not attempted"
        assert q.hint() and q.solution()


# --- legal notes per response option (content/legal_notes.py) -------------------------------

def test_legal_notes_cover_every_option_with_all_four_parts():
    from deterrence_lab import legal_notes
    from deterrence_lab.content import sources
    assert legal_notes.OPTION_NAMES == ("no response", "protest", "conventional strikes",
                                        "nuclear demonstration", "other answers")
    for n in legal_notes.LEGAL_NOTES:
        for part in legal_notes.PARTS:
            assert n.part(part), (n.option, part)
        for key, where in n.cites:
            assert key in sources.SOURCES and where
        assert ("un1945", "Art. 2(4)") in n.cites and ("un1945", "Art. 51") in n.cites
    strikes = legal_notes.note("conventional strikes")
    assert "request" in strikes.ad_bellum and "para 41" in strikes.ad_bellum
    demo = legal_notes.note("nuclear demonstration")
    assert "para 46" in demo.reprisals and "paras 88-89" in demo.neutrality
    assert ("icj1996", "para 46") in demo.cites
    table = legal_notes.notes_table("reprisals")
    assert len(table.splitlines()) == 2 + 5 and "para 46" in table
    with pytest.raises(ValueError, match="name="):   # the table in bad_inputs.py covers note()
        strikes.part("morality")
