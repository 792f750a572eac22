#include "runner/interrupt.hpp"

#include <stdexcept>

namespace smug {

namespace {

// A signal handler can reach only static storage: the flag of the one live scope.
std::atomic<bool> g_interrupted{false};
std::atomic<bool> g_scope_alive{false};

extern "C" void on_interrupt(int sig) {
  g_interrupted.store(true);
  // A second signal ends the process at once (see the header): files on disk are whole.
  std::signal(sig, SIG_DFL);
}

}  // namespace

InterruptScope::InterruptScope() {
  if (g_scope_alive.exchange(true)) throw std::logic_error("InterruptScope: one at a time");
  g_interrupted.store(false);
  struct sigaction on {};
  on.sa_handler = on_interrupt;
  sigemptyset(&on.sa_mask);
  on.sa_flags = SA_RESTART;  // as std::signal on glibc: blocking calls resume after the flag is set
  sigaction(SIGINT, &on, &previous_int_);
  sigaction(SIGTERM, &on, &previous_term_);
}

InterruptScope::~InterruptScope() {
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
  g_scope_alive.store(false);
}

const std::atomic<bool>& InterruptScope::stop() const {
  return g_interrupted;
}

}  // namespace smug
