"""Saved seminar games: a game round-trips through its file, and a damaged or hand-edited
file is refused with a message that says what is wrong."""
from __future__ import annotations

import copy
import json

import pytest

from deterrence_lab import seminar as seminar_module


@pytest.fixture(scope="module")
def saved_game():
    seminar = seminar_module
    state = seminar.play(list(seminar.DEMO_SCRIPT), seed=11)
    return seminar, state, seminar.to_json(state)


def test_saved_game_round_trips(saved_game, tmp_path):
    seminar, state, text = saved_game
    seminar.save(state, tmp_path / "game.json")
    assert seminar.to_json(seminar.load(tmp_path / "game.json")) == text


def test_truncated_saves_are_refused(saved_game, tmp_path):
    seminar, _, text = saved_game
    data = text.encode()
    for cut in sorted({0, 1, 10, len(data) // 3, len(data) // 2, len(data) - 2, len(data) - 1}):
        path = tmp_path / f"cut{cut}.json"
        path.write_bytes(data[:cut])
        with pytest.raises(ValueError, match="save file") as caught:
            seminar.load(path)
        assert "truncated" in str(caught.value) or "JSON" in str(caught.value)


@pytest.mark.parametrize("version", [0, 1, "2", 2.0, None, True])
def test_wrong_version_is_refused(saved_game, version):
    seminar, _, text = saved_game
    data = json.loads(text)
    data["version"] = version
    with pytest.raises(ValueError, match="version"):
        seminar.from_json(json.dumps(data))


def _edits(seminar, data: dict):
    """Hand edits a student might make, each with the word the refusal should contain."""
    number = next(k for k, v in data["history"][0].items()
                  if isinstance(v, (int, float)) and not isinstance(v, bool) and k != "round")
    chosen = data["decisions"][0]["choices"]["moscow"]
    other = next(m.key for m in seminar.menu("moscow", "after") if m.key != chosen)
    return [
        ("history number", lambda d: d["history"][0].update({number: d["history"][0][number] + 1}),
         "edited"),
        ("changed decision", lambda d: d["decisions"][0]["choices"].update(moscow=other), "edited"),
        ("unknown move", lambda d: d["decisions"][0]["choices"].update(moscow="launch_all"),
         "round 1"),
        ("seed", lambda d: d.update(seed=d["seed"] + 1), "edited"),
        ("dropped round", lambda d: d["history"].pop(), "incomplete"),
        ("extra field", lambda d: d.update(cheat=True), "unexpected"),
        ("missing field", lambda d: d.pop("teams"), "missing"),
        ("format", lambda d: d.update(format="something-else"), "format"),
        ("not a dict", lambda d: d["decisions"].__setitem__(0, "moscow wins"), "round 1"),
    ]


def test_hand_edited_saves_are_refused(saved_game):
    seminar, _, text = saved_game
    original = json.loads(text)
    for label, edit, word in _edits(seminar, original):
        data = copy.deepcopy(original)
        edit(data)
        with pytest.raises(ValueError, match="save file") as caught:
            seminar.from_json(json.dumps(data))
        assert word in str(caught.value), (label, str(caught.value))
