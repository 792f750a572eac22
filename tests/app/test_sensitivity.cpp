// `smugsim sensitivity` on the real binary at a small scale (2 trajectories or 2 base samples of 2
// parameters, one replicate, a horizon ending 2023): it runs end to end and reports one row per
// parameter and output with sim/analysis's headers; a parameter the model does not read in the
// window has mu* exactly 0; a paired set-up of one scenario with itself has effects exactly 0;
// bad set-ups are refused naming file:line:key; a resumed analysis gives the same file.
#include <signal.h>

#include <chrono>
#include <regex>
#include <thread>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "app/sensitivity_setup.hpp"
#include "binary_support.hpp"
#include "measures/assemble.hpp"
#include "output/sensfile.hpp"
#include "whatif_support.hpp"

namespace smug {
namespace {

using binary::checkpoints_in;
using binary::read_text;
using binary::spawn;
using binary::wait_exit_code;
using whatif::Scratch;

// kosovo_drones starts on 2024-05-15 (scenarios/baseline.ini): its detection is not read before,
// so over a horizon ending 2023 it cannot move any output.
constexpr const char* kParameters =
    "[parameters]\n"
    "decision.intercept = -7.6 -6.4\n"
    "kosovo_drones.detect = 0 0.5\n"
    "[outputs]\n"
    "arrivals_2023 = arrivals 2023-01-01 2023-12-31\n"
    "returns_2023 = returns 2023-01-01 2023-12-31\n";

class Sensitivity : public testing::Test {
 protected:
  void SetUp() override {
    dir_.write("short.ini", "extends = " + whatif::baseline() + "\n[run]\nend = 2023-12-31\n");
  }
  std::string setup(const std::string& name, const std::string& settings) {
    return dir_.write(name, "[sensitivity]\nscenario = short.ini\n" + settings + kParameters);
  }
  int run(std::vector<std::string> args, const std::string& log = "log.txt") {
    args.insert(args.begin(), "sensitivity");
    for (const char* a : {"--scale", "0.05", "--threads", "2", "-q"}) args.push_back(a);
    return wait_exit_code(spawn(args, dir_.file(log)));
  }
  std::string report_csv(const std::string& file) {
    const std::string log = dir_.file("report.txt");
    EXPECT_EQ(wait_exit_code(spawn({"sensitivity", "--report", file, "--csv"}, log)), 0);
    return read_text(log);
  }
  Scratch dir_{"sensitivity"};
};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

TEST_F(Sensitivity, MorrisRunsEndToEndAndTheUnreadParameterHasMuStarZero) {
  const std::string s = setup("morris.ini", "trajectories = 2\nreplicates = 1\n");
  ASSERT_EQ(run({s, "-o", dir_.file("m.h5")}), 0) << read_text(dir_.file("log.txt"));
  const auto csv = lines(report_csv(dir_.file("m.h5")));
  ASSERT_EQ(csv.size(), 5u);
  EXPECT_EQ(csv[0], "parameter,output,mu_star,mu_star_lo,mu_star_hi,sigma");
  EXPECT_EQ(csv[1].rfind("decision.intercept,arrivals_2023,", 0), 0u);
  EXPECT_EQ(csv[2], "kosovo_drones.detect,arrivals_2023,0,0,0,0");
  EXPECT_EQ(csv[4], "kosovo_drones.detect,returns_2023,0,0,0,0");

  const out::SensitivityRecord rec = out::read_sensitivity_file(dir_.file("m.h5"));
  EXPECT_EQ(rec.method, "morris");
  EXPECT_EQ(rec.points(), 2u * 3u);  // r (k + 1)
  EXPECT_GT(rec.index(0, 0, 1), 0);  // the intercept moves 2023's arrivals
  EXPECT_EQ(rec.attributes.at("setup_text"), read_text(s));
  EXPECT_EQ(rec.attributes.at("replicates_per_point"), "1");
  EXPECT_TRUE(rec.attributes.count("software_version"));
}

TEST_F(Sensitivity, SobolRunsEndToEndWithOneRowPerParameterAndOutput) {
  const std::string s = setup("sobol.ini", "method = sobol\nsamples = 2\nreplicates = 1\n");
  ASSERT_EQ(run({s, "-o", dir_.file("s.h5")}), 0) << read_text(dir_.file("log.txt"));
  const auto csv = lines(report_csv(dir_.file("s.h5")));
  ASSERT_EQ(csv.size(), 5u);
  EXPECT_EQ(csv[0], "parameter,output,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi");
  EXPECT_EQ(csv[3].rfind("decision.intercept,returns_2023,", 0), 0u);
  EXPECT_EQ(out::read_sensitivity_file(dir_.file("s.h5")).points(), 2u * 4u);  // N (k + 2)
}

TEST_F(Sensitivity, PairedWithItselfGivesEffectsIdenticallyZero) {
  const std::string s =
      setup("paired.ini", "compare = short.ini\ntrajectories = 2\nreplicates = 1\n");
  ASSERT_EQ(run({s, "-o", dir_.file("p.h5")}), 0) << read_text(dir_.file("log.txt"));
  const out::SensitivityRecord rec = out::read_sensitivity_file(dir_.file("p.h5"));
  ASSERT_EQ(rec.point_outputs.size(), 6u * 2u);
  for (double y : rec.point_outputs) EXPECT_EQ(y, 0);
  for (double x : rec.indices) EXPECT_EQ(x, 0);
}

// Integers, dates and choices vary in the values they can take: the design the runner reads has
// whole numbers, dates and the choices' texts, and every point ran.
TEST_F(Sensitivity, IntegerDateAndChoiceParametersRunAtValuesTheyCanTake) {
  const std::string s = dir_.write(
      "kinds.ini",
      "[sensitivity]\nscenario = short.ini\ntrajectories = 2\nreplicates = 1\n[parameters]\n"
      "organisations.initial = 1 6\norganisations.credit_from = 2022-03-01 2022-07-01\n"
      "organisations.entry_form = coin rate\n[outputs]\n"
      "arrivals_2023 = arrivals 2023-01-01 2023-12-31\n");
  ASSERT_EQ(run({s, "-o", dir_.file("k.h5")}), 0) << read_text(dir_.file("log.txt"));
  const auto design = lines(read_text(dir_.file("k.runs/design.csv")));
  ASSERT_EQ(design.size(), 1u + 2u * 4u);  // header, r (k + 1) points
  EXPECT_EQ(design[0], "organisations.initial,organisations.credit_from,organisations.entry_form");
  const std::regex row("[1-6],2022-0[3-7]-[0-3][0-9],(coin|rate)");
  for (size_t i = 1; i < design.size(); ++i)
    EXPECT_TRUE(std::regex_match(design[i], row)) << design[i];
  EXPECT_EQ(lines(report_csv(dir_.file("k.h5"))).size(), 4u);
}

// Each bad set-up exits 2 with one line naming the file, the line and the key.
TEST_F(Sensitivity, BadSetUpsAreRefusedNamingFileLineAndKey) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[parameters]\ndecision.interceptt = -7 -6\n", ":4: 'decision.interceptt': not a parameter"},
      {"[parameters]\ndecision.intercept = -6 -7\n", ":4: 'decision.intercept': LOW must be below"},
      {"[outputs]\nx = arrivalz 2023-01-01 2023-12-31\n", ":4: 'x': unknown metric 'arrivalz'"},
      {"[parameters]\nbeliefs.campaign_trust = 0.5 1.5\n",
       ":4: 'beliefs.campaign_trust': range outside the parameter's allowed range"},
      {"[parameters]\ntaskforce.enabled = 0 1\n", ":4: 'taskforce.enabled': a flag cannot vary"},
      {"[parameters]\norganisations.initial = 1 2.5\n",
       ":4: 'organisations.initial': an integer parameter takes whole-number bounds"},
      {"[parameters]\norganisations.credit_from = 2022-03-01 2024-07-01\n",
       ":4: 'organisations.credit_from': the range 2022-03-01..2024-07-01 is not inside the run"},
      {"[parameters]\norganisations.entry_form = coin poisson\n",
       ":4: 'organisations.entry_form': coin or rate expected, got 'poisson'"},
  };
  for (const auto& [extra, expected] : cases) {
    const std::string path =
        dir_.write("bad.ini", "[sensitivity]\nscenario = short.ini\n" + extra +
                                  "[parameters]\nnews.hear_crossed = 0.5 1\n[outputs]\n"
                                  "a = arrivals 2023-01-01 2023-12-31\n");
    EXPECT_EQ(run({path, "-o", dir_.file("bad.h5")}), 2) << extra;
    EXPECT_NE(read_text(dir_.file("log.txt")).find("bad.ini" + expected), std::string::npos)
        << read_text(dir_.file("log.txt"));
    EXPECT_FALSE(std::filesystem::exists(dir_.file("bad.h5")));
  }
}

