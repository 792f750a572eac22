// Day-bucketed event calendar: events are filed under the day they happen, so the daily step
// touches only what happens today (cost grows with events, not with people times days).
#pragma once
#include <cstdint>
#include <vector>

namespace smug {

template <typename Event>
class Calendar {
 public:
  explicit Calendar(int ndays) : days_(static_cast<size_t>(ndays) + 1) {}
  // Events past the horizon are kept in one overflow bucket and never fire.
  void schedule(int day, Event e) {
    const size_t d = day < 0 ? 0 : static_cast<size_t>(day);
    days_[d < days_.size() ? d : days_.size() - 1].push_back(e);
  }
  // Takes today's events; the bucket's memory is released.
  std::vector<Event> take(int day) {
    std::vector<Event> out;
    out.swap(days_[static_cast<size_t>(day)]);
    return out;
  }

 private:
  std::vector<std::vector<Event>> days_;
};

}  // namespace smug
