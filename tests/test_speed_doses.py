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
