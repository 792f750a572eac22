#include "calibration/setup.hpp"

#include <map>
#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace smug {

namespace {

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

// One 'key = value ; reason' line of the file, with where it stands.
struct Entry {
  const std::string& path;
  int line;
  std::string section, key, value, reason;

  double number(const std::string& v) const { return smug::number(path, line, key, v); }
  [[noreturn]] void fail(const std::string& why) const { throw InputError(path, line, key, why); }
  int integer(int lo, int hi) const {
    const double x = number(value);
    if (x != static_cast<int>(x) || x < lo || x > hi)
      fail("expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return static_cast<int>(x);
  }
};

// A key of [calibration]: the method's settings.
void parse_setting(const Entry& e, CalibrationSetup& out) {
  const std::string& k = e.key;
  if (k == "scenario")
    out.scenario = e.value;
  else if (k == "targets")
    out.targets = e.value;
  else if (k == "particles")
    out.abc.particles = e.integer(2, 100000);
  else if (k == "max_generations")
    out.abc.max_generations = e.integer(1, 1000);
  else if (k == "replicates")
    out.replicates = e.integer(1, 10000);
  else if (k == "seed")
    out.abc.seed = static_cast<uint64_t>(e.integer(0, 2147483647));
  else if (k == "alpha") {
    out.abc.alpha = e.number(e.value);
    if (!(out.abc.alpha > 0 && out.abc.alpha < 1)) e.fail("expected a number in (0, 1)");
  } else if (k == "min_acceptance") {
    out.abc.min_acceptance = e.number(e.value);
  } else if (k == "scale") {
    out.scale = e.number(e.value);
    if (!(out.scale > 0 && out.scale <= 10)) e.fail("expected a number in (0, 10]");
  } else if (k == "end") {
    out.end = parse_date(e.value);
    if (!out.end) e.fail("expected a date YYYY-MM-DD");
  } else {
    e.fail(
        "unknown key (expected scenario, targets, particles, alpha, min_acceptance, "
        "max_generations, replicates, scale, seed, end)");
  }
}

// A key of [free]: name = shape low high ; reason.
Prior parse_prior(const Entry& e, const ParamRegistry& reg) {
  const ParamSpec* spec = reg.find(e.key);
  if (!spec) e.fail("not a parameter of the model (see 'smugsim params')");
  if (spec->type != ParamType::kReal) e.fail("only real-valued parameters can be calibrated");
  std::istringstream words(e.value);
  std::string shape, lo, hi, extra;
  words >> shape >> lo >> hi;
  if (hi.empty() || (words >> extra))
    e.fail("expected 'uniform LOW HIGH' or 'loguniform LOW HIGH'");
  Prior p;
  p.name = e.key;
  if (shape == "uniform")
    p.shape = Prior::Shape::kUniform;
  else if (shape == "loguniform")
    p.shape = Prior::Shape::kLogUniform;
  else
    e.fail("unknown prior shape '" + shape + "' (uniform, loguniform)");
  p.low = e.number(lo);
  p.high = e.number(hi);
  if (!(p.low < p.high)) e.fail("the prior's low must be below its high");
  if (p.low < spec->min || p.high > spec->max)
    e.fail("prior range outside the parameter's allowed range");
  if (p.shape == Prior::Shape::kLogUniform && p.low <= 0)
    e.fail("a log-uniform prior needs a positive low");
  if (e.reason.empty()) e.fail("give a one-line reason for the prior after ';'");
  p.reason = e.reason;
  return p;
}

// The entries of the file in order, sections checked, duplicates refused.
std::vector<Entry> scan(const std::string& path, const std::string& text) {
  std::vector<Entry> out;
  std::istringstream in(text);
  std::string raw, section;
  std::set<std::string> seen;
  for (int line = 1; std::getline(in, raw); ++line) {
    const std::string l = trim(raw);
    if (l.empty() || l[0] == ';' || l[0] == '#') continue;
    if (l.front() == '[') {
      if (l.back() != ']') throw InputError(path, line, "", "malformed section header");
      section = trim(l.substr(1, l.size() - 2));
      if (section != "calibration" && section != "free")
        throw InputError(path, line, section, "unknown section (expected [calibration] or [free])");
      continue;
    }
    const auto eq = l.find('=');
    if (eq == std::string::npos) throw InputError(path, line, "", "expected 'key = value'");
    Entry e{path, line, section, trim(l.substr(0, eq)), trim(l.substr(eq + 1)), ""};
    if (const auto c = e.value.find(';'); c != std::string::npos) {
      e.reason = trim(e.value.substr(c + 1));
      e.value = trim(e.value.substr(0, c));
    }
    if (section.empty()) e.fail("key outside any section");
    if (!seen.insert(section + "." + e.key).second) e.fail("duplicate key");
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

CalibrationSetup parse_calibration_setup(const std::string& path, const std::string& text,
                                         const ParamRegistry& reg) {
  CalibrationSetup out;
  for (const Entry& e : scan(path, text)) {
    if (e.section == "calibration")
      parse_setting(e, out);
    else
      out.priors.push_back(parse_prior(e, reg));
  }
  if (out.scenario.empty())
    throw InputError(path, 0, "scenario", "[calibration] scenario is required");
  if (out.targets.empty())
    throw InputError(path, 0, "targets", "[calibration] targets is required");
  if (out.priors.empty()) throw InputError(path, 0, "", "[free] lists no parameters to calibrate");
  return out;
}

}  // namespace smug
