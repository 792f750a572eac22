#include "engine/ensemble.hpp"

#include <algorithm>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace smug {

std::vector<ReplicateResult> run_ensemble(const Model& model, const EnsembleOptions& o) {
  return run_ensemble(std::vector<const Model*>(o.replicates.size(), &model), o);
}

std::vector<ReplicateResult> run_ensemble(const std::vector<const Model*>& models,
                                          const EnsembleOptions& o) {
  if (models.size() != o.replicates.size())
    throw std::invalid_argument("run_ensemble: one model per replicate");
  return run_on_threads(
      models.size(), [&](size_t i) { return models[i]->run(o.seed, o.replicates[i]); }, o);
}

std::vector<ReplicateResult> run_on_threads(size_t n,
                                            const std::function<ReplicateResult(size_t)>& task,
                                            const EnsembleOptions& o) {
  std::vector<std::optional<ReplicateResult>> slots(n);
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::mutex report;
  std::exception_ptr failure;
  auto worker = [&] {
    for (;;) {
      if (o.stop && o.stop->load()) return;
      const size_t i = next.fetch_add(1);
      if (i >= n) return;
      try {
        ReplicateResult r = task(i);
        std::lock_guard<std::mutex> lock(report);
        if (o.on_result) o.on_result(i, r);
        const size_t d = ++done;
        if (o.on_done) o.on_done(r, d, n);
        if (o.keep_results) slots[i] = std::move(r);
      } catch (...) {
        std::lock_guard<std::mutex> lock(report);
        if (!failure) failure = std::current_exception();
        next.store(n);
        return;
      }
    }
  };
  const int t = std::max(1, std::min<int>(o.threads, static_cast<int>(n)));
  std::vector<std::thread> pool;
  for (int k = 1; k < t; ++k) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
  if (failure) std::rethrow_exception(failure);
  std::vector<ReplicateResult> out;
  for (auto& s : slots)
    if (s) out.push_back(std::move(*s));
  return out;
}

}  // namespace smug
