#!/usr/bin/python3
"""The history matching's parts on problems whose answer is known (scripts/history_matching).

A toy simulator with a ridge (two parameters enter only through their sum, as two campaigns'
strengths do after December 2022) and noise between replicates: the emulators must predict held-
out points within their stated uncertainty, the waves must shrink the space not ruled out while
keeping the truth, and the posterior must cover the truth and show the ridge. Also: set-up errors
name the file and the key. Environment: SMUG_SOURCE_DIR (repository root).
"""
import os
import sys
import tempfile
import unittest
import warnings

import numpy as np

SOURCE = os.environ.get("SMUG_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SMUGSIM = os.environ.get("SMUGSIM", os.path.join(SOURCE, "build", "bin", "smugsim"))
sys.path.insert(0, os.path.join(SOURCE, "scripts", "history_matching"))
import emulator as em  # noqa: E402
import hm_setup  # noqa: E402
import posterior as post  # noqa: E402
import range_check  # noqa: E402
import runs  # noqa: E402
import stages  # noqa: E402
import waves as wv  # noqa: E402

TRUTH = np.array([0.3, 0.4, 0.6, 0.5])
NOISE = 0.05


def toy(u, replicates, rng):
    """Three summaries of four parameters; the first two act only through their sum."""
    f = np.column_stack([2 * (u[:, 0] + u[:, 1]), np.sin(3 * u[:, 2]), u[:, 2] * u[:, 3] * 2])
    return f[:, None, :] + NOISE * rng.standard_normal((len(u), replicates, 3))


class ToySetup:
    cutoff, max_from, pool = 3.0, 2, 20000
    priors = [hm_setup.Prior(f"p.{i}", "uniform", 0, 1, "") for i in range(4)]


def observations():
    z = toy(TRUTH[None, :], 1, np.random.default_rng(99))[0, 0]
    return z, np.full(3, 0.02 ** 2)


def fit(u, y):
    return [em.Emulator(u, y[:, :, j], seed=1) for j in range(y.shape[2])]


class EmulatorPredictsHeldOutPoints(unittest.TestCase):
    def test_errors_lie_within_the_stated_uncertainty(self):
        rng = np.random.default_rng(1)
        u = wv.latin_hypercube(80, 4, 1)
        ems = fit(u, toy(u, 2, rng))
        test = rng.random((200, 4))
        truth = toy(test, 200, rng).mean(1)  # the ensemble mean, nearly noise-free
        for j, e in enumerate(ems):
            mu, v_em, v_ens = e.predict(test)
            z = np.abs(mu - truth[:, j]) / np.sqrt(v_em)
            self.assertGreater(np.mean(z < 3), 0.9, f"summary {j}")
            self.assertLess(np.sqrt(np.mean((mu - truth[:, j]) ** 2)), 0.1, f"summary {j}")
            self.assertLess(abs(np.log(np.median(v_ens) / NOISE ** 2)), 1.0, f"summary {j}")


def toy_waves(each_wave=lambda k, waves, s, obs: None):
    """Three waves of the toy problem: [(k, emulators)], the set-up and the observations;
    each_wave(k, waves, s, obs) is called after wave k's emulators are fitted."""
    rng, s, obs = np.random.default_rng(2), ToySetup(), observations()
    waves, u_all, y_all = [], np.empty((0, 4)), np.empty((0, 2, 3))
    u = wv.latin_hypercube(60, 4, 3)
    for k in (1, 2, 3):
        u_all, y_all = np.vstack([u_all, u]), np.vstack([y_all, toy(u, 2, rng)])
        train = wv.non_implausible(waves, obs, u_all, s)
        waves.append((k, fit(u_all[train], y_all[train])))
        each_wave(k, waves, s, obs)
        cands, _ = wv.sample_nroy(waves, obs, s, 60, 20 + k)
        u = wv.maximin_subset(cands, 60, rng)
    return waves, s, obs


def assert_covers_truth_and_pins_the_sum(test, samples, w):
    """Each parameter's 1-99% interval holds the truth; the sum of the first two is pinned."""
    for j in range(4):
        lo, hi = post.credible(samples[:, j], w, (0.01, 0.99))
        test.assertTrue(lo <= TRUTH[j] <= hi, f"parameter {j}: {lo}..{hi}")
    lo, hi = post.credible(samples[:, 0] + samples[:, 1], w, (0.05, 0.95))
    test.assertTrue(lo <= 0.7 <= hi)
    # sd of the sum from the observation and ensemble errors alone: sqrt(0.02^2 + 0.05^2) / 2,
    # a 90% width of 0.09; the emulators add their own. The prior's 90% width is 1.1.
    test.assertLess(hi - lo, 0.15, "the sum is pinned")


class ChainsSampleThePosteriorFromAFewCandidates(unittest.TestCase):
    def test_chains_from_the_best_few_cover_the_truth_and_pin_the_sum(self):
        waves, s, obs = toy_waves()
        cands, _ = wv.sample_nroy(waves, obs, s, 2000, 7)
        ll = post.log_likelihood(waves[-1][1], obs, cands)
        starts = cands[np.argsort(-ll)[:16]]  # as few as a small NROY space leaves
        chain, ess = post.mcmc(waves, obs, s, starts, seed=3, steps=300, burn=100)
        self.assertTrue(wv.non_implausible(waves, obs, chain, s).all(), "chains stay in NROY")
        self.assertGreater(ess, 50)
        assert_covers_truth_and_pins_the_sum(self, chain, np.full(len(chain), 1.0 / len(chain)))
        # The chains move: most kept samples differ from one another (not stuck at their starts).
        self.assertGreater(len(np.unique(chain, axis=0)), len(chain) // 2)


class WavesShrinkTheSpaceAndKeepTheTruth(unittest.TestCase):
    def test_two_waves(self):
        shares = []

        def each_wave(k, waves, s, obs):
            pool = np.random.default_rng(10 + k).random((s.pool, 4))
            shares.append(wv.non_implausible(waves, obs, pool, s).mean())
            self.assertTrue(wv.non_implausible(waves, obs, TRUTH[None, :], s)[0], f"wave {k}")

        waves, s, obs = toy_waves(each_wave)
        self.assertLess(shares[-1], shares[0])
        self.assertLess(shares[-1], 0.2)
        cands, _ = wv.sample_nroy(waves, obs, s, 2000, 7)
        w = post.weights(post.log_likelihood(waves[-1][1], obs, cands))
        assert_covers_truth_and_pins_the_sum(self, cands, w)
        self.assertLess(post.weighted_corr(cands[:, :2], w)[0, 1], -0.8, "the ridge shows")


class RangeCheckFindsWhatNoRunReaches(unittest.TestCase):
    """An observation outside everything the design's runs span is a structural miss; one inside
    (or within three sd of the edge) is not, and the joint best point is reported."""

    class Setup:
        def __init__(self, z, sd):
            self.z, self.sd = np.asarray(z, float), sd
            self.summaries = [type("S", (), {"id": i})() for i in ("Q1", "Q2", "Q3")]

        def observations(self):
            return self.z, np.full(len(self.z), self.sd ** 2)

    def test_a_figure_beyond_every_run_is_not_reached(self):
        u = wv.latin_hypercube(60, 4, 3)
        y = toy(u, 2, np.random.default_rng(3))  # the second summary spans sin(0..3): 0..1
        s = self.Setup([1.0, 2.0, 0.5], 0.05)
        rows = {r["summary"]: r for r in range_check.check(s, y)}
        self.assertFalse(rows["Q2"]["reached"])
        self.assertGreater(rows["Q2"]["gap_sd"], 3)
        self.assertTrue(rows["Q1"]["reached"])
        self.assertTrue(rows["Q3"]["reached"])
        self.assertIn("Q2-Q1", rows)  # the changes between consecutive quarters too
        joint = range_check.joint(s, y)
        self.assertEqual(joint["points"], 60)
        self.assertGreater(joint["best_mean_abs_log_error"], 0.1)  # Q2 alone is 1 off or more

    def test_a_run_flat_in_every_quarter_counts_as_uncorrelated(self):
        u = wv.latin_hypercube(20, 4, 6)
        y = toy(u, 2, np.random.default_rng(6))
        y[0] = 0.0  # a run in which nobody crossed: the same value in every quarter
        s = self.Setup([1.0, 2.0, 0.5], 0.05)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            joint = range_check.joint(s, y)
        self.assertLessEqual(joint["best_log_correlation"], 1.0)

    def test_the_truth_is_reached_and_fits_jointly(self):
        u = np.vstack([wv.latin_hypercube(60, 4, 4), TRUTH])
        y = toy(u, 2, np.random.default_rng(4))
        s = self.Setup(toy(TRUTH[None, :], 1, np.random.default_rng(5))[0, 0], 0.05)
        self.assertTrue(all(r["reached"] for r in range_check.check(s, y)))
        self.assertLess(range_check.joint(s, y)["best_mean_abs_log_error"], 3 * NOISE)


class SetupErrorsNameTheFileAndKey(unittest.TestCase):
    def write(self, folder, free, summaries="Q2020_1"):
        path = os.path.join(folder, "hm.ini")
        targets = os.path.join(SOURCE, "scenarios", "data", "targets.csv")
        with open(path, "w") as f:
            f.write(
                "[history_matching]\nscenario = x.ini\ntargets = " + targets + "\nsummaries = " +
                summaries + "\nwaves = 1\npoints = 4\nreplicates = 1\nseed = 1\nend = 2023-12-31\n"
                "cutoff = 3\nmax_from = 1\npool = 10\nposterior_draws = 2\n"
                "predictive_replicates = 1\n[free]\n" + free)
        return path

    def test_bad_prior_and_missing_target(self):
        with tempfile.TemporaryDirectory() as d:
            with self.assertRaisesRegex(hm_setup.SetupError, r"hm.ini.*decision.intercept"):
                hm_setup.Setup(self.write(d, "decision.intercept = normal 0 1 ; x\n"))
            with self.assertRaisesRegex(hm_setup.SetupError, r"hm.ini.*range"):
                hm_setup.Setup(self.write(d, "decision.intercept = loguniform 0 1 ; x\n"))
            with self.assertRaisesRegex(hm_setup.SetupError, r"no target 'Q1999_1'"):
                hm_setup.Setup(self.write(d, "a.b = uniform 0 1 ; x\n", "Q1999_1"))

    def test_a_reason_may_hold_a_per_cent_sign(self):
        with tempfile.TemporaryDirectory() as d:
            s = hm_setup.Setup(self.write(d, "a.b = uniform 0 1 ; the boldest 2% of people\n"))
            self.assertEqual([p.reason for p in s.priors], ["the boldest 2% of people"])

    def test_quarters_are_read_with_their_errors(self):
        with tempfile.TemporaryDirectory() as d:
            s = hm_setup.Setup(self.write(d, "a.b = uniform 0 1 ; x\n", "Q2022_3,T10"))
            q, price = s.summaries
            self.assertEqual(q.observed, 9044)
            self.assertAlmostEqual(q.z, np.log(9054))
            self.assertGreater(q.var_disc, q.var_obs)
            self.assertFalse(price.is_count)


class SeedScenariosJoinTheFirstDesign(unittest.TestCase):
    """seed_scenarios: earlier runs' closest points, read from their scenario files through the
    model's own parameter listing, join wave 1's Latin hypercube."""

    def setup_with_seed(self, d, seed_text, free):
        with open(os.path.join(d, "seed.ini"), "w") as f:
            f.write(seed_text)
        path = SetupErrorsNameTheFileAndKey().write(d, free)
        with open(path) as f:
            text = f.read().replace("[free]", "seed_scenarios = seed.ini\n[free]")
        with open(path, "w") as f:
            f.write(text)
        return hm_setup.Setup(path)

    def pipeline(self, setup):
        ctx = type("Ctx", (), {"smugsim": SMUGSIM, "work": None})()
        return stages.Pipeline(ctx, setup)

    @unittest.skipUnless(os.path.exists(SMUGSIM), "needs the smugsim binary")
    def test_a_seed_scenario_adds_its_point_to_wave_one(self):
        with tempfile.TemporaryDirectory() as d:
            s = self.setup_with_seed(d, "[decision]\nintercept = -5\n",
                                     "decision.intercept = uniform -11 -3 ; x\n"
                                     "decision.gain_weight = loguniform 1 4 ; x\n")
            design = self.pipeline(s).design(1)
            self.assertEqual(len(design), s.points + 1)
            seed_values = s.to_values(design[-1])[0]
            self.assertAlmostEqual(seed_values[0], -5)  # set in the seed scenario
            self.assertAlmostEqual(seed_values[1], 3)  # the model's default gain_weight

    @unittest.skipUnless(os.path.exists(SMUGSIM), "needs the smugsim binary")
    def test_a_seed_outside_its_prior_is_refused_with_file_and_key(self):
        with tempfile.TemporaryDirectory() as d:
            s = self.setup_with_seed(d, "[decision]\nintercept = -2\n",
                                     "decision.intercept = uniform -11 -3 ; x\n")
            with self.assertRaisesRegex(hm_setup.SetupError, r"seed.ini: decision.intercept"):
                self.pipeline(s).design(1)

    def test_a_name_the_model_does_not_know_is_an_error(self):
        ctx = type("Ctx", (), {"smugsim": SMUGSIM})()
        if not os.path.exists(SMUGSIM):
            self.skipTest("needs the smugsim binary")
        with self.assertRaisesRegex(runs.RunFailed, "no value for nosuch.key"):
            runs.scenario_values(ctx, os.path.join(SOURCE, "scenarios", "baseline.ini"),
                                 ["nosuch.key"])


class WavesSayWhenNoRunConfirmsThem(unittest.TestCase):
    def test_a_wave_without_a_run_inside_its_space_is_flagged(self):
        rec = {"wave": 4, "trained_on": 150, "runs_max_implausibility_below_cutoff": 0}
        self.assertRegex(stages.unconfirmed_space(rec), r"wave 4: WARNING: none of the 150 runs")
        rec["runs_max_implausibility_below_cutoff"] = 12
        self.assertIsNone(stages.unconfirmed_space(rec))


if __name__ == "__main__":
    unittest.main(verbosity=2)
