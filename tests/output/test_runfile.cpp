// Run-file round trip, layout details netCDF tools rely on, and atomic writing.
#include <H5Cpp.h>
#include <gtest/gtest.h>
#include <hdf5_hl.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>

#include "output/runfile.hpp"
#include "sample_run.hpp"

namespace smug::out {
namespace {

using test::make_run;
using test::ScratchDir;

std::string root_string_attr(const H5::H5File& f, const std::string& name) {
  const H5::Attribute a = f.openAttribute(name);
  std::string v;
  a.read(a.getStrType(), v);
  return v;
}

TEST(RunFile, RoundTripsEveryField) {
  ScratchDir dir("roundtrip");
  RunData in = make_run("2022-11-01", 3, 400);
  in.series[2].values[5] = std::numeric_limits<double>::quiet_NaN();
  const std::string path = dir.file("run.h5");
  write_run_file(path, in);
  const RunData back = read_run_file(path);

  EXPECT_EQ(back.start_date, "2022-11-01");
  EXPECT_EQ(back.ndays, 400);
  EXPECT_EQ(back.seeds, in.seeds);
  EXPECT_EQ(back.replicate_ids, in.replicate_ids);
  EXPECT_EQ(back.wall_seconds, in.wall_seconds);
  ASSERT_EQ(back.series.size(), in.series.size());
  for (size_t i = 0; i < in.series.size(); ++i) {
    const Series& a = in.series[i];
    const Series& b = back.series[i];  // order preserved
    EXPECT_EQ(b.name, a.name);
    EXPECT_EQ(b.units, a.units);
    EXPECT_EQ(b.long_name, a.long_name);
    EXPECT_EQ(b.kind, a.kind);
    ASSERT_EQ(b.values.size(), a.values.size());
    for (size_t k = 0; k < a.values.size(); ++k) {
      if (std::isnan(a.values[k])) {
        EXPECT_TRUE(std::isnan(b.values[k]));
      } else {
        ASSERT_EQ(b.values[k], a.values[k]) << a.name << " at " << k;
      }
    }
  }
  ASSERT_EQ(back.params.size(), in.params.size());
  for (size_t i = 0; i < in.params.size(); ++i) {
    EXPECT_EQ(back.params[i].name, in.params[i].name);
    EXPECT_EQ(back.params[i].value, in.params[i].value);
    EXPECT_EQ(back.params[i].units, in.params[i].units);
    EXPECT_EQ(back.params[i].origin, in.params[i].origin);
  }
  ASSERT_EQ(back.scenario_files.size(), 2u);
  EXPECT_EQ(back.scenario_files[1].path, in.scenario_files[1].path);
  EXPECT_EQ(back.scenario_files[1].text, in.scenario_files[1].text);
  EXPECT_EQ(back.resolved_scenario, in.resolved_scenario);
  auto expected = in.provenance;
  expected["hdf5_version"] = hdf5_version();
  EXPECT_EQ(back.provenance, expected);
  ASSERT_NE(back.find("returns"), nullptr);
  EXPECT_EQ(back.find("nope"), nullptr);
  // Neither writing nor reading leaves the file or an object in it open. (Datatypes are not
  // counted: the C++ API keeps its predefined types open for the life of the process.)
  EXPECT_EQ(
      H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_FILE | H5F_OBJ_DATASET | H5F_OBJ_GROUP | H5F_OBJ_ATTR),
      0);
}

TEST(RunFile, EmptyParameterAndScenarioListsRoundTrip) {
  ScratchDir dir("empty");
  RunData in = make_run("2020-02-29", 1, 1, 1);
  in.params.clear();
  in.scenario_files.clear();
  in.provenance.clear();
  in.resolved_scenario.clear();
  write_run_file(dir.file("e.h5"), in);
  const RunData back = read_run_file(dir.file("e.h5"));
  EXPECT_TRUE(back.params.empty());
  EXPECT_TRUE(back.scenario_files.empty());
  EXPECT_EQ(back.series[0].values, in.series[0].values);
}

TEST(RunFile, LayoutFollowsTheSchema) {
  ScratchDir dir("layout");
  const RunData in = make_run("2022-11-01", 3, 400);
  write_run_file(dir.file("run.h5"), in);
  H5::H5File f(dir.file("run.h5"), H5F_ACC_RDONLY);

  EXPECT_EQ(root_string_attr(f, "Conventions"), "CF-1.8");
  EXPECT_EQ(root_string_attr(f, "smugsim_schema"), "1");
  EXPECT_EQ(root_string_attr(f, "git_commit"), "abc123");
  EXPECT_FALSE(root_string_attr(f, "title").empty());
  // `complete` is the last attribute created.
  const int nattrs = f.getNumAttrs();
  char name[64] = {};
  ASSERT_GT(H5Aget_name_by_idx(f.getId(), ".", H5_INDEX_CRT_ORDER, H5_ITER_INC,
                               static_cast<hsize_t>(nattrs - 1), name, sizeof name, H5P_DEFAULT),
            0);
  EXPECT_STREQ(name, "complete");
  int32_t complete = 0;
  f.openAttribute("complete").read(H5::PredType::NATIVE_INT32, &complete);
  EXPECT_EQ(complete, 1);

  // Creation order tracked and indexed on the root and the provenance group.
  for (const char* group : {"/", "/provenance"}) {
    const H5::Group g = f.openGroup(group);
    const hid_t gcpl = H5Gget_create_plist(g.getId());
    unsigned links = 0, attrs = 0;
    H5Pget_link_creation_order(gcpl, &links);
    H5Pget_attr_creation_order(gcpl, &attrs);
    H5Pclose(gcpl);
    EXPECT_EQ(links, unsigned{H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED}) << group;
    EXPECT_EQ(attrs, unsigned{H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED}) << group;
  }

  const H5::DataSet time = f.openDataSet("time");
  const H5::DataSet rep = f.openDataSet("replicate");
  EXPECT_GT(H5DSis_scale(time.getId()), 0);
  EXPECT_GT(H5DSis_scale(rep.getId()), 0);
  std::string units;
  time.openAttribute("units").read(time.openAttribute("units").getStrType(), units);
  EXPECT_EQ(units, "days since 2022-11-01 00:00:00");
  std::vector<int32_t> offsets(400);
  time.read(offsets.data(), H5::PredType::NATIVE_INT32);
  EXPECT_EQ(offsets.front(), 0);
  EXPECT_EQ(offsets.back(), 399);

  const H5::DataSet arrivals = f.openDataSet("arrivals");
  EXPECT_GT(H5DSis_attached(arrivals.getId(), rep.getId(), 0), 0);
  EXPECT_GT(H5DSis_attached(arrivals.getId(), time.getId(), 1), 0);
  const H5::DSetCreatPropList dcpl = arrivals.getCreatePlist();
  EXPECT_EQ(dcpl.getLayout(), H5D_CHUNKED);
  hsize_t chunk[2] = {};
  dcpl.getChunk(2, chunk);
  EXPECT_EQ(chunk[0], 1u);
  EXPECT_EQ(chunk[1], 400u);
  EXPECT_TRUE(dcpl.allFiltersAvail());
  ASSERT_EQ(dcpl.getNfilters(), 3);  // shuffle, deflate, then the Fletcher32 checksum
  unsigned flags = 0, config = 0;
  size_t nelmts = 0;
  char filter_name[32];
  EXPECT_EQ(dcpl.getFilter(2, flags, nelmts, nullptr, sizeof filter_name, filter_name, config),
            H5Z_FILTER_FLETCHER32);
  EXPECT_EQ(arrivals.getDataType(), H5::PredType::IEEE_F64LE);
  std::string kind;
  const H5::Attribute k = arrivals.openAttribute("smugsim_kind");
  k.read(k.getStrType(), kind);
  EXPECT_EQ(kind, "flow");

  const H5::Group prov = f.openGroup("provenance");
  const H5::DataSet pname = prov.openDataSet("param_name");
  EXPECT_GT(H5DSis_attached(pname.getId(), prov.openDataSet("param").getId(), 0), 0);
  EXPECT_TRUE(pname.getStrType().isVariableStr());
  EXPECT_EQ(pname.getStrType().getCset(), H5T_CSET_UTF8);
  EXPECT_EQ(f.openDataSet("seed").getDataType(), H5::PredType::STD_U64LE);
}

TEST(RunFile, RejectsInvalidDataAndLeavesNothing) {
  ScratchDir dir("invalid");
  const std::string path = dir.file("bad.h5");
  RunData d = make_run("2022-11-01", 2, 10);
  d.series[1].values.pop_back();
  EXPECT_THROW(write_run_file(path, d), std::runtime_error);
  d = make_run("2022-11-01", 2, 10);
  d.series[1].name = "time";
  EXPECT_THROW(write_run_file(path, d), std::runtime_error);
  d = make_run("2022-11-01", 2, 10);
  d.series[1].name = "has space";
  EXPECT_THROW(write_run_file(path, d), std::runtime_error);
  d = make_run("2022-13-01", 2, 10);
  EXPECT_THROW(write_run_file(path, d), std::runtime_error);
  d = make_run("2022-11-01", 2, 10);
  d.provenance["complete"] = "yes";
  EXPECT_THROW(write_run_file(path, d), std::runtime_error);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));  // no target, no temporary file
}

