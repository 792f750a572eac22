// Helpers for the what-if tests (resume, posterior draws, designs, sweeps): scratch folders,
// captured output, and equality of run files in everything but timing and provenance.
#pragma once
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "output/runfile.hpp"

namespace smug::whatif {

inline std::string baseline() {
  return std::string(SMUG_SOURCE_DIR) + "/scenarios/baseline.ini";
}
inline std::string scenario(const std::string& rel) {
  return std::string(SMUG_SOURCE_DIR) + "/scenarios/" + rel;
}

// A fresh folder under the system temporary folder, removed with its contents at the end.
class Scratch {
 public:
  explicit Scratch(const std::string& tag) {
    path_ = std::filesystem::temp_directory_path() /
            ("smug_whatif_" + tag + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(file(name), std::ios::binary) << text;
    return file(name);
  }

 private:
  std::filesystem::path path_;
};

// Swaps a stream's buffer for a string buffer for the lifetime of the object.
class Capture {
 public:
  explicit Capture(std::ostream& os) : os_(os), old_(os.rdbuf(buf_.rdbuf())) {}
  ~Capture() { os_.rdbuf(old_); }
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  std::string text() const { return buf_.str(); }

 private:
  std::ostream& os_;
  std::ostringstream buf_;
  std::streambuf* old_;
};

inline bool same_double(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

// The series of the two run files agree bit for bit (NaN equals NaN); nothing else is compared.
inline void expect_same_series(const out::RunData& a, const out::RunData& b) {
  ASSERT_EQ(a.series.size(), b.series.size());
  for (size_t i = 0; i < a.series.size(); ++i) {
    ASSERT_EQ(a.series[i].values.size(), b.series[i].values.size()) << a.series[i].name;
    for (size_t k = 0; k < a.series[i].values.size(); ++k)
      ASSERT_TRUE(same_double(a.series[i].values[k], b.series[i].values[k])) << a.series[i].name;
  }
}

// Every dataset of the two run files agrees bit for bit (NaN equals NaN), except wall_seconds and
// the root attributes (start and finish times, command, threads).
inline void expect_same_data(const out::RunData& a, const out::RunData& b) {
  EXPECT_EQ(a.start_date, b.start_date);
  EXPECT_EQ(a.ndays, b.ndays);
  EXPECT_EQ(a.seeds, b.seeds);
  EXPECT_EQ(a.replicate_ids, b.replicate_ids);
  ASSERT_EQ(a.series.size(), b.series.size());
  for (size_t i = 0; i < a.series.size(); ++i) {
    const auto &x = a.series[i], &y = b.series[i];
    ASSERT_EQ(x.name, y.name);
    EXPECT_EQ(x.units, y.units);
    EXPECT_EQ(x.long_name, y.long_name);
    EXPECT_EQ(x.kind, y.kind);
    ASSERT_EQ(x.values.size(), y.values.size());
    for (size_t k = 0; k < x.values.size(); ++k)
      ASSERT_TRUE(same_double(x.values[k], y.values[k])) << x.name << " at " << k;
  }
  EXPECT_EQ(a.varied_names, b.varied_names);
  EXPECT_EQ(a.varied_values, b.varied_values);
  EXPECT_EQ(a.design_rows, b.design_rows);
  EXPECT_EQ(a.posterior_rows, b.posterior_rows);
  ASSERT_EQ(a.params.size(), b.params.size());
  for (size_t i = 0; i < a.params.size(); ++i) {
    EXPECT_EQ(a.params[i].name, b.params[i].name);
    EXPECT_EQ(a.params[i].value, b.params[i].value);
    EXPECT_EQ(a.params[i].units, b.params[i].units);
    EXPECT_EQ(a.params[i].origin, b.params[i].origin);
  }
  ASSERT_EQ(a.scenario_files.size(), b.scenario_files.size());
  for (size_t i = 0; i < a.scenario_files.size(); ++i) {
    EXPECT_EQ(a.scenario_files[i].path, b.scenario_files[i].path);
    EXPECT_EQ(a.scenario_files[i].text, b.scenario_files[i].text);
  }
  EXPECT_EQ(a.resolved_scenario, b.resolved_scenario);
}

}  // namespace smug::whatif
