"""Where a run's time goes, for ``medlint check --profile``.

Time is summed over processes: in a parallel run each worker measures its own
files and the parent adds the workers' figures up, so the parts can add up to
more than the wall time (two workers busy for 10 s each make 20 s).
"""
from __future__ import annotations

from collections import Counter

#: Parts of a run that are not rules (rule parts are named ``rule <id>``).
PARSE, SITE, SUGGEST, READ = "parsing", "site index", "suggestions", "reading files"
#: Finding a document's regions (references, quotations...): shared by every rule that
#: skips or reads them, so not charged to the first rule that asks.
REGIONS = "regions"


class Profile:
    """Seconds spent per part of a run: each rule, parsing, the site index, suggestions."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.wall = 0.0
        self.workers = 1

    def add(self, part: str, seconds: float) -> None:
        self.seconds[part] += seconds

    def merge(self, seconds: dict[str, float]) -> None:
        """Add a worker's figures."""
        self.seconds.update(seconds)

    def render(self) -> str:
        """A table, the dearest part first, with each part's share of the measured time."""
        measured = sum(self.seconds.values()) or 1e-9
        width = max([len(p) for p in self.seconds] + [20])
        lines = [f"medlint profile: {self.wall:.2f} s wall, {self.workers} process{'es' if self.workers > 1 else ''}; "
                 f"seconds summed over processes",
                 f"  {'part'.ljust(width)}  {'seconds':>8}  {'share':>6}"]
        for part, seconds in sorted(self.seconds.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {part.ljust(width)}  {seconds:8.2f}  {100 * seconds / measured:5.1f}%")
        lines.append(f"  {'measured'.ljust(width)}  {measured:8.2f}  100.0%")
        return "\n".join(lines) + "\n"
