"""The HTML report: one self-contained page, escaped, and tested in a real browser (headless Chromium).

The browser tests are marked slow and skip, naming what is missing, where
Chromium, Debian's chromedriver or selenium is not installed (``.ci/run``
installs them). Screenshots go to ``build/test-artifacts/`` (or
``$MEDLINT_TEST_ARTIFACTS``); with ``MEDLINT_UPDATE_SCREENSHOT=1`` the fixture
site's screenshot also replaces ``docs/report.png``, the README's picture.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner

from medlint.cli import main
from medlint.diagnostic import Diagnostic, Fix
from medlint.outcome import Report
from medlint.report import html as html_report
from helpers import FIXTURES, REPO

ARTIFACTS = Path(os.environ.get("MEDLINT_TEST_ARTIFACTS", REPO / "build" / "test-artifacts"))
PWNED = "document.title='pwned'"


def check(folder: Path, fmt: str) -> str:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", fmt, str(folder)])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture
def site(isolated: Path) -> Path:
    shutil.copytree(FIXTURES / "report-site", isolated / "site")
    os.chdir(isolated / "site")
    return Path(".")


@pytest.fixture
def hostile(isolated: Path) -> Path:
    """A page whose path, text and links try to run script in the report."""
    (isolated / ".medlint.yaml").write_text("site:\n  content_root: content\n")
    posts = isolated / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / f"<img src=x onerror=\"{PWNED}\">'q.md").write_text(
        f"---\ntitle: <script>{PWNED}</script>\ndate: 2024-01-01\n---\n"
        f"# A miracle cure <script>{PWNED}</script>\n\n"
        f"A miracle cure \"quoted\" 'single' </script><script>{PWNED}</script> & <!-- x --> end.\n\n"
        f"[click here](javascript:{PWNED}) and [miracle](/tags/\"><script>{PWNED}</script>.html)\n"
        "and [again](/tags/a\"b'c<i>.html) and [again](/tags/a\"b'c<i>.html).\n\n"
        "<a href=\"/tags/x&quot;onmouseover=&quot;document.title=1.html\">breakthrough</a>\n",
        encoding="utf-8")
    return isolated


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of each script element."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def data_of(page: Page) -> dict[str, Any]:
    [block] = [text for attrs, text in page.scripts if attrs.get("type") == "application/json"]
    return json.loads(block)


def assert_self_contained_and_inert(text: str) -> Page:
    """Only medlint's own script can run; nothing loads from anywhere."""
    page = Page(text)
    assert [attrs for attrs, _ in page.scripts] == [{"type": "application/json", "id": "medlint-data"}, {}]
    code = page.scripts[1][1]
    assert code == html_report._asset("html.js")
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    [csp] = [a["content"] for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert f"script-src 'sha256-{digest}'" in (csp or "") and "default-src 'none'" in (csp or "")
    for tag, attrs in page.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "form") or tag == "form" and (
            "action" not in attrs), (tag, attrs)
        assert not [name for name in attrs if name.startswith("on") or name == "src"], (tag, attrs)
        assert (attrs.get("href") or "#").startswith("#"), (tag, attrs)
    return page


def test_cli_writes_one_self_contained_page(site: Path) -> None:
    text = check(site, "html")
    expected = json.loads(check(site, "json"))
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    page = assert_self_contained_and_inert(text)
    data = data_of(page)
    # 13: calcium-and-bones.md only reports what a trial gave and patients took, which
    # is not advice, so it needs no disclaimer (issue 18); nor does vitamin-d-for-seniors.md,
    # which reports what "some clinicians use" and recommends no dose to its reader.
    # vitamin-d-for-seniors.md's '10,000 IU per day' takes vitamin D from its section heading (issue 18).
    assert len(data["rows"]) == len(expected) == 13
    # The summary's counts are the run's.
    by_severity = Counter(d["severity"] for d in expected)
    for key, number in [("files", 3), ("findings", len(expected)), *by_severity.items()]:
        assert re.search(f'<dd id="count-{key}">{number}</dd>', text), key
    for rule, number in Counter(d["rule"] for d in expected).items():
        assert f'data-rule-count="{rule}">{number}<' in text
    # Headings in order, tables with headers, rule documentation to link to.
    headings = [(tag, a.get("id")) for tag, a in page.tags if tag in ("h1", "h2")]
    assert headings == [("h1", None), ("h2", "summary-h"), ("h2", "bulk-h"), ("h2", "findings-h"), ("h2", "rules-h")]
    assert text.count('scope="col"') >= 11 and '<th scope="row">' in text
    assert {f"rule-{d['rule']}" for d in expected} <= {a.get("id") for _, a in page.tags}


