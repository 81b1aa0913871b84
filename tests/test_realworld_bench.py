"""The pure parts of bench/realworld.py: the arithmetic and bookkeeping every
precision figure rests on (no corpus, no medlint run)."""
from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent.parent / "bench" / "realworld.py"


def _load():
    spec = importlib.util.spec_from_file_location("realworld_bench", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


rw = _load()


def finding(path="a.md", line=1, column=1, rule="r", sha="0" * 12, end_line=None, end_column=None):
    return rw.Finding(path, line, column, end_line or line, end_column or column + 1, rule, "msg", sha)


def label(path="a.md", line=1, column=1, rule="r", sha="0" * 12, verdict="tp"):
    return rw.Label(path, line, column, rule, sha, verdict, "")


# -- Wilson interval ----------------------------------------------------------------------

@pytest.mark.parametrize("k, n, low, high", [
    # Newcombe (1998), Statistics in Medicine 17:857, Table I, method 3.
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718),
    (5, 10, 0.2366, 0.7634),
    (10, 10, 0.7225, 1.0),
])
def test_wilson_matches_published_figures(k, n, low, high):
    lo, hi = rw.wilson(k, n)
    assert lo == pytest.approx(low, abs=1e-4)
    assert hi == pytest.approx(high, abs=1e-4)


def test_precision_cell():
    assert rw.precision_cell(27, 3) == "90% [74–97] n=30"
    assert rw.precision_cell(0, 0) == "–"
    assert rw.precision_cell(0, 5) == "0% [0–43] n=5"


# -- flagged text -------------------------------------------------------------------------

def test_flagged_text_single_and_multi_line():
    lines = rw.split_lines("one two\r\nthree four\rfive\nsix")
    assert lines == ["one two", "three four", "five", "six"]
    assert rw.flagged_text(lines, 1, 5, 1, 8) == "two"
    assert rw.flagged_text(lines, 1, 5, 2, 6) == "two\nthree"
    assert rw.flagged_text(lines, 1, 5, 3, 5) == "two\nthree four\nfive"
    assert rw.flagged_text(lines, 2, 1, 3, 1) == "three four\n"  # ends at the start of a line
    assert rw.flagged_text(lines, 9, 1, 9, 2) == ""  # past the end: nothing, no crash


def test_text_sha_is_sha1_prefix():
    assert rw.text_sha("") == "da39a3ee5e6b"
    assert rw.text_sha("abc") == "a9993e364706"
    assert rw.text_sha("é") == hashlib.sha1(b"\xc3\xa9").hexdigest()[:12]  # UTF-8, not Latin-1


def test_with_texts_reads_bom_crlf_and_non_ascii(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "crlf.md").write_bytes("\ufeffTitle\r\nA miracle cure\r\nfor all\r\n".encode("utf-8"))
    (tmp_path / "d" / "lf.md").write_bytes("Title\nA miracle cure\nfor all\n".encode("utf-8"))
    (tmp_path / "d" / "u.md").write_bytes("Café\u00a02000 IU\n".encode("utf-8"))
    raw = [
        {"path": "d/crlf.md", "line": 2, "column": 3, "end_line": 3, "end_column": 4, "rule": "r", "message": "m"},
        {"path": "d/lf.md", "line": 2, "column": 3, "end_line": 3, "end_column": 4, "rule": "r", "message": "m"},
        {"path": "d/u.md", "line": 1, "column": 6, "end_line": 1, "end_column": 13, "rule": "r", "message": "m"},
    ]
    crlf, lf, u = rw.with_texts(tmp_path, raw)
    assert crlf.text == lf.text == "miracle cure\nfor"  # the BOM does not shift columns
    assert crlf.sha == lf.sha == rw.text_sha("miracle cure\nfor")
    assert u.text == "2000 IU"


# -- labels -------------------------------------------------------------------------------

def test_match_by_hash_then_nearest_line():
    findings = [finding(line=10, sha="a" * 12), finding(line=40, sha="a" * 12), finding(line=41, sha="b" * 12)]
    labels = [label(line=38, sha="a" * 12, verdict="fp"), label(line=41, sha="c" * 12)]
    matched = rw.match_labels(findings, labels)
    assert list(matched) == [1]  # the label went to the nearer of the two with its hash
    assert matched[1].verdict == "fp"


def test_match_is_one_to_one_and_keyed_by_path_and_rule():
    findings = [finding(line=5), finding(line=6), finding(line=5, rule="other"), finding(path="b.md", line=5)]
    matched = rw.match_labels(findings, [label(line=5), label(line=7)])
    assert sorted(matched) == [0, 1]
    assert matched[0].line == 5 and matched[1].line == 7


