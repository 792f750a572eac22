// Scenario files on disk, for the commands. The params library never touches the file system; this
// is the one FileLoader that does.
#pragma once
#include <string>

#include "params/scenario.hpp"

namespace smug {

// Reads a whole file as bytes; nullopt if it does not exist, is a directory or cannot be read.
std::optional<std::string> load_file_from_disk(const std::string& path);

// parse_scenario(path) against the model's registry, with files read from disk.
Scenario load_scenario(const std::string& path);

}  // namespace smug
