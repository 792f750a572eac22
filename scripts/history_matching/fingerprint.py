"""What a work folder was made from, so that a rerun never resumes from stale waves.

The waves' runs are cached by folder; after the set-up, the targets, the scenario (with the files
it extends), the overrides or the smugsim build change, those caches describe another problem.
The first run records a digest of each input; a later run with different inputs stops and names
them instead of mixing old runs with new ones. The build is judged by the sources of what a run
computes (the model, the measures, the parameters, the runner), not by the commit smugsim was
built at: a rebuild after a change elsewhere (the command line, the scripts) keeps the waves.
"""
import hashlib
import json
import os
import re
import hm_setup

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
MODEL_SOURCES = ("core", "engine", "model", "measures", "params", "runner")


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _scenario_chain(path, seen=None):
    """The scenario and every file it extends, in order."""
    seen = seen or []
    path = os.path.abspath(path)
    if path in seen or not os.path.exists(path):
        return seen
    seen.append(path)
    for line in open(path):
        m = re.match(r"\s*extends\s*=\s*(\S+)", line)
        if m:
            _scenario_chain(os.path.join(os.path.dirname(path), m.group(1)), seen)
    return seen


def _model_sources():
    h = hashlib.sha256()
    for d in MODEL_SOURCES:
        for folder, subdirs, files in sorted(os.walk(os.path.join(ROOT, "sim", d))):
            subdirs.sort()
            for f in sorted(files):
                path = os.path.join(folder, f)
                h.update(os.path.relpath(path, ROOT).encode())
                with open(path, "rb") as fh:
                    h.update(fh.read())
    return h.hexdigest()[:16]


def inputs(args, setup):
    files = [setup.path, setup.targets_path] + _scenario_chain(setup.scenario)
    out = {os.path.relpath(f): _digest(open(f).read()) for f in files}
    out["model sources (sim/" + ",".join(MODEL_SOURCES) + ")"] = _model_sources()
    out["overrides"] = _digest(repr((args.waves, args.points, args.scale, args.posterior_draws)))
    return out


def check(args, setup):
    """Records the inputs in a new work folder; raises SetupError if an old one differs."""
    path = os.path.join(args.work, "inputs.json")
    now = inputs(args, setup)
    if not os.path.exists(path):
        with open(path + ".tmp", "w") as f:
            json.dump(now, f, indent=1)
        os.replace(path + ".tmp", path)
        return
    with open(path) as f:
        before = json.load(f)
    changed = sorted(k for k in set(before) | set(now) if before.get(k) != now.get(k))
    if changed:
        raise hm_setup.SetupError(
            f"{args.work} was made from other inputs (changed: {', '.join(changed)}); its waves "
            f"would be stale. Use a new --work folder, or delete {args.work} to start again")
