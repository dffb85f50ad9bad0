import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One running `bevara-pdftext` process (see `Sources/BevaraPDFText/main.swift` for the
/// protocol), talked to over a socket pair that is its stdin and stdout.
///
/// Started with `posix_spawn` in a process group of its own, with every other descriptor closed,
/// so that a kill takes it and anything it started, and it holds none of Bevara's files.
final class PDFTextWorker {
    /// What one request gave.
    enum Answer {
        case outcome(TextOutcome)
        /// The worker crashed, hung past the deadline or broke the protocol: it is dead now (killed
        /// and reaped) and `reason` says what happened with this file.
        case workerFailed(reason: String)
    }

    /// A start that failed before the worker ran.
    struct StartError: Error, CustomStringConvertible {
        let executable: String
        let step: String
        let code: Int32

        var description: String { "\(executable): \(step) failed: \(String(cString: strerror(code)))" }
    }

    let pid: pid_t
    private var socket: Int32
    private var reaped = false

    private init(pid: pid_t, socket: Int32) {
        self.pid = pid
        self.socket = socket
    }

    deinit { stop() }

    /// Starts `command` (an absolute executable path and its arguments).
    static func start(_ command: [String]) throws(StartError) -> PDFTextWorker {
        let executable = command[0]
        var pair: [Int32] = [-1, -1]
        #if os(Linux)
        let made = socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair)
        #else
        let made = socketpair(AF_UNIX, SOCK_STREAM, 0, &pair)
        for fd in pair { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var on: Int32 = 1
        _ = setsockopt(pair[0], SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        guard made == 0 else { throw StartError(executable: executable, step: "socketpair", code: errno) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
        posix_spawn_file_actions_adddup2(&actions, pair[1], 1)
        // poppler reports every oddity of a PDF on stderr; nobody reads it, and a full pipe would block.
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Descriptors opened without O_CLOEXEC (by C libraries, say) must not reach the worker.
        if let closeFrom = GNU.addCloseFrom { _ = closeFrom(&actions, 3) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(pair[1])
        guard code == 0 else {
            close(pair[0])
            throw StartError(executable: executable, step: "posix_spawn", code: code)
        }
        return PDFTextWorker(pid: pid, socket: pair[0])
    }

    /// Asks for the text of `path`; a worker that has not answered within `timeout` seconds is killed.
    func extract(path: String, maxBytes: Int, timeout: TimeInterval) -> Answer {
        // For messages only: Foundation's last path component cost more than the exchange.
        var name: String { (path as NSString).lastPathComponent }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        let pathBytes = Array(path.utf8)
        let budget = min(maxBytes, Int(UInt32.max) - 1)
        guard sendAll(Self.le32(pathBytes.count) + Self.le32(budget) + pathBytes) else {
            return fail("the PDF text worker could not be sent \(name) (it had exited)")
        }
        let header: [UInt8]
        switch receive(5, deadline: deadline) {
        case .bytes(let bytes): header = bytes
        case .closed: return fail(crashReason(name))
        case .timedOut: return fail("the PDF text worker was stopped after \(Int(timeout)) s on \(name)")
        }
        let length = header[1...4].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard header[0] <= 2, length <= max(budget, 64 * 1024) else {
            return fail("the PDF text worker answered nonsense for \(name)")
        }
        let payload: [UInt8]
        switch receive(length, deadline: deadline) {
        case .bytes(let bytes): payload = bytes
        case .closed: return fail(crashReason(name))
        case .timedOut: return fail("the PDF text worker was stopped after \(Int(timeout)) s on \(name)")
        }
        switch header[0] {
        case 2: return .outcome(.noText(reason: String(decoding: payload, as: UTF8.self)))
        default: return .outcome(PDFTextReader.outcome(of: payload, truncated: header[0] == 1))
        }
    }

    /// Ends the worker: closing its stdin lets it exit; a kill of its group makes sure. Reaps it.
    func stop() {
        guard !reaped else { return }
        reaped = true
        close(socket)
        socket = -1
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    // MARK: - Plumbing

    private enum Received {
        case bytes([UInt8])
        case closed
        case timedOut
    }

    private func fail(_ reason: String) -> Answer {
        stop()
        return .workerFailed(reason: reason)
    }

    /// After EOF: the worker died; say how (reaping it here, so the status is known).
    private func crashReason(_ name: String) -> String {
        close(socket)
        socket = -1
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
        let how = status & 0x7F == 0 ? "exited with status \((status >> 8) & 0xFF)" : "crashed (signal \(status & 0x7F))"
        return "the PDF text worker \(how) on \(name); the file gets no text"
    }

    private func sendAll(_ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            #if os(Linux)
            let n = bytes.withUnsafeBytes { send(socket, $0.baseAddress! + done, bytes.count - done, Int32(MSG_NOSIGNAL)) }
            #else
            let n = bytes.withUnsafeBytes { send(socket, $0.baseAddress! + done, bytes.count - done, 0) }
            #endif
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    private func receive(_ count: Int, deadline: UInt64) -> Received {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        var fds = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0)]
        while done < count {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return .timedOut }
            let waitMs = Int32(min(UInt64(Int32.max), (deadline - now + 999_999) / 1_000_000))
            let ready = poll(&fds, 1, waitMs)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }  // the deadline check above ends the wait
            let n = bytes.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + done, count - done, 0) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if n <= 0 { return .closed }
            done += n
        }
        return .bytes(bytes)
    }

    private static func le32(_ value: Int) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24 & 0xFF)]
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (≥ 2.34), declared only under
    /// _GNU_SOURCE, which Swift's Glibc module leaves out: looked up at run time.
    private enum GNU {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        static let addCloseFrom: AddCloseFrom? = {
            guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np") else {
                return nil
            }
            return unsafeBitCast(address, to: AddCloseFrom.self)
        }()
    }
}
