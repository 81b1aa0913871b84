"""The real-world check: medlint over real sites, with labelled precision.

    python bench/realworld.py                         # findings, rate and precision per corpus and rule
    python bench/realworld.py --base HEAD~1           # and what changed against another revision
    python bench/realworld.py --label RULE [--corpus NAME] [--seed N]
    python bench/realworld.py --export RULE --corpus NAME --count N --out FILE
    python bench/realworld.py --import FILE.tsv --corpus NAME
    python bench/realworld.py --sample-plan

The idea of ruff's ecosystem check and mypy_primer: a precision change is
judged on text nobody here wrote, not on fixtures written to pass.  Every
corpus folder in ../shared/corpora/ with a config in bench/realworld/ is
checked with every bundled rule; findings are matched to hand labels in
bench/labels/<corpus>.tsv by (path, rule, hash of the flagged text), so a
label survives lines moving and a rule change that flags other text shows up
as unlabelled.  Labels hold hashes and our own short reasons, never corpus
text.  See bench/README.md.
"""
from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
CONFIGS = ROOT / "bench" / "realworld"
LABELS = ROOT / "bench" / "labels"
WORDS_CACHE = Path(tempfile.gettempdir()) / "medlint-realworld-cache"

HEADER = "path\tline\tcolumn\trule\ttext_sha\tverdict\treason"
VERDICTS = ("tp", "fp", "unclear")
SAMPLE_TARGET = 30
DEFAULT_SEED = 2026
CONTEXT_LINES = 5
Z95 = 1.959963984540054

_NEWLINE = re.compile(r"\r\n|\r|\n")
# A word: letters, with inner apostrophes or hyphens ("don't", "follow-up" count once).
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SHA = re.compile(r"^[0-9a-f]{12}$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+\S|^\s*<h[1-6][\s>]", re.I)
_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")


# -- findings and their flagged text -------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One diagnostic of a run, with the hash of the text it flags (its identity across runs)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    message: str
    sha: str = ""
    text: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.sha)


def split_lines(text: str) -> list[str]:
    """Lines as medlint numbers them: LF, CRLF and CR all end a line."""
    return _NEWLINE.split(text)


def read_source(path: Path) -> str:
    """A file's text as medlint reads it: UTF-8, BOM stripped (columns count after it)."""
    return path.read_bytes().decode("utf-8-sig", errors="replace")


def flagged_text(lines: list[str], line: int, column: int, end_line: int, end_column: int) -> str:
    """The text from (line, column) to (end_line, end_column), 1-based, end exclusive;
    lines are joined with '\\n' whatever the file's line endings, so CRLF and LF
    copies of a page hash alike."""
    if not 1 <= line <= len(lines):
        return ""
    if end_line <= line:
        return lines[line - 1][column - 1:max(column - 1, end_column - 1)]
    parts = [lines[line - 1][column - 1:]]
    parts += lines[line:min(end_line - 1, len(lines))]
    if end_line <= len(lines):
        parts.append(lines[end_line - 1][:end_column - 1])
    return "\n".join(parts)


def text_sha(text: str) -> str:
    """First 12 hex digits of the SHA-1 of the UTF-8 text: the label's handle on it."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def with_texts(corpus: Path, raw: list[dict[str, Any]]) -> list[Finding]:
    """Findings from medlint's JSON, with their flagged text read from the corpus
    (each file read once, and none kept after its findings are done)."""
    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in raw:
        by_path[item["path"].replace(os.sep, "/")].append(item)
    out: list[Finding] = []
    for path, items in sorted(by_path.items()):
        try:
            lines = split_lines(read_source(corpus / path))
        except OSError:
            lines = []
        for d in items:
            text = flagged_text(lines, d["line"], d["column"], d["end_line"], d["end_column"])
            out.append(Finding(path, d["line"], d["column"], d["end_line"], d["end_column"], d["rule"],
                               d.get("message", ""), text_sha(text), text[:300]))
    return out


# -- labels ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Label:
    """A verdict on one finding, by the hash of its text (never the text itself)."""

    path: str
    line: int
    column: int
    rule: str
    sha: str
    verdict: str
    reason: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.sha)

    @property
    def identity(self) -> tuple[str, int, int, str, str]:
        """What makes two label rows the same finding's (a duplicate)."""
        return (self.path, self.line, self.column, self.rule, self.sha)

    def row(self) -> str:
        return "\t".join([self.path, str(self.line), str(self.column), self.rule, self.sha, self.verdict, self.reason])


