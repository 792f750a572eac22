#include "app/rerun_hint.hpp"

#include <cstdlib>

#include "core/date.hpp"
#include "core/errors.hpp"
#include "output/compare.hpp"

namespace smug {

namespace {

std::string field(const out::RunData& d, const std::string& key) {
  const auto it = d.provenance.find(key);
  return it == d.provenance.end() ? "" : it->second;
}

// Scales are compared as numbers: earlier versions wrote "0.010000" for 0.01.
bool scales_differ(const out::RunData& a, const out::RunData& b) {
  const std::string sa = field(a, "scale"), sb = field(b, "scale");
  return !sa.empty() && !sb.empty() &&
         std::strtod(sa.c_str(), nullptr) != std::strtod(sb.c_str(), nullptr);
}

std::string last_day(const out::RunData& d) {
  const auto start = parse_date(d.start_date);
  return start ? format_date(*start + (d.ndays - 1)) : "";
}

// The posterior options of a run: "--posterior FILE --draws K", or "no --posterior".
std::string posterior_options(const out::RunData& d) {
  if (field(d, "posterior_file").empty()) return "no --posterior";
  return "--posterior " + field(d, "posterior_file") + " --draws " + field(d, "posterior_draws");
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s.append(s.empty() ? "" : " ").append(x);
  return s;
}

}  // namespace

std::vector<std::string> differing_run_options(const out::RunData& base,
                                               const out::RunData& other) {
  std::vector<std::string> opts;
  if (!base.seeds.empty() && !other.seeds.empty() && base.seeds.front() != other.seeds.front())
    opts.push_back("--seed " + std::to_string(base.seeds.front()));
  if (base.nreplicates() != other.nreplicates())
    opts.push_back("--replicates " + std::to_string(base.nreplicates()));
  if (base.start_date != other.start_date) opts.push_back("--start " + base.start_date);
  if (last_day(base) != last_day(other)) opts.push_back("--end " + last_day(base));
  if (scales_differ(base, other)) opts.push_back("--scale " + field(base, "scale"));
  if (field(base, "posterior_sha256") != field(other, "posterior_sha256") ||
      field(base, "posterior_draws") != field(other, "posterior_draws") ||
      base.posterior_rows != other.posterior_rows)
    opts.push_back(posterior_options(base));
  return opts;
}

void refuse_unpaired(const out::RunData& base, const std::string& base_file,
                     const out::RunData& other, const std::string& other_file) {
  std::optional<std::string> why = out::incomparable_reason(base, other);
  if (!why && scales_differ(base, other))
    why =
        "different scales (--scale " + field(base, "scale") + " and " + field(other, "scale") + ")";
  if (!why) return;
  const std::vector<std::string> opts = differing_run_options(base, other);
  std::string hint;
  if (!opts.empty()) {
    hint = "; rerun " + other_file + " with " + joined(opts);
  } else if (base.nreplicates() == other.nreplicates()) {
    // Same count, other keys: a slice of a sharded run, or a merge of other slices.
    hint =
        "; one of them holds other replicates (a --shard slice?): merge the slices with "
        "'smugsim merge' or rerun both without --shard";
  }
  if (const std::string cmd = field(base, "command"); !cmd.empty())
    hint += " (" + base_file + " was made by: " + cmd + ")";
  throw UsageError("cannot compare " + base_file + " with " + other_file + ": " + *why + hint);
}

void warn_of_other_draws(std::ostream& log, const out::RunData& base, const out::RunData& other,
                         const std::string& other_file) {
  if (base.posterior_rows == other.posterior_rows) return;
  log << "smugsim: warning: the runs drew other posterior parameters, so the differences mix the "
         "what-if with them; rerun "
      << other_file << " with " << posterior_options(base) << " and the same --seed\n";
}

}  // namespace smug
