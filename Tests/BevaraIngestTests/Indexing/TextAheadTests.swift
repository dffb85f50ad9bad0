import BevaraArchiveIO
import BevaraIndex
@testable import BevaraIngest
import Foundation
import Testing

/// Text read ahead while a package is stored must be the text the indexer would extract from
/// the stored file, and be used only for the bytes and type it was read from; an ingest that
/// used it must index the same texts as a reindex, which reads none ahead.
@Suite struct TextAheadTests {
    /// Our packager's SIP of a generated export (pdf, docx, xml, txt …), as a tar.
    static func sipTar(in work: String) throws -> String {
        try OwnPackagerTests.runBevara(["fixture", "--shape", "generic-csv", "--cases", "6", "--seed", "13", work + "/export"])
        try OwnPackagerTests.runBevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", work + "/sip", work + "/export"])
        try IntakeFixtures.pack(work + "/sip", as: "sip", into: work + "/sip.tar", format: .tar)
        return work + "/sip.tar"
    }

    /// That SIP received into `work/staging` as ingest receives it (formats identified, content
    /// files linked); the caller cleans it up.
    static func receivedSIP(in work: String) throws -> (staging: String, received: ReceivedPackage) {
        let staging = work + "/staging"
        return (staging, try PackageIntake.open(try sipTar(in: work), stagingDirectory: staging, identifyFormats: true))
    }

    /// `receivedSIP` in a new temporary folder `name`, for `body`; cleaned up and removed after.
    static func withReceivedSIP(_ name: String, _ body: (_ staging: String, _ received: ReceivedPackage) throws -> Void) throws {
        let work = try IntakeFixtures.temporaryFolder(name)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (staging, received) = try receivedSIP(in: work)
        defer { received.cleanUp() }
        try body(staging, received)
    }

    /// The files reading ahead wants, in the order it reads them and the indexer asks.
    static func wantedFiles(_ formats: IdentifiedFormats) throws -> [(path: String, sha256: String, mime: String)] {
        var wanted: [(path: String, sha256: String, mime: String)] = []
        let reader = try RecordFileReader(path: formats.path)
        while let record = try reader.nextPair() {
            let value = try #require(record.value)
            let (_, recorded) = try #require(IdentifiedFormats.decode(value))
            if TextAhead.wants(record.key, mime: recorded.format.mime) {
                wanted.append((record.key, recorded.sha256, recorded.format.mime))
            }
        }
        return wanted
    }

    @Test func textsReadAheadAreTheExtractorsAndTheLinksGo() throws {
        try Self.withReceivedSIP("text-ahead") { staging, received in
            let formats = try #require(received.identifiedFormats)
            let linked = try FileManager.default.contentsOfDirectory(atPath: formats.textLinks)
            #expect(linked.count > 10)

            let ahead = try #require(TextAhead(formats: formats, staging: staging))
            #expect(!FileManager.default.fileExists(atPath: formats.textLinks))  // taken over
            ahead.waitUntilAllRead()
            let texts = ahead.stop()
            defer { texts.remove() }
            // Every wanted file, asked in path order as the indexer does: the extractor's own text.
            var answered = 0, pdfs = 0, other = 0
            for file in try Self.wantedFiles(formats) {
                let expected = TextExtractor.extract(path: received.root + "/" + file.path, mime: file.mime)
                let got = try texts.outcome(for: file.path, sha256: file.sha256, mime: file.mime)
                if case .text = expected {
                    #expect(got == expected, "\(file.path)")
                    answered += 1
                    if file.mime == "application/pdf" { pdfs += 1 } else { other += 1 }
                } else {
                    #expect(got == nil, "\(file.path): only texts are kept")
                }
            }
            #expect(pdfs > 3 && other > 3, "\(pdfs) PDFs, \(other) others")
            #expect(answered > 10)
            // The links are gone; nothing of them or of the texts is left once removed.
            let left = try FileManager.default.contentsOfDirectory(atPath: staging).filter { $0.hasPrefix("aip-textahead-") }
            #expect(left.count == 1 && left[0].hasSuffix("-texts-0"), "\(left)")
        }
    }