def parse_label(fields: list[str]) -> Label:
    """One TSV row as a Label; ValueError says what is wrong with it."""
    if len(fields) == 6:
        fields = fields + [""]
    if len(fields) != 7:
        raise ValueError(f"expected 7 tab-separated fields, got {len(fields)}")
    path, line, column, rule, sha, verdict, reason = (f.strip() for f in fields)
    if not path or path.startswith("/") or ".." in path.split("/"):
        raise ValueError(f"path must be relative to the corpus folder (got {path!r})")
    if not (line.isdigit() and column.isdigit() and int(line) >= 1 and int(column) >= 1):
        raise ValueError(f"line and column must be positive integers (got {line!r}, {column!r})")
    if not _RULE_ID.match(rule):
        raise ValueError(f"not a rule id: {rule!r}")
    if not _SHA.match(sha):
        raise ValueError(f"text_sha must be 12 lower-case hex digits (got {sha!r})")
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {', '.join(VERDICTS)} (got {verdict!r})")
    return Label(path, int(line), int(column), rule, sha, verdict, reason)


def read_labels(path: Path) -> list[Label]:
    """The labels file, absent or empty meaning no labels; a bad row is reported and skipped."""
    if not path.is_file():
        return []
    labels: list[Label] = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip() or (number == 1 and line.strip() == HEADER):
            continue
        try:
            labels.append(parse_label(line.split("\t")))
        except ValueError as exc:
            print(f"{path}:{number}: skipped: {exc}", file=sys.stderr)
    return labels


