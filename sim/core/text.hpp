// Small text helpers shared by every reader of scenario, set-up and CSV files.
#pragma once
#include <string>
#include <string_view>

namespace smug {

// s without leading and trailing blanks (space, tab, carriage return, line feed).
inline std::string trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  size_t b = 0, e = s.size();
  while (b < e && blank(s[b])) ++b;
  while (e > b && blank(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace smug
