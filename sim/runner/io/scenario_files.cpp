#include "runner/io/scenario_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "measures/assemble.hpp"

namespace smug {

std::optional<std::string> load_file_from_disk(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

Scenario load_scenario(const std::string& path) {
  return parse_scenario(path, load_file_from_disk, model_registry());
}

}  // namespace smug
