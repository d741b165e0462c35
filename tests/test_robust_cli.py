"""Hostile files through the real command line: one clear error naming the file (and line), a non-zero
exit and no traceback; Ctrl-C leaves earlier outputs whole; article text never becomes markup in the map."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import EXIT_INTERRUPTED, _register, cli
from mapper.cli.store import EXIT_SOME_FAILED
from mapper.gazetteer.sources import curated_entry
from mapper.model import MAX_TEXT_CHARS

ROOT = Path(__file__).parent.parent
GOOD = "KYIV, June 3, 2025 - A drone struck a warehouse in Kharkiv on Monday, officials said."
FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>\n"
        f"<item><title>Kharkiv</title><description>{GOOD}</description></item>\n"
        "<item><title>Ualy</title><description>Drone debris fell near the village of Ualy in the Mangistau region "
        "on Tuesday.</description></item></channel></rss>")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def _mapper(*args: str) -> tuple[int, str]:
    _register()
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def _record(**fields: object) -> str:
    return json.dumps({"text": GOOD, **fields}) + "\n"


HOSTILE = {  # file name -> (bytes, what the message must say)
    "image.txt": (PNG, "not UTF-8 text but a PNG image"),
    "image.jsonl": (PNG, "not UTF-8 text but a PNG image"),
    "packed.jsonl": (gzip.compress(_record(id="a").encode()), "gzip archive; decompress it first"),
    "wide.txt": (("\ufeff" + GOOD).encode("utf-16-le"), "UTF-16 text; re-save it as UTF-8"),
    "wide.csv": (f"id,text\na,{GOOD}\n".encode("utf-16"), "UTF-16 text; re-save it as UTF-8"),
    "nul.jsonl": (_record(id="a").encode() + b"\x00\x00\n", "binary data (NUL bytes"),
    "deep.json": (b"[" * 100_000, "unusable JSON (RecursionError"),
    "digits.jsonl": (b"1" * 5000 + b"\n", ":1: unusable JSON (ValueError"),
    "latin1.jsonl": (b'{"text": "Caf\xe9 in Kharkiv"}\n', ":1: not valid UTF-8"),
    "huge.txt": (b"Kharkiv " * (MAX_TEXT_CHARS // 8 + 1), "over the limit of 2,000,000; split it"),
    "cut.rss": (FEED.encode()[:FEED.index("the Mangistau")], "(line 3: no element found): the file looks cut short"),
    "cut-in-a-tag.rss": (FEED.encode()[:-12], "(line 3: unclosed token): the file looks cut short"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_gets_one_clear_error_naming_it(tmp_path: Path, name: str) -> None:
    data, expected = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(data)
    code, output = _mapper("places", str(path))
    assert code == 1, output
    assert f"Error: {path}" in output and expected in output, output
    assert "Traceback" not in output


def test_a_batch_reports_a_binary_file_once_not_once_per_line(tmp_path: Path) -> None:
    (tmp_path / "image.jsonl").write_bytes(PNG * 40)
    code, output = _mapper("add", str(tmp_path / "image.jsonl"), "--store", str(tmp_path / "s.sqlite"),
                           "--engine", "serial", "-q")
    assert code == EXIT_SOME_FAILED
    assert output.count("error:") == 1 and "PNG image" in output


@pytest.mark.parametrize("suffix, body", [
    (".jsonl", _record(id="a") + _record(id="b", text="A drone fell on Odesa.")),
    (".csv", f'id,text\na,"{GOOD}"\nb,"A drone fell on Odesa."\n'),
    (".txt", f"{GOOD}\n\nA drone fell on Odesa.\n"),
])
def test_old_mac_line_endings_read_as_lines(tmp_path: Path, suffix: str, body: str) -> None:
    (tmp_path / f"lf{suffix}").write_text(body, newline="\n")
    (tmp_path / f"cr{suffix}").write_text(body, newline="\r")
    outputs = []
    for name in ("lf", "cr"):
        code, output = _mapper("places", str(tmp_path / f"{name}{suffix}"))
        assert code == 0, output
        outputs.append(output.replace(f"{name}-", "").replace(f"{name}:", ""))
    assert outputs[0] == outputs[1] and "Odesa" in outputs[0]


def test_an_os_error_is_a_message_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("a file, not a folder")
    code, output = _mapper("gazetteer", "build", "--quiet", "--path", str(tmp_path / "plain" / "g.sqlite"))
    assert code == 1 and "Traceback" not in output
    assert f"Error: {tmp_path / 'plain'}: " in output  # mkdir's own words: 'File exists'


def test_a_bad_dask_scheduler_address_says_how_to_write_one(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    (tmp_path / "a.jsonl").write_text(_record(id="a"))
    code, output = _mapper("add", str(tmp_path / "a.jsonl"), "--store", str(tmp_path / "s.sqlite"),
                           "--engine", "dask", "--scheduler", "no-port-here")
    assert code == 1 and "tcp://HOST:PORT" in output and "internal error" not in output


def test_a_curated_place_on_the_prime_meridian_is_no_missing_longitude() -> None:
    row = {"slug": "greenwich-gb", "name": "Greenwich", "kind": "populated place", "country": "GB",
           "lat": 51.48, "lon": 0.0, "source": "test"}
    assert curated_entry(row, {"GB"}, "new row").place.lon == 0.0


def _wait_for_cpu_seconds(pid: int, seconds: float) -> None:
    """Until the process has used this much CPU time (not wall time: the machine may be busy)."""
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists():
        time.sleep(seconds)
        return
    tick = os.sysconf("SC_CLK_TCK")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        if (int(fields[11]) + int(fields[12])) / tick >= seconds:  # utime + stime
            return
        time.sleep(0.05)


def test_ctrl_c_leaves_the_earlier_outputs_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "mapper", "run", "--out", str(out)]
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    # (the dev set four times over, ids made unique: parsing outlasts the wait however fast the machine is)
    rows = (ROOT / "tests" / "data" / "incident_dev.jsonl").read_text(encoding="utf-8").splitlines()
    big = tmp_path / "big.jsonl"
    big.write_text("\n".join(line.replace('{"id": "', f'{{"id": "x{k}-', 1) for k in range(4) for line in rows),
                   encoding="utf-8")
    run = subprocess.Popen([*command, str(big)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_cpu_seconds(run.pid, 3.0)  # past start-up (about 0.5 s), into parsing 2,000 articles (many seconds)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == EXIT_INTERRUPTED and b"Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no half-written file, no temp folder


INTERRUPT_AFTER_FIRST_RENAME = """
import os, signal, sys
from mapper.cli import main
_replace = os.replace
def replace(src, dst):
    _replace(src, dst)
    if ".mapper-run-" in str(src) and ".mapper-run-" not in str(dst):  # from the staging folder into place:
        os.kill(os.getpid(), signal.SIGINT)  # a Ctrl-C arrives between the first output renamed and the next
