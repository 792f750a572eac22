// smugsim params: the parameter reference, from the registry itself so it cannot drift from the
// code. docs/parameters.md is this command's --markdown output (a test keeps them equal).
#include <boost/program_options.hpp>
#include <iostream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "app/param_listing.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "params/value_text.hpp"
#include "runner/io/scenario_files.hpp"

namespace po = boost::program_options;

namespace smug {
namespace {

std::string search_words(const po::variables_map& vm) {
  std::string words;
  for (const auto& w : vm["search"].as<std::vector<std::string>>())
    words += (words.empty() ? "" : " ") + w;
  return words;
}

const SectionSpec& find_section_or_fail(const ParamRegistry& reg, const std::string& name) {
  const SectionSpec* s = reg.find_section(name);
  if (s) return *s;
  std::vector<std::string> names;
  for (const auto& sec : reg.sections()) names.push_back(sec.name);
  const std::string hint = detail::closest(name, names);
  throw UsageError("unknown section '" + name + "'" +
                   (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
}

void print_section(std::ostream& out, const ParamRegistry& reg, const SectionSpec& s) {
  out << "[" << s.name << "]" << (s.is_measure ? "  (measure)" : "") << "\n  " << s.doc << "\n";
  for (const ParamSpec* p : reg.in_section(s.name)) {
    out << "  " << p->key << " = " << p->default_value << "\n      " << type_name(p->type);
    if (const std::string r = detail::range_text(*p); !r.empty()) {
      out << " " << r;
    } else if (!p->unit.empty()) {
      out << ", " << p->unit;
    }
    if (p->schedulable) out << ", schedulable";
    out << "\n      " << p->doc << "\n      source: " << p->source << "\n";
  }
  out << "\n";
}

const char* kUsage =
    "usage: smugsim params [--markdown] [--section S] [--search WORDS] [--scenario FILE]\n\n"
    "Lists every parameter of the model with its type, unit, default, range,\n"
    "whether it takes dated changes, what it does and its source or prior.\n\n"
    "--search WORDS lists the parameters matching any of the words (case-insensitive, a\n"
    "plural's final 's' dropped), best first by score: each word found in the key counts 8,\n"
    "in the section's name 4, in the parameter's doc 2, in the section's doc 1; ties go to\n"
    "the one matching more words, then by name. docs/levers.md maps policy ideas to\n"
    "parameters.\n\n"
    "--scenario FILE shows each parameter's value in that scenario (after its extends chain),\n"
    "its origin (file:line, a relative '*=' and what it multiplies, or 'default') and whether\n"
    "it is calibrated: the value in use was written inside a '; BEGIN CALIBRATED' block (the\n"
    "baseline's), or multiplies such a value. With --search or --section, only those.\n\n";

// The parameters --section and --search select (every parameter without them).
std::vector<const ParamSpec*> selected(const po::variables_map& vm, const ParamRegistry& reg) {
  std::vector<const ParamSpec*> specs;
  if (vm.count("search")) {
    for (const SearchHit& h : search_params(reg, search_words(vm))) specs.push_back(h.spec);
  } else if (vm.count("section")) {
    specs = reg.in_section(vm["section"].as<std::string>());
  } else {
    for (const auto& p : reg.params()) specs.push_back(&p);
  }
  return specs;
}

}  // namespace

int cmd_params(const Args& args) {
  po::options_description opts = command_options("show this help");
  opts.add_options()("markdown", "print the Markdown reference (docs/parameters.md)")(
      "section", po::value<std::string>(), "only this section")(
      "search", po::value<std::vector<std::string>>()->multitoken(),
      "WORDS: the parameters they match, best first")(
      "scenario", po::value<std::string>(),
      "FILE: each parameter's value in that scenario, its origin and whether calibrated");
  const auto parsed = parse_command(args, opts, {}, [&] { std::cout << kUsage << opts; });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  const ParamRegistry& reg = model_registry();
  if (vm.count("markdown")) {
    if (vm.count("section") || vm.count("search") || vm.count("scenario"))
      throw UsageError("--markdown lists every section; drop the other options");
    std::cout << registry_markdown(reg);
    return 0;
  }
  if (vm.count("section") && vm.count("search"))
    throw UsageError("give --section or --search, not both");
  if (vm.count("section")) (void)find_section_or_fail(reg, vm["section"].as<std::string>());
  if (vm.count("scenario")) {
    print_resolved_values(std::cout, load_scenario(vm["scenario"].as<std::string>()),
                          selected(vm, reg));
    return 0;
  }
  if (vm.count("search")) {
    print_search_hits(std::cout, search_params(reg, search_words(vm)), search_words(vm));
    return 0;
  }
  if (vm.count("section")) {
    print_section(std::cout, reg, find_section_or_fail(reg, vm["section"].as<std::string>()));
    return 0;
  }
  for (const auto& s : reg.sections()) print_section(std::cout, reg, s);
  if (reg.sections().empty()) std::cout << "(no parameters registered)\n";
  return 0;
}

}  // namespace smug
