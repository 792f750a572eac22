#include <gtest/gtest.h>

#include <cmath>

#include "calibration/abc.hpp"
#include "calibration/setup.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"

using namespace smug;

namespace {

// A toy simulator with a known answer: distance |theta0 - 3| + |log10(theta1) - 1|.
std::vector<Evaluation> evaluate(const std::vector<std::vector<double>>& proposals) {
  std::vector<Evaluation> out;
  for (const auto& t : proposals)
    out.push_back(Evaluation{t, std::abs(t[0] - 3) + std::abs(std::log10(t[1]) - 1), {}, 0});
  return out;
}

Abc toy(uint64_t seed = 1) {
  Prior a{"a.x", Prior::Shape::kUniform, 0, 10, "toy"};
  Prior b{"a.y", Prior::Shape::kLogUniform, 0.1, 1000, "toy"};
  AbcSettings s;
  s.particles = 40;
  s.max_generations = 12;
  s.seed = seed;
  return Abc({a, b}, s);
}

}  // namespace

TEST(Abc, ConvergesOnAToyProblemAndShrinksTheTolerance) {
  Abc abc = toy();
  double first_tolerance = 0;
  while (!abc.finished()) {
    abc.update(evaluate(abc.proposals()));
    if (abc.generation() == 1) first_tolerance = abc.tolerance();
  }
  EXPECT_LT(abc.tolerance(), first_tolerance / 5);
  std::vector<double> x, y, w;
  for (const auto& p : abc.population()) {
    x.push_back(p.eval.theta[0]);
    y.push_back(p.eval.theta[1]);
    w.push_back(p.weight);
    EXPECT_GT(p.weight, 0);
  }
  EXPECT_NEAR(weighted_quantile(x, w, 0.5), 3, 0.3);
  EXPECT_NEAR(std::log10(weighted_quantile(y, w, 0.5)), 1, 0.3);
}

TEST(Abc, ProposalsStayInsideThePriors) {
  Abc abc = toy();
  for (int g = 0; g < 4; ++g) {
    const auto props = abc.proposals();
    for (const auto& t : props) {
      EXPECT_GE(t[0], 0);
      EXPECT_LE(t[0], 10);
      EXPECT_GE(t[1], 0.1 * (1 - 1e-12));
      EXPECT_LE(t[1], 1000 * (1 + 1e-12));
    }
    abc.update(evaluate(props));
  }
}

TEST(Abc, SizesFollowAlpha) {
  Abc abc = toy();
  EXPECT_EQ(abc.proposals().size(), 80u);  // N / alpha at first
  abc.update(evaluate(abc.proposals()));
  EXPECT_EQ(abc.population().size(), 40u);
  EXPECT_EQ(abc.proposals().size(), 40u);  // N (1/alpha - 1) afterwards
}

// A calibration restored from its saved state proposes exactly what the uninterrupted one does.
TEST(Abc, RestoredStateProposesTheSame) {
  Abc a = toy(5);
  for (int g = 0; g < 3; ++g) a.update(evaluate(a.proposals()));
  Abc b = toy(5);
  b.restore(a.generation(), a.tolerance(), a.acceptance(), a.population());
  EXPECT_EQ(a.proposals(), b.proposals());
  Abc c = toy(6);
  c.restore(a.generation(), a.tolerance(), a.acceptance(), a.population());
  EXPECT_NE(a.proposals(), c.proposals());
}

TEST(Abc, WeightedQuantile) {
  EXPECT_EQ(weighted_quantile({1, 2, 3, 4}, {1, 1, 1, 1}, 0.5), 2);
  EXPECT_EQ(weighted_quantile({1, 2, 3, 4}, {0, 0, 0, 1}, 0.05), 4);
  EXPECT_EQ(weighted_quantile({4, 3, 2, 1}, {1, 1, 1, 5}, 0.5), 1);
}

TEST(CalibrationSetup, ParsesPriorsAndSettings) {
  const std::string text =
      "[calibration]\nscenario = baseline.ini\ntargets = data/targets.csv\nparticles = 10\n"
      "end = 2023-12-31\n[free]\ndecision.intercept = uniform -8 -4 ; wide\n"
      "organisations.reach_per_recruiter = loguniform 0.5 10 ; unknown\n";
  const CalibrationSetup s = parse_calibration_setup("c.ini", text, model_registry());
  EXPECT_EQ(s.abc.particles, 10);
  ASSERT_EQ(s.priors.size(), 2u);
  EXPECT_EQ(s.priors[1].shape, Prior::Shape::kLogUniform);
  EXPECT_EQ(s.priors[0].reason, "wide");
  EXPECT_EQ(format_date(*s.end), "2023-12-31");
}

TEST(CalibrationSetup, ErrorsNameFileLineAndKey) {
  auto error = [](const std::string& text) {
    try {
      parse_calibration_setup("c.ini", "[calibration]\nscenario = b.ini\ntargets = t.csv\n" + text,
                              model_registry());
    } catch (const InputError& e) {
      return std::to_string(e.line()) + " " + e.key() + " " + e.what();
    }
    return std::string("no error");
  };
  EXPECT_NE(error("[free]\ndecision.nope = uniform 0 1 ; r\n").find("5 decision.nope"),
            std::string::npos);
  EXPECT_NE(error("[free]\ndecision.intercept = uniform -8 -4\n").find("reason"),
            std::string::npos);
  EXPECT_NE(error("[free]\ndecision.intercept = normal -8 -4 ; r\n").find("shape"),
            std::string::npos);
  EXPECT_NE(error("[free]\ndecision.intercept = uniform -40 -4 ; r\n").find("allowed range"),
            std::string::npos);
  EXPECT_NE(error("particles = x\n").find("4 particles"), std::string::npos);
  EXPECT_NE(error("[other]\n").find("unknown section"), std::string::npos);
  EXPECT_NE(error("[free]\n").find("no parameters"), std::string::npos);
}
