// The subcommands of `smugsim`. Each lives in its own cmd_<name>.cpp, takes the arguments after its
// name, and returns an exit code: 0 success, 2 bad usage or bad input, 1 runtime failure. They
// throw UsageError / InputError / RunFileError for the caller to turn into one line on stderr.
#pragma once
#include <string>
#include <vector>

namespace smug {

using Args = std::vector<std::string>;

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const Args& args);
};

const std::vector<Command>& commands();

int cmd_run(const Args& args);
int cmd_check(const Args& args);
int cmd_params(const Args& args);
int cmd_summarize(const Args& args);
int cmd_calibrate(const Args& args);
int cmd_compare(const Args& args);
int cmd_targets(const Args& args);
int cmd_sweep(const Args& args);
int cmd_design(const Args& args);
int cmd_merge(const Args& args);
int cmd_sensitivity(const Args& args);
int cmd_study(const Args& args);

std::string version_text();

}  // namespace smug
