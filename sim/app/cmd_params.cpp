// smugsim params: the parameter reference, from the registry itself so it cannot drift from the
// code. docs/parameters.md is this command's --markdown output (a test keeps them equal).
#include <boost/program_options.hpp>
#include <iostream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "params/value_text.hpp"

namespace po = boost::program_options;

namespace smug {
namespace {

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

}  // namespace

int cmd_params(const Args& args) {
  po::options_description opts = command_options("show this help");
  opts.add_options()("markdown", "print the Markdown reference (docs/parameters.md)")(
      "section", po::value<std::string>(), "only this section");
  const auto parsed = parse_command(args, opts, {}, [&] {
    std::cout << "usage: smugsim params [--markdown] [--section S]\n\n"
                 "Lists every parameter of the model with its type, unit, default, range,\n"
                 "whether it takes dated changes, what it does and its source or prior.\n\n"
              << opts;
  });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  const ParamRegistry& reg = model_registry();
  if (vm.count("markdown")) {
    if (vm.count("section")) throw UsageError("--markdown lists every section; drop --section");
    std::cout << registry_markdown(reg);
    return 0;
  }
  if (vm.count("section")) {
    const std::string name = vm["section"].as<std::string>();
    const SectionSpec* s = reg.find_section(name);
    if (!s) {
      std::vector<std::string> names;
      for (const auto& sec : reg.sections()) names.push_back(sec.name);
      const std::string hint = detail::closest(name, names);
      throw UsageError("unknown section '" + name + "'" +
                       (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
    }
    print_section(std::cout, reg, *s);
    return 0;
  }
  for (const auto& s : reg.sections()) print_section(std::cout, reg, s);
  if (reg.sections().empty()) std::cout << "(no parameters registered)\n";
  return 0;
}

}  // namespace smug
