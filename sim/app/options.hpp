// The one Boost.Program_options sequence of the ten commands: the visible options opening with
// -h/--help, hidden positional arguments, store and notify, and --help answered before anything
// else is checked. Each cmd_<name>.cpp declares its options and reads the map.
#pragma once
#include <boost/program_options.hpp>
#include <functional>
#include <optional>
#include <vector>

#include "app/commands.hpp"

namespace smug {

// A command's visible options, opening with -h/--help (`help` is its line in the listing).
boost::program_options::options_description command_options(const char* help = "this help");

// A positional argument: the name of its hidden option, the option's value (owned by the parser
// from then on) and how many arguments it takes (-1: all that are left).
struct Positional {
  const char* name;
  const boost::program_options::value_semantic* value;
  int count;
};

// Parses the command's arguments. With --help, calls print_help() and returns nullopt: the
// command then returns 0. Unknown or malformed options throw Program_options' errors, which
// main turns into a usage error.
std::optional<boost::program_options::variables_map> parse_command(
    const Args& args, const boost::program_options::options_description& visible,
    const std::vector<Positional>& positionals, const std::function<void()>& print_help);

}  // namespace smug
