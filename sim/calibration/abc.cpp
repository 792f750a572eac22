#include "calibration/abc.hpp"

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "core/rng.hpp"

namespace smug {

double Prior::to_internal(double x) const {
  return shape == Shape::kLogUniform ? std::log(x) : x;
}
double Prior::from_internal(double u) const {
  return shape == Shape::kLogUniform ? std::exp(u) : u;
}

Abc::Abc(std::vector<Prior> priors, AbcSettings settings)
    : priors_(std::move(priors)), settings_(settings) {
  if (priors_.empty()) throw std::invalid_argument("calibration needs at least one free parameter");
  if (settings_.particles < 2) throw std::invalid_argument("particles must be at least 2");
  if (!(settings_.alpha > 0 && settings_.alpha < 1))
    throw std::invalid_argument("alpha must be in (0, 1)");
  for (const Prior& p : priors_)
    if (!(p.low < p.high) || (p.shape == Prior::Shape::kLogUniform && p.low <= 0))
      throw std::invalid_argument("bad prior range for " + p.name);
}

bool Abc::finished() const {
  return generation_ >= settings_.max_generations ||
         (generation_ > 1 && acceptance_ < settings_.min_acceptance);
}

std::vector<double> Abc::kernel_sd() const {
  // Twice the weighted variance of the population, per coordinate (Beaumont et al. 2009).
  const size_t k = priors_.size();
  std::vector<double> sd(k);
  double wsum = 0;
  for (const auto& p : population_) wsum += p.weight;
  for (size_t j = 0; j < k; ++j) {
    double mean = 0, var = 0;
    for (const auto& p : population_) mean += p.weight * priors_[j].to_internal(p.eval.theta[j]);
    mean /= wsum;
    for (const auto& p : population_) {
      const double d = priors_[j].to_internal(p.eval.theta[j]) - mean;
      var += p.weight * d * d;
    }
    var /= wsum;
    const double range = priors_[j].internal_high() - priors_[j].internal_low();
    sd[j] = std::max(std::sqrt(2 * var), 1e-6 * range);
  }
  return sd;
}

std::vector<std::vector<double>> Abc::proposals() const {
  const size_t k = priors_.size();
  const int n = settings_.particles;
  const StreamKey key = StreamKey::make(settings_.seed, 0);
  const uint32_t purpose = purpose_id(Purpose::kCalibration);
  std::vector<std::vector<double>> out;
  if (generation_ == 0) {
    const int n0 = static_cast<int>(std::ceil(n / settings_.alpha));
    for (int i = 0; i < n0; ++i) {
      Stream s(key, purpose, static_cast<uint32_t>(i), 0);
      std::vector<double> theta(k);
      for (size_t j = 0; j < k; ++j) {
        const Prior& p = priors_[j];
        theta[j] = p.from_internal(p.internal_low() +
                                   s.uniform() * (p.internal_high() - p.internal_low()));
      }
      out.push_back(theta);
    }
    return out;
  }
  const int m = static_cast<int>(std::ceil(n / settings_.alpha)) - n;
  const std::vector<double> sd = kernel_sd();
  double wsum = 0;
  for (const auto& p : population_) wsum += p.weight;
  for (int i = 0; i < m; ++i) {
    Stream s(key, purpose, static_cast<uint32_t>(i), static_cast<uint32_t>(generation_));
    boost::random::normal_distribution<double> normal;
    // A parent by weight, then a perturbation that stays inside the prior's support.
    double u = s.uniform() * wsum;
    size_t parent = 0;
    while (parent + 1 < population_.size() && u >= population_[parent].weight)
      u -= population_[parent++].weight;
    std::vector<double> theta(k);
    for (size_t j = 0; j < k; ++j) {
      const Prior& p = priors_[j];
      const double centre = p.to_internal(population_[parent].eval.theta[j]);
      double x = centre;
      for (int tries = 0; tries < 1000; ++tries) {
        x = centre + sd[j] * normal(s);
        if (x >= p.internal_low() && x <= p.internal_high()) break;
        x = std::clamp(x, p.internal_low(), p.internal_high());
      }
      theta[j] = p.from_internal(x);
    }
    out.push_back(theta);
  }
  return out;
}

void Abc::update(std::vector<Evaluation> evaluated) {
  const int n = settings_.particles;
  std::vector<Particle> fresh;
  if (generation_ == 0) {
    for (auto& e : evaluated) fresh.push_back(Particle{std::move(e), 1.0});
  } else {
    // Importance weight prior(theta) / q(theta), q the mixture of Gaussian kernels around the
    // population, both as densities in internal coordinates, so that the weights of new and
    // surviving particles are on the same scale (a prior draw has weight 1).
    const std::vector<double> sd = kernel_sd();
    double wsum = 0;
    for (const auto& p : population_) wsum += p.weight;
    double log_prior = 0, log_norm = 0;
    for (size_t j = 0; j < priors_.size(); ++j) {
      log_prior -= std::log(priors_[j].internal_high() - priors_[j].internal_low());
      log_norm -= std::log(sd[j]) + 0.5 * std::log(2 * M_PI);
    }
    for (auto& e : evaluated) {
      double mix = 0;
      for (const auto& p : population_) {
        double logk = log_norm;
        for (size_t j = 0; j < priors_.size(); ++j) {
          const double z =
              (priors_[j].to_internal(e.theta[j]) - priors_[j].to_internal(p.eval.theta[j])) /
              sd[j];
          logk += -0.5 * z * z;
        }
        mix += p.weight / wsum * std::exp(logk - log_prior);
      }
      fresh.push_back(Particle{std::move(e), mix > 0 ? 1 / mix : 0});
    }
  }
  for (auto& f : fresh) f.eval.generation = generation_;
  const size_t new_count = fresh.size();
  std::vector<Particle> all = population_;
  for (auto& f : fresh) all.push_back(std::move(f));
  // Stable sort on distance: ties keep the older particle first, deterministically.
  std::stable_sort(all.begin(), all.end(), [](const Particle& a, const Particle& b) {
    return a.eval.distance < b.eval.distance;
  });
  all.resize(std::min<size_t>(all.size(), static_cast<size_t>(n)));
  size_t kept_new = 0;
  for (const auto& p : all)
    if (p.eval.generation == generation_) ++kept_new;
  acceptance_ = new_count > 0 ? static_cast<double>(kept_new) / new_count : 0;
  tolerance_ = all.empty() ? 0 : all.back().eval.distance;
  population_ = std::move(all);
  ++generation_;
}

void Abc::restore(int generation, double tolerance, double acceptance,
                  std::vector<Particle> population) {
  generation_ = generation;
  tolerance_ = tolerance;
  acceptance_ = acceptance;
  population_ = std::move(population);
}

double weighted_quantile(std::vector<double> values, std::vector<double> weights, double q) {
  std::vector<size_t> idx(values.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double acc = 0;
  for (size_t i : idx) {
    acc += weights[i];
    if (acc >= q * total) return values[i];
  }
  return values.empty() ? std::nan("") : values[idx.back()];
}

}  // namespace smug
