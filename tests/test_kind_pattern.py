"""The pattern kind: tokens, regexes, case, exceptions and scopes."""
from __future__ import annotations

import pytest

from medlint.kinds import BuildContext, OptionError
from medlint.kinds.pattern import DEFAULTS, build
from helpers import run_rule


def spans(diags):
    return [(d.line, d.column, d.end_column, d.message) for d in diags]


def test_tokens_match_whole_words_only() -> None:
    diags = run_rule("pattern", {"tokens": ["cure"]}, "A cure, not curettage or secure.")
    assert spans(diags) == [(1, 3, 7, "cure")]


def test_token_spaces_match_any_white_space() -> None:
    diags = run_rule("pattern", {"tokens": ["miracle cure"]}, "A miracle\ncure.")
    assert [(d.line, d.column, d.end_line, d.end_column) for d in diags] == [(1, 3, 2, 5)]
    assert diags[0].message == "miracle cure"


def test_ignorecase_and_longest_token_first() -> None:
    opts = {"tokens": ["miracle", "miracle cure"], "ignorecase": True}
    assert [d.message for d in run_rule("pattern", opts, "MIRACLE Cure")] == ["MIRACLE Cure"]
    assert run_rule("pattern", {"tokens": ["miracle"]}, "Miracle") == []


def test_patterns_and_exceptions() -> None:
    opts = {"patterns": [r"\bcures? \w+"], "exceptions": ["cure rates?"]}
    diags = run_rule("pattern", opts, "It cures diabetes. The cure rate is low.")
    assert [d.message for d in diags] == ["cures diabetes"]


def test_prose_scope_skips_code_urls_and_tags() -> None:
    text = "`miracle` <b title='miracle'>x</b> https://x.org/miracle [miracle](miracle.md)"
    diags = run_rule("pattern", {"tokens": ["miracle"]}, text)
    assert [(d.column) for d in diags] == [text.index("[miracle]") + 2]


@pytest.mark.parametrize(("scope", "expected"), [
    ("raw", 4),
    ("heading", 1),
    ("link-text", 1),
    ("frontmatter", 1),
])
def test_scopes(scope: str, expected: int) -> None:
    text = "---\ntitle: miracle\n---\n# A miracle\n\n[miracle](x.md) and `miracle`\n"
    assert len(run_rule("pattern", {"tokens": ["miracle"], "scope": scope}, text)) == expected


def test_message_template() -> None:
    diags = run_rule("pattern", {"tokens": ["hype"]}, "so hype", message="Avoid '{match}'")
    assert diags[0].message == "Avoid 'hype'"


def test_bad_regex_is_an_option_error() -> None:
    with pytest.raises(OptionError) as err:
        build({**DEFAULTS, "patterns": ["ok", "(unclosed"]}, BuildContext())
    assert err.value.path == ["patterns", 1]


def test_no_terms_is_an_option_error() -> None:
    with pytest.raises(OptionError):
        build(DEFAULTS, BuildContext())


def test_html_and_text_files() -> None:
    assert len(run_rule("pattern", {"tokens": ["miracle"]}, "<p>A miracle</p><!-- miracle -->", "x.html")) == 1
    assert len(run_rule("pattern", {"tokens": ["miracle"]}, "A miracle `miracle`", "x.txt")) == 2


def _many_terms(count: int) -> list[str]:
    import random

    rng = random.Random(7)
    terms: set[str] = set()
    while len(terms) < count:
        terms.add("".join(rng.choice("abcdefghijklmnop") for _ in range(rng.randint(4, 10))))
    return sorted(terms)


def test_ten_thousand_tokens_or_plain_patterns_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long term list was one alternation of 10,000 branches, which the backtracking
    guard stopped (the rule never ran); as a trie it is fast, and the guard stays on."""
    import medlint.fastre as fastre

    monkeypatch.setattr(fastre, "REGEX_TIMEOUT", 1.0)
    monkeypatch.setattr(fastre, "REGEX_SECONDS_PER_MB", 0.0)
    terms = _many_terms(10_000)
    text = ("the quick brown fox " + terms[5] + " jumps over " + terms[-1] + ". ") * 3000
    for options in ({"tokens": terms}, {"patterns": terms}, {"tokens": terms, "ignorecase": True}):
        found = run_rule("pattern", {**options, "scope": "raw"}, text)
        assert len(found) == 6000 and {d.message for d in found} == {terms[5], terms[-1]}


def test_a_trie_keeps_whole_words_and_longest_terms() -> None:
    opts = {"tokens": ["ca", "car", "cart", "in vitro"]}
    assert [d.message for d in run_rule("pattern", opts, "ca car cart carts cab in  vitro")] == ["ca", "car", "cart", "in vitro"]


def test_a_long_pattern_is_cut_in_messages() -> None:
    with pytest.raises(OptionError) as info:
        build({**DEFAULTS, "patterns": ["(" + "a" * 5000]}, BuildContext())
    assert len(info.value.message) < 300 and "(5,001 characters)" in info.value.message
