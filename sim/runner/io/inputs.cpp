#include "runner/io/inputs.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>

#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "model/model_params.hpp"
#include "runner/io/scenario_files.hpp"

namespace smug {

namespace {

// No month of the all-nationality series has come near this (the busiest, 2022-08, had 8,631);
// a larger value is a unit or typing error, not data.
constexpr double kMaxMonthlyPeople = 1e6;
// The model projects beyond the data by repeating the last data year, so it needs one.
constexpr size_t kMinMonths = 12;

std::string resolve(const Scenario& s, const std::string& key, const std::string& top) {
  const ParamValue& v = s.value(key);
  namespace fs = std::filesystem;
  const fs::path file(v.text);
  if (file.is_absolute()) return file.string();
  const std::string& base = v.origin.file.empty() ? top : v.origin.file;
  return (fs::path(base).parent_path() / file).lexically_normal().string();
}

// The cell as a finite decimal number: no hex, no nan or inf, nothing after the number.
std::optional<double> decimal(const std::string& cell) {
  if (cell.empty() || cell.find_first_of("xXpP") != std::string::npos) return std::nullopt;
  double v = 0;
  const char* last = cell.data() + cell.size();
  const auto [end, ec] = std::from_chars(cell.data(), last, v, std::chars_format::general);
  if (ec != std::errc() || end != last || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string column_of(const CsvTable& csv, const std::string& name) {
  for (size_t c = 0; c < csv.names().size(); ++c)
    if (csv.names()[c] == name) return "column " + std::to_string(c + 1) + " (" + name + ")";
  return name;
}

double people_of(const CsvTable& csv, const CsvRecord& row) {
  const std::string cell = csv.get(row, "people");
  const auto v = decimal(cell);
  if (!v || *v < 0 || *v > kMaxMonthlyPeople)
    throw InputError(
        csv.file(), row.line, "people",
        column_of(csv, "people") + ": expected a decimal number from 0 to 1e6, got '" + cell + "'");
  return *v;
}

Date month_of(const CsvTable& csv, const CsvRecord& row) {
  const std::string cell = csv.get(row, "month");
  const auto d = cell.size() == 7 ? parse_date(cell + "-01") : std::nullopt;
  if (!d)
    throw InputError(csv.file(), row.line, "month",
                     column_of(csv, "month") + ": expected YYYY-MM, got '" + cell + "'");
  return *d;
}

Date next_month(Date d) {
  const Ymd y = to_ymd(d);
  return from_ymd(y.year + (y.month == 12), y.month % 12 + 1, 1);
}

void read_series(const CsvTable& csv, ModelInputs& in) {
  std::optional<Date> expected;
  for (const CsvRecord& row : csv.rows()) {
    const Date d = month_of(csv, row);
    if (expected && d != *expected)
      throw InputError(csv.file(), row.line, "month",
                       column_of(csv, "month") + ": months must be consecutive; expected " +
                           format_date(*expected).substr(0, 7));
    if (!expected) in.other_first_month = d;
    expected = next_month(d);
    in.other_monthly_people.push_back(people_of(csv, row));
  }
}

// The series must start by the run's first month and hold a whole year for the projection.
void check_horizon(const CsvTable& csv, const ModelInputs& in, const Scenario& s) {
  if (in.other_monthly_people.size() < kMinMonths)
    throw InputError(csv.file(), csv.header().line, "",
                     std::to_string(in.other_monthly_people.size()) +
                         " monthly rows; at least 12 are needed (the model repeats the last "
                         "data year beyond the series)");
  const Ymd start = to_ymd(RunParams::from(s).start);
  if (in.other_first_month > from_ymd(start.year, start.month, 1))
    throw InputError(csv.file(), csv.rows().front().line, "month",
                     "the series starts in " + format_date(in.other_first_month).substr(0, 7) +
                         ", after the run's first month " +
                         format_date(RunParams::from(s).start).substr(0, 7) +
                         "; it must cover the run from its first month");
}

}  // namespace

namespace {
// The other nationalities' flow and the observed seasons both read the all-nationality series.
bool needs_series(const Scenario& s) {
  return s.flag("other_nationalities.enabled") || s.flag("weather.observed_seasons");
}
}  // namespace

ModelInputs load_inputs(const Scenario& s, const std::string& top) {
  ModelInputs in;
  if (!needs_series(s)) return in;
  const std::string path = resolve(s, "other_nationalities.series_file", top);
  const auto text = load_file_from_disk(path);
  if (!text) {
    const auto& o = s.value("other_nationalities.series_file").origin;
    throw InputError(o.file, o.line, "other_nationalities.series_file",
                     "cannot read '" + path + "'");
  }
  return parse_series(*text, path, s);
}

ModelInputs parse_series(std::string_view text, const std::string& path, const Scenario& s) {
  ModelInputs in;
  const CsvTable csv(text, path);
  csv.require({"month", "people"}, "expected 'month,people,...'");
  read_series(csv, in);
  check_horizon(csv, in, s);
  return in;
}

std::vector<std::string> input_files(const Scenario& s, const std::string& top) {
  std::vector<std::string> files{top};
  for (const SourceFile& f : s.files()) files.push_back(f.path);
  if (needs_series(s)) files.push_back(resolve(s, "other_nationalities.series_file", top));
  return files;
}

}  // namespace smug
