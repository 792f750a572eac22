// The one CSV reader: records (RFC 4180 quoting, '#' comment records, blank lines dropped) and a
// table view that finds columns by header name, checks each record's field count and reports
// errors as file:line:column. Used for targets, posterior and design tables, and data series.
#pragma once
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace smug {

// The records of a CSV text, each a list of fields (quotes removed, "" unescaped), with the line
// its record starts on (1-based). Comment records ('#' as the first character of a record) and
// blank lines are dropped. Throws std::invalid_argument naming the line for a quote that is never
// closed or text after a closing quote.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};
std::vector<CsvRecord> parse_csv(std::string_view text);

// A CSV text whose first record is a header of column names. Throws InputError naming the file
// and line for malformed quoting, an empty text, a column named twice, or a record whose field
// count differs from the header's.
class CsvTable {
 public:
  CsvTable(std::string_view text, std::string file);

  const std::string& file() const { return file_; }
  const CsvRecord& header() const { return header_; }
  const std::vector<CsvRecord>& rows() const { return rows_; }
  const std::vector<std::string>& names() const { return names_; }  // trimmed, in order
  bool has(const std::string& column) const { return column_.count(column) > 0; }
  // Throws InputError (file, header line, first missing column, `hint`) unless every one exists.
  void require(std::initializer_list<const char*> columns, const std::string& hint) const;
  // The trimmed field of `column` in `row`; empty when the table has no such column.
  std::string get(const CsvRecord& row, const std::string& column) const;

 private:
  std::string file_;
  CsvRecord header_;
  std::vector<CsvRecord> rows_;
  std::vector<std::string> names_;
  std::map<std::string, size_t> column_;
};

}  // namespace smug
