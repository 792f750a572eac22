// Short-hand for declaring parameters in a mechanism's own file.
#pragma once
#include <string>

#include "params/registry.hpp"

namespace smug {

class Declare {
 public:
  Declare(ParamRegistry& reg, std::string section, const std::string& doc) : reg_(reg) {
    section_ = std::move(section);
    reg_.add_section(SectionSpec{section_, doc, false});
  }
  // For a measure: the section is declared by add_measure.
  Declare(ParamRegistry& reg, std::string section) : reg_(reg), section_(std::move(section)) {}

  Declare& real(const std::string& key, const std::string& unit, const std::string& def, double lo,
                double hi, const std::string& doc, const std::string& source,
                bool schedulable = false) {
    reg_.add(ParamSpec{section_, key, ParamType::kReal, unit, def, lo, hi, schedulable, doc, source});
    return *this;
  }
  Declare& sched(const std::string& key, const std::string& unit, const std::string& def, double lo,
                 double hi, const std::string& doc, const std::string& source) {
    return real(key, unit, def, lo, hi, doc, source, true);
  }
  Declare& integer(const std::string& key, const std::string& unit, const std::string& def,
                   double lo, double hi, const std::string& doc, const std::string& source) {
    reg_.add(
        ParamSpec{section_, key, ParamType::kInteger, unit, def, lo, hi, false, doc, source});
    return *this;
  }
  Declare& flag(const std::string& key, const std::string& def, const std::string& doc,
                const std::string& source) {
    reg_.add(ParamSpec{section_, key, ParamType::kBoolean, "", def, 0, 1, false, doc, source});
    return *this;
  }
  Declare& date(const std::string& key, const std::string& def, const std::string& doc,
                const std::string& source) {
    reg_.add(ParamSpec{section_, key, ParamType::kDate, "", def, 0, 0, false, doc, source});
    return *this;
  }
  Declare& text(const std::string& key, const std::string& def, const std::string& doc,
                const std::string& source) {
    reg_.add(ParamSpec{section_, key, ParamType::kText, "", def, 0, 0, false, doc, source});
    return *this;
  }

 private:
  ParamRegistry& reg_;
  std::string section_;
};

}  // namespace smug
