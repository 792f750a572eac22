"""The checks behind scripts/pathway-check (see that script for usage)."""
import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile

SMUGSIM = os.path.join("build", "bin", "smugsim")
WHATIFS = ["no_campaigns", "slow_removals", "drones_from_2023"]
EXITS = ["exit_airport", "exit_kosovo", "exit_montenegro", "exit_greece"]


def derived(scenario, whatif, workdir):
    """The what-if's changes on top of `scenario` (its own `extends` line replaced)."""
    body = [line for line in open(os.path.join("scenarios", "whatifs", whatif + ".ini"))
            if not line.strip().startswith("extends")]
    path = os.path.join(workdir, whatif + ".ini")
    with open(path, "w") as f:
        f.write("extends = " + os.path.abspath(scenario) + "\n" + "".join(body))
    return path


def run(scenario, out, args):
    if os.path.exists(out):
        return out
    cmd = [SMUGSIM, "run", scenario, "-o", out, "--replicates", str(args.replicates), "--scale", "1"]
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return out


def summary(h5, metrics, by=None, start=None, end=None):
    """{(period, metric): mean} from `smugsim summarize --csv`."""
    cmd = [SMUGSIM, "summarize", h5, "--csv", "--metric", ",".join(metrics)]
    if by:
        cmd += ["--by", by]
    if start:
        cmd += ["--from", start, "--to", end]
    text = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return {(r["period"], r["metric"]): float(r["mean"]) for r in csv.DictReader(io.StringIO(text))}


def window(h5, metric, start, end):
    return next(iter(summary(h5, [metric], start=start, end=end).values()))


def observed_all_nationalities():
    path = os.path.join("scenarios", "data", "small_boats_monthly_all_nationalities.csv")
    rows = csv.DictReader(line for line in open(path) if not line.startswith("#"))
    return {r["month"]: float(r["people"]) for r in rows}


def checks(runs):
    base = runs["baseline"]
    y22, y23 = (window(base, "arrivals", f"{y}-01-01", f"{y}-12-31") for y in (2022, 2023))
    out = [("2023 arrivals below 0.3 of 2022 (baseline)", y23 < 0.3 * y22,
            f"{y23:.0f} / {y22:.0f} = {y23 / y22:.2f}")]
    n22, n23 = (window(runs["no_campaigns"], "arrivals", f"{y}-01-01", f"{y}-12-31")
                for y in (2022, 2023))
    out.append(("2023 arrivals below 0.3 of 2022 (no_campaigns)", n23 < 0.3 * n22,
                f"{n23:.0f} / {n22:.0f} = {n23 / n22:.2f}"))
    s23 = window(runs["slow_removals"], "arrivals", "2023-01-01", "2023-12-31")
    out.append(("slow_removals 2023 arrivals at least 1.25 x baseline", s23 >= 1.25 * y23,
                f"{s23:.0f} / {y23:.0f} = {s23 / y23:.2f}"))
    try:
        b = summary(base, EXITS, start="2023-06-01", end="2024-12-31")
        d = summary(runs["drones_from_2023"], EXITS, start="2023-06-01", end="2024-12-31")
        key = lambda m: next(k for k in b if k[1] == m)
        kosovo = d[key("exit_kosovo")] < b[key("exit_kosovo")]
        others = all(d[key(m)] > b[key(m)] for m in EXITS if m != "exit_kosovo")
        detail = ", ".join(f"{m[5:]} {b[key(m)]:.0f}->{d[key(m)]:.0f}" for m in EXITS)
        out.append(("drones_from_2023: Kosovo exits fall, the others rise (Jun 2023-2024)",
                    kosovo and others, detail))
    except (subprocess.CalledProcessError, StopIteration):
        out.append(("drones_from_2023: Kosovo exits fall, the others rise", False,
                    "the run file has no exit_* series"))
    spring = window(base, "price_gbp", "2023-03-01", "2023-05-31")
    autumn = window(base, "price_gbp", "2022-06-01", "2022-12-31")
    out.append(("mean price Mar-May 2023 at least 15% below Jun-Dec 2022", spring <= 0.85 * autumn,
                f"GBP {spring:.0f} against {autumn:.0f} ({spring / autumn - 1:+.0%})"))
    q = summary(base, ["arrivals"], by="quarter")
    q1, q3 = q[("2023Q1", "arrivals")], q[("2023Q3", "arrivals")]
    out.append(("2023 Q3 arrivals at least 4 x Q1", q3 >= 4 * q1, f"{q3:.0f} / {q1:.0f}"))
    monthly = summary(base, ["arrivals"], by="month")
    observed = observed_all_nationalities()
    over = [f"{p} {v:.0f}>{observed[p]:.0f}" for (p, _), v in sorted(monthly.items())
            if p in observed and v >= observed[p]]
    out.append(("Albanian arrivals below all arrivals in every month", not over,
                "none over" if not over else f"{len(over)} months over: " + ", ".join(over[:6])))
    t = subprocess.run([SMUGSIM, "targets", base], capture_output=True, text=True)
    failed = [line for line in t.stdout.splitlines() if " FAIL" in line or "fail" in line.lower()]
    out.append(("the ten targets pass", t.returncode == 0,
                "all pass" if t.returncode == 0 else f"{len(failed)} failing"))
    return out


def main():
    ap = argparse.ArgumentParser(description="issue 19's done-when checks on a scenario")
    ap.add_argument("--scenario", default="scenarios/baseline.ini")
    ap.add_argument("--replicates", type=int, default=16)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--keep", default="")
    args = ap.parse_args()
    workdir = args.keep or tempfile.mkdtemp(prefix="pathway-check.")
    os.makedirs(workdir, exist_ok=True)
    runs = {}
    for name in ["baseline"] + WHATIFS:
        scen = args.scenario if name == "baseline" else derived(args.scenario, name, workdir)
        print(f"running {name} ({args.replicates} replicates, full scale)...", file=sys.stderr)
        runs[name] = run(scen, os.path.join(workdir, name + ".h5"), args)
    results = checks(runs)
    width = max(len(r[0]) for r in results)
    for name, ok, detail in results:
        print(f"{'PASS' if ok else 'FAIL'}  {name:<{width}}  {detail}")
    print(f"runs kept in {workdir}", file=sys.stderr)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
