"""Designs for the waves: space-filling points of the space not yet ruled out (NROY).

Wave 1's design is a Latin hypercube of the unit cube. Later waves screen a uniform pool of the
cube through every earlier wave's emulators (the NROY space is the intersection of the waves'
non-implausible sets); the share of the pool that survives estimates the NROY volume. When too
few survive, candidates are drawn around the survivors (a Gaussian of their spread) and screened
the same way. The design is a maximin subset of the candidates.
"""
import numpy as np
from scipy.stats import qmc

import emulator as em


def latin_hypercube(n, dim, seed):
    return qmc.LatinHypercube(d=dim, optimization="random-cd", seed=seed).random(n)


def cutoff_rank(wave, setup):
    """1 (the largest implausibility) from wave max_from on, else 2 (the second largest)."""
    return 1 if wave >= setup.max_from else 2


def non_implausible(waves, observations, u, setup):
    """Boolean mask of u that no wave rules out; waves = [(wave number, emulators), ...]."""
    keep = np.ones(len(u), bool)
    for k, ems in waves:
        idx = np.flatnonzero(keep)
        if not len(idx):
            break
        imp = em.implausibility(ems, observations, u[idx])
        keep[idx] = em.kth_largest(imp, cutoff_rank(k, setup)) <= setup.cutoff
    return keep


def _local(survivors, n, rng):
    cov = np.cov(survivors.T) if len(survivors) > len(survivors[0]) else None
    if cov is None:
        cov = np.diag(np.full(survivors.shape[1], 0.05 ** 2))
    centres = survivors[rng.integers(len(survivors), size=n)]
    pts = centres + rng.multivariate_normal(np.zeros(survivors.shape[1]), 0.5 * cov, size=n)
    return pts[np.all((pts >= 0) & (pts <= 1), axis=1)]


def maximin_subset(points, n, rng):
    """Greedy maximin: each next point the farthest from those already chosen."""
    if len(points) <= n:
        return points
    chosen = [int(rng.integers(len(points)))]
    d = np.linalg.norm(points - points[chosen[0]], axis=1)
    for _ in range(n - 1):
        i = int(np.argmax(d))
        chosen.append(i)
        d = np.minimum(d, np.linalg.norm(points - points[i], axis=1))
    return points[chosen]


def sample_nroy(waves, observations, setup, n, seed, rounds=6, progress=None):
    """Returns (candidates in the NROY space, share of the uniform pool that survived)."""
    rng = np.random.default_rng(seed)
    pool = rng.random((setup.pool, len(setup.priors)))
    survivors = pool[non_implausible(waves, observations, pool, setup)]
    share = len(survivors) / len(pool)
    for r in range(rounds):
        if len(survivors) >= 4 * n or not len(survivors):
            break
        if progress:
            progress(f"  {len(survivors)} candidates survive; drawing round {r + 1} around them")
        local = _local(survivors, setup.pool // 4, rng)
        survivors = np.vstack([survivors, local[non_implausible(waves, observations, local, setup)]])
    return survivors, share
