// smugsim: the command line. Dispatches to subcommands and turns any error into one line on stderr
// and the exit code of its kind (core/errors.hpp): 0 success, 2 bad usage or input, 1 failure.
#include <boost/program_options/errors.hpp>
#include <exception>
#include <iostream>

#include "app/commands.hpp"
#include "core/errors.hpp"

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

// The one place an error becomes a message and an exit code. Errors of smugsim carry their kind;
// Boost.Program_options' errors are bad usage; anything else is a runtime failure.
int report(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const smug::Error& e) {
    const bool failure = e.kind() == smug::ErrorKind::kRuntime;
    std::cerr << "smugsim: " << (failure ? "error: " : "") << e.what() << "\n";
    return e.exit_code();
  } catch (const boost::program_options::error& e) {
    std::cerr << "smugsim: " << e.what() << "\n";
    return smug::exit_code(smug::ErrorKind::kUsage);
  } catch (const std::exception& e) {
    std::cerr << "smugsim: error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "smugsim: error: unknown failure\n";
  }
  return smug::exit_code(smug::ErrorKind::kRuntime);
}

int dispatch(const smug::Args& args) {
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
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(smug::Args(argv + 1, argv + argc));
  } catch (...) {
    return report(std::current_exception());
  }
}
