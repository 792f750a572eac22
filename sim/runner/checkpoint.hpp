// Finished replicates of a run in progress, kept under "<output>.partial/" so that a run that was
// interrupted (Ctrl-C, SIGTERM from a batch system, SIGKILL, a power cut) can be completed with
// --resume and give the same data as a run that never stopped.
//
//   <output>.partial/manifest      what the run is: every field that decides its numbers
//   <output>.partial/slot-<i>.ckpt one per finished replicate; i is its place in the run's order
//
// Every file is written durably (core/durable_write.hpp), so a file that exists is whole; a kill
// can leave only "*.tmp.<pid>" files, which are ignored. A checkpoint is a small header, the
// replicate in the one encoding of a replicate result (engine/replicate_codec.hpp), compressed,
// and a checksum, in native byte order (only the build that wrote a checkpoint reads it: the
// manifest pins the commit):
//   char[8] "SMUGCKPT"; u32 version = 3; u32 0; u64 manifest digest; u64 slot;
//   u64 size of the encoded replicate; u64 size of what follows; the encoded replicate, its bytes
//   grouped by place in their 8-byte word (as HDF5's shuffle filter does) and deflated with zlib;
//   u64 FNV-1a of every byte before it.
// Compressed, the checkpoints of a run take about as much disk as its run file (uncompressed they
// took 30 times as much).
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

// What a checkpoint of this run must be: slot i holds replicate keys[i] of `seed`, with ndays
// days and nmeasures measures. Anything else is not one of its checkpoints.
struct CheckpointShape {
  uint64_t seed = 0;
  std::vector<uint64_t> keys;
  int ndays = 0;
  size_t nmeasures = 0;
};

// What the run file needs of a finished replicate besides its series: kept in memory for every
// slot while the series stay on disk until the file is written.
struct FinishedReplicate {
  uint64_t seed = 0;
  uint64_t replicate = 0;
  double wall_seconds = 0;
};

class CheckpointStore {
 public:
  // Without resume: removes a previous partial run for this output (replaced() tells) and starts
  // afresh. With resume: continues the partial run if there is one (resumed() tells), and refuses
  // with a UsageError of one line naming the first field that differs, or the software commit.
  // A folder at the place that is not a partial run is never removed (RuntimeFailure). The store
  // holds a lock on its folder while it lives: a second run given the same output (in any
  // process) is refused with a UsageError rather than deleting the live run's checkpoints.
  CheckpointStore(const std::string& output, Manifest manifest, bool resume);
  CheckpointStore(const CheckpointStore&) = delete;
  CheckpointStore& operator=(const CheckpointStore&) = delete;

  const std::string& dir() const { return dir_; }
  bool replaced() const { return replaced_; }
  bool resumed() const { return resumed_; }
  // The manifest in force: on resume, the original's informational fields.
  const Manifest& manifest() const { return manifest_; }
  std::string field(const std::string& name) const;

  // The slots with a whole checkpoint of this shape and manifest, reading one file at a time (a
  // file larger than a checkpoint of this shape can be is not read at all). Any other file is
  // reported in `ignored` with the reason; its replicate simply runs again.
  std::map<size_t, FinishedReplicate> scan(const CheckpointShape& shape,
                                           std::vector<std::string>* ignored) const;

  // The replicate of one slot that scan() found or save() wrote. RuntimeFailure (exit 1) if it
  // has gone or been damaged since.
  ReplicateResult load(size_t slot, const CheckpointShape& shape) const;

  // Saves one finished replicate atomically, compressed (about the size it takes in the run file).
  void save(size_t slot, const ReplicateResult& r) const;

  // Removes the folder: the run file is written and the checkpoints have done their job.
  void remove() const;

 private:
  void lock();
  void clear() const;

  std::string dir_;
  Manifest manifest_;
  uint64_t digest_ = 0;
  bool replaced_ = false;
  bool resumed_ = false;
  // The locked folder's descriptor, a member of its own so that it is closed (and the lock
  // released) also when the constructor throws after taking it.
  struct Descriptor {
    int fd = -1;
    Descriptor() = default;
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor();
  } lock_;
};

}  // namespace smug
