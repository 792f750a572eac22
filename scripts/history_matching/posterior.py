"""The posterior inside the last wave's NROY space: an emulator-based synthetic likelihood.

For a parameter set u the summaries are taken as independent normals with the emulated mean and
variance obs + discrepancy + ensemble (the replicates' spread, emulated) + emulator. The prior is
flat on the priors' internal coordinates (the unit cube) and zero outside the NROY space. The
NROY candidates of a uniform pool, weighted by the likelihood, start Metropolis chains on that
posterior: when the space is small the candidates are few and their weights degenerate, while
the chains explore it at the emulators' cost, not the simulator's.
"""
import numpy as np

import waves as wv


def log_likelihood(emulators, observations, u):
    z, v_fixed = observations
    ll = np.zeros(len(u))
    for j, em in enumerate(emulators):
        mu, v_em, v_ens = em.predict(u)
        v = v_fixed[j] + v_em + v_ens
        ll += -0.5 * ((z[j] - mu) ** 2 / v + np.log(2 * np.pi * v))
    return ll


def _tau(trace):
    """Integrated autocorrelation time of a chain's trace (initial positive sequence)."""
    x = trace - trace.mean()
    var = x @ x / len(x)
    if var <= 0:
        return float(len(x))
    tau = 1.0
    for lag in range(1, len(x) // 2):
        rho = (x[:-lag] @ x[lag:]) / (len(x) * var)
        if rho <= 0:
            break
        tau += 2 * rho
    return tau


def mcmc(waves, observations, setup, starts, seed, steps=400, burn=200, thin=5, progress=None):
    """Random-walk Metropolis chains, one from each start (NROY points), on the emulators' last
    wave. The proposal's scale adapts during burn-in towards a quarter of moves accepted.
    Returns (samples after burn-in, thinned; effective sample size of the log-likelihood)."""
    rng = np.random.default_rng(seed)
    ems = waves[-1][1]
    x = np.array(starts, float)
    n, d = x.shape
    cov = np.cov(x.T) if n > d else np.diag(np.full(d, 0.02))
    chol = np.linalg.cholesky(cov + 1e-6 * np.eye(d))
    scale, ll = 2.38 / np.sqrt(d), log_likelihood(ems, observations, x)
    kept, traces = [], []
    for step in range(steps):
        prop = x + scale * rng.standard_normal((n, d)) @ chol.T
        inside = np.all((prop >= 0) & (prop <= 1), axis=1)
        inside[inside] = wv.non_implausible(waves, observations, prop[inside], setup)
        llp = np.full(n, -np.inf)
        if inside.any():
            llp[inside] = log_likelihood(ems, observations, prop[inside])
        accept = np.log(rng.random(n)) < llp - ll
        x[accept], ll[accept] = prop[accept], llp[accept]
        if step < burn and step % 25 == 24:
            scale *= np.exp(accept.mean() - 0.25)  # a crude Robbins-Monro step on the rate
        if step >= burn:
            traces.append(ll.copy())
            if (step - burn) % thin == 0:
                kept.append(x.copy())
        if progress and step % 100 == 99:
            progress(f"  chains: step {step + 1} of {steps}")
    traces = np.array(traces)
    tau = np.mean([_tau(traces[:, c]) for c in range(n)])
    return np.vstack(kept), float(n * len(traces) / tau)


def weights(ll):
    w = np.exp(ll - ll.max())
    return w / w.sum()


def effective_size(w):
    return float(1.0 / np.sum(w ** 2))


def resample(candidates, w, n, seed):
    """n distinct draws, by systematic resampling then dropping repeats (in order of weight)."""
    rng = np.random.default_rng(seed)
    positions = (rng.random() + np.arange(n * 4)) / (n * 4)
    idx = np.searchsorted(np.cumsum(w), positions)
    idx = np.minimum(idx, len(w) - 1)
    unique = list(dict.fromkeys(idx[rng.permutation(len(idx))]))
    return candidates[unique[:n]], np.array(unique[:n])


def credible(values, w, qs=(0.05, 0.5, 0.95)):
    order = np.argsort(values)
    c = np.cumsum(w[order])
    return [float(values[order][min(np.searchsorted(c, q), len(c) - 1)]) for q in qs]


def weighted_corr(x, w):
    m = (w[:, None] * x).sum(0)
    d = x - m
    cov = (w[:, None, None] * d[:, :, None] * d[:, None, :]).sum(0)
    s = np.sqrt(np.diag(cov))
    return cov / np.outer(s, s)
