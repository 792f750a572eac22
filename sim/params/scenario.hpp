// A resolved scenario: every registered parameter with its value and where that value came from
// (file and line, or the registry default). Built from INI text by parse_scenario(); the model
// reads only this object. No file I/O here: files are fetched through a FileLoader the caller
// supplies, so the library stays pure and tests can feed text directly.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "params/registry.hpp"
#include "params/schedule.hpp"

namespace smug {

struct Origin {
  std::string file;  // empty: the registry default
  int line = 0;
  // Set inside a file's `; BEGIN CALIBRATED` .. `; END CALIBRATED` block: a value the calibration
  // wrote, which a posterior's draws replace by design (params/relative.hpp).
  bool calibrated = false;
};

// A value written relative to the one before it ("*= 1.5", "*= 2, 2024-01-01: *= 1"): kept so
// that the factor can be applied again to each posterior draw instead of being lost.
struct Relative {
  Schedule factor;  // product of every factor the chain of files wrote
  Origin origin;    // the last relative line
  Origin base;      // where the value it multiplies came from (empty file: the default)
};

struct ParamValue {
  const ParamSpec* spec = nullptr;
  std::string text;          // as written (trimmed) or the default
  Schedule schedule;         // kReal, kInteger, kBoolean (0/1)
  std::optional<Date> date;  // kDate; nullopt for an empty date (e.g. a measure without end)
  Origin origin;
  std::optional<Relative> relative;  // set when the value was written "*= factor"
};

struct SourceFile {
  std::string path;  // as resolved (relative to the working directory or absolute)
  std::string text;
};

class Scenario {
 public:
  // Every parameter set to its registry default.
  explicit Scenario(const ParamRegistry& reg);

  const ParamRegistry& registry() const { return *reg_; }

  // Typed access by full name "section.key". Throws std::logic_error for an unregistered name or a
  // type mismatch (a programming error, not a user error).
  double real(const std::string& name) const;             // value before any dated change
  double real_at(const std::string& name, Date d) const;  // value on day d
  const Schedule& schedule(const std::string& name) const;
  long integer(const std::string& name) const;
  bool flag(const std::string& name) const;
  std::optional<Date> date(const std::string& name) const;
  const std::string& text(const std::string& name) const;
  const ParamValue& value(const std::string& name) const;

  // Sets a value from its text as in a scenario file, validating it like the parser does. A text
  // starting "*=" multiplies the current value (params/relative.hpp). Throws InputError (with
  // origin's file and line) on bad input.
  void set(const std::string& name, const std::string& text, Origin origin = {});

  // Sets a value that replaces the parameter's (a posterior draw), then applies the factor of a
  // relative value to it, so "campaign *= 1.5" scales each draw.
  void set_keeping_factor(const std::string& name, const std::string& text, Origin origin);

  const std::map<std::string, ParamValue>& values() const { return values_; }
  const std::vector<SourceFile>& files() const { return files_; }
  void add_file(SourceFile f) { files_.push_back(std::move(f)); }

  // The resolved scenario as INI text with every value, one "; from file:line" comment each.
  std::string resolved_ini(bool with_origins) const;

 private:
  const ParamRegistry* reg_;
  std::map<std::string, ParamValue> values_;
  std::vector<SourceFile> files_;
};

// Returns the file's text, or nullopt if it cannot be read.
using FileLoader = std::function<std::optional<std::string>(const std::string& path)>;

// Parses a scenario file and the chain of files it extends (`extends = other.ini`, relative to the
// extending file; later files override earlier). Throws InputError naming file, line and key for:
// unknown key (with a did-you-mean), unknown section, duplicate key, wrong type, out of range,
// bad date, schedule dates not increasing, dated values on a non-schedulable key, missing extended
// file, extends cycle, empty or binary file.
Scenario parse_scenario(const std::string& path, const FileLoader& load, const ParamRegistry& reg);

// Edit distance, for did-you-mean suggestions.
size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace smug