def test_bulk_group_and_rewrite_shown(site: Path) -> None:
    text = check(site, "html")
    assert "<code>/tags/*.html</code>" in text
    assert "<code>/tags/*.html</code> → <code>/posts/*</code>" in text


def test_rows_carry_source_excerpt_and_fix(site: Path) -> None:
    data = data_of(Page(check(site, "html")))
    rows = {(data["files"][r[0]], r[1], r[2], data["rules"][r[3]]): r for r in data["rows"]}
    resolver = rows[("content/posts/calcium-and-bones.md", 8, 25, "doi-resolver")]
    before, flagged, after = resolver[6]
    assert flagged == "http://dx.doi.org/" and before.endswith("daily (") and after.startswith("10.1056/")
    assert resolver[7] == ["http://dx.doi.org/", "https://doi.org/"]
    typo = rows[("content/posts/vitamin-d-basics.md", 13, 14, "spelling")]
    assert typo[6] == ["Many readers ", "recieve", " too little in winter, when the sun is low."]
    assert typo[7] == ["recieve", "receive"]
    link = rows[("content/posts/vitamin-d-basics.md", 10, 50, "link-broken")]
    assert link[6][1] == "/tags/calcium-and-bones.html" and link[7] is None


def test_excerpt_of_a_long_line_is_trimmed_around_the_span() -> None:
    line = "x" * 500 + "flagged" + "y" * 500
    d = Diagnostic("a.md", 1, 501, 1, 508, "r", "warning", "m")
    before, flagged, after = html_report._excerpt([line], d)
    assert flagged == "flagged"
    assert before == "…" + "x" * html_report.CONTEXT and after == "y" * html_report.CONTEXT + "…"
    assert html_report._excerpt([], d) is None
    assert html_report._excerpt(["   "], Diagnostic("a.md", 1, 1, 1, 1, "r", "warning", "m")) is None


def test_multi_line_fix_shows_what_it_replaces() -> None:
    d = Diagnostic("a.md", 1, 3, 2, 3, "r", "warning", "m", fix=Fix("X", 1, 3, 2, 3))
    assert html_report._fix_before(["abcd", "efgh"], d) == "cd\nef"


def test_hostile_content_is_only_text(hostile: Path) -> None:
    text = check(hostile, "html")
    page = assert_self_contained_and_inert(text)
    # The data block holds the hostile text as JSON strings; nothing in it can end the block.
    block = page.scripts[0][1]
    assert "<" not in block and ">" not in block
    data = data_of(page)
    assert any(PWNED in (r[6] or [""])[1] or PWNED in r[5] for r in data["rows"])
    [path] = data["files"]
    assert path.endswith(f"content/posts/<img src=x onerror=\"{PWNED}\">'q.md")
    # In the static HTML (bulk groups) the targets are escaped.
    assert "<i>" not in text and "&lt;i&gt;" in text


def test_no_findings(isolated: Path) -> None:
    (isolated / "ok.md").write_text("---\ntitle: Fine\ndate: 2024-01-01\n---\nPlain, careful text.\n")
    text = check(isolated, "html")
    assert_self_contained_and_inert(text)
    assert "No problems found in 1 file." in text and 'id="list"' not in text and 'class="skip"' not in text


def test_files_not_checked_are_listed(isolated: Path) -> None:
    (isolated / "binary.md").write_bytes(b"\x00\x01<script>")
    (isolated / "latin1.md").write_bytes("caf\xe9 <b>".encode("latin-1"))
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "html", "."])
    assert result.exit_code == 2
    page = assert_self_contained_and_inert(result.stdout)
    assert ("h2", {"id": "unchecked-h"}) in page.tags
    section = result.stdout.split('id="unchecked-h"')[1]
    assert "binary.md: skipped" in section and "latin1.md" in section
    # Both count as not checked: the skipped one too, not only the unreadable one.
    assert '<dt>Files not checked</dt><dd id="count-unchecked">2</dd>' in result.stdout


def big_report(n: int) -> Report:
    """n findings over n/20 pages, with source text, for the browser's load test."""
    report = Report(files_checked=n // 20)
    rules = ["spelling", "acronym-undefined", "dose-needs-citation", "link-broken", "date-stale"]
    for i in range(n):
        path = f"content/posts/page-{i // 20:05d}.md"
        line = i % 20 + 1
        if line == 1:
            report.sources[path] = "\n".join(f"Line {k} says Vitamin D3 at 5,000 IU and teh word {k}." for k in
                                             range(1, 21))
        rule = rules[i % len(rules)]
        report.diagnostics.append(Diagnostic(path, line, 28, line, 31, rule, ("error", "warning", "info")[i % 3],
                                             f"Finding {i} of rule {rule}: unknown word 'teh'"))
    report.files = sorted(report.sources)
    return report


# ---------------------------------------------------------------- in a real browser

def _chromium() -> tuple[str, str]:
    binary = next((p for name in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(name))), None)
    driver = shutil.which("chromedriver")
    if not binary or not driver:
        pytest.skip("headless Chromium and chromedriver are not installed "
                    "(apt-get install chromium chromium-driver; .ci/run does this when run as root)")
    return binary, driver


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    binary, driver = _chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    try:
        chrome = webdriver.Chrome(service=Service(driver), options=options)
    except WebDriverException as error:
        pytest.skip(f"Chromium did not start: {str(error.msg).splitlines()[0]}")
    yield chrome
    chrome.quit()


