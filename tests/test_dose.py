"""The dose parser: a table of expressions that are and are not doses."""
from __future__ import annotations

import pytest

from medlint.document import Document
from medlint.medical.dose import find_doses, parse_number

# (text, expected dose text or None, low, high, unit, substance, frequency)
FOUND = [
    ("probably need 5,000 - 10,000 IU", "5,000 - 10,000 IU", 5000, 10000, "IU", None, None),
    ("vitamin D (up to 14,000 IU per day) for 48 weeks", "up to 14,000 IU", 14000, 14000, "IU", "vitamin D", "daily"),
    ("daily vitamin D supplementation (10,400 IU per day)", "10,400 IU", 10400, 10400, "IU", "vitamin D", "daily"),
    ("take 5,000–10,000 IU of vitamin D3", "5,000–10,000 IU", 5000, 10000, "IU", "vitamin D", None),
    ("5000 to 10,000 IU daily", "5000 to 10,000 IU", 5000, 10000, "IU", None, "daily"),
    ("at least 1000 IU a day of cholecalciferol", "at least 1000 IU", 1000, 1000, "IU", "vitamin D", "daily"),
    ("10 000 IU of D3 weekly", "10 000 IU", 10000, 10000, "IU", "vitamin D", "weekly"),
    ("10\u202f000 IU of vitamin D", "10\u202f000 IU", 10000, 10000, "IU", "vitamin D", None),
    ("10\u00a0000 IU of vitamin D", "10\u00a0000 IU", 10000, 10000, "IU", "vitamin D", None),
    ("10.000 IU vitamin D", "10.000 IU", 10000, 10000, "IU", "vitamin D", None),
    ("2.5 mg of folic acid", "2.5 mg", 2.5, 2.5, "mg", "folic acid", None),
    ("0,5 mg", "0,5 mg", 0.5, 0.5, "mg", None, None),
    ("1,000.5 mg", "1,000.5 mg", 1000.5, 1000.5, "mg", None, None),
    ("400 I.U. of vitamin E", "400 I.U.", 400, 400, "IU", "vitamin E", None),
    ("800 international units of vitamin D", "800 international units", 800, 800, "IU", "vitamin D", None),
    ("50 mcg of vitamin D", "50 mcg", 50, 50, "mcg", "vitamin D", None),
    ("50 µg of vitamin D", "50 µg", 50, 50, "mcg", "vitamin D", None),
    ("50 \u03bcg of vitamin D", "50 \u03bcg", 50, 50, "mcg", "vitamin D", None),
    ("50 ug of selenium", "50 ug", 50, 50, "mcg", "selenium", None),
    ("100 micrograms of iodine", "100 micrograms", 100, 100, "mcg", "iodine", None),
    ("1.5 g of calcium", "1.5 g", 1.5, 1.5, "g", "calcium", None),
    ("2 grams of fish oil", "2 grams", 2, 2, "g", "omega-3", None),
    ("5 mL of the syrup twice a day", "5 mL", 5, 5, "mL", None, "twice a day"),
    ("10 ml of liquid vitamin D", "10 ml", 10, 10, "mL", "vitamin D", None),
    ("20 mmol of potassium", "20 mmol", 20, 20, "mmol", "potassium", None),
    ("2 drops of vitamin D daily", "2 drops", 2, 2, "drops", "vitamin D", "daily"),
    ("take 2 tablets daily", "2 tablets", 2, 2, "tablets", None, "daily"),
    ("one of 2 capsules of zinc", "2 capsules", 2, 2, "tablets", "zinc", None),
    ("10 units of insulin", "10 units", 10, 10, "units", None, None),
    ("50,000 IU every two weeks", "50,000 IU", 50000, 50000, "IU", None, "every two weeks"),
    ("50,000 IU every other week", "50,000 IU", 50000, 50000, "IU", None, "every two weeks"),
    ("50,000 IU monthly", "50,000 IU", 50000, 50000, "IU", None, "monthly"),
    ("50,000 IU once a month", "50,000 IU", 50000, 50000, "IU", None, "monthly"),
    ("a single dose of 100,000 IU", "100,000 IU", 100000, 100000, "IU", None, "once"),
    ("100,000 IU once", "100,000 IU", 100000, 100000, "IU", None, "once"),
    ("20,000 IU/week of vitamin D", "20,000 IU/week", 20000, 20000, "IU", "vitamin D", "weekly"),
    ("4000 IU/day", "4000 IU/day", 4000, 4000, "IU", None, "daily"),
    ("4000 IU/d", "4000 IU/d", 4000, 4000, "IU", None, "daily"),
    ("a daily dose of 4,000 IU", "4,000 IU", 4000, 4000, "IU", None, "daily"),
    ("a weekly 50,000 IU dose", "50,000 IU", 50000, 50000, "IU", None, "weekly"),
    ("10 mg/kg of iron", "10 mg/kg", 10, 10, "mg", "iron", None),
    ("500 mg of magnesium twice daily", "500 mg", 500, 500, "mg", "magnesium", "twice a day"),
    ("500 mg of vitamin C three times a day", "500 mg", 500, 500, "mg", "vitamin C", "three times a day"),
    ("1,200 mg calcium every other day", "1,200 mg", 1200, 1200, "mg", "calcium", "every other day"),
    ("no more than 45 mg of iron", "no more than 45 mg", 45, 45, "mg", "iron", None),
    ("about 600 IU", "about 600 IU", 600, 600, "IU", None, None),
    ("approximately 1 g of calcium", "approximately 1 g", 1, 1, "g", "calcium", None),
    ("B12 1000 mcg", "1000 mcg", 1000, 1000, "mcg", "vitamin B12", None),
    ("methylcobalamin 500 mcg", "500 mcg", 500, 500, "mcg", "vitamin B12", None),
    ("25 mg of B6", "25 mg", 25, 25, "mg", "vitamin B6", None),
    ("retinol 10,000 IU", "10,000 IU", 10000, 10000, "IU", "vitamin A", None),
    ("niacin 500 mg", "500 mg", 500, 500, "mg", "niacin", None),
    ("200 mcg selenium", "200 mcg", 200, 200, "mcg", "selenium", None),
    ("1 g of omega-3", "1 g", 1, 1, "g", "omega-3", None),
    ("90 mcg of vitamin K2", "90 mcg", 90, 90, "mcg", "vitamin K", None),
    ("2 mg of copper", "2 mg", 2, 2, "mg", "copper", None),
    ("iron 65 mg", "65 mg", 65, 65, "mg", "iron", None),
    ("5 mg to 10 mg", "5 mg to 10 mg", 5, 10, "mg", None, None),
    ("between 1,000 and 2,000 IU", "1,000 and 2,000 IU", 1000, 2000, "IU", None, None),
    ("(800 IU)", "800 IU", 800, 800, "IU", None, None),
    ("1000IU", "1000IU", 1000, 1000, "IU", None, None),
    ("10mg", "10mg", 10, 10, "mg", None, None),
    (".5 mg", ".5 mg", 0.5, 0.5, "mg", None, None),
]

