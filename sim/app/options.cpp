#include "app/options.hpp"

namespace po = boost::program_options;

namespace smug {

po::options_description command_options(const char* help) {
  po::options_description opts("options");
  opts.add_options()("help,h", help);
  return opts;
}

std::optional<po::variables_map> parse_command(const Args& args,
                                               const po::options_description& visible,
                                               const std::vector<Positional>& positionals,
                                               const std::function<void()>& print_help) {
  po::options_description all;
  all.add(visible);
  po::positional_options_description pos;
  for (const auto& p : positionals) {
    all.add_options()(p.name, p.value);
    pos.add(p.name, p.count);
  }
  po::variables_map vm;
  auto parser = po::command_line_parser(args).options(all);
  // Without positionals the parser is left without a description, as a command that takes none
  // always was.
  if (!positionals.empty()) parser.positional(pos);
  po::store(parser.run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    print_help();
    return std::nullopt;
  }
  return vm;
}

}  // namespace smug
