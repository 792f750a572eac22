// smugsim design: writes a design CSV (full grid or Latin hypercube) for `smugsim sweep`.
#include <boost/program_options.hpp>
#include <iostream>
#include <set>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "core/durable_write.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "params/value_text.hpp"
#include "runner/io/design.hpp"
#include "runner/io/output_path.hpp"

namespace po = boost::program_options;

namespace smug {

namespace {

// The same rules parse_param_table applies when sweep reads the design back, as usage errors.
const ParamSpec& checked_spec(const std::string& name, const std::string& option) {
  const ParamRegistry& reg = model_registry();
  const ParamSpec* spec = reg.find(name);
  if (!spec) {
    std::vector<std::string> names;
    for (const auto& p : reg.params()) names.push_back(p.name());
    const std::string hint = detail::closest(name, names);
    throw UsageError(option + ": unknown parameter '" + name + "'" +
                     (hint.empty() ? "" : "; did you mean '" + hint + "'?") +
                     " (see 'smugsim params')");
  }
  if (spec->section == "run") throw UsageError(option + ": [run] settings cannot vary by row");
  if (spec->type != ParamType::kReal && spec->type != ParamType::kInteger &&
      spec->type != ParamType::kBoolean) {
    throw UsageError(option + ": '" + name + "' is a " + type_name(spec->type) +
                     "; only numbers and flags can vary");
  }
  return *spec;
}

void check_values(const Design& d, const std::vector<const ParamSpec*>& specs,
                  const std::vector<std::string>& options) {
  for (const auto& row : d.rows) {
    for (size_t j = 0; j < row.size(); ++j) {
      try {
        detail::parse_value(*specs[j], detail::format_number(row[j]), Origin{});
      } catch (const InputError& e) {
        throw UsageError(options[j] + ": " + e.what());
      }
    }
  }
}

}  // namespace

int cmd_design(const Args& args) {
  po::options_description opts = command_options();
  opts.add_options()(
      "grid", po::value<std::vector<std::string>>()->composing(),
      "SECTION.KEY=A:B:N: N evenly spaced values from A to B (repeatable: every combination)")(
      "lhs", po::value<std::string>(), "N: a Latin hypercube of N rows over the --param ranges")(
      "param", po::value<std::vector<std::string>>()->composing(),
      "SECTION.KEY=LOW:HIGH: a real parameter of the hypercube (repeatable)")(
      "seed", po::value<std::string>()->default_value("1"),
      "seed of the hypercube, 0 to 4294967295")("output,o", po::value<std::string>(),
                                                "design CSV to write (default: standard output)");
  const auto parsed = parse_command(args, opts, {}, [&] {
    std::cout << "usage: smugsim design --grid SECTION.KEY=A:B:N ... [-o DESIGN.csv]\n"
                 "       smugsim design --lhs N --param SECTION.KEY=LOW:HIGH ... [--seed S] "
                 "[-o DESIGN.csv]\n\n"
                 "Writes a design for 'smugsim sweep': a header of parameter names, one row per\n"
                 "parameter set. A grid takes every combination of its axes (the first varies\n"
                 "slowest). A Latin hypercube cuts each range into N equal bins and puts one\n"
                 "value in each bin, in an order and at a position drawn from the seed.\n\n"
              << opts << "\n";
  });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  const bool grid = vm.count("grid") > 0, lhs = vm.count("lhs") > 0;
  if (grid == lhs) throw UsageError("design: give either --grid or --lhs (see --help)");
  if (vm.count("output")) check_output_path(vm["output"].as<std::string>(), {});
  if (grid && vm.count("param"))
    throw UsageError("design: --param goes with --lhs; use --grid A:B:N");
  Design d;
  std::vector<const ParamSpec*> specs;
  std::vector<std::string> options;
  if (grid) {
    std::vector<GridAxis> axes;
    for (const auto& text : vm["grid"].as<std::vector<std::string>>()) {
      axes.push_back(parse_grid_axis(text));
      specs.push_back(&checked_spec(axes.back().name, "--grid '" + text + "'"));
      options.push_back("--grid '" + text + "'");
    }
    d = grid_design(axes);
  } else {
    const int n = count_option(vm, "lhs", 1);
    if (!vm.count("param")) throw UsageError("design: --lhs needs at least one --param");
    std::vector<LhsAxis> axes;
    for (const auto& text : vm["param"].as<std::vector<std::string>>()) {
      axes.push_back(parse_lhs_axis(text));
      const std::string option = "--param '" + text + "'";
      specs.push_back(&checked_spec(axes.back().name, option));
      if (specs.back()->type != ParamType::kReal) {
        throw UsageError(option +
                         ": a hypercube needs real parameters; use --grid for whole "
                         "numbers and flags");
      }
      options.push_back(option);
    }
    d = lhs_design(axes, n, seed_option(vm, "seed"));
  }
  std::set<std::string> seen;
  for (const auto& name : d.names)
    if (!seen.insert(name).second) throw UsageError("design: '" + name + "' is given twice");
  check_values(d, specs, options);
  const std::string csv = design_csv(d);
  if (!vm.count("output")) {
    std::cout << csv;
    return 0;
  }
  const std::string path = vm["output"].as<std::string>();
  write_durably(path, csv);
  std::cerr << "wrote " << path << ": " << d.rows.size() << " rows of " << d.names.size()
            << " parameters\n";
  return 0;
}

}  // namespace smug
