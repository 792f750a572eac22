#include <gtest/gtest.h>

#include <stdexcept>

#include "params/scenario.hpp"
#include "test_fixture.hpp"

namespace smug {
namespace {

using test::test_registry;

InputError set_error(const std::string& name, const std::string& text) {
  Scenario s(test_registry());
  try {
    s.set(name, text, Origin{"over.ini", 7});
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an InputError setting " << name << " = " << text;
  return InputError("none");
}

TEST(Scenario, StartsFromEveryDefault) {
  const Scenario s(test_registry());
  EXPECT_EQ(s.values().size(), test_registry().params().size());
  EXPECT_EQ(s.real("boats.capacity"), 40);
  EXPECT_EQ(s.integer("boats.max_trips"), 3);
  EXPECT_FALSE(s.flag("boats.night_only"));
  EXPECT_EQ(s.date("boats.season_start"), from_ymd(2022, 4, 1));
  EXPECT_EQ(s.text("boats.label"), "base run");
  EXPECT_TRUE(s.flag("patrols.enabled"));
  EXPECT_EQ(s.date("patrols.start"), from_ymd(2022, 1, 1));
  EXPECT_EQ(s.date("patrols.end"), std::nullopt);
  EXPECT_EQ(s.real_at("patrols.intensity", from_ymd(2023, 1, 1)), 0.25);
  EXPECT_TRUE(s.value("boats.capacity").origin.file.empty());
  EXPECT_EQ(s.value("boats.capacity").spec, test_registry().find("boats.capacity"));
  EXPECT_TRUE(s.files().empty());
}

TEST(Scenario, GettersRejectUnknownNamesAndWrongTypes) {
  const Scenario s(test_registry());
  EXPECT_THROW(s.real("boats.nope"), std::logic_error);
  EXPECT_THROW(s.value("nope"), std::logic_error);
  EXPECT_THROW(s.integer("boats.capacity"), std::logic_error);
  EXPECT_THROW(s.flag("boats.capacity"), std::logic_error);
  EXPECT_THROW(s.real("boats.night_only"), std::logic_error);
  EXPECT_THROW(s.date("boats.label"), std::logic_error);
  EXPECT_THROW(s.text("boats.season_start"), std::logic_error);
  EXPECT_THROW(s.schedule("boats.season_start"), std::logic_error);
  EXPECT_EQ(s.real("boats.max_trips"), 3);  // an integer is also a number
  EXPECT_EQ(s.schedule("boats.night_only").initial, 0);
}

TEST(Scenario, SetsEveryType) {
  Scenario s(test_registry());
  s.set("boats.capacity", " 2.5e1 ", Origin{"a.ini", 3});
  EXPECT_EQ(s.real("boats.capacity"), 25);
  EXPECT_EQ(s.value("boats.capacity").text, "2.5e1");
  EXPECT_EQ(s.value("boats.capacity").origin.file, "a.ini");
  EXPECT_EQ(s.value("boats.capacity").origin.line, 3);
  s.set("boats.capacity", "+.5E+2");
  EXPECT_EQ(s.real("boats.capacity"), 50);
  s.set("boats.max_trips", "10");
  EXPECT_EQ(s.integer("boats.max_trips"), 10);
  s.set("boats.max_trips", "-0");
  EXPECT_EQ(s.integer("boats.max_trips"), 0);
  for (const char* yes : {"true", "yes", "on", "1", "TRUE", "Yes"}) {
    s.set("boats.night_only", yes);
    EXPECT_TRUE(s.flag("boats.night_only")) << yes;
  }
  for (const char* no : {"false", "no", "off", "0", "False"}) {
    s.set("boats.night_only", no);
    EXPECT_FALSE(s.flag("boats.night_only")) << no;
  }
  s.set("boats.season_start", "2024-02-29");
  EXPECT_EQ(s.date("boats.season_start"), from_ymd(2024, 2, 29));
  s.set("boats.season_start", "");
  EXPECT_EQ(s.date("boats.season_start"), std::nullopt);
  s.set("boats.label", "anything, even: 2022-01-01 commas");
  EXPECT_EQ(s.text("boats.label"), "anything, even: 2022-01-01 commas");
  s.set("patrols.intensity", "0.1, 2022-08-30: 0.5,2023-01-01:1");
  const Schedule& sch = s.schedule("patrols.intensity");
  EXPECT_EQ(sch.initial, 0.1);
  ASSERT_EQ(sch.changes.size(), 2u);
  EXPECT_EQ(s.real_at("patrols.intensity", from_ymd(2022, 8, 29)), 0.1);
  EXPECT_EQ(s.real_at("patrols.intensity", from_ymd(2022, 8, 30)), 0.5);
  EXPECT_EQ(s.real_at("patrols.intensity", from_ymd(2023, 6, 1)), 1);
  s.set("boats.night_only", "no, 2022-05-01: yes");
  EXPECT_EQ(s.schedule("boats.night_only").at(from_ymd(2022, 5, 1)), 1);
}

TEST(Scenario, SetRejectsBadTextNamingOriginAndKey) {
  struct Case {
    const char* name;
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"boats.capacity", "many", "expected a number"},
      {"boats.capacity", "", "got an empty value"},
      {"boats.capacity", "nan", "expected a number"},
      {"boats.capacity", "0x10", "expected a number"},
      {"boats.capacity", "1e999", "out of range"},
      {"boats.capacity", "101", "outside the allowed range [1, 100] people"},
      {"boats.max_trips", "2.5", "expected a whole number"},
      {"boats.max_trips", "11", "outside the allowed range [0, 10] trips"},
      {"boats.night_only", "maybe", "expected true or false"},
      {"boats.season_start", "01/04/2022", "YYYY-MM-DD"},
      {"boats.season_start", "2022-02-30", "YYYY-MM-DD"},
      {"boats.season_start", "2022-01-01, 2023-01-01", "not schedulable"},
      {"boats.share_paid", "0.1, 2022-01-01: 0.2", "not schedulable"},
      {"patrols.intensity", "0.1, 2022-08-30: 0.5, 2022-08-30: 0.6", "strictly increasing"},
      {"patrols.intensity", "0.1, 2022-08-30: 0.5, 2022-01-01: 0.6", "strictly increasing"},
      {"patrols.intensity", "0.1, 2022-08-30: 1.5", "outside the allowed range [0, 1] share"},
      {"patrols.intensity", "0.1, 30/08/2022: 0.5", "YYYY-MM-DD"},
      {"patrols.intensity", "0.1, 0.5", "expected a dated change"},
      {"patrols.intensity", "0.1,", "expected a dated change"},
  };
  for (const auto& c : cases) {
    const InputError e = set_error(c.name, c.text);
    EXPECT_EQ(e.file(), "over.ini") << c.text;
    EXPECT_EQ(e.line(), 7) << c.text;
    EXPECT_EQ(e.key(), c.name) << c.text;
    EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos)
        << c.name << " = " << c.text << ": " << e.what();
  }
}

TEST(Scenario, SetUnknownNameSuggests) {
  const InputError e = set_error("boats.capacty", "3");
  EXPECT_EQ(e.key(), "boats.capacty");
  EXPECT_NE(std::string(e.what()).find("did you mean 'boats.capacity'?"), std::string::npos);
}

TEST(Scenario, ResolvedIniShowsOrigins) {
  Scenario s(test_registry());
  s.set("boats.capacity", "25", Origin{"a.ini", 3});
  s.add_file({"a.ini", "[boats]\n\n\ncapacity = 25\n"});
  const std::string ini = s.resolved_ini(true);
  EXPECT_NE(ini.find(";   a.ini\n"), std::string::npos);
  EXPECT_NE(ini.find("[boats]\ncapacity = 25  ; from a.ini:3\n"), std::string::npos);
  EXPECT_NE(ini.find("max_trips = 3  ; default\n"), std::string::npos);
  EXPECT_NE(ini.find("end =   ; default\n"), std::string::npos);
  const std::string bare = s.resolved_ini(false);
  EXPECT_EQ(bare.find("; default"), std::string::npos);
  EXPECT_NE(bare.find("night_only = false\n"), std::string::npos);
}

TEST(Scenario, ResolvedIniParsesBackToTheSameValues) {
  Scenario s(test_registry());
  s.set("patrols.intensity", "0.1,2022-08-30:0.5");
  s.set("boats.night_only", "on, 2022-05-01: off");
  s.set("boats.capacity", "1.5e1");
  s.set("patrols.end", "2024-01-01");
  for (bool origins : {true, false}) {
    test::MemFiles fs;
    fs.files["r.ini"] = s.resolved_ini(origins);
    const Scenario back = test::parse(fs, "r.ini");
    for (const auto& [name, v] : s.values()) {
      const ParamValue& b = back.value(name);
      EXPECT_EQ(b.schedule.initial, v.schedule.initial) << name;
      EXPECT_EQ(b.schedule.changes, v.schedule.changes) << name;
      EXPECT_EQ(b.date, v.date) << name;
      if (v.spec->type == ParamType::kText) {
        EXPECT_EQ(b.text, v.text) << name;
      }
    }
    EXPECT_EQ(back.schedule("patrols.intensity").to_string(), "0.1, 2022-08-30: 0.5");
  }
}

}  // namespace
}  // namespace smug
