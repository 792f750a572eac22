// Synthetic run data and scratch folders for the output tests.
#pragma once
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

#include "output/runfile.hpp"

namespace smug::test {

// A deterministic, non-trivial value per (series, replicate, day) so that any misplaced element
// shows up in a round trip.
inline double synthetic_value(int series, int replicate, int day) {
  const double base = 10.0 * (series + 1) + 3.0 * replicate;
  return base + 5.0 * std::sin(0.05 * day + series) + 0.001 * day;
}

inline out::Series make_series(const std::string& name, out::SeriesKind kind, int index, int nrep,
                               int ndays) {
  out::Series s;
  s.name = name;
  s.kind = kind;
  s.units = kind == out::SeriesKind::kFlow ? "people" : "GBP";
  s.long_name = name + " (synthetic, £ and ë to test UTF-8)";
  s.values.resize(static_cast<size_t>(nrep) * ndays);
  for (int r = 0; r < nrep; ++r) {
    for (int t = 0; t < ndays; ++t)
      s.values[static_cast<size_t>(r) * ndays + t] = synthetic_value(index, r, t);
  }
  return s;
}

inline out::RunData make_run(const std::string& start, int nrep, int ndays, int nseries = 4) {
  out::RunData d;
  d.start_date = start;
  d.ndays = ndays;
  for (int r = 0; r < nrep; ++r) {
    d.seeds.push_back(std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(r));
    d.replicate_ids.push_back(static_cast<uint64_t>(r) + 100);
    d.wall_seconds.push_back(1.5 + r);
  }
  static const char* kNames[] = {"arrivals", "returns", "people_waiting", "price_gbp"};
  for (int i = 0; i < nseries; ++i) {
    const std::string name = i < 4 ? kNames[i] : "series_" + std::to_string(i);
    const auto kind = (i % 4) < 2 ? out::SeriesKind::kFlow : out::SeriesKind::kLevel;
    d.series.push_back(make_series(name, kind, i, nrep, ndays));
  }
  d.params = {{"boats.capacity", "45", "people", "base.ini:12"},
              {"market.price", "2022-01-01 3000; 2023-01-01 4000", "GBP", "default"},
              {"network.name", "Ωmega", "1", "child.ini:3"}};
  d.scenario_files = {{"scenarios/base.ini", "[boats]\ncapacity = 45\n"},
                      {"scenarios/child.ini", "extends = base.ini\n[network]\nname = Ωmega\n"}};
  d.resolved_scenario = "[boats]\ncapacity = 45\n[network]\nname = Ωmega\n";
  d.provenance = {{"software_version", "0.1.0"},
                  {"git_commit", "abc123"},
                  {"command", "smugsim run scenarios/child.ini"},
                  {"scale", "0.01"}};
  return d;
}

// A fresh folder under the system temporary folder, removed with its contents on destruction.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag) {
    path_ = std::filesystem::temp_directory_path() /
            ("smug_output_" + tag + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace smug::test