def append_labels(path: Path, labels: Iterable[Label]) -> None:
    """Append rows, writing the header first into a new or empty file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = not path.is_file() or path.stat().st_size == 0
    needs_newline = not fresh and not path.read_bytes().endswith(b"\n")
    with open(path, "a", encoding="utf-8", newline="\n") as handle:
        if fresh:
            handle.write(HEADER + "\n")
        elif needs_newline:
            handle.write("\n")
        for label in labels:
            handle.write(label.row() + "\n")


#: How far (in lines) a label may pair with a finding of the same text.
MATCH_LINES = 2


def match_labels(findings: list[Finding], labels: list[Label]) -> dict[int, Label]:
    """Pair findings with labels of the same (path, rule, text hash), one to one;
    where several share a key, the nearest lines (then columns) pair first. A label
    pairs only within MATCH_LINES lines of its own: the corpora are pinned, so only a
    rule that moves a finding's start (a table to its row) shifts it; the same words
    further off are another finding, whose verdict may differ (a dose quoted from a
    paper on one line, the writer's own regimen ten lines on)."""
    by_key: dict[tuple[str, str, str], list[Label]] = defaultdict(list)
    for label in labels:
        by_key[label.key].append(label)
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, finding in enumerate(findings):
        if finding.key in by_key:
            groups[finding.key].append(i)
    matched: dict[int, Label] = {}
    for key, indices in groups.items():
        candidates = by_key[key]
        pairs = sorted(
            (abs(findings[i].line - lab.line), abs(findings[i].column - lab.column), i, j)
            for i in indices for j, lab in enumerate(candidates)
            if abs(findings[i].line - lab.line) <= MATCH_LINES
        )
        used: set[int] = set()
        for _, _, i, j in pairs:
            if i not in matched and j not in used:
                matched[i] = candidates[j]
                used.add(j)
    return matched


# -- statistics ---------------------------------------------------------------------------

def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval: unlike p ± z·se it stays inside [0, 1] and is honest
    at the small n (about 30) a label sample has."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def precision_cell(tp: int, fp: int) -> str:
    """'92% [81–97] n=30', or '–' with nothing labelled tp or fp."""
    n = tp + fp
    if n == 0:
        return "–"
    lo, hi = wilson(tp, n)
    return f"{round(100 * tp / n)}% [{round(100 * lo)}–{round(100 * hi)}] n={n}"


def verdict_counts(findings: list[Finding], matched: dict[int, Label], rule: str | None = None) -> Counter[str]:
    """How many of the (rule's) findings carry each verdict."""
    return Counter(lab.verdict for i, lab in matched.items() if rule is None or findings[i].rule == rule)


# -- comparing two runs -----------------------------------------------------------------------

def diff_findings(before: list[Finding], after: list[Finding]) -> dict[str, tuple[list[Finding], list[Finding]]]:
    """Per rule, the findings added and removed, as multisets keyed by (path, rule,
    text hash): a finding that only moved to another line is no change."""
    old = Counter(f.key for f in before)
    new = Counter(f.key for f in after)
    out: dict[str, tuple[list[Finding], list[Finding]]] = {}
    for rule in sorted({f.rule for f in before} | {f.rule for f in after}):
        added = _take(after, new - old, rule)
        removed = _take(before, old - new, rule)
        if added or removed:
            out[rule] = (added, removed)
    return out


def _take(findings: list[Finding], wanted: Counter[tuple[str, str, str]], rule: str) -> list[Finding]:
    left = Counter({k: c for k, c in wanted.items() if k[1] == rule})
    picked = []
    for f in findings:
        if left[f.key] > 0:
            picked.append(f)
            left[f.key] -= 1
    return picked


# -- configs ---------------------------------------------------------------------------------

def load_yaml(path: Path) -> dict[str, Any]:
    """A corpus config, read with medlint's own YAML loader (PyYAML's safe loader as fallback)."""
    text = path.read_text(encoding="utf-8")
    try:
        from medlint.yamlsource import load_yaml_text
        data = load_yaml_text(text)
    except ImportError:
        import yaml
        data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a mapping")
    return data


def run_config(corpus: Path, data: dict[str, Any], every_rule: bool) -> dict[str, Any]:
    """The config for a run, as if it stood at the corpus root: medlint reads
    paths relative to the config's folder, and ours lives in a temporary folder,
    so every path becomes absolute; with *every_rule*, ``extends: all``."""
    config = copy.deepcopy(data)
    site = config.setdefault("site", {})
    content = corpus / site["content_root"] if site.get("content_root") else (
        corpus / "content" if (corpus / "content").is_dir() else corpus)
    site["content_root"] = str(content.resolve())
    if "static_dirs" in site:
        site["static_dirs"] = [str((corpus / d).resolve()) for d in site["static_dirs"]]
    elif any((corpus / n).is_dir() for n in ("static", "public")):
        # medlint's default looks beside the config (and the content root): point it at the corpus's.
        bases = dict.fromkeys([corpus.resolve(), content.resolve().parent])
        site["static_dirs"] = [str(b / n) for b in bases for n in ("static", "public")]
    if "rule_paths" in config:
        config["rule_paths"] = [str((corpus / p).resolve()) for p in config["rule_paths"]]
    if every_rule:
        config["extends"] = "all"
    return config


def write_config(folder: Path, name: str, config: dict[str, Any]) -> Path:
    """JSON is YAML: a .yaml file medlint reads, written without a YAML dumper."""
    path = folder / f"{name}.yaml"
    path.write_text(json.dumps(config, indent=2, default=str) + "\n", encoding="utf-8")
    return path


# -- running medlint ----------------------------------------------------------------------------

@dataclass
class Run:
    """One medlint run over one corpus."""

    findings: list[Finding]
    every_rule: bool
    #: rule id → severity in force, or 'off' / 'online' (empty: unknown).
    states: dict[str, str]
    seconds: float
    notices: list[str] = field(default_factory=list)

    @property
    def rules(self) -> list[str]:
        """Rules that ran (by their state, else by their findings)."""
        ran = [r for r, s in self.states.items() if s in ("error", "warning", "info")]
        return ran or sorted({f.rule for f in self.findings})

    @property
    def not_run(self) -> list[str]:
        return [f"{r} ({s})" for r, s in sorted(self.states.items()) if s not in ("error", "warning", "info")]


class MedlintFailed(Exception):
    """medlint crashed or rejected its config: no findings to show."""


def medlint_env(src: Path) -> dict[str, str]:
    """Only *src* on the module path, so this tree's (or REV's) medlint runs, not an installed one."""
    env = dict(os.environ, PYTHONPATH=str(src), NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    return env


def medlint(src: Path, cwd: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "medlint", *args], cwd=cwd, env=medlint_env(src),
                          capture_output=True, text=True, encoding="utf-8", errors="replace", check=False)


def parse_json_list(text: str) -> list[dict[str, Any]] | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, list) else None


def rejects_all_preset(proc: subprocess.CompletedProcess[str]) -> bool:
    """A medlint from before ``extends: all`` stops with a config error on it."""
    return proc.returncode == 2 and parse_json_list(proc.stdout) is None and "extends" in proc.stderr


def rule_states(src: Path, corpus: Path, config: Path) -> dict[str, str]:
    """Each bundled rule's state under *config* (its severity, or off, or online),
    from ``medlint rules --all``; empty if this medlint cannot say."""
    proc = medlint(src, corpus, ["rules", "--all", "--config", str(config)])
    states = {}
    for line in proc.stdout.splitlines() if proc.returncode == 0 else []:
        parts = line.split()
        if len(parts) >= 3 and _RULE_ID.match(parts[0]):
            states[parts[0]] = parts[2]
    return states


