// SIGINT and SIGTERM for a run in progress: Ctrl-C, or the batch system's warning before a time
// limit. While an InterruptScope lives, the first of these signals sets its flag, which the
// executors read to start no new work and to finish what is under way (checkpointed replicates,
// a calibration's last complete generation); the command then says how to resume.
//
// One behaviour for a second signal, everywhere: it ends the process at once. That is safe
// because every file smugsim keeps is written durably (core/durable_write.hpp): checkpoints and
// calibration files are whole or absent, never half written.
//
// The destructor restores the handlers that were in place before, so an exception between
// construction and the end of the run leaves nothing installed. Signal dispositions belong to the
// process: one scope at a time (a second throws std::logic_error).
#pragma once
#include <atomic>
#include <csignal>

namespace smug {

class InterruptScope {
 public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

  // True once SIGINT or SIGTERM arrived in this scope.
  const std::atomic<bool>& stop() const;
  bool interrupted() const { return stop().load(); }

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

}  // namespace smug
