"""CPU time of checking one file of a real site with no cache (issue 23's pre-commit case).

    python bench/one_file.py [--corpus ../shared/corpora/vdw-dev] [--runs 7] [--src DIR ...]

On a shared machine wall time says more about the neighbours than about medlint, so
this measures each run's own CPU time (user + system of the medlint process and any
child it starts, from ``os.wait4``), its peak memory, and its wall time. It checks
three pages of the corpus (the one with the fewest links, the median one of those with
links, and the one with the most), each with ``bench/realworld/<corpus>.yaml`` made absolute, with
``--no-cache``: the site index is built from scratch every run. With ``--src`` (one or
more source trees, e.g. an unpacked older revision's ``src``), each runs in turn with
``PYTHONPATH`` set to it, interleaved, so a change in the machine's load falls on all.
Prints the median CPU time and its range, the quickest wall time and the peak memory.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
_LINK = re.compile(r"\]\(|href=")


def run_once(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak MB) of one run, the process's own figures."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"medlint exited {proc.returncode}: {err.strip()[-500:]}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def pick_pages(root: Path) -> list[Path]:
    """The pages with the fewest links, the median number among pages with links, and the most."""
    if not root.is_dir():
        raise SystemExit(f"one_file.py: {root}: no such folder (give the corpus's path, e.g. ../shared/corpora/vdw-dev)")
    pages = sorted(p for p in root.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(root).parts))
    counted = sorted((len(_LINK.findall(p.read_text(encoding="utf-8", errors="replace"))), str(p)) for p in pages)
    linked = [c for c in counted if c[0]] or counted
    chosen = [counted[0], linked[len(linked) // 2], counted[-1]]
    return [Path(name) for _, name in chosen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BENCH.parent.parent / "shared" / "corpora" / "vdw-dev")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--src", action="append", default=[], help="a source tree to run (PYTHONPATH); repeatable")
    parser.add_argument("--page", action="append", type=Path, default=[], help="check this page (repeatable)")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    import yaml  # a dependency of medlint's

    data = yaml.safe_load((BENCH / "realworld" / f"{corpus.name}.yaml").read_text(encoding="utf-8")) or {}
    site = dict(data.get("site") or {})
    root = (corpus / site["content_root"]).resolve() if site.get("content_root") else corpus
    site["content_root"] = str(root)
    pages = [p.resolve() for p in args.page] or pick_pages(root)
    trees = args.src or [""]
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / f"{corpus.name}.yaml"
        config.write_text(json.dumps({**data, "site": site}), encoding="utf-8")  # JSON is YAML
        results: dict[tuple[str, Path], list[tuple[float, float, float]]] = {}
        for page in pages:
            for _ in range(args.runs):
                for tree in trees:
                    env = dict(os.environ, NO_COLOR="1")
                    env.pop("PYTHONDONTWRITEBYTECODE", None)  # installs have .pyc files
                    if tree:
                        env["PYTHONPATH"] = str(Path(tree).resolve())
                    command = [sys.executable, "-m", "medlint", "check", "-q", "--no-cache", "--config", str(config),
                               str(page)]
                    results.setdefault((tree, page), []).append(run_once(command, env, Path(tmp)))
    print(f"{corpus.name}: one file, no cache; {os.cpu_count()} cores; Python {sys.version.split()[0]}; "
          f"median of {args.runs} runs (CPU = user + system of the process and its children)\n")
    print("| page (links) | medlint | CPU s, median | CPU range | quickest wall s | peak MB |")
    print("|---|---|---:|---:|---:|---:|")
    for (tree, page), runs in results.items():
        cpu = [r[0] for r in runs]
        links = len(_LINK.findall(page.read_text(encoding="utf-8", errors="replace")))
        print(f"| {page.name[:40]} ({links}) | {tree or 'installed'} | {statistics.median(cpu):.3f} | "
              f"{min(cpu):.3f}–{max(cpu):.3f} | {min(r[1] for r in runs):.2f} | {max(r[2] for r in runs):.0f} |")


if __name__ == "__main__":
    main()