def check_corpus(src: Path, corpus: Path, data: dict[str, Any], tmp: Path, select: str | None = None,
                 every_rule: bool = True) -> Run:
    """Run medlint as a user would, in the corpus folder, never writing into it
    (--no-cache); with every rule, falling back to the config as is for a medlint
    that has no ``extends: all``."""
    args = ["check", "--no-cache", "--format", "json"] + (["--select", select] if select else [])
    start = time.perf_counter()
    config = write_config(tmp, corpus.name, run_config(corpus, data, every_rule))
    proc = medlint(src, corpus, args + ["--config", str(config)])
    if every_rule and rejects_all_preset(proc):
        return check_corpus(src, corpus, data, tmp, select, every_rule=False)
    raw = parse_json_list(proc.stdout)
    if raw is None or proc.returncode not in (0, 1, 2):
        raise MedlintFailed(f"medlint exited {proc.returncode} on {corpus.name}: {proc.stderr.strip()[-2000:]}")
    states = {} if select else rule_states(src, corpus, config)
    notices = [line for line in proc.stderr.splitlines() if line.strip()]
    return Run(with_texts(corpus, raw), every_rule, states, time.perf_counter() - start, notices)


def probe_tree(src: Path, tree: Path) -> str:
    """Check that running with PYTHONPATH=*src* imports the medlint of *tree* and
    uses *tree*'s own bundled rules; return where the rules come from."""
    code = ("import medlint\nprint(medlint.__file__)\n"
            "try:\n from medlint.ruleset import bundled_rules_dir\n print(bundled_rules_dir())\n"
            "except Exception:\n print('')\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tempfile.gettempdir(), env=medlint_env(src),
                          capture_output=True, text=True, check=False)
    lines = proc.stdout.splitlines()
    if proc.returncode != 0 or not lines:
        raise MedlintFailed(f"cannot import medlint from {src}: {proc.stderr.strip()[-500:]}")
    module = Path(lines[0]).resolve()
    rules = Path(lines[1]).resolve() if len(lines) > 1 and lines[1] else tree.resolve() / "rules"
    for what, path in (("medlint", module), ("bundled rules", rules)):
        if not path.is_relative_to(tree.resolve()):
            raise MedlintFailed(f"{what} would come from {path}, not from {tree}")
    return str(rules)


# -- prose words ----------------------------------------------------------------------------------

def corpus_files(corpus: Path) -> list[str]:
    """The files medlint checks in *corpus* (its own folder walk if importable)."""
    try:
        from medlint.files import walk_folder
        return [str(name) for name in walk_folder(str(corpus))]
    except ImportError:
        found = []
        for folder, dirs, files in os.walk(corpus):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
            rel = Path(folder).relative_to(corpus)
            found += [(rel / f).as_posix() for f in files if f.lower().endswith(_SUFFIXES) and not f.startswith(".")]
        return sorted(found)


def _document_class() -> Any:
    """medlint's Document, wherever this revision keeps it (None if nowhere known)."""
    for module in ("medlint.document", "medlint.markup", "medlint.markup.document"):
        try:
            cls = getattr(__import__(module, fromlist=["Document"]), "Document", None)
        except ImportError:
            continue
        if cls is not None and hasattr(cls, "from_text"):
            return cls
    return None


def _medlint_stamp() -> str:
    """Changes whenever medlint's code does, so a new prose view is counted afresh."""
    try:
        import medlint
    except ImportError:
        return "none"
    package = Path(medlint.__file__).parent
    return ";".join(f"{p.relative_to(package)}:{p.stat().st_mtime_ns}" for p in sorted(package.rglob("*.py")))


def prose_words(corpus: Path) -> tuple[int, int, str]:
    """Words in medlint's prose view of every checked file (the text its rules read:
    no code, tags, URLs or front matter), and how they were counted.  Cached in a
    temporary folder, keyed by the file list, their mtimes and medlint's code.
    Returns (files, words, how)."""
    files = corpus_files(corpus)
    stamp = [(f, (corpus / f).stat().st_mtime_ns, (corpus / f).stat().st_size) for f in files]
    key = hashlib.sha1(json.dumps([str(corpus.resolve()), stamp, _medlint_stamp()]).encode()).hexdigest()[:20]
    cache = WORDS_CACHE / f"words-{corpus.name}-{key}.json"
    if cache.is_file():
        saved = json.loads(cache.read_text(encoding="utf-8"))
        return len(files), saved["words"], saved["how"]
    document = _document_class()
    how = "prose view" if document is not None else "raw text (medlint's document model not found)"
    words = 0
    for name in files:
        text = read_source(corpus / name)
        prose = document.from_text(text, name).prose if document is not None else text
        words += len(_WORD.findall(prose))
    WORDS_CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({"words": words, "how": how}), encoding="utf-8")
    return len(files), words, how


# -- revisions ------------------------------------------------------------------------------------

def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout.strip()


