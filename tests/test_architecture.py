"""The package's floors: every import (lazy ones too) goes to the same floor or one below, never up,
and the import graph has no cycle. The README's "Architecture" section shows the same floors."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "medlint"

#: Lowest first. A module belongs to the first floor with a matching name or package prefix.
FLOORS: list[list[str]] = [
    ["version", "errors", "diagnostic", "globs", "patterncache", "lazyre", "fastre", "yamlsource", "rulecache", "anchored", "quickschema",
     "jsonio", "punctuation", "textsafe", "profile", "weburl"],
    ["markup"],
    ["document", "regions", "reproduced"],
    ["files", "medical", "site", "suppress", "fix", "workers"],
    ["kinds"],
    ["ruleset"],
    ["config", "outcome", "cache"],
    ["pipeline", "selftest", "explain", "spelltrace"],
    ["report", "lsp"],
    ["cli", "__main__", "medlint"],
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(["medlint", *parts]) if parts else "medlint"


def floor_of(module: str) -> int:
    short = module.removeprefix("medlint.") if module != "medlint" else "medlint"
    for i, names in enumerate(FLOORS):
        if any(short == n or short.startswith(n + ".") for n in names):
            return i
    raise AssertionError(f"{module} is on no floor: add it to FLOORS and to the README's architecture section")


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imports() -> dict[str, set[str]]:
    """module -> the medlint modules it imports (at the top or inside functions)."""
    graph: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        name = module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        found: set[str] = set()
        for node in ast.walk(tree):
            if _type_checking_only(node, parents):
                continue
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("medlint"))
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if not target.startswith("medlint"):
                    continue
                for alias in node.names:  # `from . import fastre` imports a module
                    candidate = f"{target}.{alias.name}"
                    known = (SRC / Path(*candidate.split(".")[1:])).with_suffix(".py").exists() or \
                        (SRC / Path(*candidate.split(".")[1:]) / "__init__.py").exists()
                    found.add(candidate if known else target)
        found.discard(name)
        graph[name] = found
    return graph


def test_imports_never_go_up() -> None:
    upward = [f"{module} (floor {floor_of(module)}) imports {target} (floor {floor_of(target)})"
              for module, targets in imports().items() for target in targets
              if floor_of(target) > floor_of(module)]
    assert upward == []


def test_no_import_cycles() -> None:
    graph = imports()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append(trail[trail.index(target):] + [target] if target in trail else [node, target])
            elif target not in state:
                visit(target, trail + [target])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


@pytest.mark.parametrize("module", ["medlint.version", "medlint.errors"])
def test_lowest_floor_imports_nothing_of_medlint(module: str) -> None:
    assert imports()[module] == set()


def test_checking_one_file_imports_only_what_it_uses(tmp_path: Path) -> None:
    """A one-file check (the pre-commit case, issue 23) keeps off its start-up path the
    modules only other paths need: jsonschema (a config quickschema vouches for),
    ctypes (worker processes), difflib (--diff, a broken #fragment), tempfile (writing)."""
    import subprocess
    import sys

    (tmp_path / "page.md").write_text("---\ntitle: A page\n---\nSee [the other page](other.md).\n")
    (tmp_path / "other.md").write_text("---\ntitle: Other\n---\nText.\n")
    config = tmp_path / "medlint.yaml"
    config.write_text(f"site: {{content_root: '{tmp_path}'}}\nrules: {{spelling: warning}}\n")
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print(sorted(m for m in ('jsonschema', 'ctypes', 'difflib', 'tempfile') "
            "if m in sys.modules), file=sys.stderr))\n"
            "from medlint.cli import main\n"
            f"sys.argv = ['medlint', 'check', '--no-cache', '--config', {str(config)!r}, {str(tmp_path / 'page.md')!r}]\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert proc.stderr.strip().splitlines()[-1] == "[]", proc.stderr[-2000:]
