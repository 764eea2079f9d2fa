// Every command test sees the shared test helpers (SmallScenario, ProcessRunner).
@_exported import TestSupport
