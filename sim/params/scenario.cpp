#include "params/scenario.hpp"

#include <stdexcept>

#include "core/errors.hpp"
#include "params/relative.hpp"
#include "params/value_text.hpp"

namespace smug {

Scenario::Scenario(const ParamRegistry& reg) : reg_(&reg) {
  for (const auto& p : reg.params())
    values_[p.name()] = detail::parse_value(p, p.default_value, {});
}

const ParamValue& Scenario::value(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) throw std::logic_error("no parameter named '" + name + "'");
  return it->second;
}

namespace {

// Getters are called by model code, so a mismatch is a programming error, not a user error.
const ParamValue& typed(const Scenario& s, const std::string& name,
                        std::initializer_list<ParamType> allowed, const char* getter) {
  const ParamValue& v = s.value(name);
  for (ParamType t : allowed) {
    if (v.spec->type == t) return v;
  }
  throw std::logic_error(std::string("Scenario::") + getter + "('" + name + "'): parameter is " +
                         type_name(v.spec->type));
}

}  // namespace

// An integer is a number too, so real() on it is allowed; booleans and dates are not.
double Scenario::real(const std::string& name) const {
  return typed(*this, name, {ParamType::kReal, ParamType::kInteger}, "real").schedule.initial;
}

double Scenario::real_at(const std::string& name, Date d) const {
  return typed(*this, name, {ParamType::kReal, ParamType::kInteger}, "real_at").schedule.at(d);
}

const Schedule& Scenario::schedule(const std::string& name) const {
  return typed(*this, name, {ParamType::kReal, ParamType::kInteger, ParamType::kBoolean},
               "schedule")
      .schedule;
}

long Scenario::integer(const std::string& name) const {
  return static_cast<long>(typed(*this, name, {ParamType::kInteger}, "integer").schedule.initial);
}

bool Scenario::flag(const std::string& name) const {
  return typed(*this, name, {ParamType::kBoolean}, "flag").schedule.initial != 0;
}

std::optional<Date> Scenario::date(const std::string& name) const {
  return typed(*this, name, {ParamType::kDate}, "date").date;
}

const std::string& Scenario::text(const std::string& name) const {
  return typed(*this, name, {ParamType::kText}, "text").text;
}

void Scenario::set(const std::string& name, const std::string& text, Origin origin) {
  const auto it = values_.find(name);
  if (it == values_.end()) {
    std::vector<std::string> names;
    for (const auto& [n, v] : values_) names.push_back(n);
    const std::string hint = detail::closest(name, names);
    throw InputError(origin.file, origin.line, name,
                     "unknown parameter" + (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
  }
  it->second = detail::is_relative(text) ? detail::relative_value(it->second, text, origin)
                                         : detail::parse_value(*it->second.spec, text, origin);
}

void Scenario::set_keeping_factor(const std::string& name, const std::string& text, Origin origin) {
  const std::optional<Relative> rel = value(name).relative;
  set(name, text, origin);
  if (!rel) return;
  ParamValue& v = values_.at(name);
  v.schedule = detail::apply_factor(*v.spec, v.schedule, rel->factor, rel->origin,
                                    "the value " + text + " from " + detail::origin_text(origin));
  v.relative = Relative{rel->factor, rel->origin, origin};
}

std::string Scenario::resolved_ini(bool with_origins) const {
  std::string out = "; resolved scenario";
  if (files_.empty()) {
    out += " (registry defaults only)\n";
  } else {
    out += " from, base first:\n";
    for (const auto& f : files_) out += ";   " + f.path + "\n";
  }
  for (const auto& s : reg_->sections()) {
    out += "\n[" + s.name + "]\n";
    for (const ParamSpec* p : reg_->in_section(s.name)) {
      const ParamValue& v = values_.at(p->name());
      std::string line = p->key + " = " + detail::canonical_text(v);
      if (with_origins) line += "  ; " + detail::describe_origin(v);
      out += line + "\n";
    }
  }
  return out;
}

}  // namespace smug