@contextlib.contextmanager
def revision_tree(rev: str) -> Iterator[Path]:
    """REV checked out in a temporary detached worktree, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="medlint-realworld-rev-"))
    tree = folder / "tree"
    try:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--quiet", "--detach", str(tree), rev],
                       check=True, stdout=subprocess.DEVNULL)
        yield tree
    finally:
        if tree.exists():
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False)


def describe_head() -> str:
    """This tree's commit, and whether medlint's code or rules differ from it."""
    try:
        sha = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--", "src", "rules")
    except (OSError, subprocess.CalledProcessError):
        return "this tree"
    return f"{sha}{' + uncommitted changes' if dirty else ''}"


# -- printing ---------------------------------------------------------------------------------------

def per10k(count: int, words: int) -> str:
    """Findings per 10,000 prose words; two decimals below 1 so rare rules do not read 0."""
    if not words:
        return "–"
    rate = 10000 * count / words
    return f"{rate:.2f}" if rate < 1 else f"{rate:.1f}"


def rule_order(run: Run) -> list[str]:
    """Rules by findings, most first; rules in force with none still get a row."""
    counts = Counter(f.rule for f in run.findings)
    rules = set(counts) | set(run.rules)
    return sorted(rules, key=lambda r: (-counts[r], r))


def corpus_table(run: Run, labels: list[Label], words: int) -> list[str]:
    """The Markdown table of one corpus: findings, rate, labelled, precision."""
    matched = match_labels(run.findings, labels)
    counts = Counter(f.rule for f in run.findings)
    rows = ["| rule | findings | per 10k words | labelled | precision [95% CI] |", "|---|---:|---:|---:|---|"]
    for rule in rule_order(run):
        verdicts = verdict_counts(run.findings, matched, rule)
        rows.append(f"| {rule} | {counts[rule]:,} | {per10k(counts[rule], words)} | {sum(verdicts.values()):,} | "
                    f"{precision_cell(verdicts['tp'], verdicts['fp'])} |")
    rows.append(f"| **all rules** | {len(run.findings):,} | {per10k(len(run.findings), words)} | {len(matched):,} | – |")
    return rows


def corpus_caption(name: str, run: Run, files: int, words: int, how: str, labels: list[Label], labels_file: Path,
                   where: str) -> str:
    preset = "extends: all" if run.every_rule else "the corpus config as is (this medlint has no extends: all)"
    skipped = f"; not run: {', '.join(run.not_run)}" if run.not_run else ""
    return (f"**{name}**: {files:,} files, {words:,} words ({how}); "
            f"{preset}; medlint at {where}; {len(labels):,} labels in {shown(labels_file)}; "
            f"{run.seconds:.0f} s{skipped}")


def shown(path: Path) -> str:
    """A path relative to the repository when inside it."""
    full = path.resolve()  # a relative --labels-dir is relative to the current folder
    return str(full.relative_to(ROOT)) if full.is_relative_to(ROOT) else str(path)


def short(text: str, width: int = 70) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= width else text[:width - 1] + "…"


def change_report(name: str, before: Run, after: Run, labels: list[Label]) -> list[str]:
    """Per rule: findings before → after, added, removed, precision on each side, examples."""
    changes = diff_findings(before.findings, after.findings)
    if not changes:
        return [f"No finding of {name} changed."]
    old_m, new_m = match_labels(before.findings, labels), match_labels(after.findings, labels)
    old_n, new_n = Counter(f.rule for f in before.findings), Counter(f.rule for f in after.findings)
    out = ["| rule | findings before → after | added | removed | precision before | precision after |",
           "|---|---:|---:|---:|---|---|"]
    for rule, (added, removed) in changes.items():
        pb, pa = verdict_counts(before.findings, old_m, rule), verdict_counts(after.findings, new_m, rule)
        out.append(f"| {rule} | {old_n[rule]:,} → {new_n[rule]:,} | {len(added):,} | {len(removed):,} | "
                   f"{precision_cell(pb['tp'], pb['fp'])} | {precision_cell(pa['tp'], pa['fp'])} |")
    out += ["", "Examples (up to 3 added, +, and 3 removed, -, per rule; they quote the corpus):", "", "```text"]
    for rule, (added, removed) in changes.items():
        for sign, items in (("+", added), ("-", removed)):
            for f in items[:3]:
                out.append(f"{sign} {f.path}:{f.line}: {rule}: «{short(f.text)}» {short(f.message, 110)}")
    return out + ["```"]


# -- labelling ------------------------------------------------------------------------------------

def heading_above(lines: list[str], line: int) -> str | None:
    """The nearest Markdown or HTML heading at or above *line*, for orientation."""
    for i in range(min(line, len(lines)) - 1, -1, -1):
        if _HEADING.match(lines[i]):
            return lines[i].strip()
    return None


def clip(text: str, start: int = 0, width: int = 160) -> str:
    """A window of a long line (pasted abstracts run to thousands of characters)."""
    begin = max(0, min(start - width // 3, len(text) - width))
    piece = text[begin:begin + width]
    return ("…" if begin else "") + piece + ("…" if begin + width < len(text) else "")


def show_context(corpus: Path, f: Finding, radius: int = CONTEXT_LINES) -> str:
    """The finding with ±radius lines around it, its lines marked, and the heading above."""
    lines = split_lines(read_source(corpus / f.path))
    out = [f"{f.path}:{f.line}:{f.column}  [{f.rule}]  text_sha {f.sha}", f"  {f.message}",
           f"  flagged: «{short(f.text, 200)}»"]
    heading = heading_above(lines, f.line)
    if heading:
        out.append(f"  under: {clip(heading)}")
    for n in range(max(1, f.line - radius), min(len(lines), f.end_line + radius) + 1):
        mark = ">" if f.line <= n <= f.end_line else " "
        start = f.column - 1 if n == f.line else 0
        out.append(f"{mark}{n:>6} | {clip(lines[n - 1], start)}")
    return "\n".join(out)


def pending(findings: list[Finding], labels: list[Label], rule: str, seed: int) -> list[Finding]:
    """The rule's unlabelled findings, in a random order fixed by *seed*."""
    matched = match_labels(findings, labels)
    items = sorted((f for i, f in enumerate(findings) if f.rule == rule and i not in matched),
                   key=lambda f: (f.path, f.line, f.column, f.sha))
    random.Random(seed).shuffle(items)
    return items


