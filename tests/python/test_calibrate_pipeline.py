#!/usr/bin/python3
"""scripts/calibrate end to end on a tiny design (2 waves of 10 points at 5% scale): every stage
writes its result, the results folder holds what docs/calibration.md describes, and a second run
of the same command resumes (runs no simulation again and gives the same posterior).
Environment: SMUGSIM (the smugsim binary), SMUG_SOURCE_DIR (repository root).
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.environ.get("SMUG_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SMUGSIM = os.environ.get("SMUGSIM", os.path.join(SOURCE, "build", "bin", "smugsim"))
SCRIPT = os.path.join(SOURCE, "scripts", "history_matching", "calibrate.py")


SETUP = os.path.join(SOURCE, "scenarios", "calibration", "history_matching.ini")


def small_setup(folder, keep=5):
    """The production set-up with its first `keep` free parameters (the rest at the scenario's
    values), paths made absolute, and a cut-off of 10 instead of 3: this tests the pipeline's
    mechanics, and emulators of ten runs at 5% scale rule out nearly everything at 3 (the
    production run's numbers are in docs/calibration.md)."""
    here = os.path.dirname(SETUP)
    with open(SETUP) as f:
        lines = f.read().split("\n")
    start = lines.index("[free]") + 1
    free = [l for l in lines[start:] if l and not l.startswith(";")]
    # The first few, and the integer one, so that posterior.csv holds a whole-number column.
    free = free[:keep - 1] + [l for l in free if l.startswith("organisations.arrest_disruption")]
    text = "\n".join(lines[:start] + free) + "\n"
    text = text.replace("cutoff = 3", "cutoff = 10")
    text = text.replace("scenario = mechanisms.ini", f"scenario = {here}/mechanisms.ini")
    text = text.replace("targets = ../data/targets.csv", f"targets = {here}/../data/targets.csv")
    path = os.path.join(folder, "small.ini")
    with open(path, "w") as f:
        f.write(text)
    return path


def calibrate(work, results, *extra):
    cmd = [sys.executable, SCRIPT, "--work", work, "--results", results, "--smugsim", SMUGSIM,
           "--waves", "2", "--points", "10", "--scale", "0.05", "--posterior-draws", "3",
           "--threads", "2", *extra]
    return subprocess.run(cmd, cwd=SOURCE, capture_output=True, text=True)


class CalibratePipeline(unittest.TestCase):
    def test_runs_every_stage_and_resumes_without_rerunning(self):
        with tempfile.TemporaryDirectory() as d:
            work, res = os.path.join(d, "work"), os.path.join(d, "res")
            setup = ("--setup", small_setup(d))
            first = calibrate(work, res, *setup)
            self.assertEqual(first.returncode, 0, first.stderr[-2000:])
            for f in ("wave1.csv", "wave2.csv", "waves.csv", "posterior.csv", "parameters.csv",
                      "correlations.csv", "predictive_quarters.csv", "predictive.json",
                      "fan_chart.png", "recovery.json", "range_check.csv", "range_check.json",
                      "best_draw.ini"):
                self.assertTrue(os.path.exists(os.path.join(res, f)), f)
            best = subprocess.run([SMUGSIM, "check", os.path.join(res, "best_draw.ini")],
                                  capture_output=True, text=True)
            self.assertEqual(best.returncode, 0, best.stderr)  # a scenario smugsim reads
            # posterior.csv is what smugsim run --posterior and sensitivity read.
            drawn = subprocess.run([SMUGSIM, "run", os.path.join(res, "best_draw.ini"), "--posterior",
                                    os.path.join(res, "posterior.csv"), "--draws", "2", "-n", "2",
                                    "--scale", "0.01", "--end", "2020-01-31", "-q",
                                    "-o", os.path.join(d, "drawn.h5")], capture_output=True, text=True)
            self.assertEqual(drawn.returncode, 0, drawn.stderr)
            pred = json.load(open(os.path.join(res, "predictive.json")))
            self.assertEqual(pred["quarters"], 16)
            posterior = open(os.path.join(res, "posterior.csv")).read()
            logs = {f: os.path.getsize(os.path.join(work, f, "runs.h5.log"))
                    for f in ("wave1", "wave2", "predictive")}
            second = calibrate(work, res, *setup)
            self.assertEqual(second.returncode, 0, second.stderr[-2000:])
            for f, size in logs.items():
                self.assertEqual(os.path.getsize(os.path.join(work, f, "runs.h5.log")), size, f)
            self.assertEqual(open(os.path.join(res, "posterior.csv")).read(), posterior)
            # The same work folder with other inputs would mix stale waves in: refused.
            stale = calibrate(work, res, *setup, "--points", "12")
            self.assertEqual(stale.returncode, 2)
            self.assertIn("overrides", stale.stderr)
            self.assertIn("new --work folder", stale.stderr)

    def test_a_bad_setup_is_refused_with_its_file_and_key(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.ini")
            with open(bad, "w") as f:
                with open(SETUP) as prod:
                    f.write(prod.read().replace("decision.intercept = uniform -9 -5 ",
                                                "decision.intercept = uniform -5 -9 "))
            r = calibrate(os.path.join(d, "w"), os.path.join(d, "r"), "--setup", bad)
            self.assertEqual(r.returncode, 2)
            self.assertIn("decision.intercept", r.stderr)
            self.assertIn("bad.ini", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
