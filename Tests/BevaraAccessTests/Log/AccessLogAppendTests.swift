import BevaraAccess
import BevaraArchiveIO
import BevaraModel
import Foundation
import Testing

/// What an append writes, how it survives a crash between its line and its anchor, and the review queries.
@Suite struct AccessLogAppendTests {
    @Test func anAppendedEntryReadsBackIdenticallyAndChainsFromGenesis() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        let first = try f.log.append(AccessLogFixture.draft(1))
        let user = ArchiveUser(id: "anna", name: "Anna", role: .registrar, organisationID: "vanersborg")
        let second = try f.log.append(AccessLogDraft(user: user, command: "retrieve", query: ["id": "rec-1"],
                                                     records: ["rec-1"], outcome: "ok"))
        #expect(first.seq == 1 && first.previousHash == String(repeating: "0", count: 64))
        #expect(second.seq == 2 && second.previousHash == first.hash && second.hash != first.hash)
        #expect(second.user == "anna" && second.role == "registrar" && second.organisation == "vanersborg")
        #expect(try f.log.entries() == [first, second])
        #expect(first.query["personnummer"] == "19650412-1234" && first.requestReference == "REQ-1")
        #expect(first.decisions == [LoggedDecision(recordID: "rec-1-2", decision: "mask", reason: "third party's health",
                                                   legalReference: "OSL 26 kap. 1 §")])
        // ISO 8601 UTC with milliseconds, close to now.
        #expect(first.time.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil)
        #expect(abs(try #require(first.date).timeIntervalSinceNow) < 60)
    }

    @Test func linesAreCanonicalJSONWithSortedKeysAndUnescapedSlashes() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.log.append(AccessLogFixture.draft(1))
        let line = try #require(try f.lines.first)
        #expect(line.hasPrefix("{\"command\":\"search\",\"decisions\":[{"))
        #expect(line.contains("\"path\":\"representations/rep1/data/doc-1.pdf\""))
        #expect(line.contains("\"legalReference\":\"OSL 26 kap. 1 §\""))
        #expect(!line.contains("\n") && !line.contains(": "))
    }

    /// verify finds the hash member by its text; a filter named "hash" or a reason quoting
    /// `"hash":"` must not confuse it.
    @Test func fieldsThatLookLikeTheHashMemberDoNotConfuseVerify() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        let tricky = String(repeating: "a", count: 64)
        let entry = try f.log.append(AccessLogDraft(
            user: "u", role: "registrar", organisation: nil, command: "search\"hash\":\"\(tricky)\",",
            query: ["hash": tricky], records: [],
            decisions: [LoggedDecision(recordID: "r", decision: "deny", reason: "\"hash\":\"\(tricky)\",")]))
        try f.log.append(AccessLogFixture.draft(2))
        #expect(try f.log.verify().count == 2)
        #expect(try f.log.entries().first == entry)
    }

    @Test func theLogHoldsPersonalDataSoOnlyItsOwnerMayReadIt() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.log.append(AccessLogFixture.draft(1))
        for path in [f.log.logPath, f.log.headPath] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "\(path) has mode \(String(mode, radix: 8))")
        }
    }

    @Test func anAppendInterruptedBeforeTheHeadUpdateLeavesAValidLogThatTheNextAppendCompletes() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        try f.appendEntries(5)
        Failpoint.armInProcess("accesslog.before-head", subject: f.log.directory)
        #expect(throws: Failpoint.SimulatedCrash.self) { try f.log.append(AccessLogFixture.draft(6)) }
        #expect(try String(contentsOfFile: f.log.headPath, encoding: .utf8).hasPrefix("5 "))
        let lagging = try f.log.verify()
        #expect(lagging.count == 6 && lagging.warnings.count == 1 && lagging.warnings[0].contains("lags one entry"))
        let seventh = try f.log.append(AccessLogFixture.draft(7))
        #expect(seventh.seq == 7)
        #expect(try f.log.verify() == .intact(count: 7, lastHash: seventh.hash, warnings: []))
    }

    @Test func entriesFilterByUserOrganisationAndTime() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        for i in 1...10 {
            try f.log.append(AccessLogFixture.draft(i, user: i % 2 == 0 ? "eva" : "olle",
                                                    organisation: i <= 6 ? "vanersborg" : "trollhattan"))
        }
        Thread.sleep(forTimeInterval: 0.02)
        let mark = Date()
        Thread.sleep(forTimeInterval: 0.02)
        for i in 11...13 { try f.log.append(AccessLogFixture.draft(i, user: "eva", organisation: "trollhattan")) }

        #expect(try f.log.entries().map(\.seq) == Array(1...13))
        #expect(try f.log.entries(user: "olle").map(\.seq) == [1, 3, 5, 7, 9])
        #expect(try f.log.entries(organisation: "trollhattan").map(\.seq) == [7, 8, 9, 10, 11, 12, 13])
        #expect(try f.log.entries(user: "eva", organisation: "vanersborg").map(\.seq) == [2, 4, 6])
        #expect(try f.log.entries(since: mark).map(\.seq) == [11, 12, 13])
        #expect(try f.log.entries(user: "olle", since: mark).isEmpty)
    }

    @Test func anEmptyOrMissingLogVerifiesAsEmpty() throws {
        let f = try AccessLogFixture(); defer { f.remove() }
        #expect(try f.log.verify() == .intact(count: 0, lastHash: String(repeating: "0", count: 64), warnings: []))
        #expect(try f.log.entries().isEmpty)
    }

    @Test func errorsNameTheFileAndTheLine() {
        let torn = AccessLogError.tornFinalLine(path: "/a/logs/access-log.jsonl", line: 51, afterSeq: 50)
        #expect(torn.description.contains("/a/logs/access-log.jsonl: line 51 (after entry seq 50)"))
        let cut = AccessLogError.headMismatch(path: "/a/logs/access-log.jsonl", headSeq: 50, lastSeq: 47)
        #expect(cut.description.contains("ends at seq 47") && cut.description.contains("records seq 50"))
        let broken = AccessLogVerification.broken(line: 17, seq: 18, reason: "seq gap")
        #expect(broken.description == "access log broken at line 17 (seq 18): seq gap")
    }
}
