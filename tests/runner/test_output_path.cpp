// The up-front check of an output path and of a reader's input: directories, devices, FIFOs, an
// empty name, a missing folder and an input of the same command are refused before any work.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/errors.hpp"
#include "runner/io/output_path.hpp"

namespace smug {
namespace {

namespace fs = std::filesystem;

class OutputPath : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("smug_output_path_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string file(const std::string& name) const { return (dir_ / name).string(); }
  // The message of the UsageError check_output_path throws, or "" (a failure) when none.
  static std::string refusal(const std::string& path, const std::vector<std::string>& in = {}) {
    try {
      check_output_path(path, in);
    } catch (const UsageError& e) {
      return e.what();
    }
    ADD_FAILURE() << "accepted '" << path << "'";
    return "";
  }
  fs::path dir_;
};

TEST_F(OutputPath, ANewOrRegularFileIsAccepted) {
  EXPECT_NO_THROW(check_output_path(file("new.h5"), {}));
  std::ofstream(file("old.h5")) << "x";
  EXPECT_NO_THROW(check_output_path(file("old.h5"), {file("other.ini")}));
}

TEST_F(OutputPath, EmptyNamesFoldersDevicesAndFifosAreRefused) {
  EXPECT_NE(refusal("").find("empty"), std::string::npos);
  EXPECT_NE(refusal(file("sub") + "/").find("folder"), std::string::npos);
  EXPECT_NE(refusal(dir_.string()).find("a directory"), std::string::npos);
  EXPECT_NE(refusal("/dev/null").find("a character device"), std::string::npos);
  ASSERT_EQ(::mkfifo(file("fifo").c_str(), 0600), 0);
  EXPECT_NE(refusal(file("fifo")).find("a FIFO"), std::string::npos);
  EXPECT_NE(refusal(file("missing/out.h5")).find("does not exist"), std::string::npos);
}

TEST_F(OutputPath, AnInputOfTheSameCommandIsRefusedByAnyName) {
  std::ofstream(file("s.ini")) << "[run]\n";
  const std::string other_name = (dir_ / "." / "s.ini").string();
  EXPECT_NE(refusal(other_name, {file("a.csv"), file("s.ini")}).find("also an input"),
            std::string::npos);
  fs::create_hard_link(file("s.ini"), file("link.ini"));
  EXPECT_NE(refusal(file("link.ini"), {file("s.ini")}).find("also an input"), std::string::npos);
}

TEST_F(OutputPath, AReaderRefusesAnythingButARegularFile) {
  ASSERT_EQ(::mkfifo(file("fifo").c_str(), 0600), 0);
  EXPECT_THROW(require_regular_file(file("fifo")), InputError);
  EXPECT_THROW(require_regular_file(dir_.string()), InputError);
  EXPECT_THROW(require_regular_file("/dev/zero"), InputError);
  EXPECT_NO_THROW(require_regular_file(file("none.h5")));  // left to the reader's own error
  std::ofstream(file("run.h5")) << "x";
  EXPECT_NO_THROW(require_regular_file(file("run.h5")));
}

}  // namespace
}  // namespace smug
