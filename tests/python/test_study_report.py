#!/usr/bin/python3
"""Checks the briefing page of a study: `smugsim study scenarios/studies/question_2023.ini` at a
fiftieth of the population with two replicates, then scripts/study-report on its folder. The page
must exist, load nothing from the network, embed every image as a PNG, and show effects.csv's
numbers; the tables must read with the one line of pandas docs/study.md gives.

Environment: SMUGSIM (the smugsim binary), SMUG_SOURCE_DIR (repository root).
Prints "N passed, M failed"; exits non-zero on any failure.
"""
import base64
import csv
import os
import re
import subprocess
import sys
import tempfile
import traceback

SMUGSIM = os.environ.get("SMUGSIM", "smugsim")
SOURCE = os.environ.get("SMUG_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))


def make_study(folder):
    """The study's folder with its report, made once for every check."""
    out = os.path.join(folder, "study")
    study = os.path.join(SOURCE, "scenarios", "studies", "question_2023.ini")
    for cmd in ([SMUGSIM, "study", study, "-o", out, "--replicates", "2", "--draws", "2",
                 "--scale", "0.02", "-t", "2", "-q"],
                ["/usr/bin/python3", os.path.join(SOURCE, "scripts", "study-report"), out]):
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit("cannot make the study: " + " ".join(cmd) + "\n" + proc.stderr)
    return out


def page(out):
    with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
        return f.read()


def check_the_page_loads_nothing_from_the_network(out):
    text = page(out)
    assert not re.search(r"https?://", text), re.search(r".{40}https?://.{40}", text).group(0)
    assert not re.search(r"(src|href)\s*=\s*[\"']?//", text), "a protocol-relative reference"
    assert "@import" not in text and "url(" not in text, "the style loads something"


def check_every_image_is_an_embedded_png(out):
    text = page(out)
    images = re.findall(r"<img[^>]*src=\"([^\"]*)\"", text)
    assert len(images) >= 3, "expected the effects and two fan charts, got %d" % len(images)
    for src in images:
        assert src.startswith("data:image/png;base64,"), src[:60]
        assert base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"


def check_the_headline_table_shows_the_effects(out):
    with open(os.path.join(out, "effects.csv"), newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["period"] == "2023-01-01..2023-12-31"]
    assert len(rows) == 6, "three what-ifs, two metrics: %d rows" % len(rows)
    text = page(out)
    for r in rows:
        shown = "{:+,.0f}".format(float(r["diff_mean"]))
        assert ("<td>%s</td><td>%s</td>" % (r["scenario"], r["metric"])) in text, r["scenario"]
        assert "<td>%s</td>" % shown in text, "%s %s: %s not in the table" % (
            r["scenario"], r["metric"], shown)
    assert "parameter uncertainty (2 draws" in text, "does not say what the intervals include"


def check_the_page_says_what_was_asked(out):
    text = page(out)
    for words in ("without the returns agreement", "without the August 2022",
                  "drones on the Kosovo border from 2023", "projection"):
        assert words.lower() in text.lower(), words


def check_the_tables_read_with_one_line_of_pandas(out):
    import pandas as pd
    effects = pd.read_csv(os.path.join(out, "effects.csv"))
    summary = pd.read_csv(os.path.join(out, "summary.csv"))
    assert list(effects.columns) == ["scenario", "period", "metric", "diff_mean", "diff_p05",
                                     "diff_p95", "rel_change", "p_negative", "sd_parameter",
                                     "sd_chance"]
    assert effects["diff_mean"].dtype.kind in "fi" and summary["mean"].dtype.kind in "fi"
    assert set(summary["scenario"]) == {"baseline", "no_returns_agreement", "no_aug2022_deal",
                                        "drones_from_2023"}


def check_a_real_browser_renders_the_page_with_its_images(out):
    """Headless Chromium (Debian's chromium, installed by scripts/setup) with the network off:
    the page renders, its images decode and fill the width, and nothing fails to load."""
    import numpy as np
    import matplotlib.image as mpimg
    shot = os.path.join(out, "screenshot.png")
    url = "file://" + os.path.abspath(os.path.join(out, "report.html"))
    # The page's own width (embedded images scale to it) as the window: 1200 x 3000 pixels.
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--proxy-server=127.0.0.1:9", "--window-size=1200,3000", "--screenshot=" + shot, url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and os.path.exists(shot), proc.stderr[-2000:]
    assert "net::ERR" not in proc.stderr, proc.stderr[-2000:]
    img = mpimg.imread(shot)[..., :3]
    assert img.shape[1] == 1200, img.shape
    colours = np.unique((img.reshape(-1, 3) * 255).astype(np.uint8), axis=0)
    assert len(colours) > 200, "a blank or text-only page: %d colours" % len(colours)
    # The page's text is black on white: coloured pixels come only from the decoded charts (the
    # scenarios' lines, bands and intervals), which span over a hundred rows; broken images none.
    saturation = img.max(axis=2) - img.min(axis=2)
    coloured_rows = int(((saturation > 0.25).sum(axis=1) > 20).sum())
    assert coloured_rows > 50, "the charts did not render: %d coloured rows" % coloured_rows


def main():
    checks = [v for k, v in sorted(globals().items()) if k.startswith("check_")]
    passed = failed = 0
    with tempfile.TemporaryDirectory() as folder:
        out = make_study(folder)
        for check in checks:
            try:
                check(out)
                passed += 1
                print("ok   " + check.__name__)
            except Exception:
                failed += 1
                print("FAIL " + check.__name__)
                traceback.print_exc()
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
