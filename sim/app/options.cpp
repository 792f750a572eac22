#include "app/options.hpp"

#include <filesystem>
#include <limits>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "measures/assemble.hpp"

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

uint64_t whole_number(const std::string& option, const std::string& text, uint64_t low,
                      uint64_t high) {
  const std::optional<uint64_t> v = parse_whole(text);
  if (!v || *v < low || *v > high)
    throw UsageError(option + " '" + text + "': expected a whole number from " +
                     std::to_string(low) + " to " + std::to_string(high));
  return *v;
}

int count_option(const po::variables_map& vm, const char* name, int low) {
  const uint64_t v = whole_number(std::string("--") + name, vm[name].as<std::string>(),
                                  static_cast<uint64_t>(low), std::numeric_limits<int>::max());
  return static_cast<int>(v);
}

uint64_t seed_option(const po::variables_map& vm, const char* name) {
  const ParamSpec* seed = model_registry().find("run.seed");
  return whole_number(std::string("--") + name, vm[name].as<std::string>(), 0,
                      static_cast<uint64_t>(seed->max));
}

std::string relative_to(const std::string& file, const std::string& path) {
  if (std::filesystem::path(path).is_absolute()) return path;
  return (std::filesystem::path(file).parent_path() / path).lexically_normal().string();
}

}  // namespace smug
