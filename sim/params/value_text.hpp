// Internal helpers shared by Scenario::set, the INI parser and the registry: one place decides what
// a valid value looks like, so a default, a scenario file and a programmatic override are checked
// by the same rules and give the same messages.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"
#include "params/registry.hpp"
#include "params/scenario.hpp"

namespace smug::detail {

using smug::trim;  // core/text.hpp: the one trim

// Integral values print without a decimal point; others in the shortest form that reads back
// exactly, so the canonical text round-trips.
std::string format_number(double v);

// "[0, 1] share" - the range and unit, as shown in messages and documentation.
std::string range_text(const ParamSpec& spec);

// Parses and validates text for spec. Throws InputError(origin.file, origin.line, spec.name(), ..).
ParamValue parse_value(const ParamSpec& spec, const std::string& text, const Origin& origin);

// The value as canonical scenario text ("true, 2022-08-30: false", "120, 2022-08-30: 60").
std::string canonical_text(const ParamValue& v);

// The closest candidate within a small edit distance, or "" if none is close enough.
std::string closest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace smug::detail
