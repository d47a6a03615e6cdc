"""The HTML report in a real headless Chromium: evidence highlighted, clicks scroll to it, article markup inert.

Chromium is driven from its command line only (no DevTools protocol, no WebDriver, no network):
the test appends a checking script to the page, Chromium loads it from a file with `--dump-dom`,
and the script writes its verdict into the DOM, which the test reads back. The renderer's own
page is unchanged apart from that appended script. A screenshot of the sample pair's report is
saved for a person to look at: to reports/html-report.png when the environment variable
CROSSCHECK_SCREENSHOT names that path (a test run leaves the repository as it found it).

Skipped where no Chromium is installed (Debian: `apt-get install chromium`), except under CI
(the CI environment variable set), where a missing browser fails the run.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from handmade import hostile_report, ten_sources

from crosscheck.render_html import render_html

SCREENSHOT_TO = "CROSSCHECK_SCREENSHOT"
"""Where the sample report's screenshot is saved; by default a temporary folder."""
WINDOW = "1600,1000"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    f"--window-size={WINDOW}",
)

CHECK = """
(function () {
  var expected = %s;
  var root = document.querySelector(".cc-report");
  var cols = root.querySelector(".cc-cols");
  var problems = [], spans = 0, scrolled = 0;
  function article(source) { return root.querySelector('.cc-src[data-source="' + CSS.escape(source) + '"]'); }
  function marksOf(art, id) {
    return Array.from(art.querySelectorAll(".cc-text mark")).filter(function (m) { return m.dataset.f.split(" ").indexOf(id) >= 0; });
  }
  expected.forEach(function (f) {
    var li = root.querySelector('.cc-f[data-id="' + f.id + '"]');
    if (!li) { problems.push(f.id + ": not listed"); return; }
    // Every evidence span is marked for this finding, exactly, and the marks are painted.
    f.evidence.forEach(function (e) {
      var ms = marksOf(article(e.source), f.id).filter(function (m) { var o = Number(m.dataset.o); return o >= e.start && o < e.end; });
      var text = ms.map(function (m) { return m.textContent; }).join("");
      if (text !== e.text) problems.push(f.id + " @" + e.source + ":" + e.start + ": marked " + JSON.stringify(text.slice(0, 60)));
      ms.forEach(function (m) {
        var cs = getComputedStyle(m);
        if (cs.backgroundColor === "rgba(0, 0, 0, 0)" || cs.backgroundColor === "transparent") problems.push(f.id + ": unpainted mark");
      });
      spans++;
    });
    // Clicking the finding brings its first evidence in every article it cites into view.
    var before = Array.from(root.querySelectorAll(".cc-text")).map(function (t) { return t.scrollTop; }).join();
    li.click();
    if (!li.classList.contains("cc-sel")) problems.push(f.id + ": not selected on click");
    var firstArticle = true;
    Array.from(root.querySelectorAll(".cc-src")).forEach(function (art) {
      var own = f.evidence.filter(function (e) { return e.source === art.dataset.source; });
      if (!own.length) return;
      var start = Math.min.apply(null, own.map(function (e) { return e.start; }));
      var m = marksOf(art, f.id).filter(function (x) { return Number(x.dataset.o) === start; })[0];
      if (!m) { problems.push(f.id + ": no mark at " + start); return; }
      var r = m.getBoundingClientRect(), box = art.querySelector(".cc-text").getBoundingClientRect();
      if (!(r.top >= box.top && r.top < box.bottom - 8)) problems.push(f.id + " @" + art.dataset.source + ": evidence not scrolled into view");
      if (!m.classList.contains("cc-on")) problems.push(f.id + ": evidence not emphasised");
      if (firstArticle) {
        var c = cols.getBoundingClientRect();
        if (r.left < c.left - 1 || r.left > c.right) problems.push(f.id + " @" + art.dataset.source + ": article off screen");
        firstArticle = false;
      }
    });
    if (Array.from(root.querySelectorAll(".cc-text")).map(function (t) { return t.scrollTop; }).join() !== before) scrolled++;
  });
  var out = document.createElement("pre");
  out.id = "cc-check";
  out.textContent = JSON.stringify({findings: expected.length, spans: spans, scrolled: scrolled, problems: problems});
  document.body.appendChild(out);
})();
"""

