"""The pipeline's stages, each writing its result atomically so that a rerun skips it."""
import json
import os
import pickle
import time

import numpy as np

import emulator as em
import runs
import waves as wv


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def save(path, writer):
    tmp = path + ".tmp"
    writer(tmp)
    os.replace(tmp, path)


def _dump(dump, mode):
    def writer(p, obj):
        with open(p, mode) as f:
            dump(obj, f)
    return writer


def save_json(path, obj):
    save(path, lambda p: _dump(lambda o, f: json.dump(o, f, indent=1), "w")(p, obj))


def save_pickle(path, obj):
    save(path, lambda p: _dump(pickle.dump, "wb")(p, obj))


def save_npz(path, **arrays):
    def w(p):
        with open(p, "wb") as f:
            np.savez(f, **arrays)
    save(path, w)


def unconfirmed_space(rec):
    """A warning when no run of a wave lies in the space its emulators leave, else None.

    Then the space not ruled out (and a posterior drawn in it) rests on the emulators'
    extrapolation between runs, not on any run that came close: docs/calibration.md.
    """
    if rec.get("runs_max_implausibility_below_cutoff", 1) > 0:
        return None
    return (f"wave {rec['wave']}: WARNING: none of the {rec['trained_on']} runs the emulators "
            "were trained on lies in the space they leave; that space, and a posterior in it, "
            "rest on the emulators between runs, not on a run that fits")


def run_points(ctx, setup, folder, u, replicates, seed):
    """Runs the unit-cube points u; returns raw summaries [points, replicates, summaries]."""
    os.makedirs(folder, exist_ok=True)
    out = os.path.join(folder, "summaries.npz")
    if os.path.exists(out):
        return np.load(out)["raw"]
    design = os.path.join(folder, "design.csv")
    runs.write_design(design, setup.names, setup.to_values(u))
    h5 = os.path.join(folder, "runs.h5")
    runs.sweep(ctx, setup.scenario, design, h5, replicates, seed, setup.end)
    raw = runs.read_summaries(h5, setup.summaries)
    save_npz(out, u=u, raw=raw)
    if not ctx.keep_runs:
        os.remove(h5)
    return raw


class Pipeline:
    def __init__(self, ctx, setup):
        self.ctx, self.setup = ctx, setup
        self.obs = setup.observations()
        self.waves = []  # [(k, emulators)]
        self.u, self.y = np.empty((0, len(setup.priors))), None
        self.record = []

    def path(self, *parts):
        return os.path.join(self.ctx.work, *parts)

    def design(self, k):
        s = self.setup
        if k == 1:
            lhs = wv.latin_hypercube(s.points, len(s.priors), s.seed)
            seeds = [s.seed_units(runs.scenario_values(self.ctx, f, s.names), f)
                     for f in s.seed_scenarios]
            if seeds:
                log(f"wave 1: {len(seeds)} seed point(s) from "
                    + ", ".join(os.path.relpath(f) for f in s.seed_scenarios))
            return np.vstack([lhs] + [np.atleast_2d(x) for x in seeds])
        cands, _ = wv.sample_nroy(self.waves, self.obs, s, s.points, s.seed + k, progress=log)
        if not len(cands):
            raise RuntimeError(f"wave {k}: no candidate left in the NROY space")
        return wv.maximin_subset(cands, s.points, np.random.default_rng(s.seed + k))

    def wave(self, k):
        s, folder = self.setup, self.path(f"wave{k}")
        os.makedirs(folder, exist_ok=True)
        upath = os.path.join(folder, "unit.npy")
        if not os.path.exists(upath):
            log(f"wave {k}: choosing {s.points} points")
            design = self.design(k)
            save(upath, lambda p: _dump(lambda o, f: np.save(f, o), "wb")(p, design))
        u = np.load(upath)
        log(f"wave {k}: running {len(u)} points x {s.replicates} replicates")
        raw = run_points(self.ctx, s, folder, u, s.replicates, s.seed)
        y = runs.transform(s.summaries, raw)
        self.u = np.vstack([self.u, u])
        self.y = y if self.y is None else np.vstack([self.y, y])
        self.fit(k, folder)

    def fit(self, k, folder):
        s, epath = self.setup, os.path.join(folder, "emulators.pkl")
        train = wv.non_implausible(self.waves, self.obs, self.u, s)
        if os.path.exists(epath):
            with open(epath, "rb") as f:
                ems = pickle.load(f)
        else:
            log(f"wave {k}: fitting {len(s.summaries)} emulators on {int(train.sum())} runs")
            ems = em.fit_all(self.u[train], self.y[train], s.seed + k, self.ctx.jobs)
            save_pickle(epath, ems)
        self.waves.append((k, ems))
        self.report_wave(k, folder, train)

    def report_wave(self, k, folder, train):
        s, rpath = self.setup, os.path.join(folder, "nroy.json")
        if not os.path.exists(rpath):
            rng = np.random.default_rng(s.seed + 100 + k)
            pool = rng.random((s.pool, len(s.priors)))
            share = float(wv.non_implausible(self.waves, self.obs, pool, s).mean())
            imp = em.implausibility(self.waves[-1][1], self.obs, self.u[train])
            save_json(rpath, {"wave": k, "runs": int(len(self.u)), "trained_on": int(train.sum()),
                              "nroy_share": share,
                              "runs_max_implausibility_below_cutoff":
                                  int((imp.max(axis=1) <= s.cutoff).sum())})
        with open(rpath) as f:
            rec = json.load(f)
        log(f"wave {k}: NROY share of the prior space {rec['nroy_share']:.3g}")
        warning = unconfirmed_space(rec)
        if warning:
            log(warning)
        self.record.append(rec)
