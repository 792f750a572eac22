#include "core/csv.hpp"

#include <stdexcept>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace smug {

std::vector<CsvRecord> parse_csv(std::string_view text) {
  std::vector<CsvRecord> records;
  const size_t n = text.size();
  size_t i = 0;
  int line = 1;
  auto at_line_end = [&](size_t k) {
    return k >= n || text[k] == '\n' || (text[k] == '\r' && (k + 1 >= n || text[k + 1] == '\n'));
  };
  auto skip_line_end = [&]() {  // at a line end: step past it
    if (i < n && text[i] == '\r') ++i;
    if (i < n && text[i] == '\n') ++i;
    ++line;
  };
  while (i < n) {
    CsvRecord rec;
    rec.line = line;
    if (text[i] == '#') {
      while (!at_line_end(i)) ++i;
      skip_line_end();
      continue;
    }
    bool any_quoted = false;
    while (true) {
      std::string field;
      if (i < n && text[i] == '"') {
        any_quoted = true;
        ++i;
        while (true) {
          if (i >= n) {
            throw std::invalid_argument("line " + std::to_string(rec.line) +
                                        ": a quoted field is never closed");
          }
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          field += text[i++];
        }
        if (i < n && text[i] != ',' && !at_line_end(i)) {
          throw std::invalid_argument("line " + std::to_string(line) +
                                      ": text after the closing quote of a field");
        }
      } else {
        while (i < n && text[i] != ',' && !at_line_end(i)) field += text[i++];
      }
      rec.fields.push_back(std::move(field));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      skip_line_end();
      break;
    }
    const bool blank = rec.fields.size() == 1 && !any_quoted && trim(rec.fields[0]).empty();
    if (!blank) records.push_back(std::move(rec));
  }
  return records;
}

CsvTable::CsvTable(std::string_view text, std::string file) : file_(std::move(file)) {
  std::vector<CsvRecord> records;
  try {
    records = parse_csv(text);
  } catch (const std::invalid_argument& e) {
    throw InputError(file_ + ": " + e.what());
  }
  if (records.empty()) throw InputError(file_, 0, "", "no header and no rows");
  header_ = std::move(records[0]);
  for (size_t c = 0; c < header_.fields.size(); ++c) {
    names_.push_back(trim(header_.fields[c]));
    if (!column_.emplace(names_.back(), c).second)
      throw InputError(file_, header_.line, names_.back(), "column named twice in the header");
  }
  rows_.assign(std::make_move_iterator(records.begin() + 1),
               std::make_move_iterator(records.end()));
  for (const CsvRecord& r : rows_) {
    if (r.fields.size() == header_.fields.size()) continue;
    throw InputError(file_, r.line, "",
                     "expected " + std::to_string(header_.fields.size()) + " fields, found " +
                         std::to_string(r.fields.size()) + " (quote a field that holds a comma)");
  }
}

void CsvTable::require(std::initializer_list<const char*> columns, const std::string& hint) const {
  for (const char* c : columns)
    if (!has(c)) throw InputError(file_, header_.line, c, "missing column; " + hint);
}

std::string CsvTable::get(const CsvRecord& row, const std::string& column) const {
  const auto it = column_.find(column);
  return it == column_.end() ? std::string() : trim(row.fields[it->second]);
}

}  // namespace smug
