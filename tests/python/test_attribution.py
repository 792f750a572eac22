#!/usr/bin/python3
"""scripts/attribution end to end at 1% scale (2 posterior draws x 2 replicates): it writes the
document with every measure's row in both periods and in the campaigns-off table, the columns
that split parameter and chance, figures that equal the studies' effects.csv, and the chart.
Environment: SMUGSIM (the smugsim binary), SMUG_SOURCE_DIR (repository root).
"""
import csv
import os
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.environ.get("SMUG_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SMUGSIM = os.environ.get("SMUGSIM", os.path.join(SOURCE, "build", "bin", "smugsim"))


class Attribution(unittest.TestCase):
    def test_writes_the_split_over_the_posterior(self):
        with tempfile.TemporaryDirectory() as d:
            work, docs = os.path.join(d, "work"), os.path.join(d, "docs")
            os.makedirs(docs)
            r = subprocess.run([sys.executable, os.path.join(SOURCE, "scripts", "attribution.py"),
                                "--draws", "2", "--replicates", "2", "--scale", "0.01",
                                "--threads", "2", "--smugsim", SMUGSIM, "--work", work,
                                "--docs", docs], capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr[-2000:])
            text = open(os.path.join(docs, "attribution.md")).read()
            self.assertIn("sd: parameters | sd: chance", text)
            self.assertIn("What the intervals include", text)
            self.assertEqual(text.count("| Returns agreement (Joint Communique, Dec 2022) |"), 3)
            self.assertIn("Both 2022 agreements together", text)
            with open(os.path.join(work, "measures", "effects.csv")) as f:
                row = next(x for x in csv.DictReader(f) if x["scenario"] == "no_joint_communique"
                           and x["metric"] == "arrivals" and x["period"].startswith("2022-10"))
            shown = f"{round(float(row['diff_mean'])) + 0:,.0f} ("
            self.assertIn(f"| Returns agreement (Joint Communique, Dec 2022) | {shown}", text)
            with open(os.path.join(docs, "attribution.png"), "rb") as f:
                self.assertEqual(f.read(4), b"\x89PNG")


if __name__ == "__main__":
    unittest.main(verbosity=2)
