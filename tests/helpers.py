"""Helpers the test modules share: fixture paths, parsing a snippet, running one rule on it."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from medlint.config import Config
from medlint.document import Document
from medlint.kinds import load_kind
from medlint.pipeline import Run
from medlint.ruleset import Rule, RuleSet, Setting

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def doc(text: str, path: str = "x.md") -> Document:
    return Document.from_text(text, path)


def prose_words(document: Document) -> list[str]:
    return document.prose.split()


def run_rule(kind: str, options: dict[str, Any], text: str, path: str = "x.md", message: str = "{match}") -> list[Any]:
    """Run one rule definition on a snippet, as a run would. A ``check`` key in
    *options* stands for the rule file's top-level ``check:``."""
    options = dict(options)
    check = options.pop("check", None)
    rule = Rule(id="t", kind=kind, check=check, severity="warning", message=message,
                options={**load_kind(kind).DEFAULTS, **options})
    cfg = Config(root=Path.cwd().resolve())
    ruleset = RuleSet([rule], {"t": Setting(enabled=True)}, [], context=cfg.build_context())
    diagnostics, errors = Run(cfg, ruleset=ruleset).lint_document(text, path)
    assert not errors
    return diagnostics


def article_page(title: str, paragraphs: list[str], ext: str, opening: str, heading: str | None = None) -> str:
    """A page in Markdown (``ext`` "md") or HTML: a title, an optional section heading, the writer's
    *opening* line and *paragraphs*. A paragraph starting with "- " is a list item (consecutive ones
    make one list). The opening line comes first, as on a blog: an HTML heading over one lone
    paragraph reads as a pasted abstract's title."""
    paragraphs = [opening, *paragraphs]
    if ext == "md":
        parts = [f"---\ntitle: {title}\n---\n"] + ([f"## {heading}\n"] if heading else [])
        return "\n".join(parts + [p + "\n" for p in paragraphs])
    body, in_list = [f"<h1>{title}</h1>"] + ([f"<h2>{heading}</h2>"] if heading else []), False
    for p in paragraphs:
        if p.startswith("- "):
            body.append(("" if in_list else "<ul>") + f"<li>{p[2:]}</li>")
            in_list = True
        else:
            body.append(("</ul>" if in_list else "") + f"<p>{p}</p>")
            in_list = False
    return "<html><body>" + "".join(body) + ("</ul>" if in_list else "") + "</body></html>"