NOT_DOSES = [
    "serum 25(OH)D of 30 ng/mL",
    "levels above 75 nmol/L",
    "glucose of 200 mg/dL",
    "calcium of 2.5 mmol/L",
    "50% of the MS patients",
    "a trial published in 2016",
    "in 2019, 300 patients",
    "aged 50 years",
    "n = 1,390 participants",
    "1,970 trophy points",
    "10.1111/j.1600-0404.2011.01543.x",
    "a 48-week trial",
    "for 18 months",
    "BMD at 2 sites",
    "`5 mg` in code",
    "[link](https://example.org/5-mg)",
    "an extra week adds 1.1 units to the log odds",
    "a fall of at least 0.27 units per day",
    "birth weight less than 2500 grams",
    "on a day when snowfall equals 3 units",
    "Version 2.0 released",
    "rated 4 G",
    "5 mgs",
]


def doses(text: str, path: str = "x.md"):
    return find_doses(Document.from_text(text, path))


@pytest.mark.parametrize(("text", "shown", "low", "high", "unit", "substance", "frequency"), FOUND)
def test_doses_found(text: str, shown: str, low: float, high: float, unit: str, substance: str | None, frequency: str | None) -> None:
    found = doses(text)
    assert len(found) == 1, found
    (d,) = found
    assert (d.text, d.low, d.high, d.unit, d.substance, d.frequency) == (shown, low, high, unit, substance, frequency)
    assert text[d.start:d.end] == shown