def open_report(browser: Any, path: Path) -> float:
    """Load a report and wait until its script has rendered; the seconds it took."""
    from selenium.webdriver.support.ui import WebDriverWait

    started = time.perf_counter()
    browser.get(path.resolve().as_uri())
    WebDriverWait(browser, 30, poll_frequency=0.05).until(
        lambda b: b.execute_script("return document.documentElement.getAttribute('data-ready')") == "1")
    seconds = time.perf_counter() - started
    # No script error and no Content-Security-Policy violation (the policy would block a script not ours).
    assert [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    return seconds


def rows(browser: Any) -> list[dict[str, str]]:
    return browser.execute_script("""
        return Array.from(document.querySelectorAll('#list tbody tr')).map(function (tr) {
          return {page: tr.closest('section').querySelector('h3').firstChild.textContent,
                  severity: tr.querySelector('.badge').textContent,
                  rule: tr.querySelector('td a').textContent, text: tr.textContent};
        });""")


def settle(browser: Any) -> None:
    time.sleep(0.4)  # the text inputs apply after a 150 ms pause in typing


def screenshot(browser: Any, name: str) -> Path:
    """A full-page PNG in the artifacts folder."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(int(height) + 20, 6000))
    target = ARTIFACTS / name
    assert browser.save_screenshot(str(target))
    browser.set_window_size(1280, 1000)
    return target


@pytest.mark.slow
def test_browser_counts_filters_and_screenshot(browser: Any, site: Path, isolated: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    expected = json.loads(check(site, "json"))
    report = isolated / "report.html"
    report.write_text(check(site, "html"), encoding="utf-8")
    open_report(browser, report)
    count = lambda key: browser.find_element(By.ID, f"count-{key}").text  # noqa: E731
    assert count("findings") == str(len(expected)) and count("files") == "3"
    for severity, number in Counter(d["severity"] for d in expected).items():
        assert count(severity) == str(number)
    assert len(rows(browser)) == len(expected)
    assert browser.find_element(By.ID, "status").text == f"Showing all {len(expected)} findings."

    shot = screenshot(browser, "report-site.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    if os.environ.get("MEDLINT_UPDATE_SCREENSHOT") == "1":  # the README's picture: the top of the page
        (REPO / "docs").mkdir(exist_ok=True)
        browser.set_window_size(1100, 1900)
        assert browser.save_screenshot(str(REPO / "docs" / "report.png"))
        browser.set_window_size(1280, 1000)

    # A rule filter leaves only that rule's rows.
    Select(browser.find_element(By.ID, "f-rule")).select_by_value("link-broken")
    shown = rows(browser)
    assert len(shown) == sum(d["rule"] == "link-broken" for d in expected) and {r["rule"] for r in shown} == {
        "link-broken"}
    # Severity, path and text filters combine with it.
    browser.find_element(By.ID, "f-reset").click()
    settle(browser)
    browser.find_element(By.CSS_SELECTOR, 'input[name="severity"][value="error"]').click()
    shown = rows(browser)
    assert len(shown) == sum(d["severity"] != "error" for d in expected)
    assert "error" not in {r["severity"] for r in shown}
    browser.find_element(By.ID, "f-path").send_keys("SENIORS")
    settle(browser)
    shown = rows(browser)
    assert shown and {r["page"] for r in shown} == {"content/posts/vitamin-d-for-seniors.md"}
    assert len(shown) == sum(d["severity"] != "error" and "seniors" in d["path"] for d in expected)
    browser.find_element(By.ID, "f-text").send_keys("nothing like this")
    settle(browser)
    assert rows(browser) == []
    assert browser.find_element(By.ID, "status").text.startswith("No finding matches the filters")

    # Keyboard: the bulk group's button, reached and pressed from the keyboard, filters to its links.
    button = browser.find_element(By.CSS_SELECTOR, ".bulk button[data-rule]")
    browser.execute_script("arguments[0].focus()", button)
    button.send_keys(Keys.ENTER)
    shown = rows(browser)
    assert len(shown) == 6 and all("Link to '/tags/" in r["text"] for r in shown)
    assert browser.find_element(By.ID, "status").text.startswith(f"Links to /tags/*.html: 6 of {len(expected)} findings")
    assert browser.switch_to.active_element.get_attribute("id") == "findings-h"
    # The skip link is the first stop of the Tab key.
    browser.get(report.resolve().as_uri())
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("class") == "skip"


@pytest.mark.slow
def test_browser_runs_no_hostile_script(browser: Any, hostile: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    report = hostile / "report.html"
    report.write_text(check(hostile, "html"), encoding="utf-8")
    open_report(browser, report)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.title.startswith("medlint report:")
    state = browser.execute_script("""
        var handlers = [];
        document.querySelectorAll('*').forEach(function (el) {
          Array.from(el.attributes).forEach(function (a) { if (/^on/i.test(a.name)) handlers.push(a.name); });
        });
        return {scripts: document.scripts.length, images: document.images.length, handlers: handlers,
                hrefs: Array.from(document.querySelectorAll('[href]')).map(function (a) {
                  return a.getAttribute('href'); })};""")
    assert state["scripts"] == 2 and state["images"] == 0 and state["handlers"] == []
    assert all(h.startswith("#") for h in state["hrefs"])
    # The hostile text is shown, literally, as text.
    page_text = browser.find_element(By.TAG_NAME, "body").text
    assert f"<script>{PWNED}</script>" in page_text
    assert f"<img src=x onerror=\"{PWNED}\">'q.md" in page_text
    # Clicking every link and button in the list runs nothing either.
    browser.execute_script("document.querySelectorAll('#list a, button').forEach(function (e) { e.click(); });")
    assert browser.title.startswith("medlint report:")
    screenshot(browser, "report-hostile.png")

    # Defence in depth: had any markup slipped through, the page's policy would block its script.
    tampered = hostile / "tampered.html"
    tampered.write_text(report.read_text(encoding="utf-8").replace(
        "<main>", f"<main><script>{PWNED}</script>", 1), encoding="utf-8")
    browser.get(tampered.resolve().as_uri())
    assert browser.title.startswith("medlint report:")
    assert any("Content Security Policy" in e["message"] for e in browser.get_log("browser"))


@pytest.mark.slow
def test_browser_50000_findings_open_quickly_and_filter(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    report = tmp_path / "big.html"
    with report.open("w", encoding="utf-8") as out:
        html_report.write(big_report(50_000), out)
    seconds = open_report(browser, report)
    assert seconds < 15, f"opening took {seconds:.1f} s"
    assert len(rows(browser)) == 250  # rendered a chunk at a time
    assert browser.find_element(By.ID, "status").text == "Showing the first 250 of 50,000 findings."
    started = time.perf_counter()
    Select(browser.find_element(By.ID, "f-rule")).select_by_value("link-broken")
    assert browser.find_element(By.ID, "status").text.startswith("10,000 of 50,000 findings match the filters")
    assert time.perf_counter() - started < 5
    browser.find_element(By.ID, "more").click()
    assert len(rows(browser)) == 500


CONTRAST = """
function channel(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
function luminance(c) { var m = c.match(/[\\d.]+/g).map(Number);
  return 0.2126 * channel(m[0]) + 0.7152 * channel(m[1]) + 0.0722 * channel(m[2]); }
function background(el) {
  for (; el; el = el.parentElement) { var c = getComputedStyle(el).backgroundColor;
    if (c !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(c)) return c; }
  return 'rgb(255, 255, 255)'; }
var low = [];
document.querySelectorAll('body *').forEach(function (el) {
  var text = Array.from(el.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
  var style = getComputedStyle(el);
  if (!text || style.display === 'none' || style.visibility === 'hidden' || el.closest('.sr-only')) return;
  var a = luminance(style.color), b = luminance(background(el));
  var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  var large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && style.fontWeight >= 700);
  if (ratio < (large ? 3 : 4.5)) low.push(el.tagName + '.' + el.className + ' ' + ratio.toFixed(2));
});
return low;
"""


@pytest.mark.slow
def test_browser_contrast_and_print(browser: Any, site: Path, isolated: Path) -> None:
    from selenium.webdriver.common.by import By

    report = isolated / "report.html"
    report.write_text(check(site, "html"), encoding="utf-8")
    open_report(browser, report)
    # WCAG AA: every piece of visible text against its background.
    assert browser.execute_script(CONTRAST) == []
    # In print the controls go and the findings stay.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.ID, "filters").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, ".bulk button").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, "#list tbody tr").is_displayed()
        pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})["data"])
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert pdf.startswith(b"%PDF")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "report-site.pdf").write_bytes(pdf)
