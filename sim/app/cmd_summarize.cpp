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

// Shortest text that reads back as the same double.
std::string exact(double x) {
  if (std::isnan(x)) return "nan";
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, r.ptr);
}

void print_csv(const std::vector<out::SummaryRow>& rows) {
  std::cout << "period,metric,mean,sd,p05,p50,p95,replicates\n";
  for (const auto& r : rows) {
    const auto& s = r.stats;
    std::cout << r.period << ',' << r.metric << ',' << exact(s.mean) << ',' << exact(s.sd) << ','
              << exact(s.p05) << ',' << exact(s.p50) << ',' << exact(s.p95) << ',' << s.replicates
              << '\n';
  }
}

void print_table(const std::string& file, const out::RunData& run,
                 const std::vector<out::SummaryRow>& rows) {
  const out::DateRange h = out::horizon(run);
  std::cout << file << ": " << run.nreplicates() << " replicates, " << format_date(h.first) << ".."
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
               "no --by,\none row per metric for the whole window.\n\n"
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
      "csv", po::bool_switch(), "machine-readable CSV with full precision");
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
  const auto rows = out::summarize(run, metrics, period, from, to);
  if (rows.empty() && !metrics.empty()) {
    const out::DateRange h = out::horizon(run);
    throw UsageError("the --from/--to window does not overlap the run (" + format_date(h.first) +
                     ".." + format_date(h.last) + ")");
  }
  if (vm["csv"].as<bool>()) {
    print_csv(rows);
  } else {
    print_table(file, run, rows);
  }
  return 0;
}

}  // namespace smug
