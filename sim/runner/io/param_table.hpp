// Tables of parameter sets read from CSV: the posterior sample `smugsim calibrate --posterior-csv`
// writes (one row per particle, optional `weight` and `distance` columns), and the designs
// `smugsim design` writes for `smugsim sweep` (one row per parameter set). A header of parameter
// names ("section.key"), then one row per set; blank lines and lines starting with '#' are skipped.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "params/scenario.hpp"

namespace smug {

struct ParamTable {
  struct Row {
    int line = 0;                    // line in the file, for messages and origins
    std::vector<std::string> texts;  // cells as written: what the scenario is given
    std::vector<double> values;      // the same, parsed (flags 0 or 1, dates as days, texts NaN)
    double weight = 1;
  };
  std::string path;
  std::string sha256;              // of the file's text
  std::vector<std::string> names;  // parameter columns, in file order
  std::vector<Row> rows;
};

enum class TableKind { kPosterior, kDesign };

// Parses and validates a table against the registry. Throws InputError naming the file, the line
// and the column for: no header or no rows; an unknown parameter (with a did-you-mean); one that
// is not a number or a flag (a design also takes dates and texts), or belongs to [run] (horizon,
// seed, replicates and scale are the run's, not a replicate's); a duplicate column; a row with the
// wrong number of cells; a value the parameter does not accept (type, range). kPosterior also
// accepts `weight` (finite, >= 0, not all zero; weights whose sum overflows are scaled by the
// largest) and `distance` (finite,
// >= 0, otherwise unused) columns; kDesign accepts parameters only.
ParamTable parse_param_table(const std::string& path, const std::string& text, TableKind kind,
                             const ParamRegistry& reg);

// parse_param_table on a file read from disk (InputError if it cannot be read).
ParamTable read_param_table(const std::string& path, TableKind kind);

// k rows drawn by weight with replacement. Draw j uses its own stream (seed, kPosteriorDraw,
// entity j), so the draws depend only on the seed and the table, never on the scenario, and the
// first k of k + 1 draws are the k draws.
std::vector<size_t> draw_rows(const ParamTable& table, uint64_t seed, int k);

// A copy of base with the row's values set, each with origin (table file, row line); a relative
// value of base ("*= 1.5") multiplies the row's value.
Scenario with_row(const Scenario& base, const ParamTable& table, size_t row);

}  // namespace smug
