import Foundation

/// A named thread running one closure, which `join` waits for.
final class JoinableThread: @unchecked Sendable {
    // `body` is only run on the new thread, once, and let go of there before `done` tells the
    // starting thread it has returned: whatever it captured is released by the time `join`
    // returns (a caller may lend it a non-escaping closure through `withoutActuallyEscaping`).
    private let name: String
    private var body: (() -> Void)?
    private let done = DispatchSemaphore(value: 0)

    init(name: String, _ body: @escaping () -> Void) {
        self.name = name
        self.body = body
    }

    func start() {
        let thread = Thread { [self] in
            body?()
            body = nil
            done.signal()
        }
        thread.name = name
        // As much stack as the main thread had for the same work (secondary threads get 512 KiB).
        thread.stackSize = 8 << 20
        thread.start()
    }

    func join() { done.wait() }
}