    /// The indexer takes texts while reading ahead goes on: a file of texts at a time, each
    /// answer the extractor's text or nil (then the indexer extracts it), every text done before
    /// the indexer asked is given, and nothing is left in staging once both are done.
    @Test func textsAreTakenWhileReadingAheadGoesOn() throws {
        try Self.withReceivedSIP("text-ahead-following") { staging, received in
            let formats = try #require(received.identifiedFormats)
            let wanted = try Self.wantedFiles(formats)
            #expect(wanted.count > 10)
            let middle = wanted[wanted.count / 2].path

            let ahead = try #require(TextAhead(formats: formats, staging: staging))
            let texts = PrecomputedTexts(following: ahead)
            // Read ahead through the middle before the first question, so that the first half is
            // taken from a file closed while reading goes on.
            let deadline = Date().addingTimeInterval(120)
            while !ahead.hasRead(through: middle) && Date() < deadline { usleep(10_000) }
            #expect(ahead.hasRead(through: middle))
            var answered = 0, firstHalf = 0
            for (n, file) in wanted.enumerated() {
                let expected = TextExtractor.extract(path: received.root + "/" + file.path, mime: file.mime)
                let got = try texts.outcome(for: file.path, sha256: file.sha256, mime: file.mime)
                if case .text = expected, n <= wanted.count / 2 {
                    #expect(got == expected, "\(file.path): read ahead before it was asked")
                    firstHalf += 1
                } else {
                    #expect(got == nil || got == expected, "\(file.path)")
                }
                if got != nil { answered += 1 }
            }
            #expect(firstHalf > 3 && answered >= firstHalf)
            texts.remove()
            ahead.discard()
            let left = try FileManager.default.contentsOfDirectory(atPath: staging).filter { $0.hasPrefix("aip-textahead-") }
            #expect(left.isEmpty, "\(left)")
        }
    }

    /// An archive named by a relative path: PDFs are read by a worker process that takes
    /// absolute paths only, so the links must be named absolutely too.
    @Test func pdfsAreReadAheadUnderARelativeStagingPath() throws {
        try Self.withReceivedSIP("text-ahead-relative") { staging, received in
            // The same folder, relative to the working directory (no chdir: tests run in parallel).
            let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
            let relative = String(repeating: "../", count: depth) + staging.dropFirst()
            let formats = try #require(received.identifiedFormats)
            let ahead = try #require(TextAhead(formats: formats, staging: relative))
            ahead.waitUntilAllRead()
            let texts = ahead.stop()
            defer { texts.remove() }
            var pdfs = 0
            for file in try Self.wantedFiles(formats) where file.mime == "application/pdf" {
                if try texts.outcome(for: file.path, sha256: file.sha256, mime: file.mime) != nil { pdfs += 1 }
            }
            #expect(pdfs > 3)
        }
    }

    @Test func aTextIsGivenOnlyForItsBytesTypeAndOrder() throws {
        let work = try IntakeFixtures.temporaryFolder("precomputed-texts")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let writer = try RecordFileWriter(path: work + "/texts")
        let a = String(repeating: "a", count: 64), b = String(repeating: "b", count: 64)
        try writer.append(["representations/r/data/1.txt", a, "text/plain", "0", "ett"])
        try writer.append(["representations/r/data/2.txt", b, "text/plain", "1", "två"])
        try writer.append(["representations/r/data/3.txt", a, "text/plain", "0", "tre"])
        try writer.close()

        let texts = PrecomputedTexts(path: work + "/texts")
        #expect(try texts.outcome(for: "representations/r/data/1.txt", sha256: b, mime: "text/plain") == nil)  // other bytes
        #expect(try texts.outcome(for: "representations/r/data/2.txt", sha256: b, mime: "text/plain")
                == .text("två", truncated: true))
        #expect(try texts.outcome(for: "representations/r/data/3.txt", sha256: a, mime: "text/xml") == nil)  // other type
        #expect(try texts.outcome(for: "representations/r/data/2.txt", sha256: b, mime: "text/plain") == nil)  // behind
        texts.remove()
        #expect(!FileManager.default.fileExists(atPath: work + "/texts"))
        #expect(try PrecomputedTexts.none.outcome(for: "x", sha256: a, mime: "text/plain") == nil)
    }

    @Test func cleanUpRemovesLinksNobodyTook() throws {
        let work = try IntakeFixtures.temporaryFolder("text-links-cleanup")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (staging, received) = try Self.receivedSIP(in: work)
        #expect(FileManager.default.fileExists(atPath: try #require(received.identifiedFormats).textLinks))
        received.cleanUp()
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging) == [])
    }

    /// The texts an ingest indexed (read ahead for most files) against a reindex's (none read
    /// ahead): the same, file by file.
    @Test func ingestIndexesTheTextsAReindexDoes() throws {
        let work = try IntakeFixtures.temporaryFolder("text-ahead-ingest")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let archive = try Archive.create(at: work + "/archive", agreementsFrom: IntakeFixtures.repositoryRoot + "/profiles/agreements")
        let outcomes = try Ingestor(archive: archive, user: try archive.user("arkivarie-vanersborg"))
            .ingest([try Self.sipTar(in: work)], agreementID: nil)
        #expect(outcomes.map(\.status) == [.archived], "\(outcomes)")
        // The canonical dump holds every file's text status and note, and the texts by file.
        let ingested = try archive.index.canonicalDump()
        #expect(ingested.split(separator: "\n").filter { $0.hasPrefix("search_text\t") && $0.contains("\tfile\t") }.count > 10)
        #expect(try FileManager.default.contentsOfDirectory(atPath: archive.layout.staging)
            .filter { $0.hasPrefix("aip-") || $0.hasPrefix("intake-") } == [])
        _ = try Reindexer(archive: archive).run()
        #expect(try archive.index.canonicalDump() == ingested)
    }
}
