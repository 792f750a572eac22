// A replicate's result as bytes and back: how MPI workers send their results to rank 0. Native
// byte order and doubles bit for bit; only the build that wrote the bytes reads them (every rank
// of one job runs the same binary). Layout:
//   char[4] "SMRR"; u32 version = 1; u64 seed, replicate; f64 wall_seconds; u64 state_bytes;
//   u32 aborted, ndays, nseries, nmeasures, nmeasure_series, 0;
//   f64 [series][day], then [measure][measure series][day].
#pragma once
#include <string>
#include <vector>

#include "model/simulation.hpp"

namespace smug {

std::string encode_replicate(const ReplicateResult& r);

// The size of encode_replicate's bytes for a replicate of ndays days and nmeasures measures: what
// a reader may expect before it reads anything.
size_t encoded_replicate_size(int ndays, size_t nmeasures);

// Throws std::runtime_error for bytes that are not a whole encoded replicate. Every value comes
// back bit for bit except a measure series' -0.0, which becomes +0.0 (the recorder only adds to
// measure series; they are counts and never negative).
ReplicateResult decode_replicate(const std::string& bytes);

// A vector of doubles as bytes and back (calibration results, work item payloads).
std::string encode_doubles(const std::vector<double>& v);
std::vector<double> decode_doubles(const std::string& bytes);

}  // namespace smug
