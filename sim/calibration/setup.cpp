#include "calibration/setup.hpp"

#include <map>
#include <set>
#include <sstream>

#include "core/errors.hpp"

namespace smug {

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

double number(const std::string& path, int line, const std::string& key, const std::string& v) {
  size_t used = 0;
  double x = 0;
  try {
    x = std::stod(v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != v.size())
    throw InputError(path, line, key, "expected a number, got '" + v + "'");
  return x;
}

}  // namespace

CalibrationSetup parse_calibration_setup(const std::string& path, const std::string& text,
                                         const ParamRegistry& reg) {
  CalibrationSetup out;
  std::istringstream in(text);
  std::string raw, section;
  int line = 0;
  std::set<std::string> seen;
  while (std::getline(in, raw)) {
    ++line;
    std::string l = trim(raw);
    if (l.empty() || l[0] == ';' || l[0] == '#') continue;
    if (l.front() == '[') {
      if (l.back() != ']') throw InputError(path, line, "", "malformed section header");
      section = trim(l.substr(1, l.size() - 2));
      if (section != "calibration" && section != "free")
        throw InputError(path, line, section,
                         "unknown section (expected [calibration] or [free])");
      continue;
    }
    const auto eq = l.find('=');
    if (eq == std::string::npos) throw InputError(path, line, "", "expected 'key = value'");
    const std::string key = trim(l.substr(0, eq));
    std::string value = trim(l.substr(eq + 1)), reason;
    if (const auto c = value.find(';'); c != std::string::npos) {
      reason = trim(value.substr(c + 1));
      value = trim(value.substr(0, c));
    }
    if (section.empty()) throw InputError(path, line, key, "key outside any section");
    if (!seen.insert(section + "." + key).second)
      throw InputError(path, line, key, "duplicate key");
    if (section == "calibration") {
      auto integer = [&](int lo, int hi) {
        const double x = number(path, line, key, value);
        if (x != static_cast<int>(x) || x < lo || x > hi)
          throw InputError(path, line, key,
                           "expected a whole number from " + std::to_string(lo) + " to " +
                               std::to_string(hi));
        return static_cast<int>(x);
      };
      if (key == "scenario") out.scenario = value;
      else if (key == "targets") out.targets = value;
      else if (key == "particles") out.abc.particles = integer(2, 100000);
      else if (key == "max_generations") out.abc.max_generations = integer(1, 1000);
      else if (key == "replicates") out.replicates = integer(1, 10000);
      else if (key == "seed") out.abc.seed = static_cast<uint64_t>(integer(0, 2147483647));
      else if (key == "alpha") {
        out.abc.alpha = number(path, line, key, value);
        if (!(out.abc.alpha > 0 && out.abc.alpha < 1))
          throw InputError(path, line, key, "expected a number in (0, 1)");
      } else if (key == "min_acceptance") {
        out.abc.min_acceptance = number(path, line, key, value);
      } else if (key == "scale") {
        out.scale = number(path, line, key, value);
        if (!(out.scale > 0 && out.scale <= 10))
          throw InputError(path, line, key, "expected a number in (0, 10]");
      } else if (key == "end") {
        out.end = parse_date(value);
        if (!out.end) throw InputError(path, line, key, "expected a date YYYY-MM-DD");
      } else {
        throw InputError(path, line, key,
                         "unknown key (expected scenario, targets, particles, alpha, "
                         "min_acceptance, max_generations, replicates, scale, seed, end)");
      }
      continue;
    }
    // [free]: name = shape low high ; reason
    const ParamSpec* spec = reg.find(key);
    if (!spec) throw InputError(path, line, key, "not a parameter of the model (see 'smugsim params')");
    if (spec->type != ParamType::kReal)
      throw InputError(path, line, key, "only real-valued parameters can be calibrated");
    std::istringstream words(value);
    std::string shape, lo, hi, extra;
    words >> shape >> lo >> hi;
    if (hi.empty() || (words >> extra))
      throw InputError(path, line, key, "expected 'uniform LOW HIGH' or 'loguniform LOW HIGH'");
    Prior p;
    p.name = key;
    if (shape == "uniform") p.shape = Prior::Shape::kUniform;
    else if (shape == "loguniform") p.shape = Prior::Shape::kLogUniform;
    else throw InputError(path, line, key, "unknown prior shape '" + shape + "' (uniform, loguniform)");
    p.low = number(path, line, key, lo);
    p.high = number(path, line, key, hi);
    if (!(p.low < p.high)) throw InputError(path, line, key, "the prior's low must be below its high");
    if (p.low < spec->min || p.high > spec->max)
      throw InputError(path, line, key, "prior range outside the parameter's allowed range");
    if (p.shape == Prior::Shape::kLogUniform && p.low <= 0)
      throw InputError(path, line, key, "a log-uniform prior needs a positive low");
    if (reason.empty())
      throw InputError(path, line, key, "give a one-line reason for the prior after ';'");
    p.reason = reason;
    out.priors.push_back(p);
  }
  if (out.scenario.empty()) throw InputError(path, 0, "scenario", "[calibration] scenario is required");
  if (out.targets.empty()) throw InputError(path, 0, "targets", "[calibration] targets is required");
  if (out.priors.empty()) throw InputError(path, 0, "", "[free] lists no parameters to calibrate");
  return out;
}

}  // namespace smug