os.replace = replace
sys.argv = ["mapper", *sys.argv[1:]]
main()
"""


def test_ctrl_c_while_outputs_are_replaced_leaves_no_mix_of_old_and_new(tmp_path: Path) -> None:
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    (tmp_path / "a.jsonl").write_text(_record(id="a", published="2025-06-03"))
    subprocess.run([sys.executable, "-m", "mapper", "run", "--out", str(out)], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    subprocess.run([sys.executable, "-m", "mapper", "run", str(tmp_path / "a.jsonl"), "--out", str(fresh)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    run = subprocess.run([sys.executable, "-c", INTERRUPT_AFTER_FIRST_RENAME, "run", str(tmp_path / "a.jsonl"),
                          "--out", str(out)], cwd=ROOT, env=env, capture_output=True)
    assert run.returncode == EXIT_INTERRUPTED and b"Traceback" not in run.stderr
    data = ("incidents.geojson", "flows.geojson", "places.geojson", "incidents.csv")
    assert {n: (out / n).read_bytes() for n in data} == {n: (fresh / n).read_bytes() for n in data}
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in fresh.iterdir())  # no temp folder


def test_article_text_never_becomes_markup_in_the_map(tmp_path: Path) -> None:
    """Ids, titles, sources, text and URLs from a JSON Lines file and a feed, end to end into map.html."""
    evil = {"id": "</script><script>alert('id')</script>", "published": "2025-06-03",
            "title": "<img src=x onerror=alert('t')>\"' </script>", "source": "<b onmouseover=alert(1)>Evil</b>",
            "url": "javascript:alert(document.cookie)",
            "text": GOOD + " </script><script>alert('text')</script> A drone hit <b>Odesa</b>, killing two people."}
    (tmp_path / "evil.jsonl").write_text(json.dumps(evil) + "\n")
    (tmp_path / "evil.rss").write_text(
        "<rss version='2.0'><channel><title>&lt;script&gt;alert('src')&lt;/script&gt;</title><item>"
        "<title>&lt;img src=x onerror=alert(1)&gt; Drone in Kharkiv</title><link>javascript:alert(2)</link>"
        f"<description>{GOOD} &lt;script&gt;alert(3)&lt;/script&gt;</description></item></channel></rss>")
    code, output = _mapper("run", str(tmp_path / "evil.jsonl"), str(tmp_path / "evil.rss"),
                           "--out", str(tmp_path / "out"))
    assert code == 0, output
    page = (tmp_path / "out" / "map.html").read_text(encoding="utf-8")
    for markup in ("<script>alert", "<img src=x", "<b onmouseover", "<b>Odesa", 'href="javascript:'):
        assert markup not in page
    _in_a_browser(tmp_path / "out" / "map.html")


def _in_a_browser(path: Path) -> None:
    """Open every popup in headless Chromium (when installed): no dialog, no element from the data."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return
    from test_browser import ARGS, CHROMIUM, Page

    if not Path(CHROMIUM).exists():
        return
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = Page(browser, path)
        dialogs: list[str] = []
        page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        markers = page.page.locator(".leaflet-marker-icon, path.leaflet-interactive")
        assert markers.count() > 0
        opened = 0
        for i in range(markers.count()):
            markers.nth(i).dispatch_event("click")  # a marker may lie outside the viewport: no real click
            popup = page.page.locator(".leaflet-popup-content")
            if popup.count():
                opened += 1
                assert popup.locator("img, script, b").count() == 0
                assert all(a.get_attribute("href").startswith(("http:", "https:"))
                           for a in popup.locator("a").all())
        assert opened > 0 and dialogs == [] and page.errors == [] and page.requests == []
        browser.close()


def test_an_unbalanced_quote_in_a_csv_is_an_error_at_its_row(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(f'id,text\na,"{GOOD}"\nb,"two\nlines"\nc,"never closed\nd,{GOOD}\n')
    code, output = _mapper("places", str(path))
    assert code == 1 and f"Error: {path}:5: a quoted field opened in this row is never closed" in output


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "news" / "locked").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text(GOOD)
    (tmp_path / "news" / "locked" / "b.txt").write_text(GOOD)
    (tmp_path / "news" / "locked").chmod(0)
    command = [sys.executable, "-m", "mapper", "places", str(tmp_path / "news")]
    if os.geteuid() == 0:  # root reads any folder: drop the capabilities that let it
        if not Path("/usr/bin/setpriv").exists():
            pytest.skip("running as root without setpriv")
        command = ["/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", *command]
    try:
        run = subprocess.run(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
                             text=True, timeout=120)
    finally:
        (tmp_path / "news" / "locked").chmod(0o755)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"Error: {tmp_path / 'news' / 'locked'}: cannot read folder: Permission denied" in run.stderr
