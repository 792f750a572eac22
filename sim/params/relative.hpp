// Relative values: `campaign *= 1.5` multiplies the value the parameter had before that line (the
// file it extends, or the default), and `removal_capacity_per_day *= 2, 2024-01-01: *= 1` does so
// on dates. The factor is kept with the value (Relative in params/scenario.hpp) because a
// posterior's draw replaces the value it multiplied: the what-if must scale each draw, not vanish.
#pragma once
#include <string>

#include "params/scenario.hpp"

namespace smug::detail {

// A text written "*= ...": the parser rewrites "key *= v" to the value "*= v".
bool is_relative(const std::string& text);

// The value of `current` multiplied by the factor written in `text` ("*= 2, 2024-01-01: *= 1"),
// checked against the parameter's range. Throws InputError at origin: a parameter that is not a
// number, a factor that is not a number >= 0, a dated change without its "*=", a result out of
// range or (for a whole-number parameter) not whole.
ParamValue relative_value(const ParamValue& current, const std::string& text, const Origin& origin);

// `value` multiplied by `factor` on every day; `what` names the value for messages ("the draw
// 6.1 from post.csv:3").
Schedule apply_factor(const ParamSpec& spec, const Schedule& value, const Schedule& factor,
                      const Origin& at, const std::string& what);

// The factor as written in a scenario: "*= 2, 2024-01-01: *= 1".
std::string factor_text(const Schedule& factor);

// "f.ini:12", "default" or "command line".
std::string origin_text(const Origin& o);

// Where a value came from, as `smugsim check` and `params --scenario` show it: "default",
// "from f.ini:12", or for a relative value "*= 1.5 (what.ini:4) of the value from base.ini:9".
std::string describe_origin(const ParamValue& v);

// Whether the value in use was written by the calibration: set inside a `; BEGIN CALIBRATED`
// block, or a relative value multiplying one so set.
bool from_calibration(const ParamValue& v);

}  // namespace smug::detail
