import BevaraAccess
import Foundation

/// A log in a fresh temporary folder, with helpers to damage it the way a tamperer (or a crash) would.
struct AccessLogFixture {
    let root: String
    let log: AccessLog

    init() throws {
        root = FileManager.default.temporaryDirectory.path + "/bevara-accesslog-" + UUID().uuidString
        log = try AccessLog(archiveRoot: root)
    }

    /// A search by personnummer and diarienummer, as a registrar would run it.
    static func draft(_ i: Int, user: String? = nil, organisation: String = "vanersborg") -> AccessLogDraft {
        AccessLogDraft(user: user ?? "user-\(i % 5)", role: "registrar", organisation: organisation, command: "search",
                       query: ["personnummer": "19650412-1234", "dnr": "KS 2024/\(i)"],
                       requestReference: "REQ-\(i)", records: ["rec-\(i)-1", "rec-\(i)-2"],
                       files: [LoggedFile(path: "representations/rep1/data/doc-\(i).pdf", sha256: String(repeating: "ab", count: 32))],
                       decisions: [LoggedDecision(recordID: "rec-\(i)-2", decision: "mask", reason: "third party's health",
                                                  legalReference: "OSL 26 kap. 1 §")],
                       outcome: "ok")
    }

    /// Appends `count` entries one by one (each its own lock, write and fsync).
    func appendEntries(_ count: Int) throws {
        for i in 1...count { try log.append(Self.draft(i)) }
    }

    var lines: [String] {
        get throws {
            let text = try String(contentsOfFile: log.logPath, encoding: .utf8)
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }

    /// Rewrites the log with `lines` (each newline-terminated), as an editor would.
    func rewrite(_ lines: [String]) throws {
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: log.logPath))
    }

    func appendRaw(_ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log.logPath))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

extension AccessLogVerification {
    var brokenLine: Int? {
        if case .broken(let line, _, _) = self { return line }
        return nil
    }
    var brokenSeq: Int? {
        if case .broken(_, let seq, _) = self { return seq }
        return nil
    }
    var reason: String {
        if case .broken(_, _, let reason) = self { return reason }
        return ""
    }
    var warnings: [String] {
        if case .intact(_, _, let warnings) = self { return warnings }
        return []
    }
    var count: Int? {
        if case .intact(let count, _, _) = self { return count }
        return nil
    }
}
