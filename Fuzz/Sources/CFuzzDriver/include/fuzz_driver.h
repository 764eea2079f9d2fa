#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked in by -sanitize=fuzzer): runs the
/// fuzzing loop, or the given inputs, on `callback` with libFuzzer's
/// command-line flags.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
