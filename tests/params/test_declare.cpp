#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "measures/measure.hpp"
#include "model/model_params.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

struct Boats {
  double capacity = 0;
  std::array<double, 2> crew{};
  long trips = 0;
  int max_trips = 0;
  bool night_only = false;
  Date season_start;
  std::optional<Date> season_end;
  std::string label;
  Schedule patrols;
  int label_length = 0;
};

Declare<Boats> boats_table() {
  return Declare<Boats>("boats", "boat crossings")
      .real("capacity", &Boats::capacity, "people", "40", 1, 100, "people per boat", "prior")
      .real("crew_pilot", &Boats::crew, 0, "people", "1", 0, 5, "pilots per boat", "prior")
      .real("crew_bailer", &Boats::crew, 1, "people", "2", 0, 5, "bailers per boat", "prior")
      .integer("trips", &Boats::trips, "trips", "7", 0, 100, "trips per week", "prior")
      .integer("max_trips", &Boats::max_trips, "trips", "3", 0, 10, "attempts", "prior")
      .flag("night_only", &Boats::night_only, "true", "crossings at night only", "prior")
      .date("season_start", &Boats::season_start, "2022-04-01", "first day", "prior")
      .date("season_end", &Boats::season_end, "", "first day after", "prior")
      .text("label", &Boats::label, "base run", "free text", "prior")
      .sched("patrols", &Boats::patrols, "boats", "2, 2022-06-01: 3", 0, 10, "patrol boats",
             "prior")
      .text(
          "label_twice",
          [](Boats& b, const ParamValue& v) { b.label_length = static_cast<int>(v.text.size()); },
          "abc", "a text parsed by a setter", "prior");
}

ParamRegistry registry_of(const Declare<Boats>& table) {
  ParamRegistry reg;
  table.declare(reg);
  return reg;
}

// Runs f and returns the message of the std::logic_error it throws ("" if none).
template <class F>
std::string logic_error_of(F f) {
  try {
    f();
  } catch (const std::logic_error& e) {
    return e.what();
  }
  return "";
}

TEST(Declare, DeclaresInTableOrderWithTheFieldsOwner) {
  const ParamRegistry reg = registry_of(boats_table());
  ASSERT_NE(reg.find_section("boats"), nullptr);
  EXPECT_FALSE(reg.find_section("boats")->is_measure);
  const auto specs = reg.in_section("boats");
  ASSERT_EQ(specs.size(), 11u);
  EXPECT_EQ(specs[0]->key, "capacity");
  EXPECT_EQ(specs[1]->key, "crew_pilot");
  EXPECT_EQ(specs[9]->key, "patrols");
  EXPECT_TRUE(specs[9]->schedulable);
  EXPECT_FALSE(specs[0]->schedulable);
  EXPECT_EQ(specs[3]->type, ParamType::kInteger);
  EXPECT_EQ(specs[5]->type, ParamType::kBoolean);
  EXPECT_EQ(specs[6]->type, ParamType::kDate);
  EXPECT_EQ(specs[8]->type, ParamType::kText);
  for (const ParamSpec* p : specs) EXPECT_EQ(p->bound_by, "smug::(anonymous namespace)::Boats");
}

TEST(Declare, BindsEveryKindOfField) {
  const Declare<Boats> table = boats_table();
  const ParamRegistry reg = registry_of(table);
  Scenario s(reg);
  s.set("boats.capacity", "45");
  s.set("boats.crew_bailer", "3");
  s.set("boats.trips", "9");
  s.set("boats.season_end", "2022-10-01");
  s.set("boats.label_twice", "abcdef");
  const Boats b = table.bind(s);
  EXPECT_EQ(b.capacity, 45);
  EXPECT_EQ(b.crew[0], 1);
  EXPECT_EQ(b.crew[1], 3);
  EXPECT_EQ(b.trips, 9);
  EXPECT_EQ(b.max_trips, 3);
  EXPECT_TRUE(b.night_only);
  EXPECT_EQ(b.season_start, *parse_date("2022-04-01"));
  ASSERT_TRUE(b.season_end);
  EXPECT_EQ(*b.season_end, *parse_date("2022-10-01"));
  EXPECT_EQ(b.label, "base run");
  EXPECT_EQ(b.patrols.initial, 2);
  ASSERT_EQ(b.patrols.changes.size(), 1u);
  EXPECT_EQ(b.patrols.changes[0].second, 3);
  EXPECT_EQ(b.label_length, 6);
}

