// Shards of a run (`smugsim run|sweep --shard I/N`, one per job-array task) and their merge into
// the one run file a single process would have written (`smugsim merge`). A shard is an ordinary
// run file holding a contiguous slice of the replicate axis, with root attributes naming the
// slice and the whole run (SCHEMA.md, "Shards").
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "output/runfile.hpp"

namespace smug::out {

struct ShardInfo {
  size_t index = 0;    // 0-based
  size_t count = 1;    // shards of the whole run
  size_t first = 0;    // the whole run's replicate index of the shard's first replicate
  size_t total = 0;    // replicates of the whole run
  std::string run_id;  // identifies the whole run: equal for every shard of one run
};

// Root attributes (provenance entries) a shard carries.
std::map<std::string, std::string> shard_attributes(const ShardInfo& s);

// The slice a run file holds; nullopt for a file written without --shard. Throws RunFileError
// naming the path if the shard attributes are malformed or disagree with the file's replicates.
std::optional<ShardInfo> shard_info(const RunData& d, const std::string& path);

// Root attributes that legitimately differ between a merged file (or one written by an MPI job)
// and a single-process run of the same command (besides the wall_seconds dataset); every other
// dataset and attribute is the same.
const std::vector<std::string>& merge_varying_attributes();

// Merges the shards (path, contents) of one run, given in any order, into the whole run's data.
// Throws RunFileError, one line naming the file, for: a file that is not a shard; shards of
// different runs (scenario, seed, replicates, design or posterior, software version: the reason
// names which); overlapping shards (the same slice twice, or slices of different counts); and a
// missing shard. The shards may be headers (read_run_header: series named, values empty); then so
// is the result, and `order`, if given, receives the positions in `shards` of the shards in the
// order of the merged replicates, for a writer that streams their rows (RunFileRows).
RunData merge_shards(const std::vector<std::pair<std::string, RunData>>& shards,
                     std::vector<size_t>* order = nullptr);

}  // namespace smug::out
