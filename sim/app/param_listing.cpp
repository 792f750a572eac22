#include "app/param_listing.hpp"

#include "app/text_table.hpp"
#include "params/relative.hpp"
#include "params/value_text.hpp"

namespace smug {

void print_search_hits(std::ostream& out, const std::vector<SearchHit>& hits,
                       const std::string& words) {
  if (hits.empty()) {
    out << "no parameter matches '" << words << "' (try fewer or shorter words)\n";
    return;
  }
  out << hits.size() << " parameters match '" << words << "', best first:\n\n";
  for (const SearchHit& h : hits) {
    const ParamSpec& p = *h.spec;
    out << p.name() << " = " << p.default_value << "  (" << type_name(p.type);
    if (const std::string r = detail::range_text(p); !r.empty()) out << " " << r;
    out << (p.schedulable ? ", schedulable" : "") << ")\n    " << p.doc << "\n";
  }
}

void print_resolved_values(std::ostream& out, const Scenario& scenario,
                           const std::vector<const ParamSpec*>& specs) {
  std::vector<std::vector<std::string>> rows{{"parameter", "value", "origin", "calibrated"}};
  for (const ParamSpec* p : specs) {
    const ParamValue& v = scenario.value(p->name());
    rows.push_back({p->name(), detail::canonical_text(v), detail::describe_origin(v),
                    detail::from_calibration(v) ? "yes" : "no"});
  }
  print_columns(out, rows, [](size_t) { return true; });
}

}  // namespace smug
