#include "runner/resources.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace smug {

namespace {

// Per person of a replicate's state: 87 B measured at full scale (docs/PERFORMANCE.md), plus the
// growth of trips and beliefs over a run.
constexpr uint64_t kBytesPerPerson = 120;
// Copies of a replicate's series alive at once while it is finished: the recorder, its encoding,
// the compressed checkpoint (small), the rows handed to the writer.
constexpr uint64_t kSeriesCopies = 3;
// The run file's size over its series' raw size: 0.033 measured on 2000 full-scale,
// full-horizon replicates and 0.044 at scale 0.05; a little above both.
constexpr double kFileRatio = 0.05;
// The program, its libraries, the models and HDF5's chunk caches.
constexpr uint64_t kFixedBytes = 256ull << 20;

std::optional<uint64_t> meminfo_available() {
  std::ifstream in("/proc/meminfo");
  for (std::string key; in >> key;) {
    uint64_t kb = 0;
    if (key == "MemAvailable:" && in >> kb) return kb * 1024;
    in.ignore(1 << 10, '\n');
  }
  return std::nullopt;
}

std::optional<uint64_t> read_number(const std::string& path, const std::string& key = "") {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string first;
    fields >> first;
    if (key.empty()) {
      if (first == "max") return std::nullopt;
      try {
        return std::stoull(first);
      } catch (const std::exception&) {
        return std::nullopt;
      }
    }
    uint64_t value = 0;
    if (first == key && fields >> value) return value;
  }
  return std::nullopt;
}

// Room under cgroup v2's memory.max for the cgroup this process is in.
std::optional<uint64_t> cgroup_room() {
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  if (!std::getline(in, line) || line.rfind("0::", 0) != 0) return std::nullopt;
  const std::string dir = "/sys/fs/cgroup" + line.substr(3);
  const auto max = read_number(dir + "/memory.max"), current = read_number(dir + "/memory.current");
  if (!max || !current) return std::nullopt;
  return *max > *current ? *max - *current : 0;
}

// Room under RLIMIT_AS: the limit less the address space in use (VmSize, kB).
std::optional<uint64_t> address_space_room() {
  rlimit lim{};
  if (::getrlimit(RLIMIT_AS, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY) return std::nullopt;
  const auto used_kb = read_number("/proc/self/status", "VmSize:");
  const uint64_t used = used_kb ? *used_kb * 1024 : 0;
  return lim.rlim_cur > used ? lim.rlim_cur - used : 0;
}

}  // namespace

MemoryEstimate estimate_memory(const RunSize& s) {
  MemoryEstimate e;
  const uint64_t in_flight =
      std::min<uint64_t>(s.replicates, static_cast<uint64_t>(std::max(1, s.threads)));
  e.in_flight = in_flight * (s.people * kBytesPerPerson + kSeriesCopies * s.series_bytes);
  e.file = static_cast<uint64_t>(static_cast<double>(s.replicates) *
                                 static_cast<double>(s.series_bytes) * kFileRatio);
  e.kept = s.replicates * s.kept_series_bytes;
  e.fixed = kFixedBytes;
  return e;
}

std::optional<uint64_t> available_memory() {
  std::optional<uint64_t> least;
  for (const auto& room : {meminfo_available(), cgroup_room(), address_space_room()})
    if (room) least = least ? std::min(*least, *room) : *room;
  return least;
}

std::string format_bytes(uint64_t bytes) {
  char buf[32];
  const double b = static_cast<double>(bytes);
  if (b >= 1e9)
    std::snprintf(buf, sizeof buf, "%.1f GB", b / 1e9);
  else
    std::snprintf(buf, sizeof buf, "%.0f MB", b / 1e6);
  return buf;
}

void check_memory(const MemoryEstimate& need, std::optional<uint64_t> available) {
  if (!available || need.total() <= *available) return;
  // Only the remedies that would help: each part that is at least a tenth of the need.
  const uint64_t tenth = need.total() / 10;
  std::string remedies = "split it with --shard I/N (each shard writes its own file)";
  if (need.in_flight >= tenth) remedies += ", run fewer --threads";
  if (need.kept >= tenth) remedies += ", give --quiet (no summary is kept to print)";
  throw RuntimeFailure("the run needs about " + format_bytes(need.total()) + " of memory (" +
                       format_bytes(need.in_flight) + " for the replicates in flight, " +
                       format_bytes(need.file) + " for the run file, " + format_bytes(need.kept) +
                       " for the summary) and " + format_bytes(*available) +
                       " is available; nothing was run. To fit, " + remedies);
}

}  // namespace smug
