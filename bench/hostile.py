"""Time ``medlint check --no-cache`` with every bundled rule on generated hostile files.

    python bench/hostile.py [--only NAME ...] [--timeout 300]

Each shape is written to a temporary folder with a config of ``extends: all`` and
checked in a child process; the table gives its CPU seconds (user + system, so a
loaded machine does not inflate it), its exit code and any error line. Shapes a
review found quadratic (a run of whitespace, dashes or ``a.``; 16,000 doses in one
sentence) sit with the sizes the issue asks for (a 4.9 MB line, 100,000 lines,
deep nesting, 50,000 links or abbreviations, a 5 MB table, 100,000 tags).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
DOSE = "Take 5 mg of zinc daily.\n\n"

SHAPES: dict[str, Callable[[], str]] = {
    "spaces.md": lambda: DOSE + " " * 80_000 + "\n",
    "dashes.md": lambda: DOSE + "-" * 80_000 + "\n",
    "dashes-x.md": lambda: DOSE + "-" * 80_000 + "x\n",
    "blank-lines.md": lambda: DOSE + "\n \n" * 50_000 + "x\n",
    "style.html": lambda: ("<html><head><style>" + "p { color: red; margin: 0 0 1em 0; }\n" * 3000
                           + "</style></head><body><p>Take 5 mg of zinc daily.</p></body></html>\n"),
    "doses.md": lambda: "5 mg " * 16_000,
    "a-dot.md": lambda: "a." * 40_000,
    "long-line.md": lambda: ("word " * 1_000_000)[:4_900_000] + "\n",
    "short-lines.md": lambda: "".join(f"line {i} text.\n" for i in range(100_000)),
    "nested-list.md": lambda: "".join("  " * i + "- item\n" for i in range(1400)),
    "nested-quote.md": lambda: "".join(">" * i + " quote\n" for i in range(1, 2000)),
    "links.md": lambda: "".join(f"[link {i}](https://example.com/p{i}) " for i in range(50_000)),
    "abbreviations.md": lambda: "".join(f"The ABC{i} (alpha beta gamma {i}) is used. " for i in range(50_000)),
    "table.md": lambda: "\n".join(["| a | b | c |", "|---|---|---|"]
                                  + [f"| cell {i} | 5 mg | x{i} |" for i in range(4_900_000 // 30)]) + "\n",
    "tags.html": lambda: "<html><body>" + "<span>x</span>" * 50_000 + "</body></html>\n",
    "open-tags.html": lambda: "<html><body>" + "<b>" * 100_000 + "</body></html>\n",
}


def run(folder: Path, name: str, timeout: float) -> tuple[float, str, str]:
    """CPU seconds, exit code and first error line of one check."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), NO_COLOR="1")
    try:
        proc = subprocess.run([sys.executable, "-m", "medlint", "check", "--no-cache", "--format", "json", name],
                              cwd=folder, env=env, capture_output=True, text=True, timeout=timeout)
        code, error = str(proc.returncode), next((l for l in proc.stderr.splitlines() if name in l), "")
    except subprocess.TimeoutExpired:
        code, error = "-", f"stopped after {timeout:g} s"
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, code, error


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="shape names to run")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / ".medlint.yaml").write_text("extends: all\n")
        print(f"| shape | size | CPU s | exit | error |\n|---|---:|---:|---:|---|")
        for name, make in SHAPES.items():
            if args.only and name not in args.only:
                continue
            text = make()
            (folder / name).write_text(text, encoding="utf-8")
            cpu, code, error = run(folder, name, args.timeout)
            print(f"| {name} | {len(text.encode()):,} B | {cpu:.1f} | {code} | {error[:100]} |", flush=True)


if __name__ == "__main__":
    main()
