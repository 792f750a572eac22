#include "app/sensitivity_setup.hpp"

#include <sstream>

#include "core/errors.hpp"
#include "core/setup_file.hpp"
#include "runner/run_record.hpp"

namespace smug {

namespace {

// posterior_range = LO HI: the quantiles of the posterior's draws a parameter spans.
void parse_quantiles(const SetupEntry& e, SensitivitySetup& out) {
  std::istringstream words(e.value);
  std::string lo, hi, extra;
  words >> lo >> hi;
  if (hi.empty() || (words >> extra)) e.fail("expected 'LO HI', two quantiles");
  out.posterior_lo = e.number(lo);
  out.posterior_hi = e.number(hi);
  if (!(0 <= out.posterior_lo && out.posterior_lo < out.posterior_hi && out.posterior_hi <= 1))
    e.fail("expected quantiles 0 <= LO < HI <= 1");
}

// A key of [sensitivity]: what runs and the method's settings.
void parse_setting(const SetupEntry& e, SensitivitySetup& out) {
  const std::string& k = e.key;
  if (k == "scenario") {
    out.scenario = e.value;
  } else if (k == "compare") {
    out.compare = e.value;
    out.compare_line = e.line;
  } else if (k == "method") {
    if (e.value != "morris" && e.value != "sobol") e.fail("expected morris or sobol");
    out.method = e.value;
  } else if (k == "trajectories") {
    out.trajectories = e.integer(2, 100000);
  } else if (k == "levels") {
    out.levels = e.integer(2, 1000);
    if (out.levels % 2 != 0) e.fail("expected an even number of levels");
  } else if (k == "samples") {
    out.samples = e.integer(2, 10000000);
  } else if (k == "resamples") {
    out.resamples = e.integer(1, 1000000);
  } else if (k == "replicates") {
    out.replicates = e.integer(1, 100000);
    out.replicates_line = e.line;
  } else if (k == "posterior") {
    out.posterior = e.value;
    out.posterior_line = e.line;
  } else if (k == "posterior_range") {
    parse_quantiles(e, out);
  } else if (k == "seed") {
    out.seed = static_cast<uint64_t>(e.integer(0, 2147483647));
    out.seed_line = e.line;
  } else {
    e.fail(
        "unknown key (expected scenario, compare, method, trajectories, levels, samples, "
        "resamples, replicates, seed, posterior, posterior_range)");
  }
}

// A line of [parameters]: section.key = LOW HIGH.
ParameterRange parse_range(const SetupEntry& e, const ParamRegistry& reg) {
  const ParamSpec* spec = reg.find(e.key);
  if (!spec) e.fail("not a parameter of the model (see 'smugsim params')");
  if (spec->section == "run") e.fail("[run] settings cannot vary between design points");
  if (spec->type != ParamType::kReal) e.fail("only real-valued parameters can vary");
  std::istringstream words(e.value);
  std::string lo, hi, extra;
  words >> lo >> hi;
  if (hi.empty() || (words >> extra)) e.fail("expected 'LOW HIGH'");
  ParameterRange r{e.key, e.number(lo), e.number(hi)};
  if (!(r.low < r.high)) e.fail("LOW must be below HIGH");
  if (r.low < spec->min || r.high > spec->max)
    e.fail("range outside the parameter's allowed range");
  return r;
}

Date date_word(const SetupEntry& e, const std::string& word) {
  const auto d = parse_date(word);
  if (!d) e.fail("expected a date YYYY-MM-DD, got '" + word + "'");
  return *d;
}

// A line of [outputs]: NAME = METRIC FROM TO.
SensitivityOutput parse_output(const SetupEntry& e) {
  std::istringstream words(e.value);
  std::string metric, from, to, extra;
  words >> metric >> from >> to;
  if (to.empty() || (words >> extra)) e.fail("expected 'METRIC FROM TO'");
  if (!is_metric(metric)) e.fail("unknown metric '" + metric + "' (a series of the run file)");
  SensitivityOutput o{e.key, metric, date_word(e, from), date_word(e, to), e.line};
  if (o.to < o.from) e.fail("FROM must not be after TO");
  return o;
}

}  // namespace

SensitivitySetup parse_sensitivity_setup(const std::string& path, const std::string& text,
                                         const ParamRegistry& reg) {
  SensitivitySetup out;
  out.path = path;
  for (const SetupEntry& e : scan_setup(path, text, {"sensitivity", "parameters", "outputs"})) {
    if (e.section == "sensitivity")
      parse_setting(e, out);
    else if (e.section == "parameters")
      out.parameters.push_back(parse_range(e, reg));
    else
      out.outputs.push_back(parse_output(e));
  }
  if (out.scenario.empty())
    throw InputError(path, 0, "scenario", "[sensitivity] scenario is required");
  if (out.parameters.empty() && out.posterior.empty())
    throw InputError(path, 0, "", "[parameters] lists no parameters and there is no posterior");
  if (out.outputs.empty()) throw InputError(path, 0, "", "[outputs] lists no outputs");
  return out;
}

}  // namespace smug
