"""dose-notation and amounts that are no doses: lab values, measured volumes, conversion factors, URL text."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from medlint import lint_text
from medlint.cli import main
from medlint.document import Document
from medlint.medical.measured import not_a_dose
from helpers import FIXTURES

NOTATION = ["dose-notation"]
#: What each fixture still reports: its doses, and nothing of its lab values, factors and addresses.
EXPECTED = {
    "measured.md": ["600IU", "500mg", "500 µg", "5.0", "5 cc", "2000IU", "10 μg", "10 µg", "1000IU", "400IU", "2000IU",
                    "800IU", "1.0", "50,000IU"],
    "measured.html": ["600IU", "500 µg", "5.0", "2000IU", "50,000IU"],
}
#: The fixture's dose lines after --fix.
FIXED = ["Take 600 IU of vitamin D a day.", "Each tablet holds 500 mg of calcium.", "Vitamin B12 500 mcg daily.",
         "Take 5 mg at night.", "Give 5 mL twice a day.", "The arms took 1000 IU/400 IU or 2000 IU/800 IU a day.",
         "A dose of 400 IU (= 10 mcg) a day is enough for infants."]
#: The fixture's other lines, which --fix leaves as they are.
KEPT = ["1.7 to 2.0 mg/dL", "22.1 μg/l", "4075 U/L", "<40mg/dL", ">200mg per decilitre", "-1.4 μg/mL", "> 60 cc",
        "threshold of 70 µg", "1 µg = 40 IU", "equivalent to 0.025 μg", "40IU/µg", "2050,000%20IU", "dose%3D600IU"]


def matches(text: str, path: str) -> list[str]:
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=NOTATION)]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_reports_doses_only(name: str, isolated) -> None:
    text = (FIXTURES / "notation" / name).read_text(encoding="utf-8")
    assert matches(text, name) == EXPECTED[name]


def test_fix_rewrites_doses_and_leaves_measured_amounts(isolated) -> None:
    shutil.copy(FIXTURES / "notation" / "measured.md", isolated / "page.md")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--fix", "--select", "dose-notation", "page.md"])
    assert result.exit_code == 0, result.output
    fixed = (isolated / "page.md").read_text(encoding="utf-8")
    assert all(line in fixed for line in FIXED)
    assert all(text in fixed for text in KEPT)
    again = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "--select", "dose-notation", "page.md"])
    assert json.loads(again.output) == []


@pytest.mark.parametrize(("text", "reason"), [  # [the amount] the notation check read
    ("Magnesium was [2.0] mg/dL.", "concentration"),
    ("Ferritin was [30μg]/L.", "concentration"),
    ("ALP was [4075 U]/L.", "concentration"),
    ("The limit is [3 mg] per litre of water.", "concentration"),
    ("Bread held [5.2 μg]/100 g.", "concentration"),
    ("Tables convert at [40IU]/µg.", "concentration"),
    ("Plasma magnesium levels above [2.0] mg were rare.", "measured"),
    ("The end-diastolic volume > [60 cc] was graded severe.", "measured"),
    ("A serum threshold of [10 µg] was the cut point.", "measured"),
    ("The plasma concentration: [5.0] mg in this case.", "measured"),
    ("By definition [1 µg] = 40 IU here.", "conversion"),
    ("1 IU of vitamin D3 is equivalent to [0.025 μg].", "conversion"),
    ("Note that 40 IU equals [1 mcg].", "conversion"),
    ("q=vitamin%20D%2050,000%[20IU]%20weekly", "address"),
    ("see example.org/a%2Fb%3D[600IU] now", "address"),
])
def test_not_a_dose(text: str, reason: str) -> None:
    start, end = text.index("["), text.index("]") - 1
    doc = Document.from_text(text.replace("[", "").replace("]", ""))
    assert not_a_dose(doc, start, end) == reason


@pytest.mark.parametrize("text", [
    "Serum levels rose in those given 2000IU a day.",
    "The adequate intake level of 10 μg a day was kept.",
    "Levels below 20 ng/mL need an intake of 10 µg a day.",
    "Give 1.0 mg/kg once.",
    "Give a volume of 5 cc of the syrup.",
    "A dose of 400 IU (= 10 µg) a day is enough.",
    "The arms took 1000IU/400IU a day.",
    "Take 500mg twice a day, see https://example.org/a for more.",
    "Patients took 20 µg a day; 95% of them reached 30 ng/mL.",
])
def test_doses_are_still_reported(text: str, isolated) -> None:
    assert matches(text, "x.md")


def test_html_comparison_entities_read_as_comparisons(isolated) -> None:
    assert matches("<p>A regurgitant volume &lt; 30 cc was mild.</p>", "x.html") == []
    assert matches("<p>Give 5 cc &amp; rest.</p>", "x.html") == ["5 cc"]
