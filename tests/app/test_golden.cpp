// Pins the model exactly: digests of every series of a short canonical baseline run. Any change in
// the numbers fails here with an old/new table of the headline figures. If the change is
// intended, accept it deliberately with `scripts/golden --accept` and commit the new file.
#include <gtest/gtest.h>

#include <boost/version.hpp>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/app/scenario_runs.hpp"

using namespace smug;
using namespace smug::testing;

namespace {

const char* kGoldenFile = SMUG_SOURCE_DIR "/tests/golden/baseline.txt";

uint64_t fnv1a(const std::vector<double>& v) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (double x : v) {
    unsigned char b[8];
    std::memcpy(b, &x, 8);
    for (unsigned char c : b) h = (h ^ c) * 0x100000001b3ull;
  }
  return h;
}

std::string boost_version() {
  return std::to_string(BOOST_VERSION / 100000) + "." + std::to_string(BOOST_VERSION / 100 % 1000);
}

// "digest NAME HEX" lines and "figure NAME VALUE" lines.
std::string golden_text(const std::vector<ReplicateResult>& runs) {
  std::ostringstream s;
  s << "# Golden digests of scenarios/baseline.ini at full scale (as calibrated), 2 replicates, "
       "2020-2023.\n"
       "# Regenerate deliberately with scripts/golden --accept.\n"
    << "boost " << boost_version() << "\n";
  for (size_t r = 0; r < runs.size(); ++r)
    for (int k = 0; k < kNumSeries; ++k) {
      char buf[32];
      std::snprintf(
          buf, sizeof buf, "%016llx",
          static_cast<unsigned long long>(fnv1a(runs[r].rec.series(static_cast<SeriesId>(k)))));
      s << "digest r" << r << "." << series_info()[k].name << " " << buf << "\n";
    }
  for (const char* metric : {"arrivals", "returns", "attempts", "arrests"}) {
    for (int y = 2020; y <= 2023; ++y) {
      int k = 0;
      while (std::string(series_info()[k].name) != metric) ++k;
      double sum = 0;
      const std::string from = std::to_string(y) + "-01-01", to = std::to_string(y) + "-12-31";
      for (const auto& r : runs)
        sum += window_sum(r, static_cast<SeriesId>(k), "2020-01-01", from.c_str(), to.c_str());
      s << "figure " << metric << "_" << y << " " << sum / runs.size() << "\n";
    }
  }
  return s.str();
}

std::map<std::string, std::string> entries(const std::string& text, const std::string& kind) {
  std::map<std::string, std::string> m;
  std::istringstream in(text);
  std::string a, b, c;
  while (in >> a) {
    if (a[0] == '#') {
      std::getline(in, b);
      continue;
    }
    if (a == "boost") {
      in >> b;
      if (kind == "boost") m["boost"] = b;
      continue;
    }
    in >> b >> c;
    if (a == kind) m[b] = c;
  }
  return m;
}

}  // namespace

TEST(Golden, CanonicalBaselineRunMatchesItsDigests) {
  const auto runs =
      run_scenario("baseline.ini", {{"run.scale", "1"}, {"run.end", "2023-12-31"}}, 2);
  const std::string now = golden_text(runs);
  if (std::getenv("SMUG_GOLDEN_ACCEPT")) {
    std::ofstream(kGoldenFile) << now;
    GTEST_SKIP() << "accepted new golden digests into " << kGoldenFile;
  }
  std::ifstream in(kGoldenFile);
  ASSERT_TRUE(in) << "no golden file; create it with scripts/golden --accept";
  const std::string old((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto old_boost = entries(old, "boost")["boost"];
  ASSERT_EQ(old_boost, boost_version())
      << "the golden digests were made with Boost " << old_boost
      << "; distributions differ between Boost versions: regenerate with scripts/golden --accept";
  const auto od = entries(old, "digest"), nd = entries(now, "digest");
  std::vector<std::string> changed;
  for (const auto& [name, d] : nd)
    if (od.count(name) == 0 || od.at(name) != d) changed.push_back(name);
  if (changed.empty() && od.size() == nd.size()) return;
  std::ostringstream table;
  table << "figure                old          new\n";
  const auto of = entries(old, "figure"), nf = entries(now, "figure");
  for (const auto& [name, v] : nf) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%-16s %12s %12s%s\n", name.c_str(),
                  of.count(name) ? of.at(name).c_str() : "-", v.c_str(),
                  of.count(name) && of.at(name) == v ? "" : "  *");
    table << buf;
  }
  ADD_FAILURE() << changed.size() << " series changed (first: " << changed.front() << ").\n"
                << table.str()
                << "If the change is intended, accept it with scripts/golden --accept and commit.";
}
