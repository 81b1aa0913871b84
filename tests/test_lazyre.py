"""Patterns compiled on first use (issue 23: start-up of a one-file check)."""
from __future__ import annotations

import copy
import re
import subprocess
import sys

import pytest

from medlint import fastre, lazyre


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_re() -> None:
    lazy = lazyre.compile(r"(?P<n>\d+)\s*(mg|IU)", re.I)
    assert "_compiled" not in vars(lazy) and lazy.pattern == r"(?P<n>\d+)\s*(mg|IU)"  # .pattern needs no compiling
    real = re.compile(r"(?P<n>\d+)\s*(mg|IU)", re.I)
    text = "Take 400 iu or 10 MG, not 5 g."
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert "_compiled" in vars(lazy)
    assert lazy.search(text, 10).group("n") == real.search(text, 10).group("n")
    assert lazy.sub("<dose>", text) == real.sub("<dose>", text)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (real.flags, real.groups, real.groupindex)
    assert lazy.compiled() is vars(lazy)["_compiled"]


def test_probing_a_lazy_pattern_does_not_compile_it() -> None:
    """copy, pickle and hasattr ask for dunders; a pattern with an error is found when used, not before."""
    broken = lazyre.compile(r"(unclosed")
    assert not hasattr(broken, "__deepcopy__") and copy.copy(broken).pattern == "(unclosed"
    with pytest.raises(re.error):
        broken.search("x")


def test_fastre_patterns_are_regex_patterns_compiled_on_first_use() -> None:
    pattern = fastre.compile(r"(?<=doi:)10\.\d+", re.I)
    assert "_compiled" not in vars(pattern)
    assert pattern.search("see DOI:10.1000/x").group() == "10.1000"
    import regex

    assert isinstance(pattern.compiled(), regex.Pattern)


def test_importing_the_checking_modules_compiles_no_pattern() -> None:
    """The modules of a check define their patterns lazily: importing them compiles none of those."""
    code = ("import re, sys\n"
            "from medlint import lazyre\n"
            "made = []\n"
            "real = lazyre.LazyPattern.__getattr__\n"
            "def spy(self, name):\n"
            "    made.append(self.pattern[:40])\n"
            "    return real(self, name)\n"
            "lazyre.LazyPattern.__getattr__ = spy\n"
            "import medlint.medical.claims, medlint.medical.effects, medlint.medical.dose, medlint.regions\n"
            "import medlint.kinds.dosage, medlint.kinds.spelling, medlint.kinds.acronyms, medlint.markup.markdown\n"
            "print(made)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]", proc.stdout


def test_compile_all_compiles_every_pattern_made() -> None:
    """A parallel run compiles them before forking, so its workers share them."""
    pending = lazyre.compile(r"never\s+used\s+yet")
    assert "_compiled" not in vars(pending)
    lazyre.compile_all()
    assert "_compiled" in vars(pending) and pending.search("never  used yet")
