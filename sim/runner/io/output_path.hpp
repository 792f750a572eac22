// The one check of every file a command writes (run, sweep, design, merge, calibrate outputs) and
// of every run file a reader opens, made before any work: a run that would fail at its final write
// after hours, replace a device node with a regular file, or overwrite its own input is refused
// up front, and a reader never blocks on a FIFO.
#pragma once
#include <string>
#include <vector>

#include "params/scenario.hpp"

namespace smug {

// Throws UsageError (exit 2) naming `what` and `path` unless `path` can be written as a new or
// replaced regular file: it is empty, ends in '/', names an existing directory, device, FIFO or
// socket, lies in a folder that does not exist, or is the same file as one of `inputs`.
void check_output_path(const std::string& path, const std::vector<std::string>& inputs,
                       const std::string& what = "output");

// Throws InputError (exit 2) naming `path` when it exists but is not a regular file (after
// symbolic links): a FIFO, device or directory would block the reader or fail inside the file
// library. A missing file is left to the reader, which names it in its own error.
void require_regular_file(const std::string& path);

}  // namespace smug
