#!/usr/bin/python3
"""Checks that a smugsim run file opens with the tools analysts use (xarray with both engines,
netCDF4, h5py, ncdump) and that `smugsim summarize` agrees with numpy on the same file.

Environment: SMUGSIM (the smugsim binary), SMUG_SOURCE_DIR (repository root), and optionally
SMUG_RUNFILE (an existing run file to check instead of making one with `smugsim run`).
Prints "N passed, M failed"; exits non-zero on any failure.
"""
import csv
import io
import os
import subprocess
import sys
import tempfile
import traceback

import h5py
import netCDF4
import numpy as np
import xarray as xr

SMUGSIM = os.environ.get("SMUGSIM", "smugsim")
SOURCE = os.environ.get("SMUG_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))


def make_runfile(folder):
    """The run file to check: SMUG_RUNFILE, or a fresh short run."""
    given = os.environ.get("SMUG_RUNFILE")
    if given:
        return given
    path = os.path.join(folder, "run.h5")
    cmd = [SMUGSIM, "run", os.path.join(SOURCE, "scenarios", "baseline.ini"), "--scale", "0.01",
           "--replicates", "3", "--start", "2022-01-01", "--end", "2022-12-31", "-o", path,
           "--quiet"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode == 0:
        return path
    sys.exit("cannot make a run file: " + " ".join(cmd) + "\n" + proc.stderr)


def start_date(path):
    with h5py.File(path, "r") as f:
        units = f["time"].attrs["units"]
    units = units.decode() if isinstance(units, bytes) else units
    assert units.startswith("days since "), units
    return np.datetime64(units[len("days since "):][:10])


def summarize_csv(path, *args):
    proc = subprocess.run([SMUGSIM, "summarize", path, *args, "--csv"], capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "period,metric,mean,sd,p05,p50,p95,replicates", lines[0]
    return list(csv.DictReader(io.StringIO(proc.stdout)))


def check_xarray(path, engine):
    with xr.open_dataset(path, engine=engine) as ds:
        arr = ds["arrivals"]
        assert arr.dims == ("replicate", "time"), arr.dims
        assert arr.attrs["units"] and arr.attrs["long_name"], arr.attrs
        assert arr.attrs["smugsim_kind"] == "flow"
        assert np.issubdtype(ds["time"].dtype, np.datetime64), ds["time"].dtype
        assert ds["time"].values[0] == start_date(path), ds["time"].values[0]
        steps = np.diff(ds["time"].values).astype("timedelta64[D]").astype(int)
        assert (steps == 1).all()
        assert ds.sizes["replicate"] == ds["seed"].size >= 1
        assert ds.attrs["smugsim_schema"] == "1" and ds.attrs["Conventions"] == "CF-1.8"
    with xr.open_dataset(path, engine=engine, group="provenance") as prov:
        assert prov.sizes["param"] == prov["param_name"].size
        assert isinstance(str(prov["resolved_scenario"].values), str)


def check_netcdf4(path):
    with netCDF4.Dataset(path) as nc:
        assert nc.data_model == "NETCDF4", nc.data_model
        assert nc.dimensions["time"].size == nc.variables["arrivals"].shape[1]
        assert nc.variables["arrivals"].dimensions == ("replicate", "time")
        assert nc.getncattr("complete") == 1
        assert "smugsim_schema" in nc.ncattrs()
        prov = nc.groups["provenance"]
        names = prov.variables["param_name"][:]
        assert len(names) == prov.dimensions["param"].size
        assert all(isinstance(n, str) for n in names)
        files = prov.variables["scenario_file_path"][:]
        texts = prov.variables["scenario_file_text"][:]
        assert len(files) == len(texts)


def check_h5py(path):
    with h5py.File(path, "r") as f:
        assert list(f.attrs)[-1] == "complete", list(f.attrs)  # creation order: written last
        assert f.attrs["complete"] == 1
        a = f["arrivals"]
        assert a.dtype == np.float64 and a.ndim == 2
        assert a.compression == "gzip" and a.shuffle and a.chunks is not None
        assert a.dims[1][0].name == "/time" and a.dims[0][0].name == "/replicate"
        assert f["seed"].dtype == np.uint64
        assert f["provenance/param_name"].dtype.kind == "O"


def check_summarize_years(path):
    rows = {r["period"]: r for r in summarize_csv(path, "--by", "year", "--metric", "arrivals")}
    with xr.open_dataset(path) as ds:
        per_rep = ds["arrivals"].groupby("time.year").sum("time")  # [year, replicate]
        assert set(rows) == {str(int(y)) for y in per_rep["year"].values}, rows.keys()
        for year in per_rep["year"].values:
            values = per_rep.sel(year=year).values
            row = rows[str(int(year))]
            assert row["metric"] == "arrivals"
            assert int(row["replicates"]) == values.size
            assert np.isclose(float(row["mean"]), values.mean(), rtol=1e-12), (row, values)
            sd = values.std(ddof=1) if values.size > 1 else 0.0
            assert np.isclose(float(row["sd"]), sd, rtol=1e-9, atol=1e-9), (row, sd)
            for q, key in ((5, "p05"), (50, "p50"), (95, "p95")):
                assert np.isclose(float(row[key]), np.percentile(values, q), rtol=1e-12), key


def check_summarize_months_and_window(path):
    with xr.open_dataset(path) as ds:
        metric = next(v for v in ("people_waiting", "price_gbp", "arrivals") if v in ds)
        kind = ds[metric].attrs["smugsim_kind"]
        grouped = ds[metric].resample(time="MS")
        per_rep = grouped.sum("time") if kind == "flow" else grouped.mean("time")
        rows = summarize_csv(path, "--by", "month", "--metric", metric)
        assert len(rows) == per_rep.sizes["time"]
        for row, t in zip(rows, per_rep["time"].values):
            assert row["period"] == str(t)[:7], (row["period"], t)
            values = per_rep.sel(time=t).values
            assert np.isclose(float(row["p95"]), np.percentile(values, 95), rtol=1e-12)
        start = ds["time"].values[0]
        end = start + np.timedelta64(40, "D")
        label = f"{str(start)[:10]}..{str(end)[:10]}"
        window = summarize_csv(path, "--from", str(start)[:10], "--to", str(end)[:10],
                               "--metric", "arrivals")
        assert [r["period"] for r in window] == [label], window
        expected = ds["arrivals"].sel(time=slice(start, end)).sum("time").values.mean()
        assert np.isclose(float(window[0]["mean"]), expected, rtol=1e-12)


def check_ncdump(path):
    proc = subprocess.run(["ncdump", "-h", path], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "double arrivals(replicate, time)" in proc.stdout, proc.stdout[:2000]
    assert "group: provenance" in proc.stdout


def check_summarize_errors(path, folder):
    text = os.path.join(folder, "not_hdf5.h5")
    with open(text, "w") as f:
        f.write("year,arrivals\n")
    for args, phrase in (([text], "not an HDF5 file"),
                         ([path, "--metric", "no_such_metric"], "arrivals"),
                         ([path, "--from", "2022-02-30", "--to", "2022-03-01"], "not a date"),
                         ([os.path.join(folder, "missing.h5")], "does not exist")):
        proc = subprocess.run([SMUGSIM, "summarize", *args], capture_output=True, text=True)
        assert proc.returncode == 2, (args, proc.returncode, proc.stderr)
        assert phrase in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr


def main():
    passed = failed = 0
    with tempfile.TemporaryDirectory() as folder:
        path = make_runfile(folder)
        checks = [
            ("xarray h5netcdf", lambda: check_xarray(path, "h5netcdf")),
            ("xarray netcdf4", lambda: check_xarray(path, "netcdf4")),
            ("netCDF4.Dataset", lambda: check_netcdf4(path)),
            ("h5py", lambda: check_h5py(path)),
            ("ncdump -h", lambda: check_ncdump(path)),
            ("summarize --by year equals numpy", lambda: check_summarize_years(path)),
            ("summarize --by month and window", lambda: check_summarize_months_and_window(path)),
            ("summarize errors", lambda: check_summarize_errors(path, folder)),
        ]
        for name, fn in checks:
            try:
                fn()
                passed += 1
                print("ok  ", name)
            except Exception:  # noqa: BLE001 - report every failing check, then fail
                failed += 1
                print("FAIL", name)
                traceback.print_exc()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