TEST(Declare, EmptyRequiredDateIsAnInputError) {
  const Declare<Boats> table = boats_table();
  const ParamRegistry reg = registry_of(table);
  Scenario s(reg);
  s.set("boats.season_start", "", Origin{"a.ini", 4});
  try {
    table.bind(s);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "a.ini");
    EXPECT_EQ(e.line(), 4);
    EXPECT_EQ(e.key(), "boats.season_start");
  }
}

TEST(Declare, KeyDeclaredTwiceInATableFailsWhenTheTableIsBuilt) {
  const std::string msg = logic_error_of([] {
    boats_table().real("capacity", &Boats::capacity, "people", "40", 1, 100, "again", "prior");
  });
  EXPECT_NE(msg.find("'boats.capacity' declared twice"), std::string::npos) << msg;
  // A measure's table cannot declare the deployment keys the registry gives every measure.
  struct M {
    bool on = false;
  };
  const std::string deployment = logic_error_of([] {
    Declare<M>("m", "doc", {.enabled = true, .start = "", .end = "", .source = "s"})
        .flag("enabled", &M::on, "true", "doc", "s");
  });
  EXPECT_NE(deployment.find("'m.enabled' declared twice"), std::string::npos) << deployment;
  // Two tables of one section: the registry refuses the second.
  ParamRegistry reg = registry_of(boats_table());
  EXPECT_THROW(boats_table().declare(reg), std::logic_error);
}

TEST(Declare, BindingAKeyTheRegistryLacksFailsWithItsName) {
  const ParamRegistry reg = registry_of(boats_table());
  const Scenario s(reg);
  const Declare<Boats> typo =
      boats_table().real("capacty", &Boats::capacity, "people", "40", 1, 100, "a typo", "prior");
  const std::string msg = logic_error_of([&] { typo.bind(s); });
  EXPECT_NE(msg.find("binds 'boats.capacty', which the registry does not declare"),
            std::string::npos)
      << msg;
  const Declare<Boats> elsewhere("ships", "another section");
  EXPECT_NE(logic_error_of([&] { elsewhere.bind(s); }).find("section 'ships' is not in the"),
            std::string::npos);
}

TEST(Declare, BindingWithAnotherTypeFails) {
  ParamRegistry reg;
  Declare<Boats>("boats", "b")
      .real("trips", &Boats::capacity, "trips", "7", 0, 100, "as a real", "prior")
      .declare(reg);
  const Scenario s(reg);
  const Declare<Boats> table =
      Declare<Boats>("boats", "b")
          .integer("trips", &Boats::trips, "trips", "7", 0, 100, "as an integer", "prior");
  const std::string msg = logic_error_of([&] { table.bind(s); });
  EXPECT_NE(msg.find("binds 'boats.trips' as integer, the registry declares it real"),
            std::string::npos)
      << msg;
}

TEST(Declare, AKeyOfTheSectionThatNoFieldBindsFails) {
  ParamRegistry reg = registry_of(boats_table());
  reg.add({.section = "boats",
           .key = "by_hand",
           .type = ParamType::kReal,
           .unit = "",
           .default_value = "1",
           .min = 0,
           .max = 2,
           .doc = "declared without a field",
           .source = "prior"});
  const Scenario s(reg);
  const std::string msg = logic_error_of([&] { boats_table().bind(s); });
  EXPECT_NE(msg.find("'boats.by_hand' is declared but bound by no field"), std::string::npos)
      << msg;
}

// The model's registry: every key is read into a field by the table that declared it (or, for a
// measure's enabled, start and end, by the Measure base class), and every table binds cleanly.
TEST(Declare, EveryModelParameterIsBoundToAField) {
  const ParamRegistry& reg = model_registry();
  ASSERT_FALSE(reg.params().empty());
  for (const ParamSpec& p : reg.params()) EXPECT_FALSE(p.bound_by.empty()) << p.name();
  const Scenario s(reg);
  EXPECT_NO_THROW(ModelParams::from(s));
  EXPECT_EQ(make_measures(s).size(), measure_entries().size());
}

}  // namespace
}  // namespace smug
