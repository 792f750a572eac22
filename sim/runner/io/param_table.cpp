#include "runner/io/param_table.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "core/rng.hpp"
#include "measures/assemble.hpp"
#include "params/value_text.hpp"
#include "runner/io/scenario_files.hpp"
#include "runner/io/sha256.hpp"

namespace smug {

namespace {

std::vector<std::string> split_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream ss(line);
  while (std::getline(ss, cell, ',')) cells.push_back(detail::trim(cell));
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

std::string column_text(size_t c) {
  return "column " + std::to_string(c + 1);
}

// The message of an InputError raised without file or line, minus its "'key': " prefix.
std::string bare_message(const InputError& e) {
  const std::string what = e.what();
  const std::string prefix = "'" + e.key() + "': ";
  return what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what;
}

}  // namespace

ParamTable parse_param_table(const std::string& path, const std::string& text, TableKind kind,
                             const ParamRegistry& reg) {
  ParamTable t;
  t.path = path;
  t.sha256 = sha256_hex(text);
  const bool posterior = kind == TableKind::kPosterior;
  std::vector<const ParamSpec*> specs;  // per column; null for weight and distance
  long weight_col = -1;
  size_t ncols = 0;
  std::istringstream lines(text);
  std::string line;
  int n = 0;
  bool header = true;
  while (std::getline(lines, line)) {
    ++n;
    const std::string trimmed = detail::trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    const auto cells = split_cells(trimmed);
    if (header) {
      header = false;
      ncols = cells.size();
      std::set<std::string> seen;
      std::vector<std::string> all_names;
      for (const auto& p : reg.params()) all_names.push_back(p.name());
      for (size_t c = 0; c < cells.size(); ++c) {
        const std::string& name = cells[c];
        auto fail = [&](const std::string& why) {
          throw InputError(path, n, name, column_text(c) + ": " + why);
        };
        if (name.empty()) throw InputError(path, n, "", column_text(c) + ": empty column name");
        if (!seen.insert(name).second) fail("appears twice");
        if (posterior && (name == "weight" || name == "distance")) {
          if (name == "weight") weight_col = static_cast<long>(c);
          specs.push_back(nullptr);
          continue;
        }
        const ParamSpec* spec = reg.find(name);
        if (!spec) {
          const std::string hint = detail::closest(name, all_names);
          fail("unknown parameter" + (hint.empty() ? "" : "; did you mean '" + hint + "'?") +
               " (see 'smugsim params')");
        }
        if (spec->section == "run") fail("[run] settings are the run's, not a replicate's");
        if (spec->type != ParamType::kReal && spec->type != ParamType::kInteger &&
            spec->type != ParamType::kBoolean) {
          fail(std::string("only numbers and flags can vary, and this is a ") +
               type_name(spec->type));
        }
        specs.push_back(spec);
        t.names.push_back(name);
      }
      if (t.names.empty()) throw InputError(path, n, "", "no parameter columns in the header");
      continue;
    }
    if (cells.size() != ncols) {
      throw InputError(path, n, "",
                       "expected " + std::to_string(ncols) + " cells like the header, got " +
                           std::to_string(cells.size()));
    }
    ParamTable::Row row;
    row.line = n;
    for (size_t c = 0; c < ncols; ++c) {
      if (specs[c]) {
        try {
          const ParamValue v = detail::parse_value(*specs[c], cells[c], Origin{});
          row.values.push_back(v.schedule.initial);
        } catch (const InputError& e) {
          throw InputError(path, n, specs[c]->name(), column_text(c) + ": " + bare_message(e));
        }
        row.texts.push_back(cells[c]);
      } else if (static_cast<long>(c) == weight_col) {
        char* end = nullptr;
        row.weight = std::strtod(cells[c].c_str(), &end);
        if (cells[c].empty() || *end != '\0' || !std::isfinite(row.weight) || row.weight < 0) {
          throw InputError(
              path, n, "weight",
              column_text(c) + ": expected a finite number >= 0, got '" + cells[c] + "'");
        }
      }
    }
    t.rows.push_back(std::move(row));
  }
  if (header) throw InputError(path, 0, "", "empty file: expected a header of parameter names");
  if (t.rows.empty()) throw InputError(path, 0, "", "no rows after the header");
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
    s.set(table.names[j], r.texts[j], Origin{table.path, r.line});
  return s;
}

}  // namespace smug
