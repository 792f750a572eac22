// smugsim compare: paired differences between two runs of the same replicates.
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "app/rerun_hint.hpp"
#include "app/text_table.hpp"
#include "core/date.hpp"
#include "core/errors.hpp"
#include "output/compare.hpp"
#include "output/runfile.hpp"
#include "output/summary.hpp"
#include "runner/io/output_path.hpp"

namespace smug {

namespace {

namespace po = boost::program_options;

const std::vector<std::string>& default_metrics() {
  static const std::vector<std::string> names = {"arrivals", "returns"};
  return names;
}

std::optional<Date> date_option(const po::variables_map& vm, const char* name) {
  if (!vm.count(name)) return std::nullopt;
  const std::string text = vm[name].as<std::string>();
  const auto d = parse_date(text);
  if (!d) throw UsageError(std::string("--") + name + " '" + text + "' is not a date (YYYY-MM-DD)");
  return d;
}

// Metrics as given (repeatable, or comma-separated), each in both runs; or the defaults present
// in both; or, when neither default is, every series of the base run that the other also has.
std::vector<std::string> pick_metrics(const out::RunData& base, const std::string& base_file,
                                      const out::RunData& other, const std::string& other_file,
                                      const std::vector<std::string>& given) {
  std::vector<std::string> names;
  for (const auto& g : given) {
    std::stringstream ss(g);
    std::string item;
    while (std::getline(ss, item, ',')) {
      if (!item.empty()) names.push_back(item);
    }
  }
  if (!given.empty() && names.empty()) throw UsageError("--metric needs at least one name");
  for (const auto& n : names) {
    if (!base.find(n)) throw UsageError("metric '" + n + "' is not a series of " + base_file);
    if (!other.find(n)) throw UsageError("metric '" + n + "' is not a series of " + other_file);
  }
  if (!names.empty()) return names;
  for (const auto& n : default_metrics()) {
    if (base.find(n) && other.find(n)) names.push_back(n);
  }
  if (names.empty()) {
    for (const auto& s : base.series) {
      if (other.find(s.name)) names.push_back(s.name);
    }
  }
  if (names.empty()) throw UsageError(base_file + " and " + other_file + " share no series");
  return names;
}

std::string csv_number(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

std::string percent(double x) {
  if (std::isnan(x)) return "nan";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%+.1f%%", 100 * x);
  return buf;
}

void print_csv(const std::vector<out::CompareRow>& rows) {
  std::cout << "period,metric,base_mean,other_mean,diff_mean,diff_p05,diff_p95,rel_change,"
               "p_negative,pairing_gain\n";
  for (const auto& r : rows) {
    std::cout << r.period << ',' << r.metric << ',' << csv_number(r.base_mean) << ','
              << csv_number(r.other_mean) << ',' << csv_number(r.diff_mean) << ','
              << csv_number(r.diff_p05) << ',' << csv_number(r.diff_p95) << ','
              << csv_number(r.rel_change) << ',' << csv_number(r.p_negative) << ','
              << csv_number(r.pairing_gain) << '\n';
  }
}

void print_table(const std::string& base_file, const std::string& other_file,
                 const out::RunData& run, const std::vector<out::CompareRow>& rows) {
  const out::DateRange h = out::horizon(run);
  std::cout << "base:  " << base_file << "\nother: " << other_file << "\n"
            << run.nreplicates() << " paired replicates, " << format_date(h.first) << ".."
            << format_date(h.last) << " (" << run.ndays << " days)\n\n";
  std::vector<std::vector<std::string>> cells = {{"period", "metric", "base", "other", "diff",
                                                  "diff p05", "diff p95", "change", "P(diff<0)",
                                                  "pairing gain"}};
  bool any_partial = false;
  for (const auto& r : rows) {
    any_partial = any_partial || r.partial;
    cells.push_back({r.period + (r.partial ? "*" : ""), r.metric, readable(r.base_mean),
                     readable(r.other_mean), readable(r.diff_mean), readable(r.diff_p05),
                     readable(r.diff_p95), percent(r.rel_change), readable(r.p_negative),
                     readable(r.pairing_gain)});
  }
  print_columns(std::cout, cells, [](size_t c) { return c < 2; });  // names left, numbers right
  std::cout << "\ndiff = other - base per replicate; diff p05..p95 is its 90% interval across "
               "replicates;\nchange = other/base - 1 of the means; pairing gain = (var(base) + "
               "var(other)) / var(diff)\n";
  if (any_partial) {
    std::cout << "* only partly inside the run or the --from/--to window: flows are summed and "
                 "levels averaged over the covered days only\n";
  }
}

void print_help(const po::options_description& opts) {
  std::cout
      << "usage: smugsim compare BASE.h5 OTHER.h5 [--by day|month|quarter|year]\n"
         "                        [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--metric NAME ...] "
         "[--csv]\n\n"
         "Paired comparison of two runs of the same replicates (same seeds, replicate keys,\n"
         "start date and number of days; anything else is refused, naming the options to rerun\n"
         "OTHER with): a scenario (OTHER) against\n"
         "its baseline (BASE). Replicate r of one is paired with replicate r of the other, so\n"
         "the noise they share cancels in the difference. Per period and metric: the ensemble\n"
         "means of BASE and OTHER; the mean of the per-replicate differences OTHER - BASE and\n"
         "their 5th and 95th percentiles (a 90% interval, type 7); the relative change\n"
         "OTHER mean / BASE mean - 1 (nan when the BASE mean is 0); the share of replicates\n"
         "whose difference is negative; and the pairing gain (var(BASE) + var(OTHER)) /\n"
         "var(OTHER - BASE), sample variances: how much narrower pairing makes the comparison\n"
         "than two independent runs (nan when the differences do not vary). Flows are summed\n"
         "over a period, levels averaged; periods only partly inside the run or the window\n"
         "cover those days only. With --from/--to and no --by, one row per metric for the\n"
         "whole window.\n\n"
      << opts << "\ndefault metrics (those in both runs): ";
  for (size_t i = 0; i < default_metrics().size(); ++i) {
    std::cout << (i ? ", " : "") << default_metrics()[i];
  }
  std::cout << "\nCSV columns: period,metric,base_mean,other_mean,diff_mean,diff_p05,diff_p95,"
               "rel_change,p_negative,pairing_gain\n";
}

}  // namespace

int cmd_compare(const Args& args) {
  po::options_description opts = command_options("print this help");
  opts.add_options()(
      "by", po::value<std::string>(),
      "period: day, month, quarter, year (default year; a single window when --from or --to is "
      "given without --by)")("from", po::value<std::string>(), "first day included, YYYY-MM-DD")(
      "to", po::value<std::string>(), "last day included, YYYY-MM-DD")(
      "metric", po::value<std::vector<std::string>>()->multitoken()->composing(),
      "series to compare; several names, repeated, or comma-separated")(
      "csv", po::bool_switch(), "machine-readable CSV (numbers %.10g)");
  const auto parsed = parse_command(
      args, opts, {{"file", po::value<std::vector<std::string>>(), -1}}, [&] { print_help(opts); });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  std::vector<std::string> given =
      vm.count("metric") ? vm["metric"].as<std::vector<std::string>>() : std::vector<std::string>{};
  std::vector<std::string> files =
      vm.count("file") ? vm["file"].as<std::vector<std::string>>() : std::vector<std::string>{};
  // `--metric` takes several names, so in `compare --metric arrivals a.h5 b.h5` it swallows the
  // files. A metric is never an existing file, so take them back.
  std::error_code ec;
  while (files.size() < 2 && !given.empty() && std::filesystem::is_regular_file(given.back(), ec)) {
    files.insert(files.begin(), given.back());
    given.pop_back();
  }
  if (files.size() != 2) {
    throw UsageError(
        "compare: expected two run files, BASE and OTHER (see 'smugsim compare "
        "--help')");
  }
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

  for (const std::string& f : files) require_regular_file(f);
  const out::RunData base = out::read_run_file(files[0]);
  const out::RunData other = out::read_run_file(files[1]);
  // Runs at different --scale simulate different numbers of people: their paired differences mix
  // the measure's effect with sampling noise of different sizes, so they are refused too.
  refuse_unpaired(base, files[0], other, files[1]);
  warn_of_other_draws(std::cerr, base, other, files[1]);
  const std::vector<std::string> metrics = pick_metrics(base, files[0], other, files[1], given);
  std::vector<out::CompareRow> rows;
  try {
    rows = out::compare_runs(base, other, metrics, period, from, to);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("cannot compare: ") + e.what());
  }
  if (rows.empty()) {
    const out::DateRange h = out::horizon(base);
    throw UsageError("the --from/--to window does not overlap the runs (" + format_date(h.first) +
                     ".." + format_date(h.last) + ")");
  }
  if (vm["csv"].as<bool>()) {
    print_csv(rows);
  } else {
    print_table(files[0], files[1], base, rows);
  }
  return 0;
}

}  // namespace smug
