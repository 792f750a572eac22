// The MPI work queue of distributed.hpp (compiled only with -DSMUGSIM_MPI=ON). Messages:
//   worker -> 0  kRequest (empty): the worker's first request for an item
//   0 -> worker  kItem:   u64 index, the item's bytes
//   worker -> 0  kResult: u64 index, u8 stopped, the result's bytes (and a request for the next)
//   worker -> 0  kError:  u64 index, the message (and a request for the next)
//   0 -> worker  kFinish (empty): return from work()
// Only rank 0's main thread and the workers' main threads call MPI (MPI_THREAD_FUNNELED); rank 0
// computes its own items on one extra thread.
// The C API only: OpenMPI's mpi.h would otherwise pull in the deprecated C++ bindings, which
// live in a library we do not link.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "core/errors.hpp"
#include "runner/distributed.hpp"

namespace smug::dist {

namespace {

enum Tag : int { kRequest = 1, kItem = 2, kResult = 3, kError = 4, kFinish = 5 };

struct State {
  bool checked = false;
  bool initialised = false;
  bool finished = false;
  int rank = 0;
  int size = 1;
  std::vector<int> idle;  // rank 0: workers waiting for an item since an earlier serve()
};

State& state() {
  static State s;
  return s;
}

// mpirun (OpenMPI) and srun (PMI or PMIx) set these in every process they start.
bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(v)) return true;
  return false;
}

extern "C" void finalize_at_exit() {
  int done = 0;
  MPI_Finalized(&done);
  if (done) return;
  finish();
  MPI_Finalize();
}

void init() {
  State& s = state();
  if (s.checked) return;
  s.checked = true;
  if (!launched_by_mpi()) return;
  int provided = 0;
  if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
    throw RuntimeFailure("MPI_Init_thread failed");
  s.initialised = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &s.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &s.size);
  std::atexit(finalize_at_exit);
}

std::string header(uint64_t index) {
  return std::string(reinterpret_cast<const char*>(&index), sizeof index);
}

uint64_t index_of(const std::string& msg) {
  uint64_t i = 0;
  if (msg.size() < sizeof i) throw RuntimeFailure("MPI: malformed message");
  std::memcpy(&i, msg.data(), sizeof i);
  return i;
}

void send(int to, int tag, const std::string& bytes) {
  MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_CHAR, to, tag, MPI_COMM_WORLD);
}

std::string receive(const MPI_Status& st) {
  int n = 0;
  MPI_Get_count(&st, MPI_CHAR, &n);
  std::string bytes(static_cast<size_t>(n), '\0');
  MPI_Recv(bytes.data(), n, MPI_CHAR, st.MPI_SOURCE, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return bytes;
}

// A waiting process polls rather than blocks in MPI_Probe, which spins and would take a core
// from the ranks that compute.
std::optional<MPI_Status> poll(int source) {
  int flag = 0;
  MPI_Status st;
  MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
  if (flag) return st;
  std::this_thread::sleep_for(std::chrono::microseconds(200));
  return std::nullopt;
}

}  // namespace

bool active() {
  init();
  return state().size > 1;
}
int rank() {
  init();
  return state().rank;
}
int ranks() {
  init();
  return state().size;
}

namespace {

// Rank 0's side of the queue: hands items to idle workers, computes items itself on a second
// thread, and delivers results on the calling thread. Stops handing out items once halted (a
// signal here or at a worker, a failure anywhere); returns when the items handed out came back.
class Server {
 public:
  Server(const std::vector<std::string>& items, const Compute& compute,
         const std::function<void(size_t, std::string&&)>& on_result, const std::atomic<bool>* stop)
      : items_(items), compute_(compute), on_result_(on_result), stop_(stop) {}

  void run() {
    std::thread local([this] { compute_locally(); });
    std::vector<int> waiting;
    waiting.swap(state().idle);
    for (int w : waiting) hand(w);
    while (out_ > 0 || local_running_.load()) {
      deliver_local();
      const auto st = poll(MPI_ANY_SOURCE);
      if (st) on_message(*st);
    }
    local.join();
    deliver_local();
    if (callback_failure_) std::rethrow_exception(callback_failure_);
    if (local_failure_) std::rethrow_exception(local_failure_);
    if (!worker_failure_.empty()) throw RuntimeFailure(worker_failure_);
  }

