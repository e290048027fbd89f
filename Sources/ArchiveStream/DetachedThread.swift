#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts work on a new POSIX thread of its own (not a Dispatch pool thread, which may wait for a free core while the
/// scanning thread blocks on the work's results). Nothing joins it: the work signals its own end.
enum DetachedThread {
    private final class Work {
        let body: @Sendable () -> Void

        init(_ body: @escaping @Sendable () -> Void) {
            self.body = body
        }
    }

    /// Runs `body` on a new thread; `@Sendable` so the compiler checks what crosses over.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        #if canImport(Darwin)
            var thread: pthread_t?  // a pointer on Darwin, an integer on Linux
        #else
            var thread = pthread_t()
        #endif
        let status = pthread_create(
            &thread, nil,
            { context in
                // the argument is optional on Linux only
                Unmanaged<Work>.fromOpaque((context as UnsafeMutableRawPointer?)!).takeRetainedValue().body()
                return nil
            }, work)
        precondition(status == 0, "cannot start a thread: error \(status)")
        #if canImport(Darwin)
            pthread_detach(thread!)
        #else
            pthread_detach(thread)
        #endif
    }
}
