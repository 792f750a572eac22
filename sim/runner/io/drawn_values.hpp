// The check that a scenario's what-if survives a posterior: each draw replaces the values of the
// parameters the posterior draws, so an absolute value on one of them would silently run as the
// baseline. The values the draws may replace: defaults, those of the baseline (the file at the
// root of the extends chain, which the posterior was calibrated on and replaces by design), those
// inside any file's `; BEGIN CALIBRATED` block, and relative values ("*= 1.5", which multiply each
// draw) written on one of these. Any other value set in a file that extends another is a what-if
// the draws would erase.
#pragma once
#include "params/scenario.hpp"
#include "runner/io/param_table.hpp"

namespace smug {

// Throws InputError at the file, line and key of the first absolute value the posterior would
// replace, saying how to write it relatively.
void refuse_absolute_draws(const Scenario& scenario, const ParamTable& posterior);

}  // namespace smug
