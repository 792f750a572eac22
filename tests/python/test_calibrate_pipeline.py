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


def calibrate(work, results, *extra):
    cmd = [sys.executable, SCRIPT, "--work", work, "--results", results, "--smugsim", SMUGSIM,
           "--waves", "2", "--points", "10", "--scale", "0.05", "--posterior-draws", "3",
           "--threads", "2", *extra]
    return subprocess.run(cmd, cwd=SOURCE, capture_output=True, text=True)


class CalibratePipeline(unittest.TestCase):
    def test_runs_every_stage_and_resumes_without_rerunning(self):
        with tempfile.TemporaryDirectory() as d:
            work, res = os.path.join(d, "work"), os.path.join(d, "res")
            first = calibrate(work, res)
            self.assertEqual(first.returncode, 0, first.stderr[-2000:])
            for f in ("wave1.csv", "wave2.csv", "waves.csv", "posterior.csv", "parameters.csv",
                      "correlations.csv", "predictive_quarters.csv", "predictive.json",
                      "fan_chart.png", "recovery.json"):
                self.assertTrue(os.path.exists(os.path.join(res, f)), f)
            pred = json.load(open(os.path.join(res, "predictive.json")))
            self.assertEqual(pred["quarters"], 16)
            posterior = open(os.path.join(res, "posterior.csv")).read()
            logs = {f: os.path.getsize(os.path.join(work, f, "runs.h5.log"))
                    for f in ("wave1", "wave2", "predictive")}
            second = calibrate(work, res)
            self.assertEqual(second.returncode, 0, second.stderr[-2000:])
            for f, size in logs.items():
                self.assertEqual(os.path.getsize(os.path.join(work, f, "runs.h5.log")), size, f)
            self.assertEqual(open(os.path.join(res, "posterior.csv")).read(), posterior)

    def test_a_bad_setup_is_refused_with_its_file_and_key(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.ini")
            with open(bad, "w") as f:
                f.write(open(os.path.join(SOURCE, "scenarios", "calibration",
                                          "history_matching.ini")).read()
                        .replace("decision.intercept = uniform -8 -5.5",
                                 "decision.intercept = uniform -5 -8"))
            r = calibrate(os.path.join(d, "w"), os.path.join(d, "r"), "--setup", bad)
            self.assertEqual(r.returncode, 2)
            self.assertIn("decision.intercept", r.stderr)
            self.assertIn("bad.ini", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
