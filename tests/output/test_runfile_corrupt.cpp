// Bit flips and garbled bytes in a written run file: reading it either gives back exactly the data
// written or fails with RunFileError; it never returns other numbers silently (a damaged chunk or
// chunk index read as zeros) and never crashes. Each read runs in a child process so that a crash
// is seen as such.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "output/h5util.hpp"
#include "output/runfile.hpp"
#include "sample_run.hpp"

namespace smug::out {
namespace {

using test::make_run;
using test::ScratchDir;

enum Outcome { kSame = 0, kError = 1, kDifferent = 2, kOther = 3 };

bool same_numbers(const RunData& a, const RunData& b) {
  if (a.seeds != b.seeds || a.replicate_ids != b.replicate_ids || a.ndays != b.ndays ||
      a.start_date != b.start_date || a.series.size() != b.series.size())
    return false;
  for (size_t i = 0; i < a.series.size(); ++i) {
    if (a.series[i].name != b.series[i].name || a.series[i].values != b.series[i].values)
      return false;
  }
  return true;
}

// The outcome of reading path in a child process; -1 for a crash (a signal).
int read_in_child(const std::string& path, const RunData& expected) {
  const pid_t pid = fork();
  if (pid == 0) {
    int outcome = kOther;
    try {
      outcome = same_numbers(read_run_file(path), expected) ? kSame : kDifferent;
    } catch (const RunFileError&) {
      outcome = kError;
    } catch (...) {
    }
    _exit(outcome);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<char> bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::vector<char>& bytes) {
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST(RunFileCorrupt, FlippedBitsAreAnErrorOrTheSameNumbersNeverOthers) {
  ScratchDir dir("corrupt");
  const RunData d = make_run("2021-01-01", 4, 900, 4);
  const std::string good = dir.file("good.h5"), bad = dir.file("bad.h5");
  write_run_file(good, d);
  const RunData expected = read_run_file(good);
  const std::vector<char> original = bytes_of(good);
  int errors = 0;
  const size_t step = original.size() / 400 + 1;
  for (size_t at = 0; at < original.size(); at += step) {
    std::vector<char> flipped = original;
    flipped[at] = static_cast<char>(flipped[at] ^ (1 << (at % 8)));
    write_bytes(bad, flipped);
    const int outcome = read_in_child(bad, expected);
    EXPECT_TRUE(outcome == kSame || outcome == kError)
        << "flip at byte " << at << " of " << original.size() << ": outcome " << outcome;
    errors += outcome == kError;
  }
  EXPECT_GT(errors, 0);
}

}  // namespace
}  // namespace smug::out

namespace smug::out {
namespace {

// Found by the runfile fuzzer: a file without the checksum trailer (as 0.1.0 wrote them) whose
// variable-length string heap is damaged. HDF5 1.10.8 reads past its buffer in H5HG_read and the
// process died (exit 139); now the read runs in a child first and the file is refused.
const std::string kCrashInput = std::string(SMUG_SOURCE_DIR) +
                                "/tests/fuzz/regressions/runfile/"
                                "crash-93d60afa18ab634ee16227f890738256a5444c4a";

TEST(RunFileUnchecked, ADamagedFileWithoutAChecksumIsRefusedNotACrash) {
  ASSERT_FALSE(h5::checksum_matches(kCrashInput).has_value()) << "the input has a trailer";
  try {
    (void)read_run_file(kCrashInput);
    FAIL() << "read";
  } catch (const RunFileError& e) {
    EXPECT_NE(std::string(e.what()).find("corrupt"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)read_run_header(kCrashInput), RunFileError);
}

TEST(RunFileUnchecked, AWholeFileWithoutAChecksumIsStillRead) {
  // The committed calibration files have no trailer; a run file of 0.1.0 is made here by cutting
  // a new file's trailer off.
  test::ScratchDir dir("unchecked");
  const RunData d = test::make_run("2022-01-01", 2, 30);
  const std::string path = dir.file("old.h5");
  write_run_file(path, d);
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - h5::kTrailer);
  ASSERT_FALSE(h5::checksum_matches(path).has_value());
  EXPECT_EQ(read_run_file(path).series[1].values, d.series[1].values);
}

}  // namespace
}  // namespace smug::out
