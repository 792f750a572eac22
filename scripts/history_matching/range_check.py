"""Can the model reach the record at all? The range its runs span, against each observation.

History matching asks where in the prior the model fits; this asks first whether any run fits a
figure, and a quarter-to-quarter change, within three standard deviations of observation error and
discrepancy. A figure no run of the whole design reaches is a structural miss: no calibration of
these parameters fixes it (the model lacks a pathway), and it is reported as such rather than
absorbed by widening the discrepancy.
"""
import numpy as np


def _row(name, observed, values, sd, cutoff):
    lo, hi = float(np.min(values)), float(np.max(values))
    gap = max(lo - observed, observed - hi, 0.0) / sd
    return {"summary": name, "observed": round(observed, 4), "runs_min": round(lo, 4),
            "runs_max": round(hi, 4), "sd": round(sd, 4), "gap_sd": round(gap, 3),
            "reached": bool(gap <= cutoff)}


def check(setup, y, cutoff=3.0):
    """y: transformed summaries [points, replicates, summaries] of every run of every wave.

    Each point's replicate mean is one value of the model (the emulated quantity); a quarter's
    change is the difference of consecutive quarters on the log scale, with its sd from both."""
    z, v = setup.observations()
    mean = y.mean(axis=1)
    ids = [s.id for s in setup.summaries]
    rows = [_row(i, z[j], mean[:, j], np.sqrt(v[j]), cutoff) for j, i in enumerate(ids)]
    quarters = [j for j, i in enumerate(ids) if i.startswith("Q")]
    for a, b in zip(quarters, quarters[1:]):
        rows.append(_row(f"{ids[b]}-{ids[a]}", z[b] - z[a], mean[:, b] - mean[:, a],
                         np.sqrt(v[a] + v[b]), cutoff))
    return rows


def joint(setup, y):
    """The best any design point does on all the quarters at once (the issue's criteria: mean
    absolute log error of the replicate mean at most 0.5, log-correlation at least 0.95)."""
    z, _ = setup.observations()
    q = [j for j, s in enumerate(setup.summaries) if s.id.startswith("Q")]
    mean = y.mean(axis=1)[:, q]
    male = np.abs(mean - z[q]).mean(axis=1)
    # A run with the same value in every quarter (none crossed) has no correlation: -1, not NaN.
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = np.array([np.corrcoef(m, z[q])[0, 1] for m in mean])
    corr = np.nan_to_num(corr, nan=-1.0)
    return {"points": int(len(mean)), "best_mean_abs_log_error": round(float(male.min()), 3),
            "best_log_correlation": round(float(np.nanmax(corr)), 3),
            "points_within_both": int(((male <= 0.5) & (corr >= 0.95)).sum())}
