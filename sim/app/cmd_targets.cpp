// smugsim targets: does a run's ensemble mean fall inside each calibration target's band?
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "app/text_table.hpp"
#include "core/date.hpp"
#include "core/errors.hpp"
#include "output/runfile.hpp"
#include "output/summary.hpp"
#include "output/targets.hpp"
#include "runner/io/output_path.hpp"

namespace smug {

namespace {

namespace po = boost::program_options;

constexpr const char* kDefaultTargets = "scenarios/data/targets.csv";

std::string csv_number(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + '"';
}

// Targets include ratios (yoy) well below 1: four decimals there.
std::string readable(double x) {
  return smug::readable(x, 4);
}

void print_csv(const std::vector<out::TargetResult>& results) {
  std::cout << "id,metric,window_start,window_end,mean,p05,p95,se,lower,upper,observed,result\n";
  for (const auto& r : results) {
    const auto& t = r.target;
    std::cout << csv_field(t.id) << ',' << csv_field(t.metric) << ',' << format_date(t.window_start)
              << ',' << format_date(t.window_end) << ',' << csv_number(r.mean) << ','
              << csv_number(r.p05) << ',' << csv_number(r.p95) << ',' << csv_number(r.se) << ','
              << csv_number(t.lower) << ',' << csv_number(t.upper) << ','
              << (t.observed ? csv_number(*t.observed) : "") << ',' << (r.pass ? "PASS" : "FAIL")
              << '\n';
  }
  // The CSV has no room for why a target could not be evaluated: say it on stderr.
  for (const auto& r : results) {
    if (!r.note.empty()) std::cerr << "smugsim: target " << r.target.id << ": " << r.note << "\n";
  }
}

void print_table(const std::string& file, const std::string& targets_file, const out::RunData& run,
                 const std::vector<out::TargetResult>& results) {
  const out::DateRange h = out::horizon(run);
  std::cout << file << ": " << run.nreplicates() << " replicates, " << format_date(h.first) << ".."
            << format_date(h.last) << " (" << run.ndays << " days)\ntargets: " << targets_file
            << "\n\n";
  std::vector<std::vector<std::string>> cells = {
      {"id", "metric", "window", "mean", "p05", "p95", "se", "band", "observed", "result", "note"}};
  int passed = 0;
  for (const auto& r : results) {
    const auto& t = r.target;
    passed += r.pass ? 1 : 0;
    // Appends rather than operator+ chains: GCC 12 warns falsely (-Wrestrict) on those.
    std::string window = format_date(t.window_start);
    window.append("..").append(format_date(t.window_end));
    std::string band = "[";
    band.append(readable(t.lower)).append(", ").append(readable(t.upper)).append("]");
    cells.push_back({t.id, t.metric, window, readable(r.mean), readable(r.p05), readable(r.p95),
                     readable(r.se), band, t.observed ? readable(*t.observed) : "",
                     r.pass ? "PASS" : "FAIL", r.note});
  }
  // Names, window, result and note left; numbers right.
  print_columns(std::cout, cells, [](size_t c) { return c < 3 || c >= 9; });
  std::cout << "\n" << passed << " of " << results.size() << " targets pass\n";
}

void print_help(const po::options_description& opts) {
  std::cout
      << "usage: smugsim targets FILE.h5 [--targets FILE.csv] [--csv]\n\n"
         "Checks a run against calibration targets: a target passes when the ensemble mean of\n"
         "its metric over its window lies inside [lower, upper], bounds included. Exit code 0\n"
         "when every target passes, 1 when any fails (2 for bad usage or input).\n\n"
         "Metrics: NAME is the series over the inclusive window per replicate (flows summed,\n"
         "levels averaged); yoy:NAME is NAME over the window divided by NAME over the same\n"
         "window one year earlier (29 February -> 28 February). For yoy: the mean is the ratio\n"
         "of the ensemble means of the two windows (stabler than the mean of per-replicate\n"
         "ratios), p05/p95 are percentiles of the per-replicate ratios, and se is the standard\n"
         "error of a ratio of means (delta method). For NAME: mean, p05/p95 (type 7) across\n"
         "replicates and se = sd / sqrt(replicates). A window (or previous-year window) not\n"
         "wholly inside the run, or a series the run lacks, fails with a note.\n\n"
         "The targets file is CSV; '#' lines are comments; header\n"
         "  id,metric,window_start,window_end,observed,lower,upper,source,note\n"
         "(observed may be empty; quote fields that hold commas).\n\n"
      << opts
      << "\nCSV columns: id,metric,window_start,window_end,mean,p05,p95,se,lower,upper,observed,"
         "result\n";
}

}  // namespace

int cmd_targets(const Args& args) {
  po::options_description opts = command_options("print this help");
  opts.add_options()("targets", po::value<std::string>(),
                     "targets file (default scenarios/data/targets.csv in the current directory)")(
      "csv", po::bool_switch(), "machine-readable CSV (numbers %.10g)");
  const auto parsed = parse_command(
      args, opts, {{"file", po::value<std::vector<std::string>>(), -1}}, [&] { print_help(opts); });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  const std::vector<std::string> files =
      vm.count("file") ? vm["file"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (files.size() != 1) {
    throw UsageError("targets: expected one run file (see 'smugsim targets --help')");
  }
  std::string targets_file = kDefaultTargets;
  if (vm.count("targets")) {
    targets_file = vm["targets"].as<std::string>();
  } else {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(targets_file, ec)) {
      throw UsageError(std::string("no ") + kDefaultTargets +
                       " in the current directory; give the targets file with --targets FILE");
    }
  }
  // Read the targets first: they are the cheaper file, and a bad one is the likelier mistake.
  require_regular_file(targets_file);
  require_regular_file(files[0]);
  const std::vector<out::Target> targets = out::read_targets(targets_file);
  const out::RunData run = out::read_run_file(files[0]);
  const std::vector<out::TargetResult> results = out::evaluate_targets(run, targets);
  if (vm["csv"].as<bool>()) {
    print_csv(results);
  } else {
    print_table(files[0], targets_file, run, results);
  }
  for (const auto& r : results) {
    if (!r.pass) return 1;
  }
  return 0;
}

}  // namespace smug
