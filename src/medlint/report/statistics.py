"""``--statistics``: how many findings each rule made, instead of the list (as ruff's).

Migrated sites break links in bulk, and a writer fixes them with one rewrite
rule, not one at a time, so the broken link targets follow, grouped into
patterns (``/tags/*.html``) with the rewrite the rule's suggestions agree on.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, TextIO

from ..outcome import Report
from .bulk import bulk_groups

#: How many target groups to show.
GROUPS_SHOWN = 15


def write(report: Report, out: TextIO, **_: Any) -> None:
    diagnostics = report.diagnostics
    if not diagnostics:
        out.write(f"No problems in {report.files_checked} file{'' if report.files_checked == 1 else 's'}\n")
        return
    counts = Counter((d.rule, d.severity) for d in diagnostics)
    fixable = Counter(d.rule for d in diagnostics if d.fix is not None)
    pages = {rule: len({d.path for d in diagnostics if d.rule == rule}) for rule, _ in counts}
    width = max(len(rule) for rule, _ in counts)
    out.write(f"{'count':>7}  {'rule':<{width}}  {'severity':<8}  {'pages':>6}  fixable\n")
    for (rule, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        fix = f"{fixable[rule]:,}" if fixable[rule] else ""
        out.write(f"{count:>7,}  {rule:<{width}}  {severity:<8}  {pages[rule]:>6,}  {fix}\n")
    # Files that could not be read have findings (io-error) but were not checked: count them
    # among the files, as the text summary does ("in 3 files (2 checked)").
    with_findings = {d.path for d in diagnostics}
    files = len(with_findings | set(report.files))
    out.write(f"{len(diagnostics):>7,}  in {len(with_findings):,} of {files:,} file{'' if files == 1 else 's'}"
              f"{f' ({report.files_checked:,} checked)' if report.files_checked != files else ''}\n")
    groups = bulk_groups(diagnostics)
    if groups:
        out.write("\nMost frequent broken link targets (fix a pattern once, with a redirect or a search and replace):\n")
        for group in groups[:GROUPS_SHOWN]:
            rewrite = f"  -> {group.rewrite}" if group.rewrite else ""
            out.write(f"{group.links:>7,} links on {group.pages:,} page{'' if group.pages == 1 else 's'}  "
                      f"[{group.rule}] {group.pattern}{rewrite}\n")
        if len(groups) > GROUPS_SHOWN:
            out.write(f"  ... and {len(groups) - GROUPS_SHOWN:,} more groups\n")
