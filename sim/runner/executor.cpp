#include "runner/executor.hpp"

#include <algorithm>
#include <optional>
#include <ostream>
#include <thread>

#include "engine/replicate_codec.hpp"
#include "runner/distributed.hpp"

namespace smug {

namespace {

class ThreadsExecutor : public Executor {
 public:
  bool keeps_results() const override { return true; }
  std::vector<ReplicateResult> run(const std::vector<size_t>& slots, const SlotRunner& run_slot,
                                   const EnsembleOptions& o) override {
    EnsembleOptions counted = o;
    counted.on_threads = [&](int ran, int asked) {
      threads_ran_ = ran;
      if (o.on_threads) o.on_threads(ran, asked);
    };
    return run_on_threads(
        slots.size(), [&](size_t i) { return run_slot(slots[i]); }, counted);
  }
  // The threads that really ran, when the system refused some of those asked for.
  std::map<std::string, std::string> provenance() const override {
    if (threads_ran_ == 0) return {};
    return {{"threads", std::to_string(threads_ran_)}};
  }

 private:
  int threads_ran_ = 0;
};

// Work item: the slot's number as text; result: its encoded replicate.
std::string run_item(const SlotRunner& run_slot, const std::string& item) {
  return encode_replicate(run_slot(static_cast<size_t>(std::stoull(item))));
}

class RanksExecutor : public Executor {
 public:
  bool keeps_results() const override { return !dist::is_worker(); }
  std::vector<ReplicateResult> run(const std::vector<size_t>& slots, const SlotRunner& run_slot,
                                   const EnsembleOptions& o) override {
    if (!keeps_results()) {
      dist::work([&](const std::string& item) { return run_item(run_slot, item); }, o.stop);
      return {};
    }
    return serve(slots, run_slot, o);
  }
  void finish() override { dist::finish(); }
  std::map<std::string, std::string> provenance() const override {
    return {{"mpi_ranks", std::to_string(dist::ranks())}};
  }

 private:
  static std::vector<ReplicateResult> serve(const std::vector<size_t>& slots,
                                            const SlotRunner& run_slot, const EnsembleOptions& o) {
    std::vector<std::string> items;
    for (size_t slot : slots) items.push_back(std::to_string(slot));
    std::vector<std::optional<ReplicateResult>> got(slots.size());
    size_t done = 0;
    dist::serve(
        items, [&](const std::string& item) { return run_item(run_slot, item); },
        [&](size_t i, std::string&& bytes) {
          ReplicateResult r = decode_replicate(bytes);
          if (o.on_result) o.on_result(i, r);
          if (o.on_done) o.on_done(r, ++done, slots.size());
          if (o.keep_results) got[i] = std::move(r);
        },
        o.stop);
    std::vector<ReplicateResult> out;
    for (auto& r : got)
      if (r) out.push_back(std::move(*r));
    return out;
  }
};

}  // namespace

void warn_of_thread_shortfall(EnsembleOptions& o, std::ostream* log) {
  if (!log) return;
  o.on_threads = [log](int ran, int asked) {
    *log << "smugsim: warning: could create only " << ran << " of " << asked << " threads\n";
  };
}

int default_thread_count() {
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::unique_ptr<Executor> make_executor() {
  if (dist::active()) return std::make_unique<RanksExecutor>();
  return std::make_unique<ThreadsExecutor>();
}

}  // namespace smug