// Paired effects on other seeds would measure the noise as well as the difference.
TEST_F(Sensitivity, ACompareScenarioOnOtherSeedsIsRefusedNamingTheCompareLine) {
  dir_.write("other_seed.ini", "extends = short.ini\n[run]\nseed = 5\n");
  const std::string s = setup("seeds.ini", "compare = other_seed.ini\ntrajectories = 2\n");
  EXPECT_EQ(run({s, "-o", dir_.file("x.h5")}), 2);
  const std::string log = read_text(dir_.file("log.txt"));
  EXPECT_NE(log.find("seeds.ini:3: 'compare': run.seed is 5"), std::string::npos) << log;
  EXPECT_FALSE(std::filesystem::exists(dir_.file("x.h5")));
}

void expect_same_analysis(const out::SensitivityRecord& a, const out::SensitivityRecord& b) {
  EXPECT_EQ(a.method, b.method);
  EXPECT_EQ(a.param_names, b.param_names);
  EXPECT_EQ(a.output_names, b.output_names);
  EXPECT_EQ(a.design_unit, b.design_unit);
  EXPECT_EQ(a.design_points, b.design_points);
  EXPECT_EQ(a.point_outputs, b.point_outputs);
  EXPECT_EQ(a.index_columns, b.index_columns);
  ASSERT_EQ(a.indices.size(), b.indices.size());
  for (size_t i = 0; i < a.indices.size(); ++i)
    EXPECT_TRUE(whatif::same_double(a.indices[i], b.indices[i])) << i;
  EXPECT_EQ(a.attributes.at("setup_text"), b.attributes.at("setup_text"));
}

