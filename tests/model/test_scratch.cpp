#include <chrono>
#include <cstdio>
#include "model_test_support.hpp"
namespace smug::test {
TEST(Scratch, Explore) {
  for (double sc : {0.01, 0.02}) {
    auto t0 = std::chrono::steady_clock::now();
    Scenario s = scenario({{"run.scale", std::to_string(sc)}});
    Model m(s, shipped_inputs());
    auto r = m.run(1, 0);
    r.rec.finish(1.0);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("scale %g: %.2fs\n", sc, secs);
    for (int y = 2020; y <= 2025; ++y) {
      size_t a = from_ymd(y, 1, 1) - from_ymd(2020, 1, 1), b = from_ymd(y + 1, 1, 1) - from_ymd(2020, 1, 1);
      std::printf("%d arr %.0f att %.0f sign %.0f ret %.0f retboat %.0f arrests %.0f det %.0f\n", y,
                  sum(r.rec.series(kArrivals), a, b), sum(r.rec.series(kAttempts), a, b),
                  sum(r.rec.series(kSignedBoat), a, b), sum(r.rec.series(kReturns), a, b),
                  sum(r.rec.series(kReturnsBoatArrivals), a, b), sum(r.rec.series(kArrests), a, b),
                  sum(r.rec.series(kDetectedExit), a, b));
    }
  }
}
}
