"""After the waves: the posterior, the posterior-predictive ensemble and the recovery test."""
import os

import numpy as np

import posterior as post
import runs
import stages as st
import waves as wv

CHAINS = 32  # Metropolis chains on the emulated posterior (posterior.mcmc)


def posterior(pipe, obs, seed, name):
    """Posterior samples (the chains'), their weights, the NROY share and the chains' effective
    sample size, cached in WORK/NAME.npz."""
    path = pipe.path(name + ".npz")
    if not os.path.exists(path):
        st.log(f"{name}: weighting the NROY candidates by the synthetic likelihood")
        cands, share = wv.sample_nroy(pipe.waves, obs, pipe.setup, 3000, seed, progress=st.log)
        if not len(cands):
            raise RuntimeError(
                f"{name}: the NROY space is empty: no parameter set inside the priors matches "
                f"every summary within the cut-off. range_check.csv (in the results folder) "
                f"shows which figures the runs fall short of; more points or waves may find a "
                f"region, otherwise the model lacks a pathway")
        ll = post.log_likelihood(pipe.waves[-1][1], obs, cands)
        starts = cands[np.argsort(-ll)[:CHAINS]]
        starts = starts[np.arange(CHAINS) % len(starts)]  # fewer candidates: some start twice
        st.log(f"{name}: {len(cands)} NROY candidates; {CHAINS} Metropolis chains from the best")
        chain, ess = post.mcmc(pipe.waves, obs, pipe.setup, starts, seed, progress=st.log)
        st.save_npz(path, candidates=cands, ll=ll, share=share, chain=chain, ess=ess)
    d = np.load(path)
    chain = d["chain"]
    return chain, np.full(len(chain), 1.0 / len(chain)), float(d["share"]), float(d["ess"])


def predictive(pipe, cands, w):
    """Runs posterior draws x replicates on a seed the waves never ran."""
    s = pipe.setup
    draws, idx = post.resample(cands, w, s.posterior_draws, s.seed + 1)
    st.log(f"predictive: {len(draws)} posterior draws x {s.predictive_replicates} replicates")
    raw = st.run_points(pipe.ctx, s, pipe.path("predictive"), draws, s.predictive_replicates,
                        s.seed + 1000)
    return draws, raw


def quarter_checks(setup, raw):
    """Per quarter: observed, ensemble mean and 5-95% band over draws x replicates."""
    rows = []
    for j, sm in enumerate(setup.summaries):
        if not sm.id.startswith("Q"):
            continue
        v = raw[:, :, j].ravel()
        lo, hi = np.percentile(v, [5, 95])
        rows.append({"id": sm.id, "observed": sm.observed, "mean": float(v.mean()),
                     "p05": float(lo), "p50": float(np.median(v)), "p95": float(hi),
                     "inside": bool(lo <= sm.observed <= hi)})
    t = next(sm for sm in setup.summaries if sm.id.startswith("Q")).transform  # log(x + 10)
    obs, mean = t([r["observed"] for r in rows]), t([r["mean"] for r in rows])
    summary = {"inside": int(sum(r["inside"] for r in rows)), "quarters": len(rows),
               "log_correlation": float(np.corrcoef(obs, mean)[0, 1]),
               "mean_abs_log_error": float(np.mean(np.abs(obs - mean)))}
    return rows, summary


def best_draw(setup, draws, raw):
    """The draw whose own replicates fit best (synthetic likelihood on its simulated spread)."""
    z, v_fixed = setup.observations()
    y = runs.transform(setup.summaries, raw)
    m, v = y.mean(axis=1), y.var(axis=1, ddof=1)
    ll = -0.5 * (((z - m) ** 2) / (v_fixed + v) + np.log(v_fixed + v)).sum(axis=1)
    return int(np.nanargmax(ll)), ll
