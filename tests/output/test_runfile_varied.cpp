// Run files whose replicates ran different parameters (posterior draws, design rows): the
// varied-parameter datasets round-trip, are optional, and are validated before writing.
#include <H5Cpp.h>
#include <gtest/gtest.h>

#include "output/runfile.hpp"
#include "sample_run.hpp"

namespace smug::out {
namespace {

using test::make_run;
using test::ScratchDir;

RunData with_varied(int nrep) {
  RunData d = make_run("2022-01-01", nrep, 30);
  d.varied_names = {"decision.intercept", "taskforce.enabled", "organisations.reach_per_recruiter"};
  for (int r = 0; r < nrep; ++r) {
    d.varied_values.insert(d.varied_values.end(), {-6.0 + 0.1 * r, r % 2 * 1.0, 1.0 / 3 + r});
    d.design_rows.push_back(r / 2);
  }
  return d;
}

TEST(RunFileVaried, RoundTrips) {
  ScratchDir dir("varied");
  const RunData in = with_varied(4);
  write_run_file(dir.file("v.h5"), in);
  const RunData back = read_run_file(dir.file("v.h5"));
  EXPECT_EQ(back.varied_names, in.varied_names);
  EXPECT_EQ(back.varied_values, in.varied_values);  // exact: float64 throughout
  EXPECT_EQ(back.design_rows, in.design_rows);
  EXPECT_TRUE(back.posterior_rows.empty());
  ASSERT_EQ(back.series.size(), in.series.size());  // the new datasets are not series

  // Layout netCDF tools see: varied_value on (replicate, varied_param).
  H5::H5File f(dir.file("v.h5"), H5F_ACC_RDONLY);
  const H5::DataSet v = f.openDataSet("varied_value");
  hsize_t dims[2];
  v.getSpace().getSimpleExtentDims(dims);
  EXPECT_EQ(dims[0], 4u);
  EXPECT_EQ(dims[1], 3u);
  EXPECT_TRUE(v.attrExists("DIMENSION_LIST"));
  EXPECT_TRUE(f.openDataSet("design_row").attrExists("DIMENSION_LIST"));
}

TEST(RunFileVaried, PosteriorRowsRoundTripAndPlainRunsHaveNone) {
  ScratchDir dir("varied_posterior");
  RunData in = with_varied(3);
  in.design_rows.clear();
  in.posterior_rows = {7, 0, 7};
  write_run_file(dir.file("p.h5"), in);
  const RunData back = read_run_file(dir.file("p.h5"));
  EXPECT_EQ(back.posterior_rows, in.posterior_rows);
  EXPECT_TRUE(back.design_rows.empty());

  write_run_file(dir.file("plain.h5"), make_run("2022-01-01", 3, 30));
  const RunData plain = read_run_file(dir.file("plain.h5"));
  EXPECT_TRUE(plain.varied_names.empty());
  EXPECT_TRUE(plain.varied_values.empty());
  EXPECT_TRUE(plain.design_rows.empty());
  H5::H5File f(dir.file("plain.h5"), H5F_ACC_RDONLY);
  EXPECT_FALSE(f.nameExists("varied_value"));
}

TEST(RunFileVaried, RejectsMismatchedShapesAndReservedNames) {
  ScratchDir dir("varied_bad");
  RunData short_values = with_varied(3);
  short_values.varied_values.pop_back();
  EXPECT_THROW(write_run_file(dir.file("a.h5"), short_values), std::runtime_error);
  RunData short_rows = with_varied(3);
  short_rows.design_rows.pop_back();
  EXPECT_THROW(write_run_file(dir.file("b.h5"), short_rows), std::runtime_error);
  RunData reserved = make_run("2022-01-01", 2, 30);
  reserved.series[0].name = "varied_value";
  EXPECT_THROW(write_run_file(dir.file("c.h5"), reserved), std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(dir.file("a.h5")));
}

}  // namespace
}  // namespace smug::out
