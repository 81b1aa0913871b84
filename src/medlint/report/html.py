"""HTML: one self-contained page an editor can open, filter, print and share.

No network and no external assets: the style sheet and a small script are
inline, and a Content-Security-Policy lets only that script (by its hash)
run. The summary, the bulk groups and the rules are written as HTML; the
findings travel as JSON in a data block and the script renders them a few
hundred at a time, so a report of 50,000 findings opens in seconds. User
content (paths, messages, source text) is escaped in the HTML and, in the
data block, only ever reaches the page as text nodes (``textContent``).
"""
from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from html import escape
from importlib import resources
from typing import Any, TextIO

from ..diagnostic import SEVERITIES, Diagnostic
from ..outcome import IO_ERROR, Report
from ..version import __version__
from . import rule_descriptions
from .bulk import Group, bulk_groups

#: Characters of context kept either side of the flagged text in the source excerpt.
CONTEXT = 60
#: Longest flagged text shown whole; longer spans are cut with an ellipsis.
MAX_MARK = 200
#: Bulk groups shown in the report.
MAX_GROUPS = 20
SEVERITY_LABELS = {"error": "Errors", "warning": "Warnings", "info": "Info"}


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _n(number: int) -> str:
    return f"{number:,}"


def _plural(number: int, word: str) -> str:
    return f"{_n(number)} {word}{'' if number == 1 else 's'}"


def _excerpt(lines: list[str], d: Diagnostic) -> list[str] | None:
    """``[before, flagged, after]`` of the diagnostic's first line, trimmed around the span."""
    if not 0 < d.line <= len(lines):
        return None
    line = lines[d.line - 1].replace("\t", " ")
    if not line.strip():
        return None  # a page-level finding placed on a blank line: nothing to show
    start = min(max(0, d.column - 1), len(line))
    end = min(d.end_column - 1, len(line)) if d.end_line == d.line else len(line)
    end = max(end, start)
    before, flagged, after = line[:start], line[start:end], line[end:]
    if len(before) > CONTEXT:
        before = "…" + before[-CONTEXT:]
    if len(flagged) > MAX_MARK:
        flagged = flagged[:MAX_MARK] + "…"
    if len(after) > CONTEXT:
        after = after[:CONTEXT] + "…"
    return [before, flagged, after.rstrip()]


def _fix_before(lines: list[str], d: Diagnostic) -> str | None:
    """The text a fix replaces, read from the source."""
    fix = d.fix
    if fix is None or not 0 < fix.line <= fix.end_line <= len(lines):
        return None
    if fix.line == fix.end_line:
        return lines[fix.line - 1][fix.column - 1:fix.end_column - 1]
    chunk = [lines[fix.line - 1][fix.column - 1:], *lines[fix.line:fix.end_line - 1],
             lines[fix.end_line - 1][:fix.end_column - 1]]
    return "\n".join(chunk)


def _data(report: Report, groups: list[Group]) -> dict[str, Any]:
    """The findings in a compact, column-like form the script reads; each row
    ends with the index of its bulk group (or -1), for the groups' "Show links"."""
    group_of = {id(d): i for i, g in enumerate(groups[:MAX_GROUPS]) for d in g.members}
    files: dict[str, int] = {}
    rules: dict[str, int] = {}
    lines_of: dict[str, list[str]] = {}
    rows = []
    for d in sorted(report.diagnostics, key=Diagnostic.sort_key):
        f = files.setdefault(d.path, len(files))
        r = rules.setdefault(d.rule, len(rules))
        if d.path not in lines_of:
            lines_of[d.path] = report.sources.get(d.path, "").splitlines()
        lines = lines_of[d.path]
        fix = [_fix_before(lines, d), d.fix.replacement] if d.fix is not None else None
        rows.append([f, d.line, d.column, r, SEVERITIES.index(d.severity), d.message, _excerpt(lines, d), fix,
                     group_of.get(id(d), -1)])
    return {"files": list(files), "rules": list(rules), "severities": list(SEVERITIES), "rows": rows}


