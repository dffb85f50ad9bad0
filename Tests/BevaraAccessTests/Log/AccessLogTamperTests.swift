@testable import BevaraAccess
import Foundation
import Testing

/// Every kind of damage `bevara log verify` must catch, and the first broken entry it must name.
@Suite struct AccessLogTamperTests {
    @Test func cleanLogOfFiftyEntriesVerifiesAndMatchesTheHeadAnchor() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(50)
        let result = try f.log.verify()
        let last = try #require(try f.log.entries().last)
        #expect(result == .intact(count: 50, lastHash: last.hash, warnings: []))
        #expect(try String(contentsOfFile: f.log.headPath, encoding: .utf8) == "50 \(last.hash)\n")
    }

    @Test func editingOneFieldOfEntry17IsAHashMismatchAt17() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(50)
        var lines = try f.lines
        #expect(lines[16].contains("\"outcome\":\"ok\""))
        lines[16] = lines[16].replacingOccurrences(of: "\"outcome\":\"ok\"", with: "\"outcome\":\"denied\"")
        try f.rewrite(lines)
        let result = try f.log.verify()
        #expect(result.brokenLine == 17 && result.brokenSeq == 17)
        #expect(result.reason.contains("hash mismatch"))
    }

    @Test func editingEntry17AndRecomputingItsHashBreaksTheChainAt18() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(50)
        var lines = try f.lines
        var forged = try JSONDecoder().decode(AccessLogEntry.self, from: Data(lines[16].utf8))
        forged.draft.records = []
        forged.hash = try AccessLogCanonical.hash(forged)
        lines[16] = String(decoding: try AccessLogCanonical.line(forged), as: UTF8.self)
        try f.rewrite(lines)
        let result = try f.log.verify()
        #expect(result.brokenLine == 18 && result.brokenSeq == 18)
        #expect(result.reason.contains("previous hash mismatch"))
    }

    @Test func deletingLine17IsNamedAtTheEntryAfter() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(50)
        var lines = try f.lines
        lines.remove(at: 16)
        try f.rewrite(lines)
        let result = try f.log.verify()
        #expect(result.brokenLine == 17 && result.brokenSeq == 18)
        #expect(result.reason.contains("seq gap: expected 17, found 18"))
    }

    @Test func swappingEntries17And18IsBrokenAtLine17() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(50)
        var lines = try f.lines
        lines.swapAt(16, 17)
        try f.rewrite(lines)
        let result = try f.log.verify()
        #expect(result.brokenLine == 17 && result.brokenSeq == 18)
    }

    @Test func aDuplicatedEntryIsBrokenWhereItWasInserted() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(20)
        var lines = try f.lines
        lines.insert(lines[9], at: 10)
        try f.rewrite(lines)
        let result = try f.log.verify()
        #expect(result.brokenLine == 11 && result.brokenSeq == 10)
        #expect(result.reason.contains("out of order"))
    }

    @Test func aByteChangeThatKeepsTheMeaningIsStillCaught() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(10)
        let original = try f.lines
        var lines = original
        lines[4] = "{ " + lines[4].dropFirst()
        // Moving the hash member to the front keeps the hashed bytes; only the canonical check sees it.
        let member = try #require(lines[6].firstMatch(of: /"hash":"[0-9a-f]{64}",/)).output
        lines[6] = "{" + member + lines[6].replacingOccurrences(of: String(member), with: "").dropFirst()
        try f.rewrite(lines)
        let whitespace = try f.log.verify()
        #expect(whitespace.brokenLine == 5 && whitespace.reason.contains("hash mismatch"))
        lines[4] = original[4]
        try f.rewrite(lines)
        let moved = try f.log.verify()
        #expect(moved.brokenLine == 7 && moved.reason.contains("canonical"))
    }

    @Test func truncatingTheLastThreeEntriesIsCaughtByTheHeadAnchorAndAppendRefuses() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(50)
        try f.rewrite(Array(try f.lines.prefix(47)))
        let before = try Data(contentsOf: URL(fileURLWithPath: f.log.logPath))
        let result = try f.log.verify()
        #expect(result.brokenLine == 48 && result.brokenSeq == 48)
        #expect(result.reason.contains("entries removed from the end after seq 47"))
        #expect(throws: AccessLogError.headMismatch(path: f.log.logPath, headSeq: 50, lastSeq: 47)) {
            try f.log.append(AccessLogFixture.draft(99))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.log.logPath)) == before)
    }

    @Test func emptyingTheLogIsCaughtByTheHeadAnchor() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(5)
        try f.rewrite([])
        #expect(try f.log.verify().brokenLine == 1)
        #expect(throws: AccessLogError.headMismatch(path: f.log.logPath, headSeq: 5, lastSeq: 0)) {
            try f.log.append(AccessLogFixture.draft(6))
        }
    }

    @Test func aTornFinalLineIsReportedAndNeverChainedOnto() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(50)
        let half = try f.lines[0].prefix(120)
        try f.appendRaw(String(half))
        let result = try f.log.verify()
        #expect(result.brokenLine == 51 && result.reason.contains("torn final line"))
        #expect(throws: AccessLogError.tornFinalLine(path: f.log.logPath, line: 51, afterSeq: 50)) {
            try f.log.append(AccessLogFixture.draft(51))
        }
        #expect(throws: AccessLogError.self) { try f.log.entries() }
        #expect(try f.lines.count == 50)
        #expect(try String(contentsOfFile: f.log.logPath, encoding: .utf8).hasSuffix(String(half)))
    }

    @Test func aMissingHeadAnchorIsAWarningAndTheNextAppendRestoresIt() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(3)
        try FileManager.default.removeItem(atPath: f.log.headPath)
        let result = try f.log.verify()
        #expect(result.count == 3 && result.warnings.count == 1 && result.warnings[0].contains("no head anchor"))
        try f.log.append(AccessLogFixture.draft(4))
        #expect(try f.log.verify() == .intact(count: 4, lastHash: try f.log.entries()[3].hash, warnings: []))
    }

    @Test func aMalformedHeadAnchorIsReported() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(3)
        try Data("3 not-a-hash\n".utf8).write(to: URL(fileURLWithPath: f.log.headPath))
        #expect(try f.log.verify().reason.contains("head anchor"))
        #expect(throws: AccessLogError.self) { try f.log.append(AccessLogFixture.draft(4)) }
    }

    @Test func aHeadAnchorThatDisagreesWithTheTailIsReported() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(50)
        let entries = try f.log.entries()
        try Data("50 \(entries[10].hash)\n".utf8).write(to: URL(fileURLWithPath: f.log.headPath))
        let rewritten = try f.log.verify()
        #expect(rewritten.brokenLine == 50 && rewritten.reason.contains("differs from the head anchor"))
        try Data("47 \(entries[46].hash)\n".utf8).write(to: URL(fileURLWithPath: f.log.headPath))
        let beyond = try f.log.verify()
        #expect(beyond.brokenLine == 49 && beyond.reason.contains("not covered by the head anchor"))
    }
}
