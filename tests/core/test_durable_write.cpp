// The one durable write: a file that exists is whole, a failure leaves the old file and no
// temporary behind, and errors name the path.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/durable_write.hpp"
#include "core/errors.hpp"

namespace smug {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / (name + "." + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

size_t files_in(const fs::path& d) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(d), fs::directory_iterator()));
}

TEST(DurableWrite, ReplacesTheFileWholeAndLeavesNoTemporary) {
  const fs::path d = fresh_dir("durable-replace");
  const fs::path f = d / "baseline.ini";
  write_durably(f.string(), "first\n");
  write_durably(f.string(), std::string(100000, 'x'));
  EXPECT_EQ(slurp(f), std::string(100000, 'x'));
  EXPECT_EQ(files_in(d), 1u);
  fs::remove_all(d);
}

TEST(DurableWrite, AFailedFillKeepsTheOldFileAndRemovesTheTemporary) {
  const fs::path d = fresh_dir("durable-fail");
  const fs::path f = d / "run.h5";
  write_durably(f.string(), "old");
  EXPECT_THROW(replace_durably(f.string(), "run file",
                               [](const std::string& tmp) {
                                 std::ofstream(tmp) << "half";
                                 throw RuntimeFailure("disk full");
                               }),
               RuntimeFailure);
  EXPECT_EQ(slurp(f), "old");
  EXPECT_EQ(files_in(d), 1u);
  fs::remove_all(d);
}

TEST(DurableWrite, AnUnwritableFolderIsAnErrorNamingThePath) {
  try {
    write_durably("/nonexistent-folder/posterior.csv", "x", "posterior table");
    FAIL() << "wrote into a missing folder";
  } catch (const RuntimeFailure& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("posterior table '/nonexistent-folder/posterior.csv'"), std::string::npos)
        << what;
    EXPECT_EQ(e.exit_code(), 1);
  }
}

}  // namespace
}  // namespace smug
