// Durable replacement of a file: the one way smugsim writes a file that must never be seen half
// written (run files, calibration files, checkpoints, the calibrated block of a scenario, the
// posterior CSV). The contents go to "<path>.tmp.<pid>" in the same folder, the stream is checked,
// the file is fsynced and renamed onto path, and the folder is fsynced so that the rename itself
// survives a power cut. On any failure the temporary file is removed and path is untouched: a
// file that exists is whole, and a kill can leave only "*.tmp.<pid>" files behind.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace smug {

// Replaces path with bytes. `kind` names the file in error messages ("run file"; "" for none).
// Throws RuntimeFailure naming the path, the step that failed and the system's reason.
void write_durably(const std::string& path, std::string_view bytes, const std::string& kind = "");

// The same for writers that need a file name rather than bytes (HDF5): fill(tmp) creates and
// closes the temporary file; then it is fsynced and renamed as above. An exception from fill
// removes the temporary file and propagates unchanged.
void replace_durably(const std::string& path, const std::string& kind,
                     const std::function<void(const std::string& tmp)>& fill);

// Removes the "<path>.tmp.<pid>" files a killed writer of path left behind, and returns their
// names. Only for a caller that knows no other process is writing path (a run holding the lock
// of path's checkpoints): it does not ask whether the pid is alive, which on a cluster's shared
// file system could be another node's.
std::vector<std::string> remove_leftover_temporaries(const std::string& path);

// Writes every byte to an open file descriptor, retrying short writes and interruptions; false
// with errno set on failure. For writers that fill the temporary file themselves (HDF5 images).
bool write_all(int fd, std::string_view bytes);

}  // namespace smug