def parse_answer(answer: str) -> tuple[str, str] | None:
    """'t reason' → ('tp', 'reason'); 's' → ('skip', ''); 'q' → ('quit', ''); None if not understood."""
    word, _, reason = answer.strip().partition(" ")
    verdict = {"t": "tp", "tp": "tp", "f": "fp", "fp": "fp", "u": "unclear", "unclear": "unclear",
               "s": "skip", "q": "quit"}.get(word.lower())
    if verdict is None:
        return None
    return verdict, " ".join(reason.split())[:200]


def quotes_corpus(reason: str, flagged: str) -> bool:
    """A reason that repeats the flagged text would put corpus text into the repository."""
    text = flagged.strip().lower()
    return len(text) >= 4 and text in reason.lower()


def label_loop(corpus: Path, findings: list[Finding], labels_file: Path, rule: str, seed: int) -> bool:
    """Ask for a verdict on each unlabelled finding; append each at once. False on 'q' or end of input."""
    queue = pending(findings, read_labels(labels_file), rule, seed)
    print(f"{corpus.name}: {len(queue)} unlabelled {rule} findings (seed {seed})")
    for number, f in enumerate(queue, 1):
        print(f"\n--- {number}/{len(queue)} ---\n{show_context(corpus, f)}")
        while True:
            print("verdict: t / f / u [reason in your own words], s skip, q quit> ", end="", flush=True)
            line = sys.stdin.readline()
            if not line:
                return False
            answer = parse_answer(line)
            if answer is None:
                print("  answer t, f or u (with an optional reason), s or q")
            elif answer[0] != "skip" and quotes_corpus(answer[1], f.text):
                print("  the reason quotes the flagged text: say it in your own words (labels hold no corpus text)")
            else:
                break
        if answer[0] == "quit":
            return False
        if answer[0] != "skip":
            append_labels(labels_file, [Label(f.path, f.line, f.column, f.rule, f.sha, answer[0], answer[1])])
    return True


