"""medlint against the tools our users would otherwise run, on the same files, in the same run.

    python bench/run.py [--files 10000] [--seed 2026] [--runs 3] [--corpus DIR] [--no-peers]
    python bench/run.py --corpus ../shared/corpora [--runs 3]   # real sites, each with bench/realworld/<name>.yaml

Generates (fixed seed, ``bench/corpus.py``) or takes a Hugo-like corpus of
Markdown health articles, installs the peers into ``bench/`` (npm packages
from ``bench/package.json`` into ``bench/node_modules``, codespell with pip
into ``bench/.pydeps``; never medlint dependencies), then times, as the median
of ``--runs`` runs:

- medlint with the full default rule set: cold (empty cache), warm (the same
  cache, nothing changed), warm with one page edited, the pre-commit case (one
  file edited, checked alone with the cache of the last full run) and one file
  with no cache;
- medlint's start-up: one small page in a folder of its own, no cache, and
  ``medlint --version`` (at least ten runs each);
- cspell with ``@cspell/dict-medicalterms`` (spelling only), markdownlint-cli2
  (its default Markdown rules) and codespell, on all files and on one file.

Wall time is measured around each command, and CPU time too: the user + system
time of the command's process tree (``getrusage(RUSAGE_CHILDREN)`` before and
after it; the tree's processes are all waited for), which, unlike wall time,
hardly changes when other processes share the machine. Peak memory is the largest sum of
resident memory over the command's process tree, sampled every 20 ms from
/proc (Linux). Prints a Markdown table with each row's wall and CPU ratios
to the medlint row of the same case.

Given a folder of real corpora (``--corpus ../shared/corpora``: every
sub-folder with a config in ``bench/realworld/``), it times on each corpus,
with that config: medlint's full default rule set cold, one file with no
cache, and the three peers on the same Markdown files; then the totals over
the corpora, and ``medlint check --profile`` of each corpus (time per rule,
parsing, site index, suggestions).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from corpus import generate  # noqa: E402

PYDEPS = BENCH / ".pydeps"
CODESPELL = "codespell==2.4.3"
#: The start-up case: a short page in a folder of its own (no site to index).
SMALL_PAGE = """---
title: Vitamin D in winter
date: 2025-03-01
---
# Vitamin D in winter

Adults in northern countries make little vitamin D from sunlight between October
and March. Many guidelines suggest 400 IU a day in those months (Smith et al., 2019).

This page is for general information only; talk to your doctor before taking supplements.
"""


# -- measuring -------------------------------------------------------------------

def _tree(root: int) -> list[int]:
    """The process and its descendants, from /proc's children lists."""
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        for tasks in Path(f"/proc/{pid}/task").glob("*/children"):
            try:
                todo += [int(c) for c in tasks.read_text().split()]
            except OSError:
                pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _children_cpu() -> float:
    """User + system seconds of this process's children that have ended and been waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak MB of the process tree, exit code) of one run of *command*.

    CPU is user + system time of the command and every descendant it waited for (worker
    processes included): the children's ``getrusage`` before and after, one command at a time."""
    peak = 0
    if env is None:
        env = dict(os.environ)
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}  # installs have .pyc files
    cpu_before = _children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_rss_kb(pid) for pid in _tree(process.pid)))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    peak = max(peak, usage.ru_maxrss)  # the root process's own peak, in case sampling missed it
    return wall, cpu, peak / 1024, process.returncode


@dataclass
class Row:
    tool: str
    case: str
    what: str
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    codes: set[int] = field(default_factory=set)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    @property
    def peak(self) -> float:
        return max(self.peaks)


def _ratio(value: float, base: float, suffix: str = "x") -> str:
    """*value* / *base* to two places, or "n/a" when *base* is zero (a command too quick for the clock)."""
    return f"{value / base:.2f}{suffix}" if base > 0 else "n/a"


# -- peers -----------------------------------------------------------------------

