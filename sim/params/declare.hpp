// A parameter table: each parameter is declared and bound in one call that names the field it
// fills (as EMOD's initConfigTypeMap), so a key is spelled once and a field of the wrong type does
// not compile. One table per params struct or measure, built once (a function-local static) and
// immutable after: declare() adds its specs to the registry, bind() fills a struct from a scenario.
//
//   const Declare<OrgParams>& table() {
//     static const Declare<OrgParams> d = Declare<OrgParams>("organisations", "doc")
//         .real("price_floor_gbp", &OrgParams::price_floor_gbp, "GBP", "2000", 100, 30000, doc,
//               source);
//     return d;
//   }
//
// Fields that are not a plain member (an array element, a date with a fallback, a parsed text)
// take a setter, a lambda (T&, value), so the key is still spelled once.
#pragma once
#include <array>
#include <boost/core/demangle.hpp>
#include <concepts>
#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/errors.hpp"
#include "params/registry.hpp"
#include "params/scenario.hpp"
#include "params/schedule.hpp"

namespace smug {

// A measure's deployment keys (enabled, start, end), declared by ParamRegistry::add_measure and
// read by the Measure base class.
struct MeasureDeployment {
  bool enabled = true;
  std::string start;
  std::string end;  // "": never ends
  std::string source;
};

template <class T>
class Declare {
 public:
  // A mechanism's section.
  Declare(std::string section, std::string doc)
      : section_(std::move(section)), doc_(std::move(doc)) {}
  // A measure's section, with its deployment keys.
  Declare(std::string section, std::string doc, MeasureDeployment deployment)
      : section_(std::move(section)), doc_(std::move(doc)), deployment_(std::move(deployment)) {}

  const std::string& section() const { return section_; }

  Declare& real(const std::string& key, double T::*field, const std::string& unit,
                const std::string& def, double lo, double hi, const std::string& doc,
                const std::string& source) {
    return real(
        key, [field](T& t, double v) { t.*field = v; }, unit, def, lo, hi, doc, source);
  }
  // One element of an array member, e.g. a role's initial members.
  template <size_t N>
  Declare& real(const std::string& key, std::array<double, N> T::*field, size_t index,
                const std::string& unit, const std::string& def, double lo, double hi,
                const std::string& doc, const std::string& source) {
    if (index >= N) throw std::logic_error(section_ + "." + key + ": array index out of range");
    return real(
        key, [field, index](T& t, double v) { (t.*field)[index] = v; }, unit, def, lo, hi, doc,
        source);
  }
  template <class F>
  requires std::invocable<const F&, T&, double> Declare& real(const std::string& key, F set,
                                                              const std::string& unit,
                                                              const std::string& def, double lo,
                                                              double hi, const std::string& doc,
                                                              const std::string& source) {
    return add(ParamType::kReal, key, unit, def, lo, hi, false, doc, source,
               [set](T& t, const Scenario& s, const std::string& name) { set(t, s.real(name)); });
  }

  // A real that may take dated changes: "120, 2022-08-30: 60".
  Declare& sched(const std::string& key, Schedule T::*field, const std::string& unit,
                 const std::string& def, double lo, double hi, const std::string& doc,
                 const std::string& source) {
    return add(
        ParamType::kReal, key, unit, def, lo, hi, true, doc, source,
        [field](T& t, const Scenario& s, const std::string& name) { t.*field = s.schedule(name); });
  }

  // Any integral field; the value is cast to the field's type.
  template <std::integral I>
  Declare& integer(const std::string& key, I T::*field, const std::string& unit,
                   const std::string& def, double lo, double hi, const std::string& doc,
                   const std::string& source) {
    return add(ParamType::kInteger, key, unit, def, lo, hi, false, doc, source,
               [field](T& t, const Scenario& s, const std::string& name) {
                 t.*field = static_cast<I>(s.integer(name));
               });
  }

  Declare& flag(const std::string& key, bool T::*field, const std::string& def,
                const std::string& doc, const std::string& source) {
    return add(
        ParamType::kBoolean, key, "", def, 0, 1, false, doc, source,
        [field](T& t, const Scenario& s, const std::string& name) { t.*field = s.flag(name); });
  }

  // A required date: an empty value is an input error naming the file and line.
  Declare& date(const std::string& key, Date T::*field, const std::string& def,
                const std::string& doc, const std::string& source) {
    return date(
        key,
        [field](T& t, const ParamValue& v) {
          if (!v.date) {
            throw InputError(v.origin.file, v.origin.line, v.spec->name(),
                             "a date YYYY-MM-DD is required");
          }
          t.*field = *v.date;
        },
        def, doc, source);
  }
  // A date that may be empty (nullopt).
  Declare& date(const std::string& key, std::optional<Date> T::*field, const std::string& def,
                const std::string& doc, const std::string& source) {
    return date(
        key, [field](T& t, const ParamValue& v) { t.*field = v.date; }, def, doc, source);
  }
  template <class F>
  requires std::invocable<const F&, T&, const ParamValue&> Declare& date(
      const std::string& key, F set, const std::string& def, const std::string& doc,
      const std::string& source) {
    return add(ParamType::kDate, key, "", def, 0, 0, false, doc, source,
               [set](T& t, const Scenario& s, const std::string& name) { set(t, s.value(name)); });
  }

