// The static types of flow expressions (defined with the ABI in stdlib).
#pragma once

#include "stdlib/value_type.h"
