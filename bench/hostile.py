"""Time ``medlint check --no-cache`` with every bundled rule on generated hostile files.

    python bench/hostile.py [--only NAME ...] [--scale 1 2 4] [--timeout 300]

Each shape is written to a temporary folder with a config of ``extends: all`` and
checked in a child process; the table gives its CPU seconds (user + system, so a
loaded machine does not inflate it), its exit code and any error line. Shapes a
review found quadratic (a run of whitespace, dashes or ``a.``; 16,000 doses in one
sentence) sit with the sizes the issue asks for (a 4.9 MB line, 100,000 lines,
deep nesting, 50,000 links or abbreviations, a 5 MB table, 100,000 tags), and
one-line repeats of a phrase, a citation or a dose (issue 25), and a page of 3,000 short
sections (``sections.md``). ``--scale 1 2 4``
runs each shape at one, two and four times its size: linear work doubles.
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

SHAPES: dict[str, Callable[[int], str]] = {
    # k is the size factor (--scale): 1 is the size a review or the issue named.
    "spaces.md": lambda k: DOSE + " " * 80_000 * k + "\n",
    "dashes.md": lambda k: DOSE + "-" * 80_000 * k + "\n",
    "dashes-x.md": lambda k: DOSE + "-" * 80_000 * k + "x\n",
    "blank-lines.md": lambda k: DOSE + "\n \n" * 50_000 * k + "x\n",
    "style.html": lambda k: ("<html><head><style>" + "p { color: red; margin: 0 0 1em 0; }\n" * 3000 * k
                             + "</style></head><body><p>Take 5 mg of zinc daily.</p></body></html>\n"),
    "doses.md": lambda k: "5 mg " * 16_000 * k,
    "a-dot.md": lambda k: "a." * 40_000 * k,
    "long-line.md": lambda k: ("word " * 1_000_000 * k)[:4_900_000 * k] + "\n",
    "short-lines.md": lambda k: "".join(f"line {i} text.\n" for i in range(100_000 * k)),
    "nested-list.md": lambda k: "".join("  " * i + "- item\n" for i in range(1400 * k)),
    "nested-quote.md": lambda k: "".join(">" * i + " quote\n" for i in range(1, 2000 * k)),
    "links.md": lambda k: "".join(f"[link {i}](https://example.com/p{i}) " for i in range(50_000 * k)),
    "abbreviations.md": lambda k: "".join(f"The ABC{i} (alpha beta gamma {i}) is used. " for i in range(50_000 * k)),
    "table.md": lambda k: "\n".join(["| a | b | c |", "|---|---|---|"]
                                    + [f"| cell {i} | 5 mg | x{i} |" for i in range(4_900_000 * k // 30)]) + "\n",
    "tags.html": lambda k: "<html><body>" + "<span>x</span>" * 50_000 * k + "</body></html>\n",
    "open-tags.html": lambda k: "<html><body>" + "<b>" * 100_000 * k + "</body></html>\n",
    # One line of a phrase or a dose repeated (issue 25): each match or dose must not re-read the line.
    "studies-show.md": lambda k: "studies show " * 10_000 * k + "\n",
    "miracle.md": lambda k: "a miracle cure that reverses diabetes " * 5_000 * k + "\n",
    "guaranteed.md": lambda k: "results guaranteed, proven to work " * 5_000 * k + "\n",
    "iu-slash.md": lambda k: "2,000 IU / " * 10_000 * k + "\n",
    "mg-comma.md": lambda k: "500 mg, " * 12_000 * k + "\n",
    "stale.md": lambda k: "---\ndate: 2010-01-01\n---\n" + "a new study " * 5_000 * k + "\n",
    "citations.md": lambda k: "Vitamin D helps (28) " * 10_000 * k + "\n",
    "dose-cells.md": lambda k: "\n".join(["| dose | form |", "|---|---|"]
                                         + [f"| {1000 + i} IU | D3 |" for i in range(10_000 * k)]) + "\n",
    # A line of prose with a dose every 20 words: 2.6 MB, 10 MB at --scale 4 (the config raises max_file_size).
    # 3,000 short sections (480 KB): a heading, then a paragraph with a dose, an author-year citation,
    # an abbreviation and a link to the next heading's anchor. Each dose or link once scanned every heading.
    "sections.md": lambda k: "".join(
        f"## Dose {i}: magnesium at night\n\nTake 500 mg of magnesium (Mg) with food, as the NHS advises "
        f"(Smith 2019). See [the next part](#dose-{i + 1}-magnesium-at-night).\n\n" for i in range(3000 * k)),
    "prose-doses.md": lambda k: ("Patients in the trial were asked to take the tablets with food every "
                                 "morning for twelve weeks and then report 50 mg. ") * 22_000 * k + "\n",
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
    parser.add_argument("--scale", nargs="*", type=int, default=[1],
                        help="size factors to run each shape at (e.g. 1 2 4: the last column is the growth ratio)")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / ".medlint.yaml").write_text("extends: all\nmax_file_size: 100000000\n")
        sizes = " | ".join(f"{k}x: size, CPU s, exit" for k in args.scale)
        ratio = f" {args.scale[-1]}x/{args.scale[0]}x |" if len(args.scale) > 1 else ""
        print(f"| shape | {sizes} |{ratio} error |\n|---|{'---|' * len(args.scale)}{'---:|' if ratio else ''}---|")
        for name, make in SHAPES.items():
            if args.only and name not in args.only:
                continue
            cells, cpus, errors = [], [], []
            for k in args.scale:
                if errors and errors[-1]:
                    cells.append("not run")  # the smaller size already failed or was stopped
                    continue
                text = make(k)
                (folder / name).write_text(text, encoding="utf-8")
                cpu, code, error = run(folder, name, args.timeout)
                cells.append(f"{len(text.encode()):,} B, {cpu:.1f}, {code}")
                cpus.append(cpu)
                errors.append(error)
                (folder / name).unlink()
            growth = f" {cpus[-1] / max(cpus[0], 0.01):.1f} |" if ratio and len(cpus) == len(args.scale) else (
                " – |" if ratio else "")
            error = next((e for e in errors if e), "")
            print(f"| {name} | {' | '.join(cells)} |{growth} {error[:100]} |", flush=True)

if __name__ == "__main__":
    main()