@pytest.mark.parametrize("text", NOT_DOSES)
def test_not_doses(text: str) -> None:
    assert doses(text) == []


def test_table_size() -> None:
    assert len(FOUND) + len(NOT_DOSES) >= 80


@pytest.mark.parametrize(("written", "unit", "value"), [
    ("5,000", "IU", 5000), ("10 000", "IU", 10000), ("10.000", "IU", 10000), ("10.000", "mg", 10.0),
    ("2,5", "mg", 2.5), ("1.000.000", "IU", 1_000_000), ("1.234,5", "mg", 1234.5), (".5", "mg", 0.5),
])
def test_parse_number(written: str, unit: str, value: float) -> None:
    assert parse_number(written, unit) == value


def test_daily_equivalents_and_conversion() -> None:
    (weekly,) = doses("50,000 IU of vitamin D weekly")
    assert weekly.daily("mcg", 0.025) == pytest.approx(50000 * 0.025 / 7)
    (fortnight,) = doses("50,000 IU of vitamin D every two weeks")
    assert fortnight.daily("mcg", 0.025) == pytest.approx(50000 * 0.025 / 14)
    (grams,) = doses("1.5 g of calcium daily")
    assert grams.daily("mg") == 1500
    (micro,) = doses("500 mcg of zinc daily")
    assert micro.daily("mg") == 0.5
    (single,) = doses("a single dose of 100,000 IU of vitamin D")
    assert single.daily("mcg", 0.025) is None
    (per_kg,) = doses("10 mg/kg of iron")
    assert per_kg.daily("mg") is None
    (tablets,) = doses("2 tablets of zinc daily")
    assert tablets.daily("mg") is None


def test_doses_in_html_and_text() -> None:
    assert [d.text for d in doses("<p>Take <b>2,000 IU</b> of vitamin D.</p><!-- 5 mg -->", "x.html")] == ["2,000 IU"]
    assert [d.text for d in doses("Take 2,000 IU daily.", "x.txt")] == ["2,000 IU"]


@pytest.mark.parametrize("text, amount", [("Take 60'000 units of vitamin D weekly.", 60000.0),
                                          ("Take 60\u2019000 IU monthly.", 60000.0),
                                          ("<p>Take 60'000 IU monthly.</p>", 60000.0)])
def test_the_swiss_apostrophe_is_a_thousands_mark(text: str, amount: float) -> None:
    from medlint.document import Document
    from medlint.medical.dose import find_doses

    doc = Document.from_text(text, "x.html" if text.startswith("<") else "x.md")
    assert [d.high for d in find_doses(doc)] == [amount]


def test_the_dose_pattern_opening_lookahead_changes_no_match() -> None:
    """DOSE opens with a lookahead of the characters a dose can start with (for speed): on
    random mixes of digits, units, qualifiers and separators it finds what the pattern
    without it finds, at the same places, with the same groups."""
    import random
    import re

    from medlint.medical.dose import DOSE

    assert DOSE.pattern.startswith("(?=")
    plain = re.compile(DOSE.pattern[DOSE.pattern.index(")") + 1:])
    pieces = ["1", "25", "0", "5,000", ".5", "2.5", " ", "  ", "\n", "-", "to", "and", "IU", "mg", "mcg", "\u00b5g", "g",
              "units", "tablets", "/day", "/kg", "/d", "up to", "about", "no more than", "~", "over", "at least", "B", "D3",
              "x", ",", ".", "e-", "a", "u", "n", "(", "ml", "/L"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        for pos in (0, rng.randint(0, len(text))):
            ours, theirs = DOSE.search(text, pos), plain.search(text, pos)
            assert (ours and (ours.span(), ours.groupdict())) == (theirs and (theirs.span(), theirs.groupdict())), text
