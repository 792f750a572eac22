#include "app/sensitivity_setup.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/errors.hpp"
#include "core/setup_file.hpp"
#include "model/model_params.hpp"
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

Date date_word(const SetupEntry& e, const std::string& word) {
  const auto d = parse_date(word);
  if (!d) e.fail("expected a date YYYY-MM-DD, got '" + word + "'");
  return *d;
}

// The value's words: two bounds (and 'log' for a log range), or (a choice) at least two texts.
std::vector<std::string> range_words(const SetupEntry& e, bool choice) {
  std::istringstream in(e.value);
  std::vector<std::string> words;
  for (std::string w; in >> w;) {
    if (std::find(words.begin(), words.end(), w) != words.end()) e.fail("'" + w + "' twice");
    words.push_back(w);
  }
  if (choice && words.size() < 2) e.fail("expected 'CHOICE CHOICE ...', at least two");
  if (!choice && (words.size() < 2 || words.size() > 3 || (words.size() == 3 && words[2] != "log")))
    e.fail("expected 'LOW HIGH' or 'LOW HIGH log'");
  return words;
}

// The bounds in the parameter's type: reals (evenly or on a log scale), whole numbers or dates
// (as days).
ParameterRange bounds(const SetupEntry& e, const ParamSpec& spec,
                      const std::vector<std::string>& w) {
  ParameterRange r{e.key, 0, 0};
  if (w.size() == 3 && spec.type != ParamType::kReal)
    e.fail("only a real parameter takes a log range");
  if (spec.type == ParamType::kDate) {
    r.kind = RangeKind::kDate;
    r.low = date_word(e, w[0]).days;
    r.high = date_word(e, w[1]).days;
    return r;
  }
  r.low = e.number(w[0]);
  r.high = e.number(w[1]);
  if (spec.type == ParamType::kInteger) {
    r.kind = RangeKind::kInteger;
    if (r.low != std::floor(r.low) || r.high != std::floor(r.high))
      e.fail("an integer parameter takes whole-number bounds, not '" + e.value + "'");
  }
  if (r.low < spec.min || r.high > spec.max) e.fail("range outside the parameter's allowed range");
  if (w.size() == 3) {
    if (!(r.low > 0)) e.fail("a log range needs LOW > 0");
    r.kind = RangeKind::kLog;
  }
  return r;
}

// A line of [parameters]: section.key = LOW HIGH (reals, whole numbers, dates) or, for a text
// parameter, CHOICE CHOICE ... (checked against the model once the scenario is known).
ParameterRange parse_range(const SetupEntry& e, const ParamRegistry& reg) {
  const ParamSpec* spec = reg.find(e.key);
  if (!spec) e.fail("not a parameter of the model (see 'smugsim params')");
  if (spec->section == "run") e.fail("[run] settings cannot vary between design points");
  if (spec->type == ParamType::kBoolean) e.fail("a flag cannot vary (give two scenarios)");
  const bool choice = spec->type == ParamType::kText;
  const std::vector<std::string> words = range_words(e, choice);
  if (choice) {
    const double last = static_cast<double>(words.size() - 1);
    return ParameterRange{e.key, 0, last, RangeKind::kChoice, words};
  }
  ParameterRange r = bounds(e, *spec, words);
  if (!(r.low < r.high)) e.fail("LOW must be below HIGH");
  return r;
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

// A date range outside the run would move a date the run never reaches, or that the model reads
// before the run starts: the analysis would report an effect of 0 that means nothing.
void check_date_range(const SensitivitySetup& s, size_t i, const RunParams& run) {
  const ParameterRange& r = s.parameters[i];
  if (r.low >= run.start.days && r.high <= run.end.days) return;
  throw InputError(s.path, s.parameter_lines[i], r.name,
                   "the range " + format_date(Date{static_cast<int32_t>(r.low)}) + ".." +
                       format_date(Date{static_cast<int32_t>(r.high)}) + " is not inside the run " +
                       format_date(run.start) + ".." + format_date(run.end));
}

// Each choice as the model reads it: a text it does not know fails here, naming the set-up.
void check_choices(const SensitivitySetup& s, size_t i, const Scenario& scenario) {
  const ParameterRange& r = s.parameters[i];
  for (const std::string& choice : r.choices) {
    Scenario one = scenario;
    one.set(r.name, choice, Origin{s.path, s.parameter_lines[i]});
    (void)ModelParams::from(one);
  }
}

}  // namespace

void check_against_scenario(const SensitivitySetup& s, const Scenario& scenario) {
  const RunParams run = RunParams::from(scenario);
  for (size_t i = 0; i < s.parameters.size(); ++i) {
    if (s.parameters[i].kind == RangeKind::kDate) check_date_range(s, i, run);
    if (s.parameters[i].kind == RangeKind::kChoice) check_choices(s, i, scenario);
  }
}

SensitivitySetup parse_sensitivity_setup(const std::string& path, const std::string& text,
                                         const ParamRegistry& reg) {
  SensitivitySetup out;
  out.path = path;
  for (const SetupEntry& e : scan_setup(path, text, {"sensitivity", "parameters", "outputs"})) {
    if (e.section == "sensitivity")
      parse_setting(e, out);
    else if (e.section == "parameters")
      out.add_parameter(parse_range(e, reg), e.line);
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
