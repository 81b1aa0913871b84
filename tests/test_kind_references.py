"""``references`` (reference-bare-url): a reference or source that is only a URL."""
from __future__ import annotations

import pytest

from medlint import lint_text

RULE = ["reference-bare-url"]


@pytest.mark.parametrize("text, path, lines", [
    ("A trial cut relapses.\n\nLearn more: https://journals.example.org/article/2830011\n", "a.txt", [3]),
    ("A trial cut relapses.\n\nSource: <https://journals.example.org/article/2830011>\n", "a.md", [3]),
    ("## References\n\n1. https://example.org/article/123\n2. [example.org/456](https://example.org/456)\n", "a.md", [3, 4]),
    ("Sources:\n\nhttps://example.org/study/42\n\nhttps://example.org/study/43\n", "a.md", [3, 5]),
    ("**Further reading**\n\n- <https://example.org/a>\n- <https://example.org/b>\n", "a.md", [3, 4]),
    ('<h2>References</h2><ol><li><a href="https://example.org/a">https://example.org/a</a></li></ol>\n', "a.html", [1]),
    ('<p>Source: <a href="https://example.org/a">example.org</a></p>\n', "a.html", [1]),
])
def test_reported(text: str, path: str, lines: list[int]) -> None:
    found = lint_text(text, path, select=RULE)
    assert [d.line for d in found] == lines
    assert all(d.severity == "info" and d.fix is None for d in found)


@pytest.mark.parametrize("text, path", [
    # the source is named: a title, an author, a journal or a year
    ("## References\n\n1. Okafor MF. Low vitamin D in winter. N Engl J Med. 2012. https://example.org/nejm\n", "a.md"),
    ("Source: [NIH Office of Dietary Supplements, Vitamin D](https://ods.od.nih.gov/factsheets/VitaminD/)\n", "a.md"),
    ("Source: Vitamin D and MS, JAMA 2024, https://example.org/a\n", "a.md"),
    ('<h2>Sources</h2><ul><li><a href="https://example.org/a">Vitamin D and bones (NHS, 2023)</a></li></ul>\n', "a.html"),
    # a reference wrapped over lines: the URL on the last line is the reference's
    ("## References\n\nPortnoy JM, Simon SD. Is less drowsiness important? Ann Allergy\n"
     "Asthma Immunol. 2003;91(4):324-5. Available at:\n<https://example.org/pubmed/14582809>\n", "a.md"),
    # a URL in a block of its own after the reference it ends
    ("## References\n\nInstitute of Medicine. Dietary reference intakes. Retrieved 2009, from\n\n"
     "https://example.org/iom/report\n", "a.md"),
    # the page's own prose, internal links, images and pictures left in a reference list
    ("Learn more at https://example.org/article/123 about the trial.\n", "a.md"),
    ("A trial cut relapses: https://example.org/article/123\n", "a.md"),
    ("## References\n\n- [/posts/vitamin-d](/posts/vitamin-d)\n", "a.md"),
    ("## References\n\n![](https://example.org/figure.png)\n\nhttps://example.org/images/chart.gif\n", "a.md"),
    ("`Source: https://example.org/a`\n", "a.md"),
])
def test_not_reported(text: str, path: str) -> None:
    assert lint_text(text, path, select=RULE) == []
