// smugsim: the command line. Dispatches to subcommands and maps exceptions to exit codes.
#include <boost/program_options/errors.hpp>
#include <iostream>

#include "app/commands.hpp"
#include "core/errors.hpp"
#include "output/runfile.hpp"

namespace {

void print_help() {
  std::cout << "usage: smugsim <command> [options]\n"
               "       smugsim --help | --version\n\n"
               "Agent-based simulation of people smuggling from Albania to the UK by small boat,\n"
               "of the smuggling networks and of the measures taken against them.\n\n"
               "commands:\n";
  for (const auto& c : smug::commands()) {
    std::string name = c.name;
    name.resize(12, ' ');
    std::cout << "  " << name << c.summary << "\n";
  }
  std::cout << "\n'smugsim <command> --help' describes each command.\n"
               "exit codes: 0 success, 2 bad usage or bad input, 1 runtime failure\n";
}

}  // namespace

int main(int argc, char** argv) {
  smug::Args args(argv + 1, argv + argc);
  try {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      print_help();
      return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version" || args[0] == "-V") {
      std::cout << smug::version_text();
      return 0;
    }
    for (const auto& c : smug::commands()) {
      if (args[0] == c.name) return c.run(smug::Args(args.begin() + 1, args.end()));
    }
    throw smug::UsageError("unknown command '" + args[0] + "' (see 'smugsim --help')");
  } catch (const smug::UsageError& e) {
    std::cerr << "smugsim: " << e.what() << "\n";
    return 2;
  } catch (const boost::program_options::error& e) {
    std::cerr << "smugsim: " << e.what() << "\n";
    return 2;
  } catch (const smug::InputError& e) {
    std::cerr << "smugsim: " << e.what() << "\n";
    return 2;
  } catch (const smug::out::RunFileError& e) {
    std::cerr << "smugsim: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "smugsim: error: " << e.what() << "\n";
    return 1;
  }
}
