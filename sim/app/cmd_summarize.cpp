// smugsim summarize: per-period statistics across replicates from a run file.
#include <boost/program_options.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "app/summary_by_row.hpp"
#include "app/text_table.hpp"
#include "core/date.hpp"
#include "core/errors.hpp"
#include "output/runfile.hpp"
#include "output/summary.hpp"
#include "runner/io/output_path.hpp"

namespace smug {

namespace {

namespace po = boost::program_options;

const std::vector<std::string>& default_metrics() {
  static const std::vector<std::string> names = {
      "arrivals",        "returns",   "attempts",        "attempts_stopped", "boats",
      "people_per_boat", "price_gbp", "active_networks", "arrests"};
  return names;
}

std::optional<Date> date_option(const po::variables_map& vm, const char* name) {
  if (!vm.count(name)) return std::nullopt;
  const std::string text = vm[name].as<std::string>();
  const auto d = parse_date(text);
  if (!d) throw UsageError(std::string("--") + name + " '" + text + "' is not a date (YYYY-MM-DD)");
  return d;
}

std::string series_list(const out::RunData& run) {
  std::string s;
  for (const auto& x : run.series) s += (s.empty() ? "" : ", ") + x.name;
  return s.empty() ? "(none)" : s;
}

// Metrics as given (repeatable, or comma-separated), or the defaults present in the file, or
// every series when the file has none of the defaults.
std::vector<std::string> pick_metrics(const out::RunData& run,
                                      const std::vector<std::string>& given) {
  std::vector<std::string> names;
  for (const auto& g : given) {
    std::stringstream ss(g);
    std::string item;
    while (std::getline(ss, item, ',')) {
      if (!item.empty()) names.push_back(item);
    }
  }
  for (const auto& n : names) {
    if (!run.find(n)) {
      throw UsageError("unknown metric '" + n + "'; the run file has: " + series_list(run));
    }
  }
  if (!given.empty() && names.empty()) throw UsageError("--metric needs at least one name");
  if (!names.empty()) return names;
  for (const auto& n : default_metrics()) {
    if (run.find(n)) names.push_back(n);
  }
  if (names.empty()) {
    for (const auto& s : run.series) names.push_back(s.name);
  }
  return names;
}

constexpr const char* kCsvHeader = "period,metric,mean,sd,p05,p50,p95,replicates";

// Shortest text that reads back as the same double.
std::string exact(double x) {
  if (std::isnan(x)) return "nan";
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, r.ptr);
}

// `lead` starts each line: "" or, with --by-row, the design row and a comma.
void print_csv(const std::vector<out::SummaryRow>& rows, const std::string& lead = "") {
  for (const auto& r : rows) {
    const auto& s = r.stats;
    std::cout << lead << r.period << ',' << r.metric << ',' << exact(s.mean) << ',' << exact(s.sd)
              << ',' << exact(s.p05) << ',' << exact(s.p50) << ',' << exact(s.p95) << ','
              << s.replicates << '\n';
  }
}

void print_table(const std::string& title, const out::RunData& run,
                 const std::vector<out::SummaryRow>& rows) {
  const out::DateRange h = out::horizon(run);
  std::cout << title << ": " << run.nreplicates() << " replicates, " << format_date(h.first) << ".."
            << format_date(h.last) << " (" << run.ndays << " days)\n\n";
  std::vector<std::vector<std::string>> cells = {
      {"period", "metric", "mean", "sd", "p05", "p50", "p95", "n"}};
  bool any_partial = false;
  for (const auto& r : rows) {
    any_partial = any_partial || r.partial;
    const auto& s = r.stats;
    cells.push_back({r.period + (r.partial ? "*" : ""), r.metric, readable(s.mean), readable(s.sd),
                     readable(s.p05), readable(s.p50), readable(s.p95),
                     std::to_string(s.replicates)});
  }
  print_columns(std::cout, cells, [](size_t c) { return c < 2; });  // names left, numbers right
  if (any_partial) {
    std::cout << "\n* only partly inside the run or the --from/--to window: flows are summed and "
                 "levels averaged over the covered days only\n";
  }
}

void print_help(const po::options_description& opts) {
  std::cout << "usage: smugsim summarize FILE.h5 [--by day|month|quarter|year]\n"
               "                          [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--metric NAME ...]"
               " [--csv]\n\n"
               "Statistics across replicates (mean, sample sd, 5th/50th/95th percentiles) of each\n"
               "metric per period. Flows (arrivals, returns, ...) are summed over the days of a\n"
               "period, levels (people waiting, price, ...) averaged over them. Periods only "
               "partly\ninside the run or the window cover those days only. With --from/--to and "
               "no --by,\none row per metric for the whole window. --by-row (a 'smugsim sweep' "
               "file): one\nsummary per design row, of that row's replicates only; the CSV "
               "then starts\nwith a row column (the design row, 0-based after the header).\n\n"
            << opts << "\ndefault metrics (those present): ";
  for (size_t i = 0; i < default_metrics().size(); ++i) {
    std::cout << (i ? ", " : "") << default_metrics()[i];
  }
  std::cout << "\n";
}

}  // namespace

