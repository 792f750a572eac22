"""The posterior inside the last wave's NROY space: an emulator-based synthetic likelihood.

For a parameter set u the summaries are taken as independent normals with the emulated mean and
variance obs + discrepancy + ensemble (the replicates' spread, emulated) + emulator. Candidates
are NROY points of a uniform pool (uniform on the priors' internal coordinates, so the prior is
flat on them), weighted by the likelihood and resampled.
"""
import numpy as np


def log_likelihood(emulators, observations, u):
    z, v_fixed = observations
    ll = np.zeros(len(u))
    for j, em in enumerate(emulators):
        mu, v_em, v_ens = em.predict(u)
        v = v_fixed[j] + v_em + v_ens
        ll += -0.5 * ((z[j] - mu) ** 2 / v + np.log(2 * np.pi * v))
    return ll


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
