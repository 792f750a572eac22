// Finished replicates of a run in progress, kept under "<output>.partial/" so that a run that was
// interrupted (Ctrl-C, SIGTERM from a batch system, SIGKILL, a power cut) can be completed with
// --resume and give the same data as a run that never stopped.
//
//   <output>.partial/manifest      what the run is: every field that decides its numbers
//   <output>.partial/slot-<i>.ckpt one per finished replicate; i is its place in the run's order
//
// Every file is written durably (core/durable_write.hpp), so a file that exists is whole; a kill
// can leave only "*.tmp.<pid>" files, which are ignored. A checkpoint is a small header, the
// replicate in the one encoding of a replicate result (engine/replicate_codec.hpp) and a
// checksum, in native byte order (only the build that wrote a checkpoint reads it: the manifest
// pins the commit):
//   char[8] "SMUGCKPT"; u32 version = 2; u32 0; u64 manifest digest; u64 slot;
//   the encoded replicate; u64 FNV-1a of every byte before it.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/simulation.hpp"

namespace smug {

// Ordered (field, value) pairs. Values may span lines (the resolved scenario).
using Manifest = std::vector<std::pair<std::string, std::string>>;

// Fields recorded but not compared on resume: when and how the run was first started.
inline const std::vector<std::string> kInformationalFields = {"started_at", "command"};

std::string partial_dir(const std::string& output);

class CheckpointStore {
 public:
  // Without resume: removes a previous partial run for this output (replaced() tells) and starts
  // afresh. With resume: continues the partial run if there is one (resumed() tells), and refuses
  // with a UsageError of one line naming the first field that differs, or the software commit.
  // A folder at the place that is not a partial run is never removed (RuntimeFailure).
  CheckpointStore(const std::string& output, Manifest manifest, bool resume);

  const std::string& dir() const { return dir_; }
  bool replaced() const { return replaced_; }
  bool resumed() const { return resumed_; }
  // The manifest in force: on resume, the original's informational fields.
  const Manifest& manifest() const { return manifest_; }
  std::string field(const std::string& name) const;

  // Every whole checkpoint whose slot, seed and key match keys[slot] (one per slot), whose
  // dimensions match, and which belongs to this manifest. Any other file is reported in
  // `ignored` with the reason; its replicate simply runs again.
  std::map<size_t, ReplicateResult> load(uint64_t seed, const std::vector<uint64_t>& keys,
                                         int ndays, size_t nmeasures,
                                         std::vector<std::string>* ignored) const;

  // Saves one finished replicate atomically.
  void save(size_t slot, const ReplicateResult& r) const;

  // Removes the folder: the run file is written and the checkpoints have done their job.
  void remove() const;

 private:
  std::string dir_;
  Manifest manifest_;
  uint64_t digest_ = 0;
  bool replaced_ = false;
  bool resumed_ = false;
};

}  // namespace smug
