"""The distribution name is ours: 'medlint' on PyPI is an unrelated project, so no recipe, URL or
template may send users there."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint.cli import main
from medlint.version import DISTRIBUTION, HOMEPAGE
from helpers import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Installing the bare name 'medlint' from an index, or a link to its PyPI page.
FOREIGN = re.compile(r"pip install (?:-U |--upgrade )?['\"]?medlint(?![-\w])(?!\s*@)|pypi\.org/project/medlint/")
USER_FACING = ["README.md", "action.yml", ".pre-commit-hooks.yaml", "src/medlint/cli.py", "src/medlint/report/sarif.py"]


def test_distribution_name_is_not_the_foreign_project() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DISTRIBUTION == "medlint-cli"
    assert project["scripts"] == {"medlint": "medlint.cli:main"}  # the command keeps its name
    assert project["urls"]["Homepage"] == HOMEPAGE


@pytest.mark.parametrize("name", USER_FACING)
def test_no_recipe_points_at_the_foreign_package(name: str) -> None:
    text = (REPO / name).read_text(encoding="utf-8")
    assert not FOREIGN.search(text), FOREIGN.search(text)


def test_readme_documents_installing_from_a_checkout_first() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    lines = readme.splitlines()
    # The two commands CI runs from a clean clone stay the README's first commands.
    commands = [line for line in lines if line.startswith("pip install")]
    assert commands[0].startswith("pip install . && medlint check ")
    assert commands[1].startswith("pip install -e '.[test]' && pytest")
    install = readme.index("## Installing")
    assert install < readme.index("## What it checks")
    assert f"{DISTRIBUTION} @ git+{HOMEPAGE}" in readme


def test_sarif_and_init_point_at_our_home(isolated: Path) -> None:
    (isolated / "a.md").write_text("A miracle cure.\n")
    sarif = CliRunner().invoke(main, ["check", "--format", "sarif", "a.md"]).stdout
    assert f'"informationUri": "{HOMEPAGE}"' in sarif
    assert CliRunner().invoke(main, ["init"]).exit_code == 0
    template = (isolated / ".medlint.yaml").read_text(encoding="utf-8")
    assert HOMEPAGE in template and DISTRIBUTION in template and "pypi.org/project/medlint/" not in template
