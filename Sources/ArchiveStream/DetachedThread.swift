#if canImport(Glibc)
import Glibc
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
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, work)
        precondition(status == 0, "cannot start a thread: error \(status)")
        pthread_detach(thread)
    }
}
