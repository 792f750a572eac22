// Small text helpers shared by every reader of scenario, set-up and CSV files.
#pragma once
#include <charconv>
#include <cstdint>
#include <optional>
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

// s as a whole number: digits only once trimmed (no sign, point, exponent or anything after them)
// and within 64 bits; otherwise nullopt. The one reader of whole numbers given as text (options,
// shard slices), so that none wraps "-1" into 18446744073709551615.
inline std::optional<uint64_t> parse_whole(std::string_view s) {
  const std::string t = trim(s);
  uint64_t v = 0;
  if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
  return v;
}

}  // namespace smug
