"""What ``medlint explain RULE`` prints, as text: shared by the command and the language server's hover."""
from __future__ import annotations

import textwrap
from typing import Any

from .outcome import IO_ERROR, IO_ERROR_TEXT
from .kinds import load_kind
from .ruleset import Rule, RuleSet, fixes_of
from .suppress import META_RULES, UNUSED

_FIX_EXPLAINED = {"safe": "yes, safe: 'medlint check --fix' applies it",
                  "unsafe": "yes, unsafe: applied only with 'medlint check --fix --unsafe-fixes'",
                  None: "no"}


def explain_text(rule: Rule, ruleset: RuleSet, width: int = 78) -> str:
    """A rule's header, preset, fixes, link, description, message, options and examples, as ``medlint explain`` shows them."""
    import yaml

    lines: list[str] = []
    active = {r.id: (sev, opts) for r, sev, opts in ruleset.active_rules()}
    severity, options = active.get(rule.id, ("online only" if rule.online else "off", rule.options))
    lines.append(f"{rule.id} ({rule.kind}, {severity})")
    lines.append(f"defined in {rule.source}")
    if rule.bundled:
        why = f": {rule.preset_note}" if rule.preset_note else ""
        lines.append(f"preset: {rule.preset}" + (" (runs with 'extends: default', the default)" if rule.preset == "default"
                     else f" (runs with 'extends: all', or turn it on with 'rules: {{{rule.id}: on}}'){why}"))
    lines.append(f"Fixes: {_FIX_EXPLAINED[fixes_of(rule, options)]}")
    if rule.link:
        lines.append(f"Documentation: {rule.link}")
    lines.append("")
    for paragraph in (rule.description or "No description.").split("\n\n"):
        lines.append(textwrap.fill(" ".join(paragraph.split()), width=width))
    lines.append(f"\nMessage: {rule.message}")
    if rule.files:
        lines.append("Files: " + ", ".join(rule.files))
    used = getattr(load_kind(rule.kind), "CHECK_OPTIONS", {}).get(rule.check) if rule.check else None
    if used is not None:  # a kind with several checks: show the options this rule's check reads
        options = {k: v for k, v in options.items() if k in used}
    if options:
        lines.append("Options:")
        dumped: Any = yaml.safe_dump(options, sort_keys=False, allow_unicode=True, width=1000)
        lines.append(textwrap.indent(dumped, "  ").rstrip("\n"))
    for expectation, title in (("flag", "Reported"), ("pass", "Not reported")):
        examples = rule.examples.get(expectation, [])
        if examples:
            lines.append(f"{title}:")
            for item in examples:
                text = item["text"] if isinstance(item, dict) else str(item)
                lines.append("  " + text.replace("\n", "\n  "))
    return "\n".join(lines)


def reserved_text(rule_id: str, width: int = 78) -> str | None:
    """What ``medlint explain`` says of an id medlint reports itself (no rule file): files it
    could not check and suppression comments; None for any other id."""
    if rule_id == IO_ERROR:
        head = f"{IO_ERROR} (built in: error for a file that could not be read, warning for one skipped on purpose)"
        body, note = IO_ERROR_TEXT, "Always reported; it cannot be selected, ignored or suppressed."
    elif rule_id in META_RULES:
        when = "with 'medlint check --report-unused-suppressions'" if rule_id == UNUSED else "always"
        head, body, note = f"{rule_id} (built in, warning)", META_RULES[rule_id], f"Reported {when}."
    else:
        return None
    return "\n".join([head, "", textwrap.fill(body, width=width), "", note])
