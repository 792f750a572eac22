#include "engine/ensemble.hpp"

#include <algorithm>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>
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

void run_workers(int threads, const std::function<void()>& worker, const SpawnThread& spawn,
                 const std::function<void(int ran)>& on_shortfall) {
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(std::max(threads, 1)));
  try {
    for (int k = 1; k < threads; ++k) pool.push_back(spawn ? spawn(worker) : std::thread(worker));
  } catch (const std::system_error&) {
    // EAGAIN (a limit on processes or memory): the work still all runs, on the threads already
    // started and this one. Letting it escape would destroy joinable threads: std::terminate.
    if (on_shortfall) on_shortfall(static_cast<int>(pool.size()) + 1);
  }
  worker();
  for (auto& th : pool) th.join();
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
  run_workers(t, worker, o.spawn, [&](int ran) {
    std::lock_guard<std::mutex> lock(report);
    if (o.on_threads) o.on_threads(ran, t);
  });
  if (failure) std::rethrow_exception(failure);
  std::vector<ReplicateResult> out;
  for (auto& s : slots)
    if (s) out.push_back(std::move(*s));
  return out;
}

}  // namespace smug