int cmd_summarize(const Args& args) {
  po::options_description opts = command_options("print this help");
  opts.add_options()(
      "by", po::value<std::string>(),
      "period: day, month, quarter, year (default year; a single window when --from or --to is "
      "given without --by)")("from", po::value<std::string>(), "first day included, YYYY-MM-DD")(
      "to", po::value<std::string>(), "last day included, YYYY-MM-DD")(
      "metric", po::value<std::vector<std::string>>()->multitoken()->composing(),
      "series to summarise; several names, repeated, or comma-separated")(
      "csv", po::bool_switch(), "machine-readable CSV with full precision")(
      "by-row", po::bool_switch(), "a sweep file: one summary per design row");
  const auto parsed =
      parse_command(args, opts, {{"file", po::value<std::string>(), 1}}, [&] { print_help(opts); });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  std::vector<std::string> given =
      vm.count("metric") ? vm["metric"].as<std::vector<std::string>>() : std::vector<std::string>{};
  std::string file = vm.count("file") ? vm["file"].as<std::string>() : "";
  // `--metric` takes several names, so in `summarize --metric arrivals run.h5` it swallows the
  // file. A metric is never an existing file, so take it back.
  std::error_code ec;
  if (file.empty() && !given.empty() && std::filesystem::is_regular_file(given.back(), ec)) {
    file = given.back();
    given.pop_back();
  }
  if (file.empty()) throw UsageError("summarize: missing FILE (see 'smugsim summarize --help')");
  const auto from = date_option(vm, "from");
  const auto to = date_option(vm, "to");
  if (from && to && *from > *to) throw UsageError("--from is after --to");

  out::Period period = (from || to) ? out::Period::kWindow : out::Period::kYear;
  if (vm.count("by")) {
    const std::string by = vm["by"].as<std::string>();
    const auto p = out::parse_period(by);
    if (!p) throw UsageError("--by '" + by + "': expected day, month, quarter, year or window");
    period = *p;
  }

  require_regular_file(file);
  const out::RunData run = out::read_run_file(file);
  const std::vector<std::string> metrics = pick_metrics(run, given);
  const bool csv = vm["csv"].as<bool>();
  const auto summary = [&](const out::RunData& r) {
    const auto rows = out::summarize(r, metrics, period, from, to);
    if (rows.empty() && !metrics.empty()) {
      const out::DateRange h = out::horizon(r);
      throw UsageError("the --from/--to window does not overlap the run (" + format_date(h.first) +
                       ".." + format_date(h.last) + ")");
    }
    return rows;
  };
  if (!vm["by-row"].as<bool>()) {
    if (csv) std::cout << kCsvHeader << "\n";
    csv ? print_csv(summary(run)) : print_table(file, run, summary(run));
    return 0;
  }
  if (csv) std::cout << "row," << kCsvHeader << "\n";
  for (const int32_t row : design_rows_of(run, file)) {
    const out::RunData part = replicates_of_row(run, row);
    if (csv) {
      print_csv(summary(part), std::to_string(row) + ",");
    } else {
      print_table(file + " row " + std::to_string(row) + " (" + row_values_text(run, row) + ")",
                  part, summary(part));
      std::cout << "\n";
    }
  }
  return 0;
}

}  // namespace smug
