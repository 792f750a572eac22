"""scripts/calibrate: history matching of the baseline to the published quarters, then the
posterior, the posterior-predictive checks and the recovery test (docs/calibration.md).

Every stage writes its result into the work folder atomically and a rerun of the same command
skips what is done: after Ctrl-C, SIGTERM or a crash, run it again to resume.
"""
import argparse
import datetime
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fingerprint  # noqa: E402
import hm_setup  # noqa: E402
import posterior_stage as ps  # noqa: E402
import recovery  # noqa: E402
import range_check  # noqa: E402
import report  # noqa: E402
import stages as st  # noqa: E402


def parse(argv):
    a = argparse.ArgumentParser(prog="scripts/calibrate", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--setup", default="scenarios/calibration/history_matching.ini")
    a.add_argument("--work", default="out/calibration", help="work folder (resumable state)")
    a.add_argument("--results", default="scenarios/calibration/hm",
                   help="folder for the committed results (tables, posterior, fan chart)")
    a.add_argument("--smugsim", default="build/bin/smugsim")
    a.add_argument("--launcher", default="", help="prefix for each sweep, e.g. 'mpirun -n 8' "
                   "(then --smugsim build-mpi/bin/smugsim)")
    a.add_argument("--threads", type=int, default=0, help="threads per sweep (default: all)")
    a.add_argument("--scale", type=float, help="share of the population simulated (tests only)")
    a.add_argument("--posterior-draws", type=int, help="override the set-up's posterior draws")
    a.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="processes fitting emulators (default: all cores)")
    a.add_argument("--waves", type=int, help="override the set-up's number of waves")
    a.add_argument("--points", type=int, help="override the set-up's points per wave")
    a.add_argument("--write-baseline", metavar="INI",
                   help="write the best posterior draw into INI's CALIBRATED block")
    a.add_argument("--no-recovery", action="store_true", help="skip the recovery test")
    a.add_argument("--keep-runs", action="store_true", help="keep each sweep's run file")
    return a.parse_args(argv)


def on_sigterm(signum, frame):
    raise KeyboardInterrupt


def ini_sections(setup, values):
    """The parameters as scenario sections: [section] then key = value lines."""
    sections = {}
    for name, v in zip(setup.names, values):
        sec, key = name.split(".", 1)
        sections.setdefault(sec, []).append(f"{key} = {v:.9g}")
    return [line for sec, lines in sections.items() for line in [f"[{sec}]"] + lines]


def write_atomic(path, text):
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def write_baseline(path, setup, values, note):
    text = open(path).read()
    begin, end = "; BEGIN CALIBRATED", "; END CALIBRATED"
    a, b = text.index(begin), text.index(end)
    block = [begin, f"; {note}"] + ini_sections(setup, values)
    write_atomic(path, text[:a] + "\n".join(block) + "\n" + text[b:])


def write_best_draw(results, setup, values):
    """best_draw.ini: the scenario at the posterior draw whose own replicates fit best, to run,
    compare or scan by hand (docs/calibration.md)."""
    base = os.path.relpath(setup.scenario, os.path.abspath(results))
    # In a CALIBRATED block: a posterior draw may replace these (smugsim run --posterior).
    lines = ["; The history matching's scenario at its best posterior draw (scripts/calibrate).",
             f"extends = {base}", "; BEGIN CALIBRATED"] + ini_sections(setup, values) + [
                 "; END CALIBRATED"]
    write_atomic(os.path.join(results, "best_draw.ini"), "\n".join(lines) + "\n")


def main(argv):
    args = parse(argv)
    setup = hm_setup.Setup(args.setup)
    if args.waves:
        setup.waves = args.waves
    if args.points:
        setup.points = args.points
    if args.posterior_draws:
        setup.posterior_draws = args.posterior_draws
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.results, exist_ok=True)
    fingerprint.check(args, setup)
    pipe = st.Pipeline(args, setup)
    st.log(f"history matching: {len(setup.priors)} free parameters, {len(setup.summaries)} "
           f"summaries, {setup.waves} waves of {setup.points} points x {setup.replicates}")
    for k in range(1, setup.waves + 1):
        pipe.wave(k)
    reach = range_check.check(setup, pipe.y, setup.cutoff)
    top = range_check.joint(setup, pipe.y)
    report.range_table(reach, top, args.results)
    missed = [r["summary"] for r in reach if not r["reached"]]
    st.log(f"range check: {len(reach) - len(missed)}/{len(reach)} figures and changes reached by "
           f"some run" + (f"; out of every run's reach: {', '.join(missed)}" if missed else "")
           + f"; best point on the quarters: mean abs log error "
             f"{top['best_mean_abs_log_error']}, log-correlation {top['best_log_correlation']}")
    cands, w, share, ess = ps.posterior(pipe, pipe.obs, setup.seed + 500, "posterior")
    st.log(f"posterior: {len(cands)} samples of the chains, effective sample size {ess:.1f}")
    report.wave_tables(pipe, args.results)
    report.posterior_table(setup, cands, w, args.results)
    draws, raw = ps.predictive(pipe, cands, w)
    rows, summary = ps.quarter_checks(setup, raw)
    best, ll = ps.best_draw(setup, draws, raw)
    summary["nroy_share_final"] = share
    summary["best_draw"] = dict(zip(setup.names, map(float, setup.to_values(draws[best])[0])))
    report.predictive_table(rows, summary, args.results)
    write_best_draw(args.results, setup, setup.to_values(draws[best])[0])
    report.fan_chart(rows, os.path.join(args.results, "fan_chart.png"))
    st.log(f"predictive: {summary['inside']}/{summary['quarters']} quarters inside 5-95%, "
           f"log-correlation {summary['log_correlation']:.3f}, mean abs log error "
           f"{summary['mean_abs_log_error']:.3f}")
    if args.write_baseline:
        stamp = datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
        write_baseline(args.write_baseline, setup, setup.to_values(draws[best])[0],
                       f"Written by scripts/calibrate ({args.setup}) on {stamp}: of the "
                       f"{len(draws)} posterior draws, the one whose own replicates fit best.")
        st.log(f"wrote the calibrated block of {args.write_baseline}")
    if not args.no_recovery:
        rec = recovery.run(pipe, draws)
        st.save_json(os.path.join(args.results, "recovery.json"), rec)
        st.log(f"recovery test: {'PASS' if rec['passed'] else 'FAIL'}")
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("\ninterrupted: run the same command again to resume", file=sys.stderr)
        sys.exit(130)
    except (hm_setup.SetupError, RuntimeError, st.runs.RunFailed) as e:
        print(f"calibrate: {e}", file=sys.stderr)
        sys.exit(2)
