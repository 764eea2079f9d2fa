// The declaration in include/fuzz_driver.h is all; libFuzzer defines it.
#include "fuzz_driver.h"
