// The one Boost.Program_options sequence of the ten commands: the visible options opening with
// -h/--help, hidden positional arguments, store and notify, and --help answered before anything
// else is checked. Each cmd_<name>.cpp declares its options and reads the map; whole numbers
// are read by the one parser below, so that every command refuses "-1" and "5x" alike.
#pragma once
#include <boost/program_options.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
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

// Whole-number options are declared as po::value<std::string>() and read with these, never as
// po::value<int> or po::value<uint64_t>: Boost reads "-1" into an unsigned type as
// 18446744073709551615. `text` is read by parse_whole (core/text.hpp: digits only, no sign, point,
// exponent or anything after) and must lie from low to high; otherwise a usage error names the
// option ("--NAME 'TEXT': expected a whole number from LOW to HIGH").
uint64_t whole_number(const std::string& option, const std::string& text, uint64_t low,
                      uint64_t high);

// The option `name` (given, or with a default value) read by whole_number, into an int: from low
// to the largest int.
int count_option(const boost::program_options::variables_map& vm, const char* name, int low);

// The option `name` (given, or with a default value) read by whole_number as a seed: from 0 to
// run.seed's maximum in the registry (4294967295).
uint64_t seed_option(const boost::program_options::variables_map& vm, const char* name);

// A path written in a set-up file, as seen from the working folder: relative paths are relative
// to the set-up file's folder, so the file works wherever it is run from.
std::string relative_to(const std::string& file, const std::string& path);

}  // namespace smug
