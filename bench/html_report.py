"""Time opening medlint's HTML report of a real site in headless Chromium.

    python bench/html_report.py [--corpus ../shared/corpora/vdw-dev] [--runs 3] [--report FILE]

Runs ``medlint check --config CFG --no-cache --format html .`` from the corpus
folder (the config, written to a temporary folder, is the corpus README's:
content root the corpus, vitamindwiki.com as base URLs), then opens the
report in headless Chromium (Debian's chromium and chromedriver, driven by
selenium) and prints, as the median of ``--runs`` fresh page loads: the time
``driver.get`` took (navigation to the load event, the report's script
included), the script's own mark of the first chunk on screen, and how long
a rule filter and a text search take. It then does the same for the report's
findings repeated (under ``copy-N/`` paths) until there are at least 50,000,
to show that case on real messages and source lines.
``--report FILE`` times an existing report instead of running medlint.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_BLOCK = re.compile(r'(<script type="application/json" id="medlint-data">)(.*?)(</script>)', re.S)


def make_report(corpus: Path, out: Path) -> float:
    """Run medlint on the corpus; the seconds it took."""
    config = out.parent / "medlint-bench.yaml"
    config.write_text(json.dumps({"site": {"content_root": str(corpus.resolve()), "base_urls": [
        "https://vitamindwiki.com", "https://www.vitamindwiki.com"]}}), encoding="utf-8")
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as stream:
        done = subprocess.run([sys.executable, "-m", "medlint", "check", "--config", str(config), "--no-cache",
                               "--format", "html", "."], cwd=corpus, stdout=stream)
    if done.returncode not in (0, 1):
        sys.exit(f"medlint exited with {done.returncode}")
    return time.perf_counter() - started


def repeated(report: Path, out: Path, at_least: int = 50_000) -> int:
    """The report with its findings repeated until there are ``at_least``; how many findings."""
    text = report.read_text(encoding="utf-8")
    match = DATA_BLOCK.search(text)
    if match is None:
        sys.exit(f"{report}: no findings data block")
    data = json.loads(match.group(2))
    files, rows = list(data["files"]), list(data["rows"])
    copy = 0
    while rows and len(data["rows"]) < at_least:
        copy += 1
        offset = len(data["files"])
        data["files"] += [f"copy-{copy}/{f}" for f in files]
        data["rows"] += [[row[0] + offset, *row[1:]] for row in rows]
    block = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    out.write_text(text[:match.start(2)] + block + text[match.end(2):], encoding="utf-8")
    return len(data["rows"])


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    if not binary or not driver:
        sys.exit("needs chromium and chromedriver (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(driver), options=options)


FILTER = """
var select = document.getElementById('f-rule'), text = document.getElementById('f-text');
var t0 = performance.now();
select.value = arguments[0]; select.dispatchEvent(new Event('change', {bubbles: true}));
var t1 = performance.now();
select.value = ''; text.value = arguments[1]; text.dispatchEvent(new Event('change', {bubbles: true}));
var t2 = performance.now();
return [t1 - t0, t2 - t1, document.getElementById('status').textContent];
"""


def measure(chrome, report: Path, runs: int) -> dict[str, float | str]:
    loads, ready, filters, searches, status = [], [], [], [], ""
    for _ in range(runs):
        chrome.get("about:blank")
        started = time.perf_counter()
        chrome.get(report.resolve().as_uri())
        loads.append(time.perf_counter() - started)
        marks = chrome.execute_script("return [document.documentElement.getAttribute('data-ready'),"
                                      " document.documentElement.getAttribute('data-ready-ms')]")
        if marks[0] != "1":
            sys.exit(f"{report}: the report's script did not finish")
        ready.append(float(marks[1]) / 1000)
        rule_ms, search_ms, status = chrome.execute_script(FILTER, "link-broken", "vitamin d3")
        filters.append(rule_ms / 1000)
        searches.append(search_ms / 1000)
    return {"load": statistics.median(loads), "ready": statistics.median(ready),
            "filter": statistics.median(filters), "search": statistics.median(searches), "status": status}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "vdw-dev")
    parser.add_argument("--report", type=Path, help="time this report instead of making one")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = args.report
        if report is None:
            if not args.corpus.is_dir():
                sys.exit(f"{args.corpus}: no such corpus folder")
            report = Path(tmp) / "report.html"
            print(f"medlint check --no-cache --format html on {args.corpus}: {make_report(args.corpus, report):.1f} s")
        many = Path(tmp) / "many.html"
        cases = [(report, len(json.loads(DATA_BLOCK.search(report.read_text(encoding="utf-8")).group(2))["rows"])),
                 (many, repeated(report, many))]
        chrome = browser()
        try:
            print("| report | findings | size (MB) | open: driver.get (s) | first chunk shown (s) "
                  "| rule filter (s) | text search (s) |\n|---|---:|---:|---:|---:|---:|---:|")
            for path, findings in cases:
                m = measure(chrome, path, args.runs)
                name = "as made" if path == report else "findings repeated"
                print(f"| {name} | {findings:,} | {path.stat().st_size / 1e6:.1f} | {m['load']:.2f} "
                      f"| {m['ready']:.2f} | {m['filter']:.3f} | {m['search']:.3f} |")
        finally:
            chrome.quit()


if __name__ == "__main__":
    main()
