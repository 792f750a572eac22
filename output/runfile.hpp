// The run file: one HDF5 file per `smugsim run`, holding daily series per replicate and the full
// provenance needed to reproduce any figure. This library knows HDF5 and the series it is handed;
// it knows nothing of the model's internals. Schema: output/SCHEMA.md.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace smug::out {

// How a series aggregates over a period: flows are summed, levels are averaged.
enum class SeriesKind { kFlow, kLevel };

struct Series {
  std::string name;       // e.g. "arrivals"; a valid netCDF variable name
  std::string units;      // UDUNITS-style where possible: "1", "GBP", "people"
  std::string long_name;  // one line
  SeriesKind kind = SeriesKind::kFlow;
  std::vector<double> values;  // [replicate][day], row-major: values[r * ndays + t]
};

// One row per parameter of the resolved scenario.
struct ParamRecord {
  std::string name;   // "section.key"
  std::string value;  // as resolved (schedules in their canonical text form)
  std::string units;
  std::string origin;  // "file:line" or "default"
};

struct ScenarioText {
  std::string path;
  std::string text;
};

struct RunData {
  std::string start_date;  // "YYYY-MM-DD": day 0 of the time axis
  int ndays = 0;
  // One entry per replicate: its seed and replicate index (the random stream key).
  std::vector<uint64_t> seeds;
  std::vector<uint64_t> replicate_ids;
  std::vector<double> wall_seconds;  // per replicate
  std::vector<Series> series;
  // Parameters that differ between replicates: posterior draws (`run --posterior`) or design rows
  // (`sweep`). Empty when every replicate ran the scenario's own values.
  std::vector<std::string> varied_names;  // "section.key"
  std::vector<double> varied_values;      // [replicate][varied_names], row-major
  // sweep: the design row (0-based, after the header) each replicate ran; else empty.
  std::vector<int32_t> design_rows;
  // run --posterior: the posterior row (particle, 0-based) each replicate's draw took; else empty.
  std::vector<int32_t> posterior_rows;
  std::vector<ParamRecord> params;
  std::vector<ScenarioText> scenario_files;  // every file in the extends chain, in order
  std::string resolved_scenario;             // the resolved INI text
  // Free-form string attributes written on the root group: software_version, git_commit,
  // git_dirty, compiler, boost_version, hdf5_version, host, started_at, finished_at, rng, command,
  // scale, ... The writer adds hdf5_version and the schema version itself.
  std::map<std::string, std::string> provenance;

  int nreplicates() const { return static_cast<int>(seeds.size()); }
  const Series* find(const std::string& name) const;
};

// Writes atomically: a temporary file in the target's folder, flushed and closed, then renamed
// onto path; the root attribute `complete` = 1 is written last. Throws RuntimeFailure on
// failure and leaves nothing at path.
void write_run_file(const std::string& path, const RunData& data);

// The series of one replicate: rows(r, values) sets values[s] to the ndays values of series s
// (in the order of RunData::series) for replicate r. Called once per replicate, in order.
using ReplicateRows =
    std::function<void(size_t replicate, std::vector<std::vector<double>>& values)>;

// As above, for runs too large to hold: the series' values come from rows, one replicate at a
// time, and each Series in data gives only its name, units, long name and kind (values empty).
// The writer holds one replicate and the compressed file, never every replicate at once.
void write_run_file(const std::string& path, const RunData& data, const ReplicateRows& rows);

// Reads a run file written by write_run_file. Throws RunFileError (one clear line) for a missing,
// truncated, corrupt, incomplete (no `complete` attribute) or foreign file.
RunData read_run_file(const std::string& path);

// The same without the series' values (each Series is named and empty): for programs that check
// or merge files too large to hold.
RunData read_run_header(const std::string& path);

// A run file's series one replicate at a time, with read_run_file's checks when it is opened.
class RunFileRows {
 public:
  explicit RunFileRows(const std::string& path);
  ~RunFileRows();
  RunFileRows(const RunFileRows&) = delete;
  RunFileRows& operator=(const RunFileRows&) = delete;

  size_t replicates() const;
  // values[s] = replicate r's days of series s, in the order of read_run_header's series.
  void read(size_t r, std::vector<std::vector<double>>& values) const;

 private:
  struct Impl;
  std::string path_;
  std::unique_ptr<Impl> impl_;
};

// A run or calibration file that cannot be used as asked (missing, corrupt, foreign, from
// another run): bad input, exit code 2.
class RunFileError : public Error {
 public:
  explicit RunFileError(const std::string& message) : Error(ErrorKind::kInput, message) {}
};

// Library versions for provenance ("1.10.8").
std::string hdf5_version();

}  // namespace smug::out