// Killed (SIGKILL) once the first scenario has a checkpoint, then resumed: the file of an
// analysis that never stopped. Paired, so the resumed call also runs the second scenario.
TEST_F(Sensitivity, ResumeAfterSigkillGivesTheSameData) {
  const std::string s =
      setup("resume.ini", "compare = short.ini\ntrajectories = 4\nreplicates = 1\n");
  ASSERT_EQ(run({s, "-o", dir_.file("whole.h5")}), 0) << read_text(dir_.file("log.txt"));

  const std::vector<std::string> args = {
      "sensitivity", s, "-o", dir_.file("cut.h5"), "--scale", "0.05", "--threads", "1", "-q"};
  const pid_t pid = spawn(args, dir_.file("cut.txt"));
  const std::string partial = dir_.file("cut.runs/scenario.h5.partial");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (checkpoints_in(partial) < 1 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ::kill(pid, SIGKILL);
  ASSERT_EQ(wait_exit_code(pid), 128 + SIGKILL) << "finished before it could be killed";
  EXPECT_FALSE(std::filesystem::exists(dir_.file("cut.h5")));

  std::vector<std::string> again = args;
  again.push_back("--resume");
  ASSERT_EQ(wait_exit_code(spawn(again, dir_.file("cut.txt"))), 0)
      << read_text(dir_.file("cut.txt"));
  expect_same_analysis(out::read_sensitivity_file(dir_.file("whole.h5")),
                       out::read_sensitivity_file(dir_.file("cut.h5")));
}

// The example set-up reads: its scenarios exist and every parameter and range is accepted.
TEST(SensitivityExample, CommuniqueSetUpParsesWithItsEightCalibratedParameters) {
  const std::string path = whatif::scenario("sensitivity/communique_2023.ini");
  const SensitivitySetup s = parse_sensitivity_setup(path, read_text(path), model_registry());
  EXPECT_EQ(s.parameters.size(), 8u);
  EXPECT_FALSE(s.compare.empty());
  for (const auto& file : {s.scenario, s.compare})
    EXPECT_TRUE(std::filesystem::exists(relative_to(path, file))) << file;
}

// The set-up printed by --help is one a user can copy: it parses as it stands.
TEST(SensitivityExample, TheHelpsSetUpParses) {
  std::string help;
  {
    const whatif::Capture out(std::cout);
    ASSERT_EQ(cmd_sensitivity({"--help"}), 0);
    help = out.text();
  }
  const size_t from = help.find("  [sensitivity]"), to = help.find("\n\n", from);
  ASSERT_NE(from, std::string::npos);
  std::string text;
  std::istringstream in(help.substr(from, to - from));
  for (std::string line; std::getline(in, line);) text += line.substr(2) + "\n";
  const SensitivitySetup s = parse_sensitivity_setup("help", text, model_registry());
  EXPECT_EQ(s.parameters.size(), 3u);  // a real, a date and a choice
  EXPECT_EQ(s.parameters[1].kind, RangeKind::kDate);
  EXPECT_EQ(s.parameters[2].kind, RangeKind::kChoice);
  EXPECT_EQ(s.outputs.size(), 1u);
  EXPECT_EQ(s.replicates, 2);
}

}  // namespace
}  // namespace smug