def _json_block(value: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<`` can close the block."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _summary(report: Report, described: dict[str, tuple[str, str, str]]) -> str:
    diagnostics = report.diagnostics
    by_severity = Counter(d.severity for d in diagnostics)
    by_rule = Counter(d.rule for d in diagnostics)
    severity_of = {d.rule: d.severity for d in diagnostics}
    pages = len({d.path for d in diagnostics})
    out = ['<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>', '<dl class="totals">']
    totals = [("files", "Files checked", report.files_checked), ("pages", "Files with findings", pages),
              ("findings", "Findings", len(diagnostics))]
    totals += [(s, SEVERITY_LABELS[s], by_severity[s]) for s in SEVERITIES]
    # Files not checked are the io-error ones (unreadable or skipped), as the section lists them;
    # a rule's failure on a file is an error too, but the file was checked.
    unchecked = len({d.path for d in diagnostics if d.rule == IO_ERROR})
    if unchecked:
        totals.append(("unchecked", "Files not checked", unchecked))
    for key, label, number in totals:
        cls = f' class="sev-{key}"' if key in SEVERITIES else ""
        out.append(f'<div{cls}><dt>{label}</dt><dd id="count-{key}">{_n(number)}</dd></div>')
    out.append("</dl>")
    if not diagnostics:
        out.append(f"<p>No problems found in {_plural(report.files_checked, 'file')}.</p></section>")
        return "".join(out)
    top = max(by_rule.values())
    out.append('<table class="rules-table"><caption>Findings per rule</caption><thead><tr>'
               '<th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">What it reports</th>'
               '<th scope="col" class="num">Findings</th><th scope="col" class="chart-col">'
               '<span class="sr-only">Share (chart)</span></th></tr></thead><tbody>')
    for rule, number in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        severity = severity_of[rule]
        summary = described.get(rule, (rule, "", severity))[0]
        width = max(1.0, 100 * number / top)
        out.append(
            f'<tr><th scope="row"><button type="button" class="linkish" data-rule="{_e(rule)}" '
            f'title="Show only {_e(rule)} findings">{_e(rule)}</button></th>'
            f'<td><span class="badge sev-{severity}">{severity}</span></td><td>{_e(summary)}</td>'
            f'<td class="num" data-rule-count="{_e(rule)}">{_n(number)}</td>'
            f'<td class="chart-col" aria-hidden="true"><span class="bar sev-{severity}" '
            f'style="width:{width:.1f}%"></span></td></tr>')
    out.append("</tbody></table></section>")
    return "".join(out)


def _bulk(groups: list[Group]) -> str:
    if not groups:
        return ""
    out = ['<section aria-labelledby="bulk-h"><h2 id="bulk-h">Bulk problems</h2>',
           "<p>Broken links that share a target pattern (<code>*</code> stands for the part that varies). "
           "One redirect or one search-and-replace can fix a whole row.</p>",
           '<table class="bulk"><caption class="sr-only">Broken link patterns, most links first</caption><thead><tr>'
           '<th scope="col">Target pattern</th><th scope="col">Rule</th><th scope="col" class="num">Links</th>'
           '<th scope="col" class="num">Pages</th><th scope="col">Suggested rewrite</th>'
           '<th scope="col"><span class="sr-only">Show</span></th></tr></thead><tbody>']
    for i, g in enumerate(groups[:MAX_GROUPS]):
        example = "" if g.targets == 1 else (
            f'<div class="examples">{_plural(g.targets, "target")}, e.g. '
            + ", ".join(f"<code>{_e(t)}</code>" for t in g.examples[:2]) + "</div>")
        rewrite = (f'<code>{_e(g.pattern)}</code> → <code>{_e(g.rewrite)}</code>' if g.rewrite
                   else '<span class="muted">none evident</span>')
        out.append(
            f'<tr><th scope="row"><code>{_e(g.pattern)}</code>{example}</th><td>{_e(g.rule)}</td>'
            f'<td class="num">{_n(g.links)}</td><td class="num">{_n(g.pages)}</td><td>{rewrite}</td>'
            f'<td><button type="button" class="linkish" data-rule="{_e(g.rule)}" data-group="{i}" '
            f'data-pattern="{_e(g.pattern)}">'
            f'Show links<span class="sr-only"> to {_e(g.pattern)}</span></button></td></tr>')
    out.append("</tbody></table>")
    if len(groups) > MAX_GROUPS:
        out.append(f"<p>{_plural(len(groups) - MAX_GROUPS, 'smaller group')} not shown.</p>")
    out.append("</section>")
    return "".join(out)


def _unchecked(report: Report) -> str:
    """Files that could not be checked (errors) and files skipped on purpose (notices)."""
    if not report.errors and not report.notices:
        return ""
    items = "".join(f"<li>{_e(problem)}</li>" for problem in [*report.errors, *report.notices])
    return (f'<section aria-labelledby="unchecked-h"><h2 id="unchecked-h">Files not checked</h2>'
            f"<ul>{items}</ul></section>")


def _filters(data: dict[str, Any], by_rule: Counter[str]) -> str:
    severities = "".join(
        f'<label><input type="checkbox" name="severity" value="{s}" checked> {SEVERITY_LABELS[s]}</label>'
        for s in SEVERITIES)
    options = "".join(f'<option value="{_e(rule)}">{_e(rule)} ({_n(by_rule[rule])})</option>'
                      for rule in sorted(data["rules"]))
    return (
        '<form class="filters" role="search" aria-label="Filter the findings" id="filters">'
        f'<fieldset><legend>Severity</legend>{severities}</fieldset>'
        f'<label>Rule <select id="f-rule" name="rule"><option value="">All rules</option>{options}</select></label>'
        '<label>Path contains <input id="f-path" name="path" type="search" autocomplete="off"></label>'
        '<label>Search <input id="f-text" name="text" type="search" autocomplete="off" '
        'placeholder="message or text"></label>'
        '<button type="reset" id="f-reset">Clear filters</button></form>')


def _rules(report: Report, described: dict[str, tuple[str, str, str]]) -> str:
    used = sorted({d.rule for d in report.diagnostics})
    if not used:
        return ""
    out = ['<section aria-labelledby="rules-h" id="rules"><h2 id="rules-h">Rules</h2>',
           "<p>Why each rule matters and how to fix what it reports "
           "(also <code>medlint explain RULE</code>).</p><dl class=\"rule-docs\">"]
    for rule in used:
        summary, description, _ = described.get(rule, (rule, "", ""))
        out.append(f'<dt id="rule-{_e(rule)}">{_e(rule)}</dt><dd>{_e(description or summary)}</dd>')
    out.append("</dl></section>")
    return "".join(out)


def write(report: Report, out: TextIO, **_: Any) -> None:
    """Write the whole page to ``out``."""
    described = rule_descriptions(report)
    groups = bulk_groups(report.diagnostics)
    data = _data(report, groups)
    by_rule = Counter(d.rule for d in report.diagnostics)
    script = _asset("html.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    n = len(report.diagnostics)
    pages = len(data["files"])
    headline = (f"{_plural(n, 'finding')} in {_plural(pages, 'file')} ({_n(report.files_checked)} checked)"
                if n else f"No problems in {_plural(report.files_checked, 'file')}")
    out.write(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="medlint {_e(__version__)}">'
        f"<title>medlint report: {_e(headline)}</title><style>{_asset('html.css')}</style></head>\n<body>"
        + ('<a class="skip" href="#findings-h">Skip to the findings</a>' if n else "")
        + f'<header><h1>medlint report</h1><p class="headline">{_e(headline)}</p></header><main>'
    )
    out.write(_summary(report, described))
    out.write(_bulk(groups))
    out.write(_unchecked(report))
    if n:
        out.write('<section aria-labelledby="findings-h" id="findings"><h2 id="findings-h" tabindex="-1">'
                  "Findings by page</h2>")
        out.write(_filters(data, by_rule))
        out.write('<p id="status" role="status" aria-live="polite">'
                  f"{_plural(n, 'finding')}; the list needs JavaScript.</p>"
                  '<div id="list"></div><p class="more-wrap"><button type="button" id="more" hidden>'
                  "Show more</button></p>"
                  "<noscript><p>Turn on JavaScript to see and filter the findings; the summary above is "
                  "complete without it.</p></noscript></section>")
    out.write(_rules(report, described))
    out.write(f'</main><footer><p>Made by medlint {_e(__version__)}. This page needs no network.</p></footer>\n')
    out.write(f'<script type="application/json" id="medlint-data">{_json_block(data)}</script>\n')
    out.write(f"<script>{script}</script>\n</body></html>\n")
