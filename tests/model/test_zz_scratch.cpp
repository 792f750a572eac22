#include <cstdio>
#include "model_test_support.hpp"
namespace smug::test {
TEST(Scratch, Explore) {
  for (const char* icpt : {"-5", "-4", "-3"})
  for (const char* off : {"1", "10"}) {
    Scenario s = busy({{"decision.intercept", icpt}, {"decision.offer_advert", off}});
    Model m(s, shipped_inputs());
    auto r = m.run(1, 0);
    std::printf("icpt %s offer %s\n", icpt, off);
    for (int y = 2020; y <= 2025; ++y) {
      size_t a = from_ymd(y, 1, 1) - from_ymd(2020, 1, 1), b = from_ymd(y + 1, 1, 1) - from_ymd(2020, 1, 1);
      std::printf("%d arr %.0f sign %.0f retboat %.0f arrests %.0f det %.0f orgs %.0f\n", y,
                  sum(r.rec.series(kArrivals), a, b), 
                  sum(r.rec.series(kSignedBoat), a, b), 
                  sum(r.rec.series(kReturnsBoatArrivals), a, b), sum(r.rec.series(kArrests), a, b),
                  sum(r.rec.series(kDetectedExit), a, b), r.rec.series(kActiveNetworks)[b-1]);
    }
  }
}
}
