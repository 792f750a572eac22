#include "runner/io/inputs.hpp"

#include <filesystem>
#include <sstream>

#include "core/errors.hpp"
#include "runner/io/scenario_files.hpp"

namespace smug {

namespace {

std::string resolve(const Scenario& s, const std::string& key, const std::string& top) {
  const ParamValue& v = s.value(key);
  namespace fs = std::filesystem;
  const fs::path file(v.text);
  if (file.is_absolute()) return file.string();
  const std::string& base = v.origin.file.empty() ? top : v.origin.file;
  return (fs::path(base).parent_path() / file).lexically_normal().string();
}

}  // namespace

ModelInputs load_inputs(const Scenario& s, const std::string& top) {
  ModelInputs in;
  if (!s.flag("other_nationalities.enabled")) return in;
  const std::string path = resolve(s, "other_nationalities.series_file", top);
  const auto text = load_file_from_disk(path);
  if (!text) {
    const auto& o = s.value("other_nationalities.series_file").origin;
    throw InputError(o.file, o.line, "other_nationalities.series_file",
                     "cannot read '" + path + "'");
  }
  std::istringstream lines(*text);
  std::string line;
  int n = 0;
  bool header = true;
  std::optional<Date> expected;
  while (std::getline(lines, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // month,people,...
      header = false;
      continue;
    }
    std::istringstream row(line);
    std::string month, people;
    std::getline(row, month, ',');
    std::getline(row, people, ',');
    const auto d = parse_date(month + "-01");
    char* end = nullptr;
    const double v = std::strtod(people.c_str(), &end);
    if (!d || end == people.c_str() || v < 0)
      throw InputError(path, n, "", "expected 'YYYY-MM,people,...', got '" + line + "'");
    if (expected && *d != *expected)
      throw InputError(
          path, n, "",
          "months must be consecutive; expected " + format_date(*expected).substr(0, 7));
    if (!expected) in.other_first_month = *d;
    const Ymd y = to_ymd(*d);
    expected = from_ymd(y.year + (y.month == 12), y.month % 12 + 1, 1);
    in.other_monthly_people.push_back(v);
  }
  if (in.other_monthly_people.empty()) throw InputError(path, 0, "", "no monthly rows");
  return in;
}

}  // namespace smug
