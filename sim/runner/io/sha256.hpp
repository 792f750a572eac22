// SHA-256 of a text, as lower-case hex: the provenance hash of input files (posterior, design),
// so that a run file names the exact file it read and anyone can check it with `sha256sum`.
#pragma once
#include <string>
#include <string_view>

namespace smug {

std::string sha256_hex(std::string_view data);

}  // namespace smug
