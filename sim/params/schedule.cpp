#include "params/schedule.hpp"

#include "params/value_text.hpp"

namespace smug {

std::string Schedule::to_string() const {
  std::string s = detail::format_number(initial);
  for (const auto& [date, value] : changes) {
    s += ", " + format_date(date) + ": " + detail::format_number(value);
  }
  return s;
}

}  // namespace smug
