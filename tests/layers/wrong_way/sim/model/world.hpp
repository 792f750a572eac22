// A fixture for the layering check: the model reaching up into a concrete measure.
#pragma once
#include "core/date.hpp"
#include "measures/joint_communique.hpp"
