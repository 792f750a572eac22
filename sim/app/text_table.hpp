// Plain-text output shared by the commands that print tables (summarize, compare, targets, sweep):
// numbers formatted for reading, and columns aligned.
#pragma once
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace smug {

// A number for a reader: "nan", scientific when very large or small, whole when >= 100, else
// two decimals (`small_digits` below 1).
std::string readable(double x, int small_digits = 2);

// Rows of cells padded to each column's widest cell, two spaces apart; a column is left-aligned
// when `left(c)` is true (names), right-aligned otherwise (numbers). Trailing spaces are cut.
template <typename Left>
void print_columns(std::ostream& os, const std::vector<std::vector<std::string>>& rows, Left left) {
  if (rows.empty()) return;
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], row[c].size());
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string pad(c < width.size() ? width[c] - row[c].size() : 0, ' ');
      line.append(left(c) ? row[c] + pad : pad + row[c]);
      if (c + 1 < row.size()) line.append("  ");
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    os << line << '\n';
  }
}

}  // namespace smug
