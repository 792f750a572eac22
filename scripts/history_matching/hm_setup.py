"""The history matching's set-up: free parameters with priors, the summaries and their errors.

A parameter's prior is uniform on its internal coordinate (the value, or its log for a
log-uniform prior); the emulators and the designs work in the unit cube of those coordinates.
"""
import configparser
import csv
import math
import os

import numpy as np

COUNT_OFFSET = 10.0  # counts are compared on log(x + 10): quarters of 0 and 3 arrivals exist


KINDS = ("uniform", "loguniform", "integer")  # integer: uniform, rounded to a whole number


class SetupError(Exception):
    """A set-up or targets file that cannot be used; the message names file, line and key."""


class Prior:
    def __init__(self, name, kind, low, high, reason):
        self.name, self.kind, self.low, self.high, self.reason = name, kind, low, high, reason

    def to_value(self, u):
        if self.kind == "loguniform":
            return np.exp(np.log(self.low) + u * (np.log(self.high) - np.log(self.low)))
        x = self.low + u * (self.high - self.low)
        return np.round(x) if self.kind == "integer" else x

    def to_unit(self, x):
        if self.kind == "loguniform":
            return (np.log(x) - np.log(self.low)) / (np.log(self.high) - np.log(self.low))
        return (x - self.low) / (self.high - self.low)


class Summary:
    """One matched quantity: a target row, its observation and the variances around it."""

    def __init__(self, row, line, path):
        self.id, self.metric = row["id"], row["metric"]
        self.start, self.end = row["window_start"], row["window_end"]
        if self.metric.startswith("yoy:"):
            raise SetupError(f"{path}:{line}: summary {self.id}: ratios are not matched")
        lower, upper = float(row["lower"]), float(row["upper"])
        obs = row["observed"]
        self.observed = float(obs) if obs else math.sqrt(max(lower, 1.0) * upper)
        try:
            self.obs_error = float(row["obs_error"])
            self.discrepancy = float(row["discrepancy"])
        except (KeyError, ValueError, TypeError):
            raise SetupError(f"{path}:{line}: target {self.id} needs obs_error and discrepancy")
        self.is_count = self.metric != "price_gbp"
        self.z = self.transform(self.observed)
        ratio = self.observed / (self.observed + COUNT_OFFSET) if self.is_count else 1.0
        self.var_obs = (self.obs_error * ratio) ** 2
        self.var_disc = self.discrepancy**2

    def transform(self, x):
        x = np.maximum(np.asarray(x, dtype=float), 0.0)
        return np.log(x + COUNT_OFFSET) if self.is_count else np.log(np.maximum(x, 1.0))


def _read_targets(path):
    with open(path, newline="") as f:
        lines = [(i + 1, l) for i, l in enumerate(f) if l.strip() and not l.startswith("#")]
    reader = csv.DictReader([l for _, l in lines])
    return {row["id"]: (row, lines[k + 1][0]) for k, row in enumerate(reader)}


def _parse_prior(name, text, path):
    body, _, reason = text.partition(";")
    parts = body.split()
    if len(parts) != 3 or parts[0] not in KINDS:
        raise SetupError(f"{path}: [free] {name}: expected '{'|'.join(KINDS)} LOW HIGH ; reason'")
    low, high = float(parts[1]), float(parts[2])
    if not low < high or (parts[0] == "loguniform" and low <= 0):
        raise SetupError(f"{path}: [free] {name}: the range {low}..{high} is empty or not positive")
    return Prior(name, parts[0], low, high, reason.strip())


class Setup:
    def __init__(self, path):
        cp = configparser.ConfigParser(inline_comment_prefixes=None, comment_prefixes=(";", "#"),
                                       interpolation=None)
        cp.optionxform = str
        if not cp.read(path):
            raise SetupError(f"{path}: cannot read the set-up file")
        self.path, here = path, os.path.dirname(os.path.abspath(path))
        hm = cp["history_matching"]
        get = lambda k: hm[k].split(";")[0].strip()
        self.scenario = os.path.join(here, get("scenario"))
        self.targets_path = os.path.join(here, get("targets"))
        self.waves, self.points = int(get("waves")), int(get("points"))
        self.replicates, self.seed, self.end = int(get("replicates")), int(get("seed")), get("end")
        self.cutoff, self.max_from, self.pool = float(get("cutoff")), int(get("max_from")), int(get("pool"))
        self.posterior_draws = int(get("posterior_draws"))
        self.predictive_replicates = int(get("predictive_replicates"))
        self.priors = [_parse_prior(k, v, path) for k, v in cp["free"].items()]
        # Scenarios whose parameter values join wave 1's design (earlier runs' closest points):
        # the emulators learn from them as from any run; the NROY space is still the
        # implausibility's.
        seeds = get("seed_scenarios") if "seed_scenarios" in hm else ""
        self.seed_scenarios = [os.path.join(here, x.strip()) for x in seeds.split(",") if x.strip()]
        targets = _read_targets(self.targets_path)
        self.summaries = []
        for sid in [s.strip() for s in get("summaries").split(",")]:
            if sid not in targets:
                raise SetupError(f"{path}: summaries: no target '{sid}' in {self.targets_path}")
            self.summaries.append(Summary(*targets[sid], self.targets_path))

    @property
    def names(self):
        return [p.name for p in self.priors]

    def to_values(self, u):
        u = np.atleast_2d(u)
        return np.column_stack([p.to_value(u[:, j]) for j, p in enumerate(self.priors)])

    def to_unit(self, x):
        x = np.atleast_2d(x)
        return np.column_stack([p.to_unit(x[:, j]) for j, p in enumerate(self.priors)])

    def seed_units(self, values, scenario):
        """The unit-cube point of a seed scenario's values; a value outside its prior is an
        error naming the scenario and the parameter."""
        for p, x in zip(self.priors, values):
            if not p.low <= x <= p.high:
                raise SetupError(f"{self.path}: seed_scenarios: {scenario}: {p.name} = {x} lies "
                                 f"outside its prior {p.low}..{p.high}")
        return self.to_unit(np.array(values))[0]

    def observations(self):
        z = np.array([s.z for s in self.summaries])
        v = np.array([s.var_obs + s.var_disc for s in self.summaries])
        return z, v
