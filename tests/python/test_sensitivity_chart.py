#!/usr/bin/python3
"""scripts/sensitivity-chart: reads both report layouts and draws one panel per output from a
real sensitivity file (a tiny Morris run of the posterior example at 1% scale).
Environment: SMUGSIM (the smugsim binary), SMUG_SOURCE_DIR (repository root).
"""
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from script_module import SMUGSIM, SOURCE, load, script  # noqa: E402

SCRIPT = script("sensitivity-chart")
chart = load("sensitivity-chart")


class ReadsBothReportLayouts(unittest.TestCase):
    def test_sobol_uses_the_total_index(self):
        method, rows = chart.read_indices(
            "parameter,output,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\n"
            "a,y,0.1,0,0.2,0.5,0.4,0.6\nb,y,0.3,0.2,0.4,0.35,0.3,0.4\n")
        self.assertEqual(method, "sobol")
        self.assertEqual(rows["y"][0], ("a", 0.5, 0.4, 0.6))

    def test_morris_uses_mu_star(self):
        method, rows = chart.read_indices(
            "parameter,output,mu_star,mu_star_lo,mu_star_hi,sigma\na,y,3,1,5,2\na,z,0,0,0,0\n")
        self.assertEqual(method, "morris")
        self.assertEqual(sorted(rows), ["y", "z"])


class DrawsARealAnalysis(unittest.TestCase):
    def test_a_png_from_a_sensitivity_file(self):
        setup = os.path.join(SOURCE, "scenarios", "sensitivity", "communique_2023_posterior.ini")
        with tempfile.TemporaryDirectory() as d:
            h5, png = os.path.join(d, "s.h5"), os.path.join(d, "s.png")
            run = subprocess.run([SMUGSIM, "sensitivity", setup, "-o", h5, "--end", "2023-12-31",
                                  "--scale", "0.01", "--trajectories", "2", "--replicates", "1",
                                  "--threads", "2", "-q"], capture_output=True, text=True)
            self.assertEqual(run.returncode, 0, run.stderr)
            drawn = subprocess.run(["/usr/bin/python3", SCRIPT, h5, "-o", png, "--smugsim",
                                    SMUGSIM], capture_output=True, text=True)
            self.assertEqual(drawn.returncode, 0, drawn.stderr)
            with open(png, "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
