// The study's tidy tables, from its run files: summary.csv, one row per scenario, period and
// metric (statistics across replicates), and effects.csv, one row per what-if, period and metric
// (the paired differences what-if minus baseline, replicate by replicate). Missing values are
// written NA, which pandas and R both read as missing.
//
// The difference's spread is split by the law of total variance over the posterior draws,
// Var(D) = Var(E[D | draw]) + E[Var(D | draw)], estimated as in a one-way random-effects analysis
// of variance with the replicates of one posterior row as a group: sd_chance^2 is the pooled
// within-draw variance, sd_parameter^2 = max(0, (between mean square - within) / n0), n0 the
// average group size corrected for imbalance. Without draws sd_parameter is 0 and sd_chance the
// sample sd; with no draw run twice the two cannot be told apart and both are NA.
#pragma once
#include <string>
#include <vector>

#include "output/runfile.hpp"
#include "output/summary.hpp"
#include "runner/study/study_file.hpp"

namespace smug {

inline const char* const kSummaryHeader = "scenario,period,metric,mean,sd,p05,p50,p95,replicates";
inline const char* const kEffectsHeader =
    "scenario,period,metric,diff_mean,diff_p05,diff_p95,rel_change,p_negative,sd_parameter,"
    "sd_chance";

struct VarianceSplit {
  double sd_parameter = 0, sd_chance = 0;
};

// diff[i] of replicate i, drawn from posterior row group[i] (group empty: no draws). NaN
// differences are left out.
VarianceSplit split_variance(const std::vector<double>& diff, const std::vector<int32_t>& group);

struct StudyTables {
  std::string summary, effects;  // CSV texts, header first
};

// The tables of runs[0] (the baseline) and the what-ifs runs[1..], named by names, over the
// spec's metrics, periods and windows. Throws UsageError if a what-if is not paired with the
// baseline (out::incomparable_reason).
StudyTables study_tables(const StudySpec& spec, const std::vector<std::string>& names,
                         const std::vector<out::RunData>& runs);

// Reads the run files and writes DIR/summary.csv and DIR/effects.csv, each durably.
void write_study_tables(const StudySpec& spec, const std::vector<std::string>& names,
                        const std::vector<std::string>& files, const std::string& dir);

}  // namespace smug
