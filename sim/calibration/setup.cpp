#include "calibration/setup.hpp"

#include <sstream>

#include "core/errors.hpp"
#include "core/setup_file.hpp"

namespace smug {

namespace {

using Entry = SetupEntry;

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
  if (e.note.empty()) e.fail("give a one-line reason for the prior after ';'");
  p.reason = e.note;
  return p;
}

}  // namespace

CalibrationSetup parse_calibration_setup(const std::string& path, const std::string& text,
                                         const ParamRegistry& reg) {
  CalibrationSetup out;
  for (const Entry& e : scan_setup(path, text, {"calibration", "free"})) {
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