def export_items(corpus: Path, findings: list[Finding], labels: list[Label], rule: str, count: int,
                 seed: int, out: Path) -> int:
    """Write *count* unlabelled findings with context for someone else to label, and
    a TSV skeleton (OUT.tsv) whose verdict column they fill in for --import."""
    items = pending(findings, labels, rule, seed)[:count]
    head = [f"# {len(items)} unlabelled {rule} findings of {corpus.name} (seed {seed}).",
            "# This file quotes corpus text: keep it outside the project repository.",
            f"# Fill in the verdict (tp, fp or unclear) and a short reason in your own words in {out.name}.tsv,",
            f"# then: python bench/realworld.py --import {out.name}.tsv --corpus {corpus.name}", ""]
    body = [f"=== {i}/{len(items)} ===\n{show_context(corpus, f)}\n" for i, f in enumerate(items, 1)]
    out.write_text("\n".join(head + body), encoding="utf-8")
    rows = [HEADER] + ["\t".join([f.path, str(f.line), str(f.column), f.rule, f.sha, "", ""]) for f in items]
    Path(f"{out}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(items)


def read_import(path: Path, corpus: Path | None) -> tuple[list[Label], list[str], int]:
    """Rows of a TSV in the labels format: (labels, errors, rows left blank).
    A row with an empty verdict is not labelled yet and is left out."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    if not lines or lines[0].strip() != HEADER:
        return [], [f"{path}:1: the first line must be the header: {HEADER!r}"], 0
    labels, errors, blank = [], [], 0
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) >= 6 and not fields[5].strip():
            blank += 1
            continue
        try:
            label = parse_label(fields)
        except ValueError as exc:
            errors.append(f"{path}:{number}: {exc}")
            continue
        if corpus is not None and not (corpus / label.path).is_file():
            errors.append(f"{path}:{number}: no such file in {corpus.name}: {label.path}")
            continue
        labels.append(label)
    return labels, errors, blank


def import_labels(path: Path, labels_file: Path, corpus: Path | None) -> int:
    """Validate FILE.tsv and append its new rows; nothing is appended if a row is
    malformed, and rows already in the labels (or twice in FILE) are rejected."""
    rows, errors, blank = read_import(path, corpus)
    if errors:
        print("\n".join(errors) + "\nnothing imported", file=sys.stderr)
        return 1
    seen = {label.identity for label in read_labels(labels_file)}
    new, duplicates = [], 0
    for label in rows:
        if label.identity in seen:
            duplicates += 1
            continue
        seen.add(label.identity)
        new.append(label)
    append_labels(labels_file, new)
    print(f"imported {len(new)} labels into {labels_file}; rejected {duplicates} duplicates; "
          f"{blank} rows without a verdict left out")
    return 0


def plan_rows(name: str, run: Run, labels: list[Label]) -> list[str]:
    """Rules of one corpus short of min(30, findings) labels with a tp or fp verdict."""
    matched = match_labels(run.findings, labels)
    counts = Counter(f.rule for f in run.findings)
    rows = []
    for rule in rule_order(run):
        verdicts = verdict_counts(run.findings, matched, rule)
        done, target = verdicts["tp"] + verdicts["fp"], min(SAMPLE_TARGET, counts[rule])
        if done < target:
            rows.append(f"| {name} | {rule} | {counts[rule]:,} | {done} | {target - done} |")
    return rows


# -- the command ------------------------------------------------------------------------------------

def corpora(root: Path, only: list[str] | None) -> list[tuple[Path, dict[str, Any]]]:
    """Corpus folders that have a config (those without get a one-line notice)."""
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if only and folder.name not in only:
            continue
        config = CONFIGS / f"{folder.name}.yaml"
        if not config.is_file():
            print(f"{folder.name}: skipped, no bench/realworld/{folder.name}.yaml", file=sys.stderr)
            continue
        found.append((folder, load_yaml(config)))
    for name in set(only or []) - {f.name for f, _ in found}:
        print(f"{name}: no such corpus with a config", file=sys.stderr)
    return found


def labels_for(name: str, folder: Path) -> Path:
    return folder / f"{name}.tsv"


def report_corpus(corpus: Path, data: dict[str, Any], tmp: Path, labels_dir: Path, where: str,
                  base: tuple[Path, str] | None) -> None:
    """Print one corpus's table and, with a base (src folder, name), what changed since it."""
    labels_file = labels_for(corpus.name, labels_dir)
    labels = read_labels(labels_file)
    files, words, how = prose_words(corpus)
    run = check_corpus(ROOT / "src", corpus, data, tmp)
    for notice in run.notices:
        print(f"  {corpus.name}: {notice}", file=sys.stderr)
    print(f"### {corpus.name}\n\n{corpus_caption(corpus.name, run, files, words, how, labels, labels_file, where)}\n")
    print("\n".join(corpus_table(run, labels, words)) + "\n")
    if base is not None:
        before = check_corpus(base[0], corpus, data, tmp)
        preset = "extends: all" if before.every_rule else "the corpus config as is"
        print(f"#### {corpus.name}: {base[1]} ({preset}, {before.seconds:.0f} s) → {where}\n")
        if before.every_rule != run.every_rule:
            print("Note: the two revisions ran different rule sets (one has no extends: all); rules that are "
                  "off by default show up as wholly added or removed.\n")
        print("\n".join(change_report(corpus.name, before, run, labels)) + "\n")


def cmd_report(targets: list[tuple[Path, dict[str, Any]]], tmp: Path, labels_dir: Path, rev: str | None) -> int:
    """The table per corpus; with --base REV, what changed since REV too."""
    probe_tree(ROOT / "src", ROOT)
    where = describe_head()
    with (revision_tree(rev) if rev else contextlib.nullcontext()) as tree:
        base = None
        if tree is not None and rev:
            base = (tree / "src", f"{rev} ({git('rev-parse', '--short', rev)})")
            print(f"base {base[1]}: its own bundled rules, {probe_tree(base[0], tree)}\n")
        for corpus, data in targets:
            report_corpus(corpus, data, tmp, labels_dir, where, base)
    return 0


def cmd_label(targets: list[tuple[Path, dict[str, Any]]], tmp: Path, labels_dir: Path, rule: str, seed: int) -> int:
    for corpus, data in targets:
        run = check_corpus(ROOT / "src", corpus, data, tmp, select=rule)
        if not label_loop(corpus, run.findings, labels_for(corpus.name, labels_dir), rule, seed):
            break
    return 0


def cmd_plan(targets: list[tuple[Path, dict[str, Any]]], tmp: Path, labels_dir: Path) -> int:
    rows = []
    for corpus, data in targets:
        labels = read_labels(labels_for(corpus.name, labels_dir))
        rows += plan_rows(corpus.name, check_corpus(ROOT / "src", corpus, data, tmp), labels)
    print(f"Sampling plan: at least {SAMPLE_TARGET} findings per rule and corpus labelled tp or fp "
          f"(all of them where a rule has fewer); 'unclear' does not count.\n")
    if not rows:
        print("Every rule of every corpus meets the plan.")
        return 0
    print("| corpus | rule | findings | labelled tp/fp | short by |\n|---|---|---:|---:|---:|")
    print("\n".join(rows))
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="medlint over the real-world corpora, with labelled precision.")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="folder of corpora (default: ../shared/corpora)")
    parser.add_argument("--corpus", action="append", help="only this corpus (repeatable)")
    parser.add_argument("--labels-dir", type=Path, default=LABELS, help="folder of <corpus>.tsv labels (default: bench/labels)")
    parser.add_argument("--base", metavar="REV", help="also run revision REV and show what changed")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--label", metavar="RULE", help="label unlabelled findings of RULE interactively")
    mode.add_argument("--export", metavar="RULE", help="write unlabelled findings of RULE with context to --out")
    mode.add_argument("--import", dest="import_file", type=Path, metavar="FILE.tsv",
                      help="validate FILE.tsv and append it to the corpus's labels")
    mode.add_argument("--sample-plan", action="store_true", help="which rules per corpus lack 30 labels")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"order of --label and --export (default {DEFAULT_SEED})")
    parser.add_argument("--count", type=int, default=SAMPLE_TARGET, help="findings to --export")
    parser.add_argument("--out", type=Path, help="the --export file")
    args = parser.parse_args(argv)
    if (args.export or args.import_file) and (not args.corpus or len(args.corpus) != 1):
        parser.error("--export and --import need exactly one --corpus NAME")
    if args.export and not args.out:
        parser.error("--export needs --out FILE")
    if args.base and (args.label or args.export or args.import_file or args.sample_plan):
        parser.error("--base goes with the table only")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))  # count prose with this tree's medlint, the one measured
    root = args.corpora.resolve()
    if args.import_file:
        corpus = root / args.corpus[0]
        return import_labels(args.import_file, labels_for(args.corpus[0], args.labels_dir),
                             corpus if corpus.is_dir() else None)
    if not root.is_dir():
        print(f"skipped: no corpora folder at {root}")
        return 0
    targets = corpora(root, args.corpus)
    if not targets:
        print("skipped: no corpus with a config in bench/realworld/")
        return 0
    with tempfile.TemporaryDirectory(prefix="medlint-realworld-") as folder:
        tmp = Path(folder)
        try:
            if args.label:
                return cmd_label(targets, tmp, args.labels_dir, args.label, args.seed)
            if args.export:
                corpus, data = targets[0]
                if args.out.resolve().is_relative_to(ROOT):
                    print(f"note: {args.out} is inside the repository; it quotes corpus text, do not commit it",
                          file=sys.stderr)
                run = check_corpus(ROOT / "src", corpus, data, tmp, select=args.export)
                n = export_items(corpus, run.findings, read_labels(labels_for(corpus.name, args.labels_dir)), args.export,
                                 args.count, args.seed, args.out)
                print(f"wrote {n} findings to {args.out} and a skeleton to {args.out}.tsv")
                return 0
            if args.sample_plan:
                return cmd_plan(targets, tmp, args.labels_dir)
            return cmd_report(targets, tmp, args.labels_dir, args.base)
        except MedlintFailed as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        except subprocess.CalledProcessError as exc:
            print(f"error: {' '.join(exc.cmd)} failed (exit {exc.returncode})", file=sys.stderr)
            return 1


if __name__ == "__main__":
    sys.exit(main())
