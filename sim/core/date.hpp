// Civil (proleptic Gregorian) dates as day numbers since 1970-01-01.
// The model steps in whole days, so a date is just an integer with calendar helpers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smug {

struct Date {
  int32_t days = 0;  // days since 1970-01-01

  friend bool operator==(Date a, Date b) { return a.days == b.days; }
  friend bool operator!=(Date a, Date b) { return a.days != b.days; }
  friend bool operator<(Date a, Date b) { return a.days < b.days; }
  friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
  friend bool operator>(Date a, Date b) { return a.days > b.days; }
  friend bool operator>=(Date a, Date b) { return a.days >= b.days; }
  friend int operator-(Date a, Date b) { return a.days - b.days; }
  friend Date operator+(Date a, int n) { return Date{a.days + n}; }
};

struct Ymd {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

Date from_ymd(int year, int month, int day);
Ymd to_ymd(Date d);
bool valid_ymd(int year, int month, int day);
int days_in_month(int year, int month);

// Where date d falls in a monthly series of n months from first_month: its index, counting months
// beyond the series as the same month of the series' last year (years_beyond how many years on).
// index < 0 for a date before the series.
struct MonthInSeries {
  long index;
  int years_beyond;
};
MonthInSeries month_in_series(Date first_month, Date d, long n);

// Parses exactly "YYYY-MM-DD"; nullopt for anything else, including impossible dates.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date d);  // "YYYY-MM-DD"

int quarter_of(Date d);  // 1..4

}  // namespace smug
