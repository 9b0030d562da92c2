"""The bibliography: well-formed entries, every cited key exists, every entry is cited."""
import json
import re
from pathlib import Path


from deterrence_lab import sources

ROOT = Path(__file__).resolve().parents[1]
# A key in code is a quoted string; in Markdown it opens a bracket: [glasstone1977, §3.61].
CODE_KEY = re.compile(r"""["']([a-z][a-z_]*\d{4}[a-z]?)["']""")
MARKDOWN_KEY = re.compile(r"\[([a-z][a-z_]*\d{4}[a-z]?)\b")


def _project_texts():
    """(path, text) of every module, notebook cell and Markdown document that may cite."""
    for path in sorted((ROOT / "src").rglob("*.py")):
        if path.name != "sources.py":
            yield path, path.read_text(encoding="utf-8")
    for folder in ("course", "solutions", "exercises"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
                yield path, "".join(cell["source"])
        for path in sorted((ROOT / folder).glob("*.md")):
            yield path, path.read_text(encoding="utf-8")


def cited_keys():
    found = {}
    for path, text in _project_texts():
        for key in CODE_KEY.findall(text) + MARKDOWN_KEY.findall(text):
            found.setdefault(key, path.relative_to(ROOT))
    return found


def test_keys_are_well_formed_and_unique():
    keys = [s.key for s in sources._ENTRIES]
    assert len(keys) == len(set(keys)), "duplicate source keys"
    for key in keys:
        assert sources.KEY_PATTERN.match(key), key


def test_entries_are_complete():
    for s in sources.SOURCES.values():
        assert s.short and s.authors and s.title and s.venue, s.key
        assert 1900 <= s.year <= 2026, s.key
        assert str(s.year) in s.key, f"{s.key}: the key's year should be the entry's year"


def test_every_cited_key_exists():
    missing = {k: str(p) for k, p in cited_keys().items() if k not in sources.SOURCES}
    assert not missing, f"cited but not in sources.py: {missing}"


def test_every_source_is_cited():
    unused = sorted(set(sources.SOURCES) - set(cited_keys()))
    assert not unused, f"in sources.py but never cited: {unused}"


def test_cite_and_reference_render():
    assert sources.cite("glasstone1977", "§3.61") == "Glasstone & Dolan (1977, §3.61)"
    assert sources.cite("icj1996") == "ICJ (1996)"
    ref = sources.reference("icj1996")
    assert "I.C.J. Reports 1996, p. 226" in ref and "*Legality" in ref
    assert ref._repr_markdown_() == str(ref)


def test_reference_list_sorts_by_author_and_deduplicates():
    # Glasstone before Nederlof: the list sorts on surnames, not on first names.
    text = sources.reference_list(["nederlof2023", "glasstone1977", "nederlof2023"])
    lines = text.splitlines()
    assert len(lines) == 2
    assert [l.split("]")[0] for l in lines] == ["- **[glasstone1977", "- **[nederlof2023"]


def test_bibliography_lists_every_entry():
    text = sources.bibliography()
    for key in sources.SOURCES:
        assert f"[{key}]" in text


def test_reference_lists_sort_by_surname_then_year():
    listing = sources.reference_list(["wellerstein2012", "nederlof2023", "glasstone1977",
                                      "hoffman2009", "hoffman1998"]).splitlines()
    order = [line.split("]")[0].split("[")[1] for line in listing]
    assert order == ["glasstone1977", "hoffman1998", "hoffman2009", "nederlof2023",
                     "wellerstein2012"]


def test_glossary_dutch_terms_checked_against_dutch_usage():
    from deterrence_lab import glossary
    terms = {t.english: t for t in glossary.TERMS}
    assert "opbrengst" not in terms["yield"].dutch and "kracht" in terms["yield"].dutch
    assert terms["yield"].nl_source in sources.SOURCES and terms["yield"].nl_where
    assert terms["backward induction"].dutch == "achterwaartse inductie"
    for t in glossary.TERMS:
        assert not t.nl_source or t.nl_source in sources.SOURCES, t.english
    assert "Dutch usage: [nrc2022" in glossary.glossary_table()


# Sourced data whose place in the source is not yet given, with the reason (a datum listed here
# that gains its 'where' fails the test, so the list cannot go stale).
WHERE_STILL_TO_READ = {
    "casualty rates by overpressure ring": "the table's page in ota1979 has not been checked",
}


def test_every_sourced_datum_names_its_place_or_its_reason():
    from deterrence_lab.models import effects
    assert effects.Assumption is sources.SourcedValue
    for datum in effects.ASSUMPTIONS:
        assert isinstance(datum, sources.SourcedValue)
        if datum.name in WHERE_STILL_TO_READ:
            assert not datum.where, f"{datum.name!r} now says where: drop it from WHERE_STILL_TO_READ"
            assert datum.source in sources.SOURCES
            continue
        assert not datum.problem(), datum.problem()


def test_sourced_value_finds_what_is_missing():
    SV = sources.SourcedValue
    assert SV("blast fit", "a formula", "brode1986", "pp. 60-71").problem() == ""
    assert "does not say where" in SV("x", 1.0, "brode1986").problem()
    assert "not a key" in SV("x", 1.0, "nobody1999", "p. 1").problem()
    assert "without a reason" in SV("x", 1.0, sources.TEACHING_ASSUMPTION).problem()
    chosen = SV("x", 2000, sources.TEACHING_ASSUMPTION, note="the op-ed gives no number", unit="people")
    assert chosen.teaching_assumption and chosen.problem() == ""
