"""The required kind: text that must appear, under conditions."""
from __future__ import annotations

from helpers import run_rule

DISCLAIMER = {"patterns": [r"not (?:intended as |a substitute for )?medical advice"]}


def test_reported_once_at_first_body_line() -> None:
    (d,) = run_rule("required", DISCLAIMER, "---\ntitle: x\n---\nTake 5 mg.\nMore.\n")
    assert (d.line, d.column) == (4, 1)
    (d,) = run_rule("required", DISCLAIMER, "Take 5 mg.")
    assert (d.line, d.column) == (1, 1)


def test_satisfied_by_prose_only() -> None:
    assert run_rule("required", DISCLAIMER, "Dose.\n\nThis is Not Medical Advice.") == []
    # In a comment it does not count.
    assert len(run_rule("required", DISCLAIMER, "Dose.\n\n<!-- not medical advice -->")) == 1


def test_when_front_matter_field_matches() -> None:
    opts = {**DISCLAIMER, "when": {"frontmatter": {"categories": "^health$"}}}
    assert len(run_rule("required", opts, "---\ncategories: [news, health]\n---\nText")) == 1
    assert run_rule("required", opts, "---\ncategories: [news]\n---\nText") == []
    assert run_rule("required", opts, "No front matter") == []


def test_when_files_and_prose_with_any_or_all() -> None:
    when_all = {**DISCLAIMER, "when": {"files": ["posts/**"], "prose": [r"\bsupplement"]}}
    assert len(run_rule("required", when_all, "Take a supplement.", path="posts/a.md")) == 1
    assert run_rule("required", when_all, "Take a supplement.", path="pages/a.md") == []
    assert run_rule("required", when_all, "Walk daily.", path="posts/a.md") == []
    when_any = {**DISCLAIMER, "when": {"files": ["posts/**"], "prose": [r"\bsupplement"], "match": "any"}}
    assert len(run_rule("required", when_any, "Walk daily.", path="posts/a.md")) == 1


def test_position_start_and_end() -> None:
    body = "\n".join(["Line %d." % i for i in range(30)])
    at_start = {**DISCLAIMER, "position": "start", "lines": 3}
    at_end = {**DISCLAIMER, "position": "end", "lines": 3}
    top = "Not medical advice.\n" + body
    bottom = body + "\nNot medical advice.\n\n"
    assert run_rule("required", at_start, top) == []
    assert len(run_rule("required", at_start, bottom)) == 1
    assert run_rule("required", at_end, bottom) == []
    assert len(run_rule("required", at_end, top)) == 1


def test_trigger_names_the_place_that_made_the_condition_hold() -> None:
    when_all = {**DISCLAIMER, "when": {"files": ["posts/**"], "prose": [r"\bsupplement"]}}
    (d,) = run_rule("required", when_all, "Intro.\n\nTake a supplement.", path="posts/a.md", message="X{trigger}")
    assert d.message == 'X (line 3: "Take a supplement.")'
    by_field = {**DISCLAIMER, "when": {"frontmatter": {"categories": "health"}}}
    (d,) = run_rule("required", by_field, "---\ncategories: [health]\n---\nText", message="X{trigger}")
    assert d.message == "X"  # a front matter field has no sentence to name
    no_dose = {**DISCLAIMER, "when": {"dose": False}}
    assert len(run_rule("required", no_dose, "Walk daily.")) == 1
    assert run_rule("required", no_dose, "Take 5 mg daily.") == []


# -- speed without a change of finding (issue 23) ------------------------------------

OPENS_AT = r"(?:^|[.!?]\s|\n)\s*(?:take|stop)\s+(?:\w+\s+){0,2}?tablets\b"
OPENS_AT_START = {**DISCLAIMER, "when": {"prose": [OPENS_AT]}}
#: The same condition in a group of its own: not eligible for the faster form, so read as written.
AS_WRITTEN = {**DISCLAIMER, "when": {"prose": ["(?:" + OPENS_AT + ")"]}}


def test_condition_opening_at_the_start_finds_what_it_finds_as_written() -> None:
    # ^ is tried only where the body starts the text; past front matter the faster form decides
    texts = ["Stop the tablets now.", "---\ntitle: x\n---\nStop the tablets now.",
             "---\ntitle: x\n---\nRest first. Take two tablets daily.", "Rest first.\nTake the tablets.",
             "---\ntitle: x\n---\nThey stop the tablets.", "They stop the tablets.",
             "---\ntitle: Take the tablets\n---\nWalk daily.", "---\ntitle: x\n---\n\nRest.\nStop the tablets."]
    found = [len(run_rule("required", OPENS_AT_START, text)) for text in texts]
    assert found == [len(run_rule("required", AS_WRITTEN, text)) for text in texts]
    assert found[0] == found[2] == found[3] == 1 and found[4] == found[5] == 0


def test_past_start_form_drops_only_the_start_alternative() -> None:
    import re

    from medlint.kinds.required import _past_start

    faster = _past_start(r"(?:^|\.\s)take\b", re.I, ["p"])
    assert faster.pattern == r"(?:\.\s)take\b"
    assert faster.search("Rest. Take it", 1) and not faster.search("Take it", 0)
    assert _past_start(r"\btake\b", re.I, ["p"]) is None  # opens otherwise
    assert _past_start(r"(?:^|\.\s)take", re.I | re.M, ["p"]) is None  # ^ at every line: kept
    assert _past_start(r"(?:^|\.\s)(?m)take", re.I, ["p"]) is None


def test_sentence_reach_counts_visible_characters_only() -> None:
    from medlint.kinds.required import _SENTENCE_REACH, _reach

    text = "a " * 400  # 300 visible characters are 599 characters on
    assert _reach(text, 0, 1) == 2 * _SENTENCE_REACH - 1
    assert _reach(text, len(text), -1) == len(text) - 2 * _SENTENCE_REACH
    assert _reach("short text", 2, 1) == len("short text") and _reach("short text", 5, -1) == 0
    spaces = "x" + " " * 5000 + "y"  # never further than eight times the reach
    assert _reach(spaces, 1, 1) == 1 + 8 * _SENTENCE_REACH
    assert _reach(spaces, len(spaces) - 1, -1) == len(spaces) - 1 - 8 * _SENTENCE_REACH