 private:
  std::optional<size_t> take() {
    std::lock_guard<std::mutex> lock(m_);
    if (stop_ && stop_->load()) halt_ = true;
    if (halt_ || next_ >= items_.size()) return std::nullopt;
    return next_++;
  }
  void halt_now() {
    std::lock_guard<std::mutex> lock(m_);
    halt_ = true;
  }
  // Rank 0 computes too, one item at a time, beside the loop that serves the workers.
  void compute_locally() {
    while (const auto i = take()) {
      try {
        std::string r = compute_(items_[*i]);
        std::lock_guard<std::mutex> lock(m_);
        local_done_.emplace_back(*i, std::move(r));
      } catch (...) {
        std::lock_guard<std::mutex> lock(m_);
        local_failure_ = std::current_exception();
        halt_ = true;
        break;
      }
    }
    local_running_.store(false);
  }
  void deliver(size_t i, std::string&& r) {
    if (callback_failure_) return;
    try {
      on_result_(i, std::move(r));
    } catch (...) {
      callback_failure_ = std::current_exception();
      halt_now();
    }
  }
  void deliver_local() {
    std::deque<std::pair<size_t, std::string>> ready;
    {
      std::lock_guard<std::mutex> lock(m_);
      ready.swap(local_done_);
    }
    for (auto& [i, r] : ready) deliver(i, std::move(r));
  }
  void hand(int worker) {
    const auto i = take();
    if (!i) {
      state().idle.push_back(worker);
      return;
    }
    send(worker, kItem, header(*i) + items_[*i]);
    ++out_;
  }
  void on_message(const MPI_Status& st) {
    const std::string msg = receive(st);
    if (st.MPI_TAG == kResult) {
      --out_;
      if (msg.size() < 9) throw RuntimeFailure("MPI: malformed result");
      if (msg[8]) halt_now();  // the worker was signalled: everyone stops
      deliver(index_of(msg), msg.substr(9));
    } else if (st.MPI_TAG == kError) {
      --out_;
      if (worker_failure_.empty())
        worker_failure_ = "rank " + std::to_string(st.MPI_SOURCE) + ": " + msg.substr(8);
      halt_now();
    }
    hand(st.MPI_SOURCE);  // kRequest, or the request that a result carries
  }

  const std::vector<std::string>& items_;
  const Compute& compute_;
  const std::function<void(size_t, std::string&&)>& on_result_;
  const std::atomic<bool>* stop_;
  std::mutex m_;  // guards next_, halt_, local_done_, local_failure_
  size_t next_ = 0;
  bool halt_ = false;
  std::deque<std::pair<size_t, std::string>> local_done_;
  std::exception_ptr local_failure_, callback_failure_;
  std::string worker_failure_;
  std::atomic<bool> local_running_{true};
  size_t out_ = 0;  // items with workers
};

}  // namespace

void serve(const std::vector<std::string>& items, const Compute& compute,
           const std::function<void(size_t, std::string&&)>& on_result,
           const std::atomic<bool>* stop) {
  Server(items, compute, on_result, stop).run();
}

void work(const Compute& compute, const std::atomic<bool>* stop) {
  send(0, kRequest, "");
  for (;;) {
    const auto st = poll(0);
    if (!st) continue;
    const std::string msg = receive(*st);
    if (st->MPI_TAG == kFinish) return;
    const uint64_t i = index_of(msg);
    try {
      const std::string r = compute(msg.substr(sizeof i));
      const char stopped = stop && stop->load() ? 1 : 0;
      send(0, kResult, header(i) + std::string(1, stopped) + r);
    } catch (const std::exception& e) {
      send(0, kError, header(i) + e.what());
    }
  }
}

void finish() {
  State& s = state();
  if (!s.initialised || s.rank != 0 || s.finished) return;
  s.finished = true;
  for (int w = 1; w < s.size; ++w) send(w, kFinish, "");
}

}  // namespace smug::dist