INERT = """
window.addEventListener("load", function () {
  setTimeout(function () {
    var out = document.createElement("pre");
    out.id = "cc-check";
    out.textContent = JSON.stringify({
      pwned: window.pwned || null, scripts: document.scripts.length,
      imgs: document.images.length, title: document.title,
      shown: document.querySelector(".cc-text").textContent
    });
    document.body.appendChild(out);
  }, 200);
});
"""


@pytest.fixture(scope="module")
def browser() -> str:
    """The path of a Chromium binary; a skip (a failure under CI) when there is none."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("no Chromium on PATH under CI; .ci/run installs Debian's chromium package")
    pytest.skip("no Chromium on PATH: install Debian's chromium package (apt-get install chromium) to run the browser tests")


def with_script(page: str, script: str) -> str:
    """The page with a test script appended at the end of its body."""
    return page.replace("</body>", f"<script>{script}</script>\n</body>")


def run(browser: str, page: Path, tmp: Path, *args: str) -> str:
    """Chromium on a local file with a throwaway profile; its stdout."""
    proc = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args, page.as_uri()],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def verdict(browser: str, page: str, tmp: Path) -> dict[str, Any]:
    """Load `page` (with its checking script) and return what the script reported."""
    path = tmp / "page.html"
    path.write_text(page, encoding="utf-8")
    dom = run(browser, path, tmp, "--virtual-time-budget=5000", "--dump-dom")
    found = re.search(r'<pre id="cc-check">(.*?)</pre>', dom, re.DOTALL)
    assert found, "the checking script left no verdict:\n" + dom[-1500:]
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


def expected(report: Any) -> str:
    """Each finding's id and evidence, as a JS literal safe inside a script element."""
    data = [{"id": f["id"], "evidence": f["evidence"]} for f in report.to_dict()["findings"]]
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def test_sample_report_in_chromium(browser: str, sample_report: Any, tmp_path: Path) -> None:
    page = render_html(sample_report)
    result = verdict(browser, with_script(page, CHECK % expected(sample_report)), tmp_path)
    assert result["problems"] == []
    assert result["findings"] == len(sample_report.findings)
    assert result["spans"] == sum(len(f.evidence) for f in sample_report.findings)
    assert result["scrolled"] > len(sample_report.findings) // 2  # most clicks had to move an article

    # The screenshot shows the page as a reader finds it after clicking the first finding.
    shot = tmp_path / "shot.html"
    shot.write_text(with_script(page, 'document.querySelector(".cc-f").click();'), encoding="utf-8")
    screenshot = Path(os.environ.get(SCREENSHOT_TO) or tmp_path / "html-report.png").resolve()
    screenshot.parent.mkdir(exist_ok=True)
    run(browser, shot, tmp_path, "--virtual-time-budget=2000", f"--screenshot={screenshot}")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_ten_sources_in_chromium(browser: str, tmp_path: Path) -> None:
    rep = ten_sources()
    result = verdict(browser, with_script(render_html(rep), CHECK % expected(rep)), tmp_path)
    assert result["problems"] == []  # including: the row scrolls sideways to the cited article


def test_article_markup_stays_inert_in_chromium(browser: str, tmp_path: Path) -> None:
    result = verdict(browser, with_script(render_html(hostile_report("window.pwned=1")), INERT), tmp_path)
    assert result["pwned"] is None
    assert result["scripts"] == 2  # the renderer's and this test's
    assert result["imgs"] == 0
    assert "window.pwned=1" in result["shown"] and "<img src=x onerror=" in result["shown"]
