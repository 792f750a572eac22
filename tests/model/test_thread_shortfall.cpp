// A thread the system refuses is not a crash: the ensemble runs on the threads it could create
// (the calling thread always works), gives the results of a one-thread run, and says how many ran.
// The seam EnsembleOptions::spawn makes one creation throw std::system_error, as std::thread does
// when the system refuses a thread (EAGAIN).
#include <gtest/gtest.h>

#include <system_error>

#include "engine/ensemble.hpp"
#include "measures/assemble.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

// A spawn whose creation number `fail_at` (1-based) and every later one throw, as std::thread's
// constructor does when the system refuses a thread.
SpawnThread failing_spawn(int fail_at, int* calls) {
  return [fail_at, calls](std::function<void()> f) {
    if (++*calls >= fail_at)
      throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again),
                              "thread creation refused (test)");
    return std::thread(std::move(f));
  };
}

struct Shortfall {
  int calls = 0, ran = 0, asked = 0, reports = 0;
};

EnsembleOptions short_ensemble() {
  EnsembleOptions o;
  o.seed = 5;
  o.replicates = {0, 1, 2, 3, 4, 7};
  return o;
}

TEST(ThreadShortfall, ARefusedThirdThreadGivesTheResultsOfOneThread) {
  const Model model = build_model(busy({{"run.end", "2020-06-30"}}), shipped_inputs());
  EnsembleOptions o = short_ensemble();
  o.threads = 1;
  const auto one = run_ensemble(model, o);
  Shortfall s;
  o.threads = 4;
  o.spawn = failing_spawn(3, &s.calls);
  o.on_threads = [&](int ran, int asked) {
    s.ran = ran;
    s.asked = asked;
    ++s.reports;
  };
  size_t done = 0;
  o.on_done = [&](const ReplicateResult&, size_t, size_t) { ++done; };
  const auto four = run_ensemble(model, o);
  EXPECT_EQ(s.calls, 3);  // two threads made, the third refused, no further try
  EXPECT_EQ(s.reports, 1);
  EXPECT_EQ(s.ran, 3);  // the two made and the calling thread
  EXPECT_EQ(s.asked, 4);
  EXPECT_EQ(done, o.replicates.size());
  ASSERT_EQ(one.size(), o.replicates.size());
  ASSERT_EQ(four.size(), o.replicates.size());
  for (size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(four[i].replicate, o.replicates[i]);
    EXPECT_TRUE(same_series(one[i].rec, four[i].rec)) << "replicate " << o.replicates[i];
  }
}

TEST(ThreadShortfall, NoThreadAtAllRunsEverythingOnTheCallingThread) {
  EnsembleOptions o = short_ensemble();
  o.threads = 3;
  Shortfall s;
  o.spawn = failing_spawn(1, &s.calls);
  o.on_threads = [&](int ran, int asked) {
    s.ran = ran;
    s.asked = asked;
  };
  const auto caller = std::this_thread::get_id();
  bool elsewhere = false;
  const auto out = run_on_threads(
      o.replicates.size(),
      [&](size_t i) {
        elsewhere = elsewhere || std::this_thread::get_id() != caller;
        return ReplicateResult{0, o.replicates[i], Recorder(1, 0)};
      },
      o);
  EXPECT_FALSE(elsewhere);
  EXPECT_EQ(s.ran, 1);
  EXPECT_EQ(s.asked, 3);
  ASSERT_EQ(out.size(), o.replicates.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i].replicate, o.replicates[i]);
}

TEST(ThreadShortfall, EveryThreadCreatedIsNotReportedAsAShortfall) {
  EnsembleOptions o = short_ensemble();
  o.threads = 8;  // more than the replicates: one thread each, which is all that was needed
  int reports = 0, calls = 0;
  o.spawn = failing_spawn(100, &calls);
  o.on_threads = [&](int, int) { ++reports; };
  const auto out = run_on_threads(
      o.replicates.size(),
      [](size_t) {
        return ReplicateResult{0, 0, Recorder(1, 0)};
      },
      o);
  EXPECT_EQ(out.size(), o.replicates.size());
  EXPECT_EQ(calls, static_cast<int>(o.replicates.size()) - 1);
  EXPECT_EQ(reports, 0);
}

TEST(ThreadShortfall, RunWorkersRunsTheWorkOnTheThreadsItHas) {
  for (int fail_at : {1, 2, 4}) {
    int calls = 0, shortfall = 0;
    std::atomic<int> workers{0};
    run_workers(
        5, [&] { ++workers; }, failing_spawn(fail_at, &calls), [&](int ran) { shortfall = ran; });
    EXPECT_EQ(workers.load(), fail_at) << fail_at;
    EXPECT_EQ(shortfall, fail_at) << fail_at;
  }
}

}  // namespace
}  // namespace smug::test
