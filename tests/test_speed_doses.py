"""The dose and disclaimer rules' shortcuts (issue 23) find what the slow paths find."""
from __future__ import annotations

import random

import pytest

from medlint.medical import dose as D


def _slow_all(prose: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    while (m := D.DOSE.search(prose, pos)) is not None:
        out.append(m.span())
        pos = m.end()
    return out


def _fast_all(prose: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    while (m := D.next_dose(prose, pos)) is not None:
        out.append(m.span())
        pos = m.end()
    return out


@pytest.mark.parametrize("text", [
    "Take 5,000 - 10,000 IU daily.",
    "Take approximately   2,000 IU of vitamin D.",
    "no more than\n\n 4,000 IU a day",
    "as  much  as 500 mg capsules, 400 mg and 2.5 g",
    "up to 14,000 International Units per day",
    "500mgcapsules were sold; 1 210mg; .5 mg; ~ 5 mcg; 5 I.U. to 10 I.U.",
    "5 millilitresand 10 ml",
    "B12 mg and D3 units are no doses, nor 2 great ideas, but 2 mg is",
    "x" * 300 + " about " + " " * 400 + "3 mg",
    "approximately" + " " * 300 + "10,000 IU",
])
def test_next_dose_finds_what_dose_search_finds(text: str) -> None:
    assert _fast_all(text) == _slow_all(text)
    assert _slow_all(text)  # each fixture holds a dose that must still be found


def test_next_dose_none_without_digit_and_unit() -> None:
    assert D.next_dose("No dose here, only 12 people and about forty mg.", 0) is None


def test_next_dose_random_texts() -> None:
    pieces = ["up to", "about", "no more than", "as much as", "~", "approximately", "5", "5,000", "10.000",
              ".5", "1 210", "mg", "IU", "I.U.", "International Units", "units", "g", "-", "to", "and",
              " ", "  ", "\n", "\u00a0", "take", "daily", "of", "vitamin D", "(", ")", ".", ",", "B12", "µg", "mcg"]
    rng = random.Random(23)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 25)))
        assert _fast_all(text) == _slow_all(text), text


from medlint.document import Document  # noqa: E402
from medlint.kinds import dosage as K  # noqa: E402


def _notations(text: str, prefilter: bool) -> list[tuple[int, int, str]]:
    saved = dict(K._PREFILTERS)
    try:
        if not prefilter:
            for name in K._PREFILTERS:
                K._PREFILTERS[name] = ("",)  # found everywhere: every pattern runs
        check = K._notation({"notations": K.NOTATIONS})
        return [(f.start, f.end, f.values["match"]) for f in check(Document.from_text(text))]
    finally:
        K._PREFILTERS.update(saved)


@pytest.mark.parametrize("text", [
    "Take 5.0 mg at night.", "Take 2.50 mg daily.", "A dose of .5 mg.", "Inject 10 U of insulin, 10u more.",
    "Give 5 cc twice a day.", "Take one tablet qd, or q.d. or QD.", "One tablet qod or q.o.d. or QOD.",
    "Vitamin B12 500 \u00b5g daily, 5 \u03bcg more.", "Take 10mg in the morning, 5IU and 3units.",
    "Take 5.0\n\nmg at night.",
])
def test_notation_prefilters_keep_every_finding(text: str) -> None:
    found = _notations(text, prefilter=True)
    assert found  # each fixture has a notation that must still be reported
    assert found == _notations(text, prefilter=False)


def test_notation_prefilters_rule_out_pages_without_the_shapes() -> None:
    text = "Take 5 mg at night and 1 g in the morning; accept 2 groups, 3 uses."
    possible: dict = {}
    assert not any(K._may_match(K._PREFILTERS[n], text, 0, possible) for n in K.NOTATIONS)


from medlint.medical import substance as S  # noqa: E402


def test_any_name_matches_wherever_a_name_does() -> None:
    table = D.load_limits()
    joined = S._any_name(table)
    assert joined is not None
    for text in ["Take vitamin D3 daily", "magnesium", "cholecalciferol", "no name here", "Vitamin-D", "xD3"]:
        each = any(entry["regex"].search(text) for entry in table.values())
        assert (joined.search(text) is not None) == each, text


def test_any_name_falls_back_for_tables_it_cannot_join() -> None:
    import re
    assert S._any_name({"a": {"regex": re.compile("(a)")}}) is None
    assert S._any_name({"a": {"regex": re.compile("a", re.I)}, "b": {"regex": re.compile("b")}}) is None


def test_in_sentence_keeps_the_dose_substance() -> None:
    table = D.load_limits()
    prose = "Take 2,000 IU of vitamin D and 400 mg of magnesium. Then 5 mg."
    assert S._in_sentence(prose, 5, 14, 0, 50, table, "IU") == "vitamin D"
    assert S._in_sentence(prose, 31, 37, 0, 50, table, "mg") == "magnesium"
    assert S._in_sentence(prose, 57, 61, 52, 62, table, "mg") is None


def test_date_stale_reads_the_opening_only_once_a_phrase_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    from medlint import lint_text
    from medlint.kinds import freshness

    calls: list[str] = []
    real = freshness._declared_obsolete
    monkeypatch.setattr(freshness, "_declared_obsolete", lambda doc: calls.append(doc.path) or real(doc))
    head = "---\ntitle: x\ndate: 2011-07-08\n---\n"
    assert not lint_text(head + "Nothing new here.", "a.md", select=["date-stale"])
    assert calls == []
    assert lint_text(head + "A recent trial found more.", "b.md", select=["date-stale"])
    assert not lint_text(head + "Note: this page is obsolete.\n\nA recent trial found more.", "c.md",
                         select=["date-stale"])


def test_views_blanking_the_same_spans_share_their_doses() -> None:
    from medlint.document import Document

    text = "Take 5,000 IU of vitamin D daily.\n\n> Participants received 50,000 IU weekly.\n"
    doc = Document.from_text(text)
    one, two = doc.view(["quotation"]), doc.view(["quotation", "reference"])
    assert one is not two and one.prose == two.prose
    assert D.find_doses(one) is D.find_doses(two)
    assert [d.text for d in D.find_doses(one)] == ["5,000 IU"]
    assert [d.text for d in D.find_doses(doc)] == ["5,000 IU", "50,000 IU"]
