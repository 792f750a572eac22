#!/usr/bin/python3
"""scripts/plot-run made for a briefing: the title says what the run is (the scenario's opening
comment), a what-if says its observed figures are what happened, the published quarters are
read, and a chart is written for a real run file.
Environment: SMUGSIM (the smugsim binary), SMUG_SOURCE_DIR (repository root).
"""
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from script_module import SMUGSIM, SOURCE, load, script  # noqa: E402

SCRIPT = script("plot-run")
plot_run = load("plot-run")


class Attrs:
    def __init__(self, **attrs):
        self.attrs = attrs


class BriefingLabels(unittest.TestCase):
    def test_the_title_is_the_scenarios_opening_comment(self):
        ds = Attrs(scenario="scenarios/whatifs/no_returns_agreement.ini")
        title = plot_run.scenario_title(ds, "x.h5")
        self.assertTrue(title.startswith("no_returns_agreement.ini: "), title)
        self.assertIn("Joint Communique", title)
        self.assertTrue(plot_run.is_counterfactual(ds))
        self.assertFalse(plot_run.is_counterfactual(Attrs(scenario="scenarios/baseline.ini")))

    def test_the_published_quarters_are_read(self):
        quarters = plot_run.read_quarterly()
        self.assertEqual(len(quarters), 16)
        self.assertEqual(str(quarters[10][0]), "2022-07-01")
        self.assertEqual(quarters[10][1], 9044)


class DrawsARealRun(unittest.TestCase):
    def test_a_png_for_a_whatif(self):
        with tempfile.TemporaryDirectory() as d:
            h5, png = os.path.join(d, "w.h5"), os.path.join(d, "w.png")
            run = subprocess.run([SMUGSIM, "run", os.path.join(SOURCE, "scenarios", "whatifs",
                                                            "no_returns_agreement.ini"),
                                  "-n", "2", "--scale", "0.01", "--end", "2024-06-30", "-t", "2",
                                  "-q", "-o", h5], capture_output=True, text=True)
            self.assertEqual(run.returncode, 0, run.stderr)
            drawn = subprocess.run(["/usr/bin/python3", SCRIPT, h5, "-o", png],
                                   capture_output=True, text=True)
            self.assertEqual(drawn.returncode, 0, drawn.stderr)
            with open(png, "rb") as f:
                self.assertEqual(f.read(4), b"\x89PNG")


if __name__ == "__main__":
    unittest.main(verbosity=2)
