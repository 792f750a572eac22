// The parameter registry: every parameter of the model is declared once, here or in the
// mechanism's own file, with its type, unit, default, range, doc and source. Scenario validation,
// `smugsim params --markdown` (docs/parameters.md) and the run file's parameter record all read
// from it, so a parameter cannot exist without documentation.
#pragma once
#include <string>
#include <vector>

namespace smug {

enum class ParamType { kReal, kInteger, kBoolean, kDate, kText };
const char* type_name(ParamType t);

struct ParamSpec {
  std::string section;  // INI section, e.g. "joint_communique"
  std::string key;      // key within the section, e.g. "grant_rate"
  ParamType type = ParamType::kReal;
  std::string unit;           // "days", "GBP", "share", "per day", "" for dimensionless
  std::string default_value;  // written as in a scenario file: "0.15", "2022-12-13", "true"
  double min = 0;             // inclusive range, for kReal and kInteger
  double max = 0;
  bool schedulable = false;  // may take dated changes: "120, 2022-08-30: 60"
  std::string doc;           // one line: what it is and what it acts on
  std::string source;        // data source id (scenarios/data/SOURCES.md) or "prior: reason"
  // The struct or measure whose table (params/declare.hpp) reads it into a field; empty for a
  // parameter declared by hand, which no model code reads.
  std::string bound_by = {};

  std::string name() const { return section + "." + key; }
};

// Describes a section (a mechanism or a measure) for documentation and error messages.
struct SectionSpec {
  std::string name;
  std::string doc;
  bool is_measure = false;
};

class ParamRegistry {
 public:
  // Throws std::logic_error on a duplicate name or an invalid default: both are programming errors.
  void add_section(SectionSpec s);
  void add(ParamSpec p);

  // Declares a measure's section with its deployment keys: enabled, start and end.
  // end defaults to "" (never ends).
  void add_measure(const std::string& section, const std::string& doc, bool enabled,
                   const std::string& start, const std::string& end, const std::string& source);

  const ParamSpec* find(const std::string& section, const std::string& key) const;
  const ParamSpec* find(const std::string& full_name) const;
  const SectionSpec* find_section(const std::string& name) const;
  const std::vector<ParamSpec>& params() const { return params_; }
  const std::vector<SectionSpec>& sections() const { return sections_; }
  std::vector<const ParamSpec*> in_section(const std::string& section) const;

 private:
  std::vector<SectionSpec> sections_;
  std::vector<ParamSpec> params_;
};

// Markdown reference of every parameter, grouped by section (docs/parameters.md).
std::string registry_markdown(const ParamRegistry& reg);

}  // namespace smug
