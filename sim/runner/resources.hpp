// Memory a run will need, estimated before any replicate runs, and the memory this process may
// use: a run that cannot fit is refused at once, with numbers and what to do, instead of failing
// after hours of work.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace smug {

struct RunSize {
  uint64_t replicates = 0;         // of this process (a shard's own)
  int threads = 1;                 // replicates in flight at once
  uint64_t people = 0;             // per replicate, at the run's scale
  uint64_t series_bytes = 0;       // one replicate's series, uncompressed
  uint64_t kept_series_bytes = 0;  // per replicate, of the series held for the printed summary
};

struct MemoryEstimate {
  uint64_t in_flight = 0;  // the replicates being computed, their series and checkpoints
  uint64_t file = 0;       // the run file, built in memory before it is written
  uint64_t kept = 0;       // the series kept for the summary
  uint64_t fixed = 0;      // the program, models, libraries
  uint64_t total() const { return in_flight + file + kept + fixed; }
};

MemoryEstimate estimate_memory(const RunSize& size);

// The bytes this process can still allocate: the least of the system's available memory
// (MemAvailable), the room under the cgroup's memory.max and the room under RLIMIT_AS. nullopt
// if none of them can be read.
std::optional<uint64_t> available_memory();

// Throws RuntimeFailure (exit 1) naming both numbers and the remedies if the estimate exceeds
// what is available; nothing if it fits or availability is unknown.
void check_memory(const MemoryEstimate& need, std::optional<uint64_t> available);

// "1.2 GB", "350 MB": for messages.
std::string format_bytes(uint64_t bytes);

}  // namespace smug
