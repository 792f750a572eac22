// The study file (`smugsim study STUDY.ini`): a baseline and what-ifs run as one paired design,
// and what to report of them (docs/study.md):
//
//   ; What would 2023 have been without the returns agreement?     <- the study's question
//   [study]
//   baseline = ../baseline.ini
//   posterior = ../calibration/posterior.csv     ; optional: parameter uncertainty
//   [design]
//   seed = 20221213                  ; run.seed, replicates, scale, start, end of every scenario
//   replicates = 20
//   draws = 10                       ; posterior draws (needs posterior)
//   [report]
//   metrics = arrivals returns
//   by = year                        ; calendar periods: month, quarter or year (or none)
//   windows = 2023-01-01..2023-12-31 ; FROM..TO, several separated by commas
//   [whatifs]
//   ; Without the Joint Communique                                   <- the what-if in words
//   no_communique = ../whatifs/no_communique.ini
//   [scenario drones_2023]
//   ; Drones on the Kosovo border from January 2023
//   kosovo_drones.start = 2023-01-01  ; any parameter, over the baseline
//
// Parsed from text (no file I/O); paths are relative to the study file. Errors name the file,
// the line and the key (InputError, exit 2).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/setup_file.hpp"
#include "output/summary.hpp"

namespace smug {

struct StudyScenario {
  std::string name;  // of its run file, NAME.h5, and in the tables
  std::string file;  // the scenario file, as seen from the working folder
  int line = 0;      // where the study names it (its [scenario NAME] header for an inline one)
  std::vector<SetupEntry> settings;  // an inline scenario's section.key = value over the baseline
  std::string description;           // its comments in the study file, in words
};

struct StudyWindow {
  Date from, to;
};

struct StudySpec {
  std::string path;
  std::string question;  // the comment lines that open the file
  StudyScenario baseline;
  std::vector<StudyScenario> whatifs;
  std::string posterior;           // empty: no parameter uncertainty
  std::vector<SetupEntry> design;  // [design] less draws, keys as run.KEY
  std::optional<int> draws;
  int draws_line = 0;
  std::vector<std::string> metrics = {"arrivals", "returns"};
  std::vector<out::Period> periods = {out::Period::kYear};
  std::vector<StudyWindow> windows;
};

// Throws InputError naming file:line:key for an unknown section or key, a missing baseline, a
// scenario name that is not a word (letters, digits, '_', '-'), taken twice or "baseline", an
// inline setting that is not a parameter or belongs to [run] (the design's), draws without a
// posterior, an unknown metric or period, and a malformed window.
StudySpec parse_study(const std::string& path, const std::string& text);

}  // namespace smug
