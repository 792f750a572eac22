// The set-up files of the commands that drive many runs (calibration, sensitivity): sections of
// 'key = value ; note' lines, each entry kept with its line so that every error names the file,
// the line and the key. Scenario files have their own, stricter parser (params/scenario.hpp);
// these files name scenarios and settings, not parameters' values.
#pragma once
#include <string>
#include <vector>

namespace smug {

// One 'key = value ; note' line of a set-up file, with where it stands.
struct SetupEntry {
  std::string path;
  int line = 0;
  std::string section, key, value, note;  // note: the text after ';', trimmed

  [[noreturn]] void fail(const std::string& why) const;
  double number(const std::string& text) const;  // text as a finite or infinite real
  int integer(int lo, int hi) const;             // the value as a whole number in [lo, hi]
};

// The entries in file order. A section "NAME *" in `sections` admits every "NAME WORD" (one
// word: "[scenario no_deal]"), the entries' section then being the whole header. Throws
// InputError for a section not in `sections`, a malformed
// header, a line without '=', a key outside any section or a key given twice in one section.
std::vector<SetupEntry> scan_setup(const std::string& path, const std::string& text,
                                   const std::vector<std::string>& sections);

}  // namespace smug
