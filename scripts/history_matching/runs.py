"""Runs designs through `smugsim sweep` and reads the matched summaries from its run file.

The sweep is the model's own batch command: common random numbers across rows, resumable
(--resume continues from OUTPUT.partial/), and spread over MPI ranks by a launcher prefix.
"""
import datetime as dt
import os
import shlex
import subprocess

import h5py
import numpy as np


class RunFailed(Exception):
    pass


def _number(v):
    v = float(v)
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)


def write_design(path, names, values):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(",".join(names) + "\n")
        for row in values:
            f.write(",".join(_number(v) for v in row) + "\n")
    os.replace(tmp, path)


def sweep(ctx, scenario, design, output, replicates, seed, end, quiet=False):
    """Runs `smugsim sweep`; resumes a partial run; skips a complete one."""
    if os.path.exists(output):
        return
    cmd = shlex.split(ctx.launcher) + [ctx.smugsim, "sweep", scenario, "--design", design,
                                       "-o", output, "-n", str(replicates), "--seed", str(seed),
                                       "--end", end]
    if ctx.scale:
        cmd += ["--scale", str(ctx.scale)]
    if ctx.threads:
        cmd += ["-t", str(ctx.threads)]
    if os.path.isdir(output + ".partial"):
        cmd.append("--resume")
    if quiet:
        cmd.append("-q")
    # The sweep's progress bar (stderr) shows; its closing table goes to a log beside the run.
    with open(output + ".log", "a") as table:
        rc = subprocess.call(cmd, stdout=table)
    if rc != 0:
        raise RunFailed(f"smugsim sweep exited with {rc}: {' '.join(cmd)}")


def scenario_values(ctx, scenario, names):
    """The values of `names` in a scenario file (after its extends chain), read with
    `smugsim params --scenario`; a name the model does not know raises RunFailed."""
    cmd = [ctx.smugsim, "params", "--scenario", scenario]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RunFailed(f"{' '.join(cmd)}: {done.stderr.strip()}")
    table = {}
    for line in done.stdout.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 2:
            table[parts[0]] = parts[1]
    missing = [n for n in names if n not in table]
    if missing:
        raise RunFailed(f"{scenario}: no value for {', '.join(missing)}")
    return [1.0 if table[n] == "true" else 0.0 if table[n] == "false" else float(table[n])
            for n in names]


def _day_index(f, date):
    units = f["time"].attrs["units"]
    units = units.decode() if isinstance(units, bytes) else units
    start = dt.date.fromisoformat(units.split("since ")[1][:10])
    return (dt.date.fromisoformat(date) - start).days


def read_summaries(path, summaries):
    """Per (design row, replicate) raw values: array [rows, replicates, summaries]."""
    with h5py.File(path, "r") as f:
        rows = f["design_row"][:] if "design_row" in f else np.zeros(f["replicate"].shape, int)
        cache, out = {}, []
        for s in summaries:
            series = s.metric
            if series not in cache:
                cache[series] = f[series][:]
            data = cache[series]
            a, b = _day_index(f, s.start), _day_index(f, s.end) + 1
            if s.is_count:
                out.append(data[:, a:b].sum(axis=1))
            else:
                with np.errstate(all="ignore"):
                    out.append(np.nanmean(data[:, a:b], axis=1))
    values = np.column_stack(out)
    n_rows = int(rows.max()) + 1
    per_row = len(rows) // n_rows
    order = np.lexsort((np.arange(len(rows)), rows))
    return values[order].reshape(n_rows, per_row, len(summaries))


def transform(summaries, raw):
    return np.stack([s.transform(raw[..., j]) for j, s in enumerate(summaries)], axis=-1)
