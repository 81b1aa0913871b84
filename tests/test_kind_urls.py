"""``urls`` (url-tracking): tracking and session parameters removed byte for byte; long URLs as info."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint import lint_text
from medlint.cli import main
from medlint.weburl import strip_tracking

RULE = ["url-tracking"]


@pytest.mark.parametrize("url, expected", [
    ("https://a.org/p?utm_source=x&id=3#f", "https://a.org/p?id=3#f"),
    ("https://a.org/p?id=3&utm_source=x&b=%2F+c#frag?utm_source=y", "https://a.org/p?id=3&b=%2F+c#frag?utm_source=y"),
    ("https://a.org/p?b=2&a=1&fbclid=IwAR0&c=%20", "https://a.org/p?b=2&a=1&c=%20"),
    ("https://a.org/?fbclid=1", "https://a.org/"),
    ("https://a.org/?utm_source=a&utm_medium=b#top", "https://a.org/#top"),
    ("https://a.org/?a=1&amp;utm_medium=m&amp;b=2", "https://a.org/?a=1&amp;b=2"),
    ("https://a.org/?UTM_Source=a&q=x", "https://a.org/?q=x"),
    ("https://a.org/?gclid=1&msclkid=2&yclid=3&igshid=4&mc_eid=5&mc_cid=6&_hsenc=7&_hsmi=8&x=9", "https://a.org/?x=9"),
    ("https://a.org/p;jsessionid=8FBE33059AED6DB4CC32368D8B742117.f03t04?x=1", "https://a.org/p?x=1"),
    ("https://a.org/index.php?PHPSESSID=abc&page=2", "https://a.org/index.php?page=2"),
    ("https://a.org/?sid=aad75b0e-0683-4720-a1d9-c49fe72c11c7", "https://a.org/"),
])
def test_strip_keeps_the_rest_as_written(url: str, expected: str) -> None:
    stripped = strip_tracking(url)
    assert stripped is not None and stripped.url == expected


@pytest.mark.parametrize("url", [
    "https://a.org/p?id=3&page=2#f",
    "https://a.org/meetings/index.cfm?fuseaction=details&sessionid=201105",  # a conference session number
    "https://a.org/pqdweb?index=5&sid=1&fmt=2",  # a database's source id
    "https://a.org/#/page?utm_source=x",  # a single-page app's route, never sent to the server
])
def test_strip_leaves_urls_without_tracking(url: str) -> None:
    assert strip_tracking(url) is None


@pytest.mark.parametrize("text, path, fixed", [
    ("See [the page](https://www.nhs.uk/vitamin-d/?utm_source=nl&utm_medium=email).\n", "a.md",
     "See [the page](https://www.nhs.uk/vitamin-d/).\n"),
    ("Source: https://example.org/study?id=42&fbclid=IwAR0abc#results\n", "a.md",
     "Source: https://example.org/study?id=42#results\n"),
    ("[t]: https://example.org/trial?arm=2&gclid=Cj0\n\nSee [the trial][t].\n", "a.md",
     "[t]: https://example.org/trial?arm=2\n\nSee [the trial][t].\n"),
    ("<https://example.org/news?utm_campaign=x>\n", "a.md", "<https://example.org/news>\n"),
    ("[https://example.org/?utm_source=x&p=1](https://example.org/?utm_source=x&p=1)\n", "a.md",
     "[https://example.org/?p=1](https://example.org/?p=1)\n"),
    ('<p><a href="https://example.org/a?page=2&amp;mc_eid=7f3a&amp;mc_cid=99">study</a></p>\n', "a.html",
     '<p><a href="https://example.org/a?page=2">study</a></p>\n'),
    ("Read https://example.org/a?utm_source=x&b=1 today.\n", "a.txt", "Read https://example.org/a?b=1 today.\n"),
])
def test_reported_with_a_safe_fix(text: str, path: str, fixed: str) -> None:
    found = lint_text(text, path, select=RULE)
    assert [d.rule for d in found] == ["url-tracking"]
    assert found[0].fix is not None and found[0].fix.safe
    assert lint_text(text, path, select=RULE)[0].severity == "warning"
    from medlint.fix import apply_fixes

    assert apply_fixes(text, [d.fix for d in found])[0] == fixed


@pytest.mark.parametrize("text, path", [
    ("`https://example.org/?utm_source=code`\n", "a.md"),
    ("```\ncurl 'https://example.org/?utm_source=x'\n```\n", "a.md"),
    ("The parameter utm_source=newsletter tags a campaign.\n", "a.md"),
    ("<pre>https://example.org/?fbclid=1</pre>\n", "a.html"),
])
def test_code_and_prose_are_not_links(text: str, path: str) -> None:
    assert lint_text(text, path, select=RULE) == []


def test_long_url_is_info_without_fix() -> None:
    url = "https://example.org/search?q=" + "+".join(["vitamin", "d"] * 80)
    found = lint_text(f"[search]({url})\n", "a.md", select=RULE)
    assert [(d.severity, d.fix) for d in found] == [("info", None)]
    assert f"{len(url):,} characters" in found[0].message
    assert lint_text("[s](https://example.org/?q=short)\n", "a.md", select=RULE) == []


def test_max_length_is_an_option(isolated: Path) -> None:
    Path(".medlint.yaml").write_text("rules:\n  url-tracking:\n    options: {max_length: 20}\n")
    from medlint.config import load_config

    found = lint_text("See https://example.org/a/long/path\n", "a.md", config=load_config(Path(".medlint.yaml")),
                      select=RULE)
    assert [d.severity for d in found] == ["info"]


def test_fix_end_to_end_keeps_line_endings(isolated: Path) -> None:
    page = isolated / "page.md"
    page.write_bytes(b"# Notes\r\n\r\nSee [x](https://a.org/p?utm_source=x&id=3#f) and https://b.org/?fbclid=2.\r\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "url-tracking", "--fix", "page.md"])
    assert result.exit_code == 0, result.output
    assert page.read_bytes() == b"# Notes\r\n\r\nSee [x](https://a.org/p?id=3#f) and https://b.org/.\r\n"
    assert not [p for p in isolated.iterdir() if p.name != "page.md"]  # no temporary file left behind
    again = CliRunner().invoke(main, ["check", "--no-cache", "--select", "url-tracking", "page.md"])
    assert again.exit_code == 0 and "url-tracking" not in again.output


@pytest.mark.parametrize("text, path", [
    ('<img src="data:image/png;base64,' + "A" * 400 + '">\n', "a.html"),  # a data URI is no web address
    ("[mail](mailto:editor@example.org?subject=x&utm_source=y)\n", "a.md"),
    ('<img src="https://cdn.example.org/i.png?v=' + "1" * 400 + '">\n', "a.html"),  # an image nobody copies
])
def test_other_schemes_and_embedded_resources(text: str, path: str) -> None:
    assert lint_text(text, path, select=RULE) == []


@pytest.mark.parametrize("url, expected", [
    # an entity separator's '#' is not the fragment: the parameter after it stays a parameter
    ("https://a.org/p?utm_source=x&#38;id=5", "https://a.org/p?id=5"),
    ("https://a.org/p?id=5&#x26;utm_source=x", "https://a.org/p?id=5"),
    ("https://a.org/p?id=5&#38;utm_source=x#part", "https://a.org/p?id=5#part"),
])
def test_entity_separators_are_not_fragments(url: str, expected: str) -> None:
    stripped = strip_tracking(url)
    assert stripped is not None and stripped.url == expected


def test_a_link_that_would_be_left_empty_is_not_stripped() -> None:
    assert strip_tracking("?utm_source=x") is None
