// The default build's stand-in for mpi_distributed.cpp: one process, no MPI.
#include <stdexcept>

#include "runner/distributed.hpp"

namespace smug::dist {

bool active() {
  return false;
}
int rank() {
  return 0;
}
int ranks() {
  return 1;
}

void serve(const std::vector<std::string>&, const Compute&,
           const std::function<void(size_t, std::string&&)>&, const std::atomic<bool>*) {
  throw std::logic_error("dist::serve: this smugsim was built without MPI");
}

void work(const Compute&, const std::atomic<bool>*) {
  throw std::logic_error("dist::work: this smugsim was built without MPI");
}

void finish() {}

}  // namespace smug::dist