def install_peers() -> None:
    """npm packages into bench/node_modules and codespell into bench/.pydeps, once."""
    if not (BENCH / "node_modules" / ".bin" / "cspell").exists() or not (BENCH / "node_modules" / ".bin" / "markdownlint-cli2").exists():
        print("installing cspell, @cspell/dict-medicalterms and markdownlint-cli2 into bench/node_modules", file=sys.stderr)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=BENCH, check=True)
    if not (PYDEPS / "codespell_lib").exists():
        print(f"installing {CODESPELL} into bench/.pydeps", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", str(PYDEPS), CODESPELL], check=True)


def version(command: list[str], env: dict[str, str] | None = None) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
        return (result.stdout or result.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "?"


# -- the run -------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="an existing site (with content/) instead of a generated one")
    parser.add_argument("--no-peers", action="store_true", help="time medlint only")
    parser.add_argument("--jobs", type=int, default=None, help="medlint's --jobs (default: one per core)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="medlint-bench-"))
    try:
        return run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def realworld_corpora(folder: Path) -> list[tuple[Path, dict]]:
    """Sub-folders of *folder* that have a config in bench/realworld/, with that config."""
    import yaml

    found = []
    for corpus in sorted(p for p in folder.iterdir() if p.is_dir()):
        config = BENCH / "realworld" / f"{corpus.name}.yaml"
        if config.is_file():
            found.append((corpus.resolve(), yaml.safe_load(config.read_text(encoding="utf-8")) or {}))
        else:
            print(f"{corpus.name}: no bench/realworld/{corpus.name}.yaml, skipped", file=sys.stderr)
    return found


def run_realworld(args: argparse.Namespace, work: Path, corpora: list[tuple[Path, dict]]) -> int:
    """Each real corpus with its config; medlint cold and one file, the peers, totals, profiles."""
    medlint = [sys.executable, "-m", "medlint", "check", "-q"] + (["--jobs", str(args.jobs)] if args.jobs else [])
    if not args.no_peers:
        install_peers()
    bin_ = BENCH / "node_modules" / ".bin"
    cspell = [str(bin_ / "cspell"), "lint", "--no-progress", "--no-summary", "--no-cache", "-c", str(BENCH / "cspell.json")]
    markdownlint = [str(bin_ / "markdownlint-cli2")]
    peer_env = dict(os.environ, PYTHONPATH=str(PYDEPS))
    codespell = [sys.executable, "-m", "codespell_lib"]
    rows: list[Row] = []
    profiles: list[str] = []
    described = []
    for corpus, data in corpora:
        site = dict(data.get("site") or {})
        root = (corpus / site["content_root"]).resolve() if site.get("content_root") else corpus
        site["content_root"] = str(root)  # the config lives in a temporary folder: absolute paths
        config = work / f"{corpus.name}.yaml"
        config.write_text(json.dumps({**data, "site": site}), encoding="utf-8")  # JSON is YAML
        pages = sorted(p for p in root.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(root).parts))
        for page in pages:  # the same warm disk cache for every tool
            page.read_bytes()
        one = pages[len(pages) // 2].relative_to(root).as_posix()
        size = sum(p.stat().st_size for p in pages)
        described.append(f"{corpus.name}: {len(pages):,} files, {size / 1e6:.1f} MB")
        name = corpus.name

        def add(tool: str, what: str, command: list[str], env: dict[str, str] | None = None) -> None:
            row = Row(tool, name, what)
            for i in range(args.runs):
                wall, cpu, peak, code = measure(command, root, env)
                row.walls.append(wall)
                row.cpus.append(cpu)
                row.peaks.append(peak)
                row.codes.add(code)
                print(f"  {name:12s} {tool:18s} {what[:30]:30s} run {i + 1}: {wall:7.2f} s wall {cpu:7.2f} s CPU "
                      f"{peak:6.0f} MB (exit {code})",
                      file=sys.stderr)
            rows.append(row)

        add("medlint", "full default rules, cold (no cache)", medlint + ["--no-cache", "--config", str(config), "."])
        add("medlint", "one file, no cache", medlint + ["--no-cache", "--config", str(config), one])
        if not args.no_peers:
            add("cspell", "spelling only, with medicalterms", cspell + ["**/*.md"])
            add("markdownlint-cli2", "default Markdown rules", markdownlint + ["**/*.md"])
            add("codespell", "common misspellings", codespell + [str(p.relative_to(root)) for p in pages], env=peer_env)
        profiled = subprocess.run(medlint + ["--no-cache", "--profile", "--format", "json", "--config", str(config), "."],
                                  cwd=root, capture_output=True, text=True)
        profiles.append(f"{name}:\n{profiled.stderr}")

    print(f"\n{'; '.join(described)}; {os.cpu_count()} cores; Python {sys.version.split()[0]}; median of {args.runs} runs")
    versions = [version([sys.executable, "-m", "medlint", "--version"])]
    if not args.no_peers:
        versions += ["cspell " + version([str(bin_ / "cspell"), "--version"]), version(markdownlint),
                     "codespell " + version(codespell + ["--version"], peer_env)]
    print("; ".join(versions) + "\n")
    print("| corpus | tool | what | wall (s) | range (s) | CPU (s) | peak memory (MB) | wall vs medlint | CPU vs medlint |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        base = next(r for r in rows if r.tool == "medlint" and r.case == row.case)
        one_file = row.what.startswith("one file")
        ratio = "" if one_file else f"{row.wall / base.wall:.2f}x"
        cpu_ratio = "" if one_file else f"{_ratio(row.cpu, base.cpu)}"
        spread = f"{min(row.walls):.2f}–{max(row.walls):.2f}"
        print(f"| {row.case} | {row.tool} | {row.what} | {row.wall:.2f} | {spread} | {row.cpu:.2f} | {row.peak:.0f} | "
              f"{ratio} | {cpu_ratio} |")
    full = [r for r in rows if not r.what.startswith("one file")]
    medlint_total = sum(r.wall for r in full if r.tool == "medlint")
    medlint_cpu = sum(r.cpu for r in full if r.tool == "medlint")
    for tool in dict.fromkeys(r.tool for r in full):
        total = sum(r.wall for r in full if r.tool == tool)
        cpu = sum(r.cpu for r in full if r.tool == tool)
        print(f"| all | {tool} | total over the corpora | {total:.2f} | | {cpu:.2f} | "
              f"{max(r.peak for r in full if r.tool == tool):.0f} | {total / medlint_total:.2f}x | {_ratio(cpu, medlint_cpu)} |")
    if not args.no_peers:
        cspell_rows = [r for r in full if r.tool == "cspell"]
        cspell_wall, cspell_cpu = sum(r.wall for r in cspell_rows), sum(r.cpu for r in cspell_rows)
        print(f"\nmedlint / cspell over the corpora: wall {medlint_total / cspell_wall:.2f}, "
              f"CPU {_ratio(medlint_cpu, cspell_cpu, suffix='')}")
    print("\nmedlint check --profile, one run per corpus:\n")
    print("\n".join(profiles))
    return 0


def run(args: argparse.Namespace, work: Path) -> int:
    if args.corpus and not (args.corpus / "content").is_dir() and (corpora := realworld_corpora(args.corpus)):
        return run_realworld(args, work, corpora)
    if args.corpus:
        site = args.corpus.resolve()
    else:
        site = work / "site"
        count, size = generate(site, args.files, args.seed)
        print(f"corpus: {count:,} files, {size / 1e6:.1f} MB (seed {args.seed})", file=sys.stderr)
    pages = sorted((site / "content").rglob("*.md"))
    size = sum(p.stat().st_size for p in pages)
    one = pages[len(pages) // 2].relative_to(site).as_posix()
    for page in pages:  # the same warm disk cache for every tool
        page.read_bytes()

    medlint = [sys.executable, "-m", "medlint", "check"] + (["--jobs", str(args.jobs)] if args.jobs else [])
    rows: list[Row] = []

    def add(tool: str, case: str, what: str, command: list[str] | Callable[[int], list[str]],
            prepare: Callable[[int], None] | None = None, env: dict[str, str] | None = None, cwd: Path = site,
            runs: int = args.runs) -> None:
        row = Row(tool, case, what)
        for i in range(runs):
            if prepare:
                prepare(i)
            wall, cpu, peak, code = measure(command if not callable(command) else command(i), cwd, env)
            row.walls.append(wall)
            row.cpus.append(cpu)
            row.peaks.append(peak)
            row.codes.add(code)
            print(f"  {tool:18s} {case:9s} run {i + 1}: {wall:7.2f} s wall {cpu:7.2f} s CPU {peak:6.0f} MB (exit {code})",
                  file=sys.stderr)
        rows.append(row)

    small = work / "small"
    small.mkdir()
    (small / "page.md").write_text(SMALL_PAGE, encoding="utf-8")
    add("medlint", "start-up", "one small page, no cache", medlint + ["--no-cache", "page.md"], cwd=small,
        runs=max(10, args.runs))
    add("medlint", "start-up", "medlint --version", [sys.executable, "-m", "medlint", "--version"], cwd=small,
        runs=max(10, args.runs))
    caches = work / "caches"
    add("medlint", "all", "full default rules, cold (empty cache)",
        lambda i: medlint + ["--cache-dir", str(caches / f"cold-{i}"), "content"])
    add("medlint", "all", "full default rules, warm (nothing changed)",
        medlint + ["--cache-dir", str(caches / "cold-0"), "content"])
    edited = site / one
    original = edited.read_bytes()

    def edit(i: int) -> None:
        edited.write_bytes(original + f"\nEdited for run {i}.\n".encode())

    add("medlint", "all", "full default rules, warm, one page edited",
        medlint + ["--cache-dir", str(caches / "cold-0"), "content"], prepare=edit)
    add("medlint", "one file", "pre-commit: one edited file, warm cache",
        medlint + ["--cache-dir", str(caches / "cold-0"), one], prepare=edit)
    edited.write_bytes(original)
    add("medlint", "one file", "one file, no cache", medlint + ["--no-cache", one])

    versions = {"medlint": version([sys.executable, "-m", "medlint", "--version"])}
    if not args.no_peers:
        install_peers()
        bin_ = BENCH / "node_modules" / ".bin"
        cspell = [str(bin_ / "cspell"), "lint", "--no-progress", "--no-summary", "--no-cache", "-c", str(BENCH / "cspell.json")]
        markdownlint = [str(bin_ / "markdownlint-cli2")]
        env = dict(os.environ, PYTHONPATH=str(PYDEPS))
        codespell = [sys.executable, "-m", "codespell_lib"]
        add("cspell", "all", "spelling only, with medicalterms", cspell + ["content/**/*.md"])
        add("markdownlint-cli2", "all", "default Markdown rules", markdownlint + ["content/**/*.md"])
        add("codespell", "all", "common misspellings", codespell + ["content"], env=env)
        add("cspell", "one file", "spelling only, with medicalterms", cspell + [one])
        add("markdownlint-cli2", "one file", "default Markdown rules", markdownlint + [one])
        add("codespell", "one file", "common misspellings", codespell + [one], env=env)
        versions["cspell"] = "cspell " + version([str(bin_ / "cspell"), "--version"])
        versions["markdownlint-cli2"] = version(markdownlint)
        versions["codespell"] = "codespell " + version(codespell + ["--version"], env)

    print(f"\n{len(pages):,} Markdown files, {size / 1e6:.1f} MB; {os.cpu_count()} cores; "
          f"Python {sys.version.split()[0]}; median of {args.runs} runs")
    print("; ".join(versions.values()) + "\n")
    print("| tool | files | what | wall (s) | range (s) | CPU (s) | peak memory (MB) | wall vs medlint | CPU vs medlint |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        base = next(r for r in rows if r.tool == "medlint" and r.case == row.case)
        ratio = f"{row.wall / base.wall:.2f}x" if row is not base else "1.00x"
        cpu_ratio = _ratio(row.cpu, base.cpu) if row is not base else "1.00x"
        spread = f"{min(row.walls):.2f}–{max(row.walls):.2f}"
        print(f"| {row.tool} | {row.case} | {row.what} | {row.wall:.2f} | {spread} | {row.cpu:.2f} | {row.peak:.0f} | "
              f"{ratio} | {cpu_ratio} |")
    found_problems = {"codespell": {0, 65}}  # the exit codes that mean "ran, and found (or not) problems"
    failed = [r for r in rows if r.codes - found_problems.get(r.tool, {0, 1})]
    for row in failed:
        print(f"warning: {row.tool} ({row.case}) exited with {sorted(row.codes)}; its figures may not mean a full run",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
