// A small registry and an in-memory file system shared by the params tests, so they do not depend
// on the model's parameters, which change as the model grows.
#pragma once
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "core/errors.hpp"
#include "params/registry.hpp"
#include "params/scenario.hpp"

namespace smug::test {

inline ParamRegistry make_test_registry() {
  ParamRegistry r;
  r.add_section({.name = "boats", .doc = "boat crossings"});
  r.add({.section = "boats",
         .key = "capacity",
         .type = ParamType::kReal,
         .unit = "people",
         .default_value = "40",
         .min = 1,
         .max = 100,
         .schedulable = true,
         .doc = "people per boat",
         .source = "prior: test"});
  r.add({.section = "boats",
         .key = "max_trips",
         .type = ParamType::kInteger,
         .unit = "trips",
         .default_value = "3",
         .min = 0,
         .max = 10,
         .doc = "attempts before giving up",
         .source = "prior: test"});
  r.add({.section = "boats",
         .key = "night_only",
         .type = ParamType::kBoolean,
         .unit = "",
         .default_value = "false",
         .schedulable = true,
         .doc = "crossings at night only",
         .source = "prior: test"});
  r.add({.section = "boats",
         .key = "season_start",
         .type = ParamType::kDate,
         .unit = "",
         .default_value = "2022-04-01",
         .doc = "first day of the season",
         .source = "prior: test"});
  r.add({.section = "boats",
         .key = "label",
         .type = ParamType::kText,
         .unit = "",
         .default_value = "base run",
         .doc = "free text",
         .source = "prior: test"});
  r.add({.section = "boats",
         .key = "share_paid",
         .type = ParamType::kReal,
         .unit = "share",
         .default_value = "0.5",
         .min = 0,
         .max = 1,
         .doc = "not schedulable",
         .source = "prior: test"});
  r.add_measure("patrols", "beach patrols", true, "2022-01-01", "", "prior: test");
  r.add({.section = "patrols",
         .key = "intensity",
         .type = ParamType::kReal,
         .unit = "share",
         .default_value = "0.25",
         .min = 0,
         .max = 1,
         .schedulable = true,
         .doc = "share of launches stopped",
         .source = "prior: test"});
  return r;
}

inline const ParamRegistry& test_registry() {
  static const ParamRegistry reg = make_test_registry();
  return reg;
}

struct MemFiles {
  std::map<std::string, std::string> files;
  std::optional<std::string> operator()(const std::string& path) const {
    const auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
};

inline Scenario parse(const MemFiles& fs, const std::string& path) {
  return parse_scenario(path, fs, test_registry());
}

// Parses and returns the InputError it must raise; fails the test if it does not.
inline InputError parse_error(const MemFiles& fs, const std::string& path) {
  try {
    parse(fs, path);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an InputError parsing " << path;
  return InputError("none");
}

}  // namespace smug::test