def test_a_label_does_not_travel_to_the_same_words_far_off():
    """The finding a label judged is gone; the same text ten lines on is another finding."""
    findings = [finding(line=158, sha="a" * 12)]
    assert rw.match_labels(findings, [label(line=148, sha="a" * 12, verdict="fp")]) == {}
    assert list(rw.match_labels(findings, [label(line=156, sha="a" * 12)])) == [0]


def test_labels_file_absent_empty_or_header_only(tmp_path):
    path = tmp_path / "x.tsv"
    assert rw.read_labels(path) == []
    path.write_text("")
    assert rw.read_labels(path) == []
    path.write_text(rw.HEADER + "\n")
    assert rw.read_labels(path) == []
    rw.append_labels(path, [label(verdict="unclear")])
    assert rw.read_labels(path) == [label(verdict="unclear")]
    assert path.read_text().splitlines()[0] == rw.HEADER


def test_parse_label_rejects_bad_rows():
    good = ["p.md", "3", "4", "dose-notation", "0123456789ab", "fp", "a reason"]
    assert rw.parse_label(good).verdict == "fp"
    for i, bad in [(5, "maybe"), (4, "0123"), (1, "0"), (0, "../x.md"), (3, "Bad Rule")]:
        with pytest.raises(ValueError):
            rw.parse_label(good[:i] + [bad] + good[i + 1:])


def test_import_validates_and_rejects_duplicates(tmp_path, capsys):
    labels_file = tmp_path / "labels.tsv"
    rw.append_labels(labels_file, [label(path="p.md", sha="0123456789ab")])
    incoming = tmp_path / "in.tsv"
    rows = ["p.md\t1\t1\tr\t0123456789ab\ttp\tseen", "p.md\t2\t1\tr\t0123456789ab\tfp\tnew",
            "p.md\t2\t1\tr\t0123456789ab\tfp\ttwice", "p.md\t3\t1\tr\t0123456789ab\t\t"]
    incoming.write_text("\n".join([rw.HEADER] + rows) + "\n")
    assert rw.import_labels(incoming, labels_file, None) == 0
    assert [lab.line for lab in rw.read_labels(labels_file)] == [1, 2]
    assert "rejected 2 duplicates" in capsys.readouterr().out
    incoming.write_text(rw.HEADER + "\np.md\t9\t1\tr\t0123456789ab\tyes\t\n")
    assert rw.import_labels(incoming, labels_file, None) == 1
    assert len(rw.read_labels(labels_file)) == 2  # nothing appended from a file with a bad row


def test_parse_answer_and_corpus_quotes():
    assert rw.parse_answer("t  proper   noun\n") == ("tp", "proper noun")
    assert rw.parse_answer("F") == ("fp", "")
    assert rw.parse_answer("q") == ("quit", "")
    assert rw.parse_answer("x") is None
    assert rw.quotes_corpus("the word Holick is a name", "Holick")
    assert not rw.quotes_corpus("a surname", "Holick")


def test_pending_order_is_fixed_by_seed():
    findings = [finding(line=n, sha=f"{n:012x}") for n in range(1, 30)]
    first = rw.pending(findings, [label(line=3, sha=f"{3:012x}")], "r", 7)
    assert first == rw.pending(findings, [label(line=3, sha=f"{3:012x}")], "r", 7)
    assert len(first) == 28 and finding(line=3, sha=f"{3:012x}") not in first
    assert first != rw.pending(findings, [], "r", 8)[:28]


# -- comparing runs ------------------------------------------------------------------------

def test_diff_is_a_multiset_diff_ignoring_moved_lines():
    before = [finding(line=1, sha="a" * 12), finding(line=5, sha="a" * 12), finding(line=9, sha="b" * 12)]
    after = [finding(line=3, sha="a" * 12), finding(line=12, sha="b" * 12), finding(line=2, sha="c" * 12, rule="s")]
    changes = rw.diff_findings(before, after)
    assert set(changes) == {"r", "s"}
    added, removed = changes["r"]
    assert added == [] and [f.sha for f in removed] == ["a" * 12]
    assert [f.sha for f in changes["s"][0]] == ["c" * 12] and changes["s"][1] == []
    assert rw.diff_findings(before, list(reversed(before))) == {}


# -- the generated config -------------------------------------------------------------------

def test_run_config_makes_paths_absolute(tmp_path):
    (tmp_path / "text").mkdir()
    data = {"site": {"content_root": "text", "base_urls": ["http://example.org"]}}
    config = rw.run_config(tmp_path, data, every_rule=True)
    assert config["site"]["content_root"] == str((tmp_path / "text").resolve())
    assert config["extends"] == "all" and "extends" not in data
    assert "extends" not in rw.run_config(tmp_path, data, every_rule=False)
