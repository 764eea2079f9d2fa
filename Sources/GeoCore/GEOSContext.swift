import CGEOS
#if canImport(Glibc)
    import Glibc
#endif

/// One GEOS reentrant-API context per thread.
///
/// GEOS contexts are not thread-safe; GEOS geometries are read-only once
/// built and may be read from several threads, each through its own context.
/// Every GEOS call in GeoCore goes through `GEOSContext.current`, the calling
/// thread's context, created on first use and finished when the thread exits.
/// The context records the last error message GEOS reported so that failures
/// become Swift errors with GEOS's own words.
final class GEOSContext {
    let handle: OpaquePointer
    /// The last message GEOS's error handler received on this context.
    fileprivate(set) var lastError: String?

    private init() {
        handle = GEOS_init_r()
        let me = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userData in
                guard let userData else { return }
                let context = Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue()
                context.lastError = message.map { String(cString: $0) }
            }, me)
        // Notices (e.g. "Self-intersection at ...") are diagnostics, not errors;
        // validity is reported through `Geometry.validityReason` instead.
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, nil)
    }

    deinit { GEOS_finish_r(handle) }

    /// The calling thread's context.
    static var current: GEOSContext {
        let key = threadKey
        if let existing = pthread_getspecific(key) {
            return Unmanaged<GEOSContext>.fromOpaque(existing).takeUnretainedValue()
        }
        let context = GEOSContext()
        pthread_setspecific(key, Unmanaged.passRetained(context).toOpaque())
        return context
    }

    /// Clears the recorded error before a call whose failure we want to explain.
    func takeError(or fallback: String) -> String {
        defer { lastError = nil }
        return lastError ?? fallback
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<GEOSContext>.fromOpaque(pointer).release() }
        }
        precondition(status == 0, "pthread_key_create failed (\(status)): out of thread-local keys")
        return key
    }()
}
