// A fixture for the layering check: the run-file library reaching into the model.
#include "model/series.hpp"
