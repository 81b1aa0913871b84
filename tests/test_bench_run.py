"""bench/run.py's measuring: the CPU time of a command's process tree beside its wall time
(the machine is shared, so wall time alone says little)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).parent.parent / "bench" / "run.py"


def _load():
    sys.path.insert(0, str(SCRIPT.parent))  # run.py imports its neighbour corpus.py
    spec = importlib.util.spec_from_file_location("run_bench", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _load()

#: Spins the CPU for about 0.3 s in a grandchild process, then sleeps 0.3 s: the CPU time must
#: count the grandchild and leave the sleep out.
BUSY_CHILD = """
import subprocess, sys, time
subprocess.run([sys.executable, "-c", "import time\\nend = time.process_time() + 0.3\\nwhile time.process_time() < end: pass"])
time.sleep(0.3)
"""


def test_measure_counts_the_cpu_of_the_whole_tree(tmp_path: Path) -> None:
    wall, cpu, peak, code = bench.measure([sys.executable, "-c", BUSY_CHILD], tmp_path)
    assert code == 0
    assert cpu >= 0.3  # the grandchild's busy loop (and two interpreters' start-up)
    assert wall >= 0.6 and cpu < wall + 0.3  # the sleep is wall time, not CPU
    assert peak > 0


def test_measure_reports_the_exit_code(tmp_path: Path) -> None:
    assert bench.measure([sys.executable, "-c", "raise SystemExit(3)"], tmp_path)[3] == 3


def test_ratio_of_a_zero_base_is_not_a_number() -> None:
    assert bench._ratio(1.0, 0.0) == "n/a"
    assert bench._ratio(1.0, 4.0) == "0.25x"
    assert bench._ratio(1.0, 4.0, suffix="") == "0.25"


def test_rows_give_the_median_cpu() -> None:
    row = bench.Row("medlint", "all", "cold", walls=[3.0, 1.0, 2.0], cpus=[5.0, 4.0, 9.0])
    assert (row.wall, row.cpu) == (2.0, 5.0)
