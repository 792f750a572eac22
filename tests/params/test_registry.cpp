#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "measures/assemble.hpp"
#include "params/registry.hpp"
#include "params/value_text.hpp"
#include "test_fixture.hpp"

namespace smug {
namespace {

ParamSpec real_spec(std::string key, std::string def) {
  return {.section = "boats",
          .key = std::move(key),
          .type = ParamType::kReal,
          .unit = "",
          .default_value = std::move(def),
          .min = 0,
          .max = 1,
          .doc = "d",
          .source = "s"};
}

TEST(Registry, FindsByKeyAndFullName) {
  const ParamRegistry& reg = test::test_registry();
  ASSERT_NE(reg.find("boats", "capacity"), nullptr);
  EXPECT_EQ(reg.find("boats.capacity"), reg.find("boats", "capacity"));
  EXPECT_EQ(reg.find("boats.capacity")->unit, "people");
  EXPECT_EQ(reg.find("boats.nope"), nullptr);
  EXPECT_EQ(reg.find("capacity"), nullptr);
  EXPECT_EQ(reg.in_section("boats").size(), 6u);
  EXPECT_EQ(reg.in_section("boats")[0]->key, "capacity");
  EXPECT_TRUE(reg.in_section("none").empty());
  ASSERT_NE(reg.find_section("boats"), nullptr);
  EXPECT_FALSE(reg.find_section("boats")->is_measure);
}

TEST(Registry, MeasureDeclaresDeploymentKeys) {
  const ParamRegistry& reg = test::test_registry();
  ASSERT_NE(reg.find_section("patrols"), nullptr);
  EXPECT_TRUE(reg.find_section("patrols")->is_measure);
  const ParamSpec* enabled = reg.find("patrols.enabled");
  const ParamSpec* start = reg.find("patrols.start");
  const ParamSpec* end = reg.find("patrols.end");
  ASSERT_TRUE(enabled && start && end);
  EXPECT_EQ(enabled->type, ParamType::kBoolean);
  EXPECT_EQ(enabled->default_value, "true");
  EXPECT_EQ(start->type, ParamType::kDate);
  EXPECT_EQ(start->default_value, "2022-01-01");
  EXPECT_EQ(end->type, ParamType::kDate);
  EXPECT_EQ(end->default_value, "");
  EXPECT_EQ(end->source, "prior: test");
}

TEST(Registry, RejectsDuplicatesAndBadDeclarations) {
  ParamRegistry reg;
  reg.add_section({.name = "boats", .doc = "b"});
  EXPECT_THROW(reg.add_section({.name = "boats", .doc = "again"}), std::logic_error);
  reg.add(real_spec("a", "0.5"));
  EXPECT_THROW(reg.add(real_spec("a", "0.5")), std::logic_error);
  EXPECT_THROW(reg.add(real_spec("b", "1.5")), std::logic_error);        // default out of range
  EXPECT_THROW(reg.add(real_spec("c", "half")), std::logic_error);       // default not a number
  EXPECT_THROW(reg.add(real_spec("Bad Key", "0.5")), std::logic_error);  // name
  ParamSpec orphan = real_spec("d", "0.5");
  orphan.section = "undeclared";
  EXPECT_THROW(reg.add(orphan), std::logic_error);
  ParamSpec undocumented = real_spec("e", "0.5");
  undocumented.doc = "";
  EXPECT_THROW(reg.add(undocumented), std::logic_error);
  ParamSpec unsourced = real_spec("f", "0.5");
  unsourced.source = "";
  EXPECT_THROW(reg.add(unsourced), std::logic_error);
  ParamSpec date = real_spec("g", "2022-13-01");
  date.type = ParamType::kDate;
  EXPECT_THROW(reg.add(date), std::logic_error);  // impossible default date
  date.default_value = "2022-12-01";
  date.schedulable = true;
  EXPECT_THROW(reg.add(date), std::logic_error);  // dates cannot be schedulable
  EXPECT_THROW(reg.add_measure("boats", "clash", true, "", "", "s"), std::logic_error);
  EXPECT_EQ(reg.params().size(), 1u);
}

TEST(Registry, TypeNames) {
  EXPECT_STREQ(type_name(ParamType::kReal), "real");
  EXPECT_STREQ(type_name(ParamType::kInteger), "integer");
  EXPECT_STREQ(type_name(ParamType::kBoolean), "boolean");
  EXPECT_STREQ(type_name(ParamType::kDate), "date");
  EXPECT_STREQ(type_name(ParamType::kText), "text");
}

TEST(Registry, MarkdownHasIntroSectionsAndRows) {
  const std::string md = registry_markdown(test::test_registry());
  EXPECT_EQ(md.rfind("# smugsim parameters\n", 0), 0u);
  EXPECT_NE(md.find("2022-08-30"), std::string::npos);  // the schedule syntax is explained
  EXPECT_NE(md.find("## [boats]\n\nboat crossings\n"), std::string::npos);
  EXPECT_NE(md.find("## [patrols] (measure)"), std::string::npos);
  EXPECT_NE(md.find("| key | type | unit | default | range | schedulable | description | source |"),
            std::string::npos);
  EXPECT_NE(md.find("| `capacity` | real | people | `40` | 1 to 100 | yes | people per boat | "
                    "prior: test |"),
            std::string::npos);
  EXPECT_NE(md.find("| `end` | date |  |  |  | no |"), std::string::npos);
}

// The ids of scenarios/data/SOURCES.md: the first cell of each table row ("A, B" lists several).
std::set<std::string> source_ids() {
  std::ifstream in(SMUG_SOURCE_DIR "/scenarios/data/SOURCES.md");
  std::set<std::string> ids;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| ", 0) != 0) continue;
    std::stringstream cell(line.substr(2, line.find(" |", 2) - 2));
    for (std::string id; std::getline(cell, id, ',');) ids.insert(std::string(detail::trim(id)));
  }
  return ids;
}

// A source is a stated prior ("prior: reason") or names a data source first ("HO-ASY: 11%").
bool known_source(const std::string& source, const std::set<std::string>& ids) {
  if (source.rfind("prior", 0) == 0) return true;
  const std::string first = source.substr(0, source.find_first_of(" :;,("));
  return ids.count(first) > 0;
}

TEST(Registry, EveryModelParameterHasUnitDocSourceAndADefaultInItsRange) {
  const std::set<std::string> ids = source_ids();
  ASSERT_TRUE(ids.count("HO-DAILY") && ids.count("MODEL")) << "SOURCES.md not read";
  const ParamRegistry& reg = model_registry();
  ASSERT_GT(reg.params().size(), 100u);
  for (const ParamSpec& p : reg.params()) {
    SCOPED_TRACE(p.name());
    EXPECT_FALSE(p.doc.empty());
    EXPECT_TRUE(known_source(p.source, ids)) << "source '" << p.source << "'";
    const bool numeric = p.type == ParamType::kReal || p.type == ParamType::kInteger;
    if (!numeric) continue;
    // A number has a unit; a dimensionless one says which ("share", "factor", "probability").
    EXPECT_FALSE(p.unit.empty());
    EXPECT_LT(p.min, p.max);
    const ParamValue v = detail::parse_value(p, p.default_value, Origin{});
    EXPECT_GE(v.schedule.initial, p.min);
    EXPECT_LE(v.schedule.initial, p.max);
    for (const auto& [date, value] : v.schedule.changes) {
      EXPECT_GE(value, p.min);
      EXPECT_LE(value, p.max);
    }
  }
}

}  // namespace
}  // namespace smug
