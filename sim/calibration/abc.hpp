// Approximate Bayesian computation for a stochastic simulator: adaptive population Monte Carlo
// (APMC, Lenormand, Jabot and Deffuant 2013). Each generation proposes new parameter sets from a
// Gaussian kernel around the accepted ones, keeps the best N of old and new by distance (so the
// tolerance shrinks adaptively), and stops when few new proposals make it into the population.
//
// Pure: the caller evaluates proposals (in parallel, however it likes) and hands back distances.
// Proposals are drawn from keyed streams (seed, generation, proposal index), so a resumed
// calibration proposes exactly what an uninterrupted one would.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace smug {

// A prior on one free parameter: uniform, or uniform in log space.
struct Prior {
  std::string name;  // "section.key"
  enum class Shape { kUniform, kLogUniform } shape = Shape::kUniform;
  double low = 0, high = 1;
  std::string reason;

  // The sampler works in internal coordinates where every prior is uniform.
  double to_internal(double x) const;
  double from_internal(double u) const;
  double internal_low() const { return to_internal(low); }
  double internal_high() const { return to_internal(high); }
};

struct AbcSettings {
  int particles = 64;            // N: population kept each generation
  double alpha = 0.5;            // share kept: each generation proposes N (1/alpha - 1) new sets
  double min_acceptance = 0.05;  // stop when fewer new proposals than this share are kept
  int max_generations = 10;
  uint64_t seed = 1;
};

struct Evaluation {
  std::vector<double> theta;  // natural units, in the order of the priors
  double distance = 0;
  std::vector<double> summaries;  // the simulator's summaries (for the record)
  int generation = 0;
};

struct Particle {
  Evaluation eval;
  double weight = 1;
};

class Abc {
 public:
  Abc(std::vector<Prior> priors, AbcSettings settings);

  // The parameter sets to evaluate for the current generation.
  std::vector<std::vector<double>> proposals() const;
  // Hands back the evaluations of proposals(), in the same order; advances a generation.
  void update(std::vector<Evaluation> evaluated);
  bool finished() const;

  int generation() const { return generation_; }  // generations completed
  double tolerance() const { return tolerance_; }
  double acceptance() const { return acceptance_; }
  const std::vector<Particle>& population() const { return population_; }
  const std::vector<Prior>& priors() const { return priors_; }
  const AbcSettings& settings() const { return settings_; }

  // Restores the state after `generation` completed generations (for --resume).
  void restore(int generation, double tolerance, double acceptance,
               std::vector<Particle> population);

 private:
  std::vector<double> kernel_sd() const;  // per internal coordinate
  std::vector<Prior> priors_;
  AbcSettings settings_;
  int generation_ = 0;
  double tolerance_ = 0;
  double acceptance_ = 1;
  std::vector<Particle> population_;
};

// Weighted quantile of values (weights need not be normalised), by the weighted empirical CDF.
double weighted_quantile(std::vector<double> values, std::vector<double> weights, double q);

}  // namespace smug