TEST(RunFile, WriteIntoMissingFolderFailsCleanly) {
  ScratchDir dir("nofolder");
  EXPECT_THROW(write_run_file(dir.file("missing/run.h5"), make_run("2022-01-01", 1, 5)),
               std::runtime_error);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(RunFile, OverwritesAnExistingFileAndLeavesNoTemporary) {
  ScratchDir dir("overwrite");
  const std::string path = dir.file("run.h5");
  write_run_file(path, make_run("2022-01-01", 2, 30));
  write_run_file(path, make_run("2023-01-01", 1, 10));
  const RunData back = read_run_file(path);
  EXPECT_EQ(back.start_date, "2023-01-01");
  EXPECT_EQ(back.nreplicates(), 1);
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(RunFile, ReportsLibraryVersion) {
  EXPECT_EQ(hdf5_version().substr(0, 2), "1.");
}

// Not a test of its own: writes a sample run file for tests/python/test_runfile.py when
// SMUG_SAMPLE_RUNFILE names where to put it; point SMUG_RUNFILE at it to check that script
// against a synthetic file without running the model.
TEST(RunFileSample, WritesSampleWhenAsked) {
  const char* target = std::getenv("SMUG_SAMPLE_RUNFILE");
  if (!target || !*target) GTEST_SKIP() << "SMUG_SAMPLE_RUNFILE not set";
  RunData d = make_run("2022-01-01", 3, 546, 4);  // to 2023-06-30: one full, one partial year
  for (auto& v : d.series[0].values) v = std::floor(v * 3);  // whole people per day
  write_run_file(target, d);
  EXPECT_NO_THROW(read_run_file(target));
}

}  // namespace
}  // namespace smug::out
