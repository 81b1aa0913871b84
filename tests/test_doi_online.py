"""--online: doi-unresolved against a local stand-in for doi.org's handle API."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from medlint import lint_text
from medlint.cli import main
from medlint.medical.doi_client import DoiClient

KNOWN = {"10.1136/bmj.m1966", "10.1111/j.1600-0404.2011.01543.x"}


class Handler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's API
        from urllib.parse import unquote

        Handler.requests.append(self.path)
        if not self.path.startswith("/api/handles/"):
            self.send_response(400)
            self.end_headers()
            return
        doi = unquote(self.path[len("/api/handles/"):]).lower()
        if doi.startswith("10.9999/"):
            self.send_response(500)
            self.end_headers()
            return
        found = doi in KNOWN
        body = json.dumps({"responseCode": 1 if found else 100, "handle": doi}).encode()
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def resolver() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Handler.requests = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def config(resolver: str, tmp_path: Path) -> dict:
    return {"rules": {"doi-unresolved": {"options": {"resolver": resolver, "timeout": 5}}}}


TEXT = ("[a](https://doi.org/10.1136/bmj.m1966) and doi:10.1136/bmj.m1967.\n"
        "[b](https://doi.org/10.9999/broken) and [c](https://doi.org/10.1111/J.1600-0404.2011.01543.x)\n")


def test_unresolved_dois_are_reported_only_online(resolver: str, isolated: Path) -> None:
    cfg = config(resolver, isolated)
    assert [d for d in lint_text(TEXT, config=cfg) if d.rule == "doi-unresolved"] == []
    assert Handler.requests == []  # no network without --online
    diags = [d for d in lint_text(TEXT, config=cfg, online=True, cache=True) if d.rule == "doi-unresolved"]
    assert [(d.line, d.column, d.severity, d.message) for d in diags] == [
        (1, 48, "error", "DOI '10.1136/bmj.m1967' does not exist (doi.org does not know it)"),
        (2, 21, "info", f"could not check DOI '10.9999/broken': {resolver} answered HTTP 500 without a handle record"),
    ]
    # The server error (10.9999) is said, and not cached.
    cache = json.loads((isolated / ".medlint_cache" / "doi.json").read_text())
    assert cache["10.1136/bmj.m1967"][0] is False and cache["10.1136/bmj.m1966"][0] is True
    assert "10.9999/broken" not in cache


def test_cache_avoids_second_lookup(resolver: str, isolated: Path) -> None:
    cfg = config(resolver, isolated)
    lint_text(TEXT, config=cfg, online=True, cache=True)
    first = len(Handler.requests)
    lint_text(TEXT, config=cfg, online=True, cache=True)
    assert len(Handler.requests) - first == 1  # only the failed lookup is retried


def test_cli_online_flag(resolver: str, isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text(json.dumps(config(resolver, isolated)))
    (isolated / "a.md").write_text("doi:10.1136/bmj.m1967\n")
    offline = CliRunner().invoke(main, ["check", "a.md"])
    assert offline.exit_code == 0
    online = CliRunner().invoke(main, ["check", "--online", "a.md"])
    assert online.exit_code == 1 and "[doi-unresolved]" in online.stdout


def test_a_doi_is_one_escaped_path_segment(resolver: str) -> None:
    client = DoiClient(resolver, timeout=5)
    client.exist(["10.1000/../../etc/passwd", "10.1000/%2e%2e/x"])
    assert sorted(Handler.requests) == ["/api/handles/10.1000%2F%252e%252e%2Fx",
                                        "/api/handles/10.1000%2F..%2F..%2Fetc%2Fpasswd"]
    assert client.url("10.1136/bmj.m1966") == f"{resolver}/api/handles/10.1136%2Fbmj.m1966"


class Trickle(BaseHTTPRequestHandler):
    """A server that sends one byte of its answer every half second, for ever."""

    def do_GET(self) -> None:  # noqa: N802
        import time

        self.send_response(200)
        self.end_headers()
        try:
            while True:
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def trickle() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_trickling_server_meets_a_deadline(trickle: str) -> None:
    import time

    client = DoiClient(trickle, timeout=1.5, run_timeout=3)
    start = time.monotonic()
    answers = client.exist([f"10.1000/{i}" for i in range(20)])
    assert time.monotonic() - start < 15  # 20 look-ups, 8 at a time: the run's deadline stops them
    assert set(answers.values()) == {None}
    reasons = set(client.failures.values())
    assert f"{trickle} did not answer within 1.5 s" in reasons
    assert "the run's 3 s for DOI look-ups ran out" in reasons


def test_a_failed_lookup_is_said_through_the_cli(trickle: str, isolated: Path) -> None:
    (isolated / ".medlint.yaml").write_text(json.dumps(
        {"rules": {"doi-unresolved": {"options": {"resolver": trickle, "timeout": 1}}}}))
    (isolated / "a.md").write_text("doi:10.1136/bmj.m1967\n")
    result = CliRunner().invoke(main, ["check", "--online", "a.md"])
    assert result.exit_code == 0
    assert f"a.md:1:5: info [doi-unresolved] could not check DOI '10.1136/bmj.m1967': {trickle} did not answer within 1 s" in result.stdout


def test_unreachable_resolver_reports_nothing(isolated: Path) -> None:
    dead = DoiClient("http://127.0.0.1:9", timeout=0.5, cache=isolated / "c.json")
    assert dead.exist(["10.1136/bmj.m1966"]) == {"10.1136/bmj.m1966": None}
    assert dead.failures["10.1136/bmj.m1966"].startswith("http://127.0.0.1:9 could not be reached")
