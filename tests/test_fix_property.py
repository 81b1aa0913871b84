"""Fuzz with --fix: documents of clean text with planted damage, written as plain files,
symlinks or hard links.  Fixing never changes text outside the damage, never lets an
unsafe fix garble a safe one, keeps links, and the re-check reports exactly what is left."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint.config import Config
from medlint.pipeline import Run, RunOptions

CFG = Config(root=Path(__file__).parent)
RULESET = CFG.ruleset()
#: Text no rule reports and no fix touches.
CLEAN = ["The patient took it with food.", "Ask your doctor.", "It was fine", "and then", "We read the notes."]
#: Damage each with a fix, safe or unsafe, and overlapping ones (a misspelt word with mojibake in it).
DAMAGED = ["isn\u00e2\u20ac\u2122t", "Don\u00e2\u20ac\u2122t", "caf\u00c3\u00a9", "Take .5 mg daily.", "Give 10 U now.",
           "[paper](http://dx.doi.org/10.1136/bmj.m1966)", "recieve", "the patinet", "recieveâ€™s",
           "accomodation\u00e2\u20ac\u201d"]
pieces = st.lists(st.tuples(st.sampled_from(CLEAN), st.sampled_from(DAMAGED), st.sampled_from([" ", "\n", "\n\n"])),
                  min_size=1, max_size=8)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=pieces, unsafe=st.booleans(), link=st.sampled_from(["plain", "symlink", "hardlink"]))
def test_fixing_planted_damage(parts: list[tuple[str, str, str]], unsafe: bool, link: str) -> None:
    text = "".join(f"{clean} {damage}{sep}" for clean, damage, sep in parts) + "End.\n"
    with tempfile.TemporaryDirectory() as folder:
        real = Path(folder, "real.md")
        real.write_text(text, encoding="utf-8")
        path = real
        if link == "symlink":
            path = Path(folder, "link.md")
            path.symlink_to("real.md")
        elif link == "hardlink":
            os.link(real, Path(folder, "other.md"))
        inode = real.stat().st_ino
        report = Run(CFG, ruleset=RULESET, options=RunOptions(fix=True, unsafe_fixes=unsafe)).check_paths([str(path)])
        assert not report.errors, report.errors
        fixed = real.read_text(encoding="utf-8")
        # Text outside the damage is unchanged, in order.
        pattern = "".join(re.escape(clean + " ") + ".*?" + re.escape(sep) for clean, _, sep in parts) + "End\\.\n"
        assert re.fullmatch(pattern, fixed, re.S), fixed
        # A safe fix always wins: no mojibake is left and none is garbled into a half-word.
        assert "\u00e2\u20ac" not in fixed and "\u00c3" not in fixed, fixed
        assert "\u20ac" not in fixed, fixed
        assert ".5 mg" not in fixed.replace("0.5 mg", "") and "dx.doi.org" not in fixed
        if unsafe:
            assert "recieve" not in fixed and "patinet" not in fixed, fixed
        # Links are kept.
        if link == "symlink":
            assert path.is_symlink()
        if link == "hardlink":
            assert real.stat().st_ino == inode and Path(folder, "other.md").read_text(encoding="utf-8") == fixed
        # The re-check reports exactly what the fixing run said was left, and nothing it would fix.
        again = Run(CFG, ruleset=RULESET).check_paths([str(path)])
        assert again.diagnostics == report.diagnostics
        assert not [d for d in again.diagnostics if d.fix and (d.fix.safe or unsafe)], again.diagnostics