  Declare& text(const std::string& key, std::string T::*field, const std::string& def,
                const std::string& doc, const std::string& source) {
    return text(
        key, [field](T& t, const ParamValue& v) { t.*field = v.text; }, def, doc, source);
  }
  // The setter gets the whole value, so a text it parses can name its file and line in an error.
  template <class F>
  requires std::invocable<const F&, T&, const ParamValue&> Declare& text(
      const std::string& key, F set, const std::string& def, const std::string& doc,
      const std::string& source) {
    return add(ParamType::kText, key, "", def, 0, 0, false, doc, source,
               [set](T& t, const Scenario& s, const std::string& name) { set(t, s.value(name)); });
  }

  // Adds the section and every parameter to the registry, in table order (the order of the
  // generated docs). Throws std::logic_error on a duplicate or an invalid default.
  void declare(ParamRegistry& reg) const {
    if (deployment_) {
      reg.add_measure(section_, doc_, deployment_->enabled, deployment_->start, deployment_->end,
                      deployment_->source);
    } else {
      reg.add_section(SectionSpec{section_, doc_, false});
    }
    for (const Entry& e : entries_) reg.add(e.spec);
  }

  // Fills every bound field of out from the scenario. First checks the table against the
  // scenario's registry, so a table and a registry that disagree fail on the first run.
  void bind(const Scenario& s, T& out) const {
    check(s.registry());
    for (const Entry& e : entries_) e.set(out, s, e.name);
  }
  T bind(const Scenario& s) const {
    T out{};
    bind(s, out);
    return out;
  }

  // Throws std::logic_error unless the registry declares every key of the table with the same
  // type, and the table binds every key the registry declares in its section (the deployment keys
  // of a measure are the Measure base class's).
  void check(const ParamRegistry& reg) const {
    if (!reg.find_section(section_)) {
      throw std::logic_error("parameter table of " + owner() + ": section '" + section_ +
                             "' is not in the registry (is its declare() called?)");
    }
    for (const Entry& e : entries_) {
      const ParamSpec* p = reg.find(section_, e.spec.key);
      if (!p) {
        throw std::logic_error("parameter table of " + owner() + " binds '" + e.name +
                               "', which the registry does not declare");
      }
      if (p->type != e.spec.type || p->schedulable != e.spec.schedulable) {
        throw std::logic_error("parameter table of " + owner() + " binds '" + e.name + "' as " +
                               type_name(e.spec.type) + ", the registry declares it " +
                               type_name(p->type) + (p->schedulable ? " (schedulable)" : ""));
      }
    }
    for (const ParamSpec* p : reg.in_section(section_)) {
      if (!binds(p->key)) {
        throw std::logic_error("parameter '" + p->name() +
                               "' is declared but bound by no field of " + owner());
      }
    }
  }

 private:
  using Setter = std::function<void(T&, const Scenario&, const std::string&)>;
  struct Entry {
    ParamSpec spec;
    std::string name;  // "section.key"
    Setter set;
  };

  Declare& add(ParamType type, const std::string& key, const std::string& unit,
               const std::string& def, double lo, double hi, bool schedulable,
               const std::string& doc, const std::string& source, Setter set) {
    ParamSpec spec{section_, key, type, unit, def, lo, hi, schedulable, doc, source, owner()};
    std::string name = spec.name();
    if (binds(key)) {
      throw std::logic_error("parameter '" + name + "' declared twice in the table of " + owner());
    }
    entries_.push_back(Entry{std::move(spec), std::move(name), std::move(set)});
    return *this;
  }

  bool binds(const std::string& key) const {
    if (deployment_ && (key == "enabled" || key == "start" || key == "end")) return true;
    for (const Entry& e : entries_)
      if (e.spec.key == key) return true;
    return false;
  }

  static std::string owner() { return boost::core::demangle(typeid(T).name()); }

  std::string section_;
  std::string doc_;
  std::optional<MeasureDeployment> deployment_;
  std::vector<Entry> entries_;
};

// The declare() and from() of a params struct T whose table is T::table(): T derives from
// ParamsOf<T>, so that its file holds only the table.
template <class T>
struct ParamsOf {
  static void declare(ParamRegistry& reg) { T::table().declare(reg); }
  static T from(const Scenario& s) { return T::table().bind(s); }
};

}  // namespace smug
