// The sensitivity file: what is written reads back exactly (NaN indices included), and a file of
// another kind or a missing one is refused in one line naming it.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "output/h5util.hpp"
#include "output/runfile.hpp"
#include "output/sensfile.hpp"
#include "sample_run.hpp"

namespace smug::out {
namespace {

SensitivityRecord sample_record() {
  SensitivityRecord r;
  r.method = "morris";
  r.param_names = {"a.x", "b.y"};
  r.param_low = {0, -1};
  r.param_high = {1, 2.5};
  r.output_names = {"arrivals_2023"};
  r.design_unit = {0, 0, 2.0 / 3, 0, 2.0 / 3, 1};
  r.design_points = {0, -1, 2.0 / 3, -1, 2.0 / 3, 2.5};
  r.point_outputs = {10, 12.5, 0.1};
  r.index_columns = {"mu", "sigma"};
  r.indices = {1.5, 0, std::nan(""), 0.25};
  r.attributes = {{"setup_text", "[sensitivity]\nscenario = x.ini\n"}, {"seed", "7"}};
  return r;
}

TEST(SensitivityFile, ReadsBackWhatWasWritten) {
  test::ScratchDir dir("sensfile");
  const SensitivityRecord a = sample_record();
  write_sensitivity_file(dir.file("s.h5"), a);
  const SensitivityRecord b = read_sensitivity_file(dir.file("s.h5"));
  EXPECT_EQ(b.method, a.method);
  EXPECT_EQ(b.param_names, a.param_names);
  EXPECT_EQ(b.param_low, a.param_low);
  EXPECT_EQ(b.param_high, a.param_high);
  EXPECT_EQ(b.output_names, a.output_names);
  EXPECT_EQ(b.design_unit, a.design_unit);
  EXPECT_EQ(b.design_points, a.design_points);
  EXPECT_EQ(b.point_outputs, a.point_outputs);
  EXPECT_EQ(b.index_columns, a.index_columns);
  ASSERT_EQ(b.indices.size(), 4u);
  EXPECT_EQ(b.index(0, 0, 0), 1.5);
  EXPECT_TRUE(std::isnan(b.index(0, 1, 0)));
  EXPECT_EQ(b.index(0, 1, 1), 0.25);
  EXPECT_EQ(b.points(), 3u);
  EXPECT_EQ(b.attributes.at("setup_text"), a.attributes.at("setup_text"));
  EXPECT_EQ(b.attributes.at("seed"), "7");
}

TEST(SensitivityFile, RunFilesAndMissingFilesAreRefusedNamingThem) {
  test::ScratchDir dir("sensfile_refused");
  write_run_file(dir.file("run.h5"), test::make_run("2023-01-01", 1, 3));
  for (const auto& [file, phrase] : {std::pair{dir.file("run.h5"), "not a smugsim sensitivity"},
                                     std::pair{dir.file("none.h5"), "does not exist"}}) {
    try {
      read_sensitivity_file(file);
      ADD_FAILURE() << file;
    } catch (const RunFileError& e) {
      EXPECT_NE(std::string(e.what()).find(phrase), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(file), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace smug::out

namespace smug::out {
namespace {

TEST(SensitivityFile, OneWithoutItsChecksumIsRefusedUnread) {
  test::ScratchDir dir("sensfile_unchecked");
  const std::string path = dir.file("s.h5");
  write_sensitivity_file(path, sample_record());
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - h5::kTrailer);
  try {
    (void)read_sensitivity_file(path);
    FAIL() << "read";
  } catch (const RunFileError& e) {
    EXPECT_NE(std::string(e.what()).find("no checksum"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace smug::out
