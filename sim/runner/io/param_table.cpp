#include "runner/io/param_table.hpp"

#include <algorithm>
#include <cmath>

#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/rng.hpp"
#include "core/text.hpp"
#include "measures/assemble.hpp"
#include "params/value_text.hpp"
#include "runner/io/scenario_files.hpp"
#include "runner/io/sha256.hpp"

namespace smug {

namespace {

std::string column_text(size_t c) {
  return "column " + std::to_string(c + 1);
}

// The message of an InputError raised without file or line, minus its "'key': " prefix.
std::string bare_message(const InputError& e) {
  const std::string what = e.what();
  const std::string prefix = "'" + e.key() + "': ";
  return what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what;
}

// What each column holds: a parameter (its spec), or for a posterior the weight or the distance
// (no spec).
struct Columns {
  std::vector<const ParamSpec*> specs;
  long weight = -1;
  long distance = -1;
};

// A design may also set dates and texts (a sensitivity design's dates and choices); a posterior,
// whose columns are averaged and drawn, holds numbers and flags only.
bool can_vary(const ParamSpec& spec, TableKind kind) {
  switch (spec.type) {
    case ParamType::kReal:
    case ParamType::kInteger:
    case ParamType::kBoolean:
      return true;
    case ParamType::kDate:
    case ParamType::kText:
      return kind == TableKind::kDesign;
  }
  return false;
}

const ParamSpec* parameter_of(const CsvTable& csv, size_t c, TableKind kind,
                              const ParamRegistry& reg) {
  const std::string& name = csv.names()[c];
  auto fail = [&](const std::string& why) {
    throw InputError(csv.file(), csv.header().line, name, column_text(c) + ": " + why);
  };
  const ParamSpec* spec = reg.find(name);
  if (!spec) {
    std::vector<std::string> all_names;
    for (const auto& p : reg.params()) all_names.push_back(p.name());
    const std::string hint = detail::closest(name, all_names);
    fail("unknown parameter" + (hint.empty() ? "" : "; did you mean '" + hint + "'?") +
         " (see 'smugsim params')");
  }
  if (spec->section == "run") fail("[run] settings are the run's, not a replicate's");
  if (!can_vary(*spec, kind)) {
    fail(std::string(kind == TableKind::kDesign ? "a design sets numbers, flags, dates and texts"
                                                : "only numbers and flags can vary") +
         ", and this is a " + type_name(spec->type));
  }
  return spec;
}

Columns parse_header(const CsvTable& csv, TableKind kind, const ParamRegistry& reg, ParamTable& t) {
  Columns cols;
  for (size_t c = 0; c < csv.names().size(); ++c) {
    const std::string& name = csv.names()[c];
    if (name.empty())
      throw InputError(csv.file(), csv.header().line, "", column_text(c) + ": empty column name");
    if (kind == TableKind::kPosterior && (name == "weight" || name == "distance")) {
      (name == "weight" ? cols.weight : cols.distance) = static_cast<long>(c);
      cols.specs.push_back(nullptr);
      continue;
    }
    cols.specs.push_back(parameter_of(csv, c, kind, reg));
    t.names.push_back(name);
  }
  if (t.names.empty())
    throw InputError(csv.file(), csv.header().line, "", "no parameter columns in the header");
  return cols;
}

// A weight or a distance: a finite number >= 0.
double parse_nonnegative(const CsvTable& csv, const CsvRecord& rec, size_t c,
                         const std::string& name) {
  const std::string cell = trim(rec.fields[c]);
  char* end = nullptr;
  const double w = std::strtod(cell.c_str(), &end);
  if (cell.empty() || *end != '\0' || !std::isfinite(w) || w < 0) {
    throw InputError(csv.file(), rec.line, name,
                     column_text(c) + ": expected a finite number >= 0, got '" + cell + "'");
  }
  return w;
}

// Weights whose sum overflows are scaled by their largest (the same draws as the file means);
// others are kept as written, so that draws stay bit for bit.
void scale_if_overflowing(ParamTable& t) {
  double total = 0, largest = 0;
  for (const auto& r : t.rows) {
    total += r.weight;
    largest = std::max(largest, r.weight);
  }
  if (std::isfinite(total)) return;
  for (auto& r : t.rows) r.weight /= largest;
}

// A number, a flag as 0 or 1, a date as days since 1970-01-01, a text as NaN (not a number).
double cell_value(const ParamValue& v) {
  if (v.spec->type == ParamType::kDate) return v.date ? v.date->days : std::nan("");
  if (v.spec->type == ParamType::kText) return std::nan("");
  return v.schedule.initial;
}

ParamTable::Row parse_row(const CsvTable& csv, const CsvRecord& rec, const Columns& cols) {
  ParamTable::Row row;
  row.line = rec.line;
  for (size_t c = 0; c < cols.specs.size(); ++c) {
    const std::string cell = trim(rec.fields[c]);
    if (cols.specs[c]) {
      try {
        row.values.push_back(cell_value(detail::parse_value(*cols.specs[c], cell, Origin{})));
      } catch (const InputError& e) {
        throw InputError(csv.file(), rec.line, cols.specs[c]->name(),
                         column_text(c) + ": " + bare_message(e));
      }
      row.texts.push_back(cell);
    } else if (static_cast<long>(c) == cols.weight) {
      row.weight = parse_nonnegative(csv, rec, c, "weight");
    } else if (static_cast<long>(c) == cols.distance) {
      (void)parse_nonnegative(csv, rec, c, "distance");
    }
  }
  return row;
}

}  // namespace

ParamTable parse_param_table(const std::string& path, const std::string& text, TableKind kind,
                             const ParamRegistry& reg) {
  const CsvTable csv(text, path);
  ParamTable t;
  t.path = path;
  t.sha256 = sha256_hex(text);
  const Columns cols = parse_header(csv, kind, reg, t);
  for (const CsvRecord& rec : csv.rows()) t.rows.push_back(parse_row(csv, rec, cols));
  if (t.rows.empty()) throw InputError(path, 0, "", "no rows after the header");
  scale_if_overflowing(t);
  double total = 0;
  for (const auto& r : t.rows) total += r.weight;
  if (!(total > 0)) throw InputError(path, 0, "weight", "every weight is zero");
  return t;
}

ParamTable read_param_table(const std::string& path, TableKind kind) {
  const auto text = load_file_from_disk(path);
  if (!text) throw InputError(path, 0, "", "cannot read the file");
  return parse_param_table(path, *text, kind, model_registry());
}

std::vector<size_t> draw_rows(const ParamTable& table, uint64_t seed, int k) {
  std::vector<double> cumulative;
  double total = 0;
  for (const auto& r : table.rows) cumulative.push_back(total += r.weight);
  const StreamKey key = StreamKey::make(seed, 0);
  std::vector<size_t> drawn;
  for (int j = 0; j < k; ++j) {
    Stream s(key, Purpose::kPosteriorDraw, static_cast<uint32_t>(j), 0);
    const double u = s.uniform() * total;
    // The first row whose cumulative weight exceeds u: never a row of weight zero. (u can round
    // up to the total; then the last row that has weight.)
    auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
    if (it == cumulative.end()) it = std::lower_bound(cumulative.begin(), cumulative.end(), total);
    drawn.push_back(static_cast<size_t>(it - cumulative.begin()));
  }
  return drawn;
}

Scenario with_row(const Scenario& base, const ParamTable& table, size_t row) {
  Scenario s = base;
  const auto& r = table.rows.at(row);
  for (size_t j = 0; j < table.names.size(); ++j)
    s.set_keeping_factor(table.names[j], r.texts[j], Origin{table.path, r.line});
  return s;
}

}  // namespace smug
