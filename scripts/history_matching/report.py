"""Writes the results that are committed (RESULTS/): small CSV and JSON files and the fan chart."""
import csv
import json
import os

import numpy as np

import posterior as post
import runs


def _csv(path, header, rows):
    with open(path + ".tmp", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    os.replace(path + ".tmp", path)


def wave_tables(pipe, out):
    """waveK.csv: each run's parameters and transformed summaries, one row per replicate."""
    s = pipe.setup
    for k, _ in pipe.waves:
        d = np.load(pipe.path(f"wave{k}", "summaries.npz"))
        y = runs.transform(s.summaries, d["raw"])
        vals = s.to_values(d["u"])
        rows = [[i, r] + list(vals[i]) + list(y[i, r]) for i in range(len(vals))
                for r in range(y.shape[1])]
        _csv(os.path.join(out, f"wave{k}.csv"), ["point", "replicate"] + s.names +
             [m.id for m in s.summaries], rows)
    _csv(os.path.join(out, "waves.csv"), list(pipe.record[0].keys()),
         [list(r.values()) for r in pipe.record])


def posterior_table(s, cands, w, out, n=1000, seed=0):
    draws, _ = post.resample(cands, w, n, seed)
    vals = s.to_values(draws)
    # Integer parameters as whole numbers: smugsim reads this file (run --posterior, sensitivity).
    whole = [p.kind == "integer" for p in s.priors]
    _csv(os.path.join(out, "posterior.csv"), s.names,
         [[int(round(x)) if w else x for x, w in zip(v, whole)] for v in vals])
    allv = s.to_values(cands)
    rows = []
    for j, p in enumerate(s.priors):
        lo, mid, hi = post.credible(allv[:, j], w)
        width = (p.to_unit(hi) - p.to_unit(lo))
        rows.append([p.name, p.kind, p.low, p.high, lo, mid, hi, round(float(width), 3)])
    _csv(os.path.join(out, "parameters.csv"),
         ["parameter", "prior", "low", "high", "p05", "p50", "p95", "share_of_prior_range"], rows)
    corr = post.weighted_corr(s.to_unit(allv), w)
    pairs = [[s.names[a], s.names[b], round(float(corr[a, b]), 3)]
             for a in range(len(s.names)) for b in range(a + 1, len(s.names))]
    pairs.sort(key=lambda r: -abs(r[2]))
    _csv(os.path.join(out, "correlations.csv"), ["a", "b", "correlation"], pairs)


def predictive_table(rows, summary, out):
    _csv(os.path.join(out, "predictive_quarters.csv"), list(rows[0].keys()),
         [list(r.values()) for r in rows])
    with open(os.path.join(out, "predictive.json"), "w") as f:
        json.dump(summary, f, indent=1)


def range_table(rows, joint, out):
    """range_check.csv: what the runs of every wave span, against each observation; and
    range_check.json: the best any one point does on all the quarters together."""
    _csv(os.path.join(out, "range_check.csv"), list(rows[0].keys()), [list(r.values()) for r in rows])
    tmp = os.path.join(out, "range_check.json.tmp")
    with open(tmp, "w") as f:
        json.dump(joint, f, indent=1)
    os.replace(tmp, os.path.join(out, "range_check.json"))


def fan_chart(rows, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    x = np.arange(len(rows))
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.fill_between(x, [r["p05"] + 1 for r in rows], [r["p95"] + 1 for r in rows], alpha=0.3,
                    label="posterior predictive 5-95%")
    ax.plot(x, [r["p50"] + 1 for r in rows], label="median")
    ax.plot(x, [r["observed"] + 1 for r in rows], "ko", label="published (HO-IRR)")
    ax.set_yscale("log")
    ax.set_xticks(x, [r["id"][1:].replace("_", "Q") for r in rows], rotation=60)
    ax.set_ylabel("Albanian small-boat arrivals + 1")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
