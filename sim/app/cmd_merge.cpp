// smugsim merge: puts the shards of a job array (run|sweep --shard I/N) back into one run file.
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "core/errors.hpp"
#include "output/merge.hpp"
#include "runner/io/output_path.hpp"

namespace po = boost::program_options;

namespace smug {

namespace {

// Streams the shards' series into the merged file one replicate at a time, shard after shard in
// the merged order: merging holds one replicate, not the whole run.
void write_merged(const std::string& output, const out::RunData& merged,
                  const std::vector<std::pair<std::string, out::RunData>>& shards,
                  const std::vector<size_t>& order) {
  size_t part = 0, first = 0;  // the shard being read, and the merged index of its first replicate
  std::unique_ptr<out::RunFileRows> rows;
  out::write_run_file(output, merged, [&](size_t r, std::vector<std::vector<double>>& values) {
    while (!rows || r - first >= rows->replicates()) {
      if (rows) first += rows->replicates();
      rows = std::make_unique<out::RunFileRows>(shards[order[part++]].first);
    }
    rows->read(r - first, values);
  });
}

}  // namespace

int cmd_merge(const Args& args) {
  po::options_description opts = command_options();
  opts.add_options()("quiet,q", "no line on success");
  const auto parsed =
      parse_command(args, opts, {{"files", po::value<std::vector<std::string>>(), -1}}, [&] {
        std::cout
            << "usage: smugsim merge OUT.h5 SHARD.h5...\n\n"
               "Combines the shards of one run or sweep (written with --shard I/N, e.g. one per\n"
               "task of a job array) into OUT.h5, which holds the same data, in the same order,\n"
               "as the run without --shard would have (output/SCHEMA.md, 'Shards'). Shards may\n"
               "be given in any order. Refused (exit 2): files that are not shards, shards of\n"
               "different runs (scenario, seed, replicates, design, posterior, version),\n"
               "overlapping shards and missing shards. OUT.h5 is written atomically.\n\n"
            << opts << "\n";
      });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  const auto files =
      vm.count("files") ? vm["files"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (files.size() < 2)
    throw UsageError("merge: expects OUT.h5 and at least one shard (see 'smugsim merge --help')");
  const std::string output = files[0];
  for (size_t i = 1; i < files.size(); ++i) require_regular_file(files[i]);
  check_output_path(output, {});  // an output among the shards: refused below, in merge's words
  std::vector<std::pair<std::string, out::RunData>> shards;
  std::error_code ec;
  for (size_t i = 1; i < files.size(); ++i) {
    if (std::filesystem::equivalent(files[i], output, ec))
      throw UsageError("merge: the output " + output + " is also given as a shard");
    shards.emplace_back(files[i], out::read_run_header(files[i]));
  }
  std::vector<size_t> order;
  const out::RunData merged = out::merge_shards(shards, &order);
  write_merged(output, merged, shards, order);
  if (!vm.count("quiet"))
    std::cout << "wrote " << output << " (" << merged.nreplicates() << " replicates from "
              << shards.size() << " shards)\n";
  return 0;
}

}  // namespace smug
