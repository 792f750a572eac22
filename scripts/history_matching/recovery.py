"""Recovery test on the production design: can the pipeline find a known truth?

The truth is a posterior draw (every free parameter, the two campaigns' strengths among them on
the ridge the data leave between them). Its pseudo-observations are one replicate of the model on a
seed nothing else ran, with the real record's errors. The production waves' emulators then give
its NROY space and posterior, which must contain the truth.
"""
import numpy as np

import emulator as em
import posterior as post
import posterior_stage as ps
import runs
import stages as st
import waves as wv

RIDGE = ("uk_albania_deal_aug22.campaign", "joint_communique.campaign")


def _truth_index(draws):
    """The draw nearest the posterior's centre: a truth inside the region the waves refined."""
    centre = np.median(draws, axis=0)
    return int(np.argmin(np.linalg.norm(draws - centre, axis=1)))


def run(pipe, draws):
    s = pipe.setup
    truth = draws[_truth_index(draws)][None, :]
    raw = st.run_points(pipe.ctx, s, pipe.path("recovery"), truth, 1, s.seed + 2000)
    z = runs.transform(s.summaries, raw)[0, 0]
    obs = (z, s.observations()[1])
    imp = em.implausibility(pipe.waves[-1][1], obs, truth)[0]
    inside = bool(wv.non_implausible(pipe.waves, obs, truth, s)[0])
    cands, w, _, ess = ps.posterior(pipe, obs, s.seed + 3000, "recovery_posterior")
    values, tvals = s.to_values(cands), s.to_values(truth)[0]
    params = []
    for j, p in enumerate(s.priors):
        lo, mid, hi = post.credible(values[:, j], w, (0.01, 0.5, 0.99))
        params.append({"name": p.name, "truth": float(tvals[j]), "p01": lo, "p50": mid,
                       "p99": hi, "covered": bool(lo <= tvals[j] <= hi)})
    ridge = _ridge(s, values, w, tvals)
    ok = inside and all(p["covered"] for p in params) and ridge.get("covered", True)
    return {"passed": bool(ok), "truth_non_implausible": inside,
            "truth_max_implausibility": float(imp.max()), "ess": ess,
            "parameters": params, "ridge": ridge}


def _ridge(s, values, w, tvals):
    names = s.names
    if not all(r in names for r in RIDGE):
        return {}
    a, b = names.index(RIDGE[0]), names.index(RIDGE[1])
    total = values[:, a] + values[:, b]
    lo, hi = post.credible(total, w, (0.05, 0.95))
    t = float(tvals[a] + tvals[b])
    corr = post.weighted_corr(values[:, [a, b]], w)[0, 1]
    return {"sum_truth": t, "sum_p05": lo, "sum_p95": hi, "covered": bool(lo <= t <= hi),
            "posterior_correlation": float(corr)}
