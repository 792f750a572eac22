// A fixture for the layering check: the analysis reaching into the parameter registry.
#pragma once
#include "core/errors.hpp"
#include "params/registry.hpp"
