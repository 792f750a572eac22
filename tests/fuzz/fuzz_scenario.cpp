// Fuzzes the scenario parser (params/ini_parser.cpp: INI, `extends`, dated schedules) and the
// validation `smugsim check` runs after it (build_model binds every parameter). The input is two
// files: the bytes before the first NUL are top.ini, the rest base.ini, which top.ini may name with
// `extends = base.ini` (and base.ini may extend top.ini, a cycle). The files are served from
// memory through the parser's FileLoader, so the target touches no disk.
#include <map>

#include "fuzz_support.hpp"
#include "measures/assemble.hpp"
#include "params/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace smug;
  const std::string in = fuzz::bytes(data, size);
  const size_t nul = in.find('\0');
  std::map<std::string, std::string> files{{"fuzz/top.ini", in.substr(0, nul)}};
  if (nul != std::string::npos) files["fuzz/base.ini"] = in.substr(nul + 1);
  const FileLoader load = [&files](const std::string& path) -> std::optional<std::string> {
    const auto f = files.find(path);
    if (f == files.end()) return std::nullopt;
    return f->second;
  };
  fuzz::expect_success_or_refusal([&] {
    const Scenario s = parse_scenario("fuzz/top.ini", load, model_registry());
    (void)s.resolved_ini(true);
    (void)build_model(s, ModelInputs{});
  });
  return 0;
}
