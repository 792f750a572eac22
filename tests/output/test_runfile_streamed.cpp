// The streaming writer: a run too large to hold is written one replicate at a time, and the file
// is the same as one written from series held in memory.
#include <gtest/gtest.h>

#include "output/runfile.hpp"
#include "sample_run.hpp"

namespace smug::out {
namespace {

using test::make_run;
using test::ScratchDir;

// The header of `d` (series named, values empty) and rows that hand out d's values.
RunData header_of(const RunData& d) {
  RunData h = d;
  for (auto& s : h.series) s.values.clear();
  return h;
}

ReplicateRows rows_of(const RunData& d, int* calls) {
  return [&d, calls](size_t r, std::vector<std::vector<double>>& values) {
    ++*calls;
    const size_t n = static_cast<size_t>(d.ndays);
    for (size_t s = 0; s < d.series.size(); ++s) {
      const auto& v = d.series[s].values;
      values[s].assign(v.begin() + static_cast<std::ptrdiff_t>(r * n),
                       v.begin() + static_cast<std::ptrdiff_t>((r + 1) * n));
    }
  };
}

TEST(RunFileStreamed, ReadsBackTheSameAsAFileWrittenFromHeldSeries) {
  ScratchDir dir("streamed");
  const RunData d = make_run("2022-01-01", 5, 5000, 6);  // rows longer than one chunk
  write_run_file(dir.file("held.h5"), d);
  int calls = 0;
  write_run_file(dir.file("streamed.h5"), header_of(d), rows_of(d, &calls));
  EXPECT_EQ(calls, 5);
  const RunData held = read_run_file(dir.file("held.h5"));
  const RunData streamed = read_run_file(dir.file("streamed.h5"));
  ASSERT_EQ(streamed.series.size(), held.series.size());
  for (size_t s = 0; s < held.series.size(); ++s) {
    EXPECT_EQ(streamed.series[s].name, held.series[s].name);
    EXPECT_EQ(streamed.series[s].values, held.series[s].values) << held.series[s].name;
  }
  EXPECT_EQ(streamed.seeds, held.seeds);
  EXPECT_EQ(streamed.resolved_scenario, held.resolved_scenario);
}

TEST(RunFileStreamed, ARowOfTheWrongLengthFailsAndLeavesNothing) {
  ScratchDir dir("streamed_short");
  const RunData d = make_run("2022-01-01", 3, 40);
  const std::string path = dir.file("short.h5");
  const ReplicateRows short_rows = [&](size_t r, std::vector<std::vector<double>>& values) {
    for (auto& v : values) v.assign(r == 2 ? 39 : 40, 1.0);
  };
  EXPECT_THROW(write_run_file(path, header_of(d), short_rows), RuntimeFailure);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(RunFileStreamed, AFailureInTheSourceLeavesThePreviousFile) {
  ScratchDir dir("streamed_fail");
  const RunData d = make_run("2022-01-01", 3, 40);
  const std::string path = dir.file("run.h5");
  write_run_file(path, d);
  const ReplicateRows failing = [&](size_t r, std::vector<std::vector<double>>& values) {
    if (r == 1) throw RuntimeFailure("checkpoint damaged");
    for (auto& v : values) v.assign(40, 2.0);
  };
  EXPECT_THROW(write_run_file(path, header_of(d), failing), RuntimeFailure);
  EXPECT_EQ(read_run_file(path).series[0].values, d.series[0].values);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(RunFileStreamed, HeldValuesInAStreamedHeaderAreRefused) {
  ScratchDir dir("streamed_held");
  const RunData d = make_run("2022-01-01", 2, 10);
  int calls = 0;
  EXPECT_THROW(write_run_file(dir.file("x.h5"), d, rows_of(d, &calls)), RuntimeFailure);
  EXPECT_EQ(calls, 0);
}

TEST(RunFileStreamed, AHeaderNamesTheSeriesWithoutTheirValues) {
  ScratchDir dir("header");
  const RunData d = make_run("2022-01-01", 3, 40, 5);
  write_run_file(dir.file("run.h5"), d);
  const RunData h = read_run_header(dir.file("run.h5"));
  ASSERT_EQ(h.series.size(), d.series.size());
  for (size_t s = 0; s < d.series.size(); ++s) {
    EXPECT_EQ(h.series[s].name, d.series[s].name);
    EXPECT_EQ(h.series[s].kind, d.series[s].kind);
    EXPECT_TRUE(h.series[s].values.empty());
  }
  EXPECT_EQ(h.seeds, d.seeds);
  EXPECT_EQ(h.provenance.at("git_commit"), "abc123");
}

TEST(RunFileStreamed, RowsReadBackEachReplicateInTheHeadersOrder) {
  ScratchDir dir("rows");
  const RunData d = make_run("2022-01-01", 4, 5000, 3);
  write_run_file(dir.file("run.h5"), d);
  const RunFileRows rows(dir.file("run.h5"));
  ASSERT_EQ(rows.replicates(), 4u);
  std::vector<std::vector<double>> values;
  for (size_t r : {3u, 0u, 2u}) {
    rows.read(r, values);
    ASSERT_EQ(values.size(), 3u);
    for (size_t s = 0; s < 3; ++s)
      EXPECT_EQ(values[s], std::vector<double>(d.series[s].values.begin() + r * 5000,
                                               d.series[s].values.begin() + (r + 1) * 5000));
  }
  EXPECT_THROW(rows.read(4, values), RunFileError);
}

TEST(RunFileStreamed, RowsOfADamagedFileAreRefusedWhenOpened) {
  ScratchDir dir("rows_bad");
  write_run_file(dir.file("run.h5"), make_run("2022-01-01", 2, 40));
  const auto size = std::filesystem::file_size(dir.file("run.h5"));
  std::filesystem::resize_file(dir.file("run.h5"), size / 2);
  EXPECT_THROW(RunFileRows{dir.file("run.h5")}, RunFileError);
  EXPECT_THROW(read_run_header(dir.file("run.h5")), RunFileError);
}

}  // namespace
}  // namespace smug::out
