#!/usr/bin/env bash
# The layering check fails on wrong-way includes, naming file and line, and passes on the tree.
set -euo pipefail
script="$SMUG_SOURCE_DIR/cmake/check_layers.cmake"
fixture="$SMUG_SOURCE_DIR/tests/layers/wrong_way"
stamp=$(mktemp -u)
if out=$(cmake -DSRC="$fixture" -DSTAMP="$stamp" -P "$script" 2>&1); then
  echo "FAIL: the check accepted a model that includes a measure"; exit 1
fi
grep -q "sim/model/world.hpp:4: layer 'model' includes 'measures/'" <<<"$out" ||
  { echo "FAIL: no file:line for the model's wrong-way include:"; echo "$out"; exit 1; }
grep -q "output/runfile.cpp:2: layer 'output' includes 'model/'" <<<"$out" ||
  { echo "FAIL: no file:line for the output's wrong-way include:"; echo "$out"; exit 1; }
grep -q "sim/analysis/sobol_indices.hpp:4: layer 'analysis' includes 'params/'" <<<"$out" ||
  { echo "FAIL: no file:line for the analysis's wrong-way include:"; echo "$out"; exit 1; }
[ ! -e "$stamp" ] || { echo "FAIL: stamp written on failure"; exit 1; }
cmake -DSRC="$SMUG_SOURCE_DIR" -DSTAMP="$stamp" -P "$script"
[ -e "$stamp" ] && rm -f "$stamp"
echo "layers: wrong-way includes refused, the tree accepted"
