"""Gaussian-process emulators of the summaries (scikit-learn, from Debian's python3-sklearn).

Per summary two emulators over the unit cube of the free parameters: one of the ensemble mean of
the transformed summary (Matern 5/2 with a length scale per parameter, plus a nugget for the
replicates' noise in the mean), one of the log of its variance between replicates (the ensemble
variance, which the implausibility counts as the observed world is one replicate of it).
"""
import warnings

import numpy as np
from scipy.special import digamma
from sklearn.exceptions import ConvergenceWarning
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel

BATCH = 8192


def _gp(dim, noise, seed, ard):
    scale = np.full(dim, 0.5) if ard else 0.5
    kernel = (ConstantKernel(1.0, (1e-3, 1e3)) *
              Matern(length_scale=scale, length_scale_bounds=(2e-2, 1e2), nu=2.5) +
              WhiteKernel(noise, (1e-6, 1.0)))
    return GaussianProcessRegressor(kernel, normalize_y=True, n_restarts_optimizer=0,
                                    random_state=seed)


def _fit(x, y, noise, seed, ard=True):
    ok = np.isfinite(y)
    gp = _gp(x.shape[1], noise, seed, ard)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        gp.fit(x[ok], y[ok])
    return gp


def _nugget(gp):
    """The fitted white-noise variance, in the units of y."""
    k = gp.kernel_
    return k.k2.noise_level * (gp._y_train_std ** 2)


class Emulator:
    """Mean and ensemble-variance emulators of one summary."""

    def __init__(self, x, reps, seed=0):
        mean = np.nanmean(reps, axis=1)
        k = reps.shape[1] - 1
        var = np.nanvar(reps, axis=1, ddof=1) if k > 0 else np.full(len(x), 1e-2)
        # E log(s^2) = log(var) + digamma(k/2) - log(k/2) for k degrees of freedom: unbias it.
        bias = digamma(k / 2) - np.log(k / 2) if k > 0 else 0.0
        self.mean_gp = _fit(x, mean, 0.05, seed)
        # The spread varies smoothly and its estimates from few replicates are noisy: one length
        # scale for all parameters is enough and keeps the fit cheap.
        self.var_gp = _fit(x, np.log(var + 1e-4) - bias, 0.3, seed, ard=False)
        self.noise = _nugget(self.mean_gp)
        self.n_train = int(np.isfinite(mean).sum())

    def predict(self, u):
        """Emulated mean, emulator variance and ensemble variance at the points u."""
        m, v, e = [], [], []
        for a in range(0, len(u), BATCH):
            part = u[a:a + BATCH]
            mu, sd = self.mean_gp.predict(part, return_std=True)
            m.append(mu)
            v.append(np.maximum(sd ** 2 - self.noise, 1e-8))
            e.append(np.exp(self.var_gp.predict(part)))
        return np.concatenate(m), np.concatenate(v), np.concatenate(e)

    def describe(self):
        k = self.mean_gp.kernel_
        return {"length_scales": k.k1.k2.length_scale.tolist(), "nugget": float(self.noise),
                "n_train": self.n_train}


def _fit_one(args):
    x, reps, seed = args
    return Emulator(x, reps, seed)


def fit_all(x, y, seed, jobs):
    """One emulator per summary (y: [points, replicates, summaries]), fitted in `jobs` processes."""
    tasks = [(x, y[:, :, j], seed) for j in range(y.shape[2])]
    if jobs <= 1:
        return [_fit_one(t) for t in tasks]
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_fit_one, tasks))


def implausibility(emulators, observations, u):
    """Implausibility [points, summaries]: |z - E f(u)| / sqrt(obs + discrepancy + ens + em)."""
    z, v_fixed = observations
    out = np.empty((len(u), len(emulators)))
    for j, em in enumerate(emulators):
        mu, v_em, v_ens = em.predict(u)
        out[:, j] = np.abs(z[j] - mu) / np.sqrt(v_fixed[j] + v_em + v_ens)
    return out


def kth_largest(imp, k):
    """The k-th largest implausibility of each point (k = 1: the largest)."""
    return np.sort(imp, axis=1)[:, -k]
