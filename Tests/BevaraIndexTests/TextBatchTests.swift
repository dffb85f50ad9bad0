@testable import BevaraIndex
import Foundation
import Testing

/// The text lanes: PDF text as `pdftotext` gives it, crash and hang isolation (a fresh worker
/// goes on), the fallback without the worker, results handed back as they come, and every other
/// type read in the lanes exactly as `TextExtractor` reads it on the caller's thread.
@Suite struct TextBatchTests {
    let dir: String
    let fixturePDF = repositoryRoot + "/fixtures/vanersborg-ks-csv/filer/KS 2021-123/6 Beslut om bygglov.pdf"

    init() throws {
        dir = try temporaryFolder("pdfbatch")
    }

    /// The worker `swift build` puts beside the test binary.
    private func worker() throws -> String {
        try #require(TextBatch.defaultWorkerCommand()?.first, "bevara-pdftext is not built beside the tests")
    }

    /// Copies of the fixture PDF named as given, so a worker option can pick one by name.
    private func copies(_ names: [String]) throws -> [String] {
        try names.map { name in
            let path = dir + "/" + name
            try FileManager.default.copyItem(atPath: fixturePDF, toPath: path)
            return path
        }
    }

    private func run(_ batch: TextBatch, _ paths: [String]) -> [TextOutcome] {
        var slots = [TextOutcome?](repeating: nil, count: paths.count)
        for (i, path) in paths.enumerated() {
            for done in batch.submit(path, mime: "application/pdf", tag: Int64(i)) { slots[Int(done.tag)] = done.outcome }
        }
        for done in batch.finish() { slots[Int(done.tag)] = done.outcome }
        return slots.map { $0 ?? .noText(reason: "missing") }
    }

    private func words(_ outcome: TextOutcome) -> [Substring] {
        guard case .text(let text, _) = outcome else { return [] }
        return text.split(whereSeparator: \.isWhitespace)
    }

    @Test func workerGivesTheWordsPdftotextGives() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let viaWorker = run(TextBatch(lanes: 1, workerCommand: [try worker()]), [fixturePDF])[0]
        let viaTool = run(TextBatch(lanes: 1, workerCommand: nil), [fixturePDF])[0]
        #expect(words(viaWorker).contains("bygglov"))
        #expect(!words(viaWorker).isEmpty && words(viaWorker) == words(viaTool))
    }

    @Test func crashingWorkerCostsOnlyItsPDF() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = try copies(["A.pdf", "B.pdf", "C.pdf"])
        let results = run(TextBatch(lanes: 1, workerCommand: [try worker(), "--crash-on", "B.pdf"]), paths)
        #expect(words(results[0]).contains("bygglov"))
        guard case .noText(let reason) = results[1] else {
            Issue.record("the crashing PDF gave text: \(results[1])")
            return
        }
        #expect(reason.contains("crashed") && reason.contains("B.pdf"), "\(reason)")
        // The next PDF goes to a fresh worker.
        #expect(words(results[2]) == words(results[0]))
    }

    @Test func hangingWorkerIsKilledAtTheTimeout() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = try copies(["A.pdf", "B.pdf", "C.pdf"])
        let started = Date()
        let results = run(TextBatch(lanes: 1, timeout: 0.5, workerCommand: [try worker(), "--hang-on", "B.pdf"]), paths)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(words(results[0]).contains("bygglov"))
        guard case .noText(let reason) = results[1] else {
            Issue.record("the hanging PDF gave text: \(results[1])")
            return
        }
        #expect(reason.contains("stopped after") && reason.contains("B.pdf"), "\(reason)")
        #expect(words(results[2]) == words(results[0]))
    }

    @Test func missingWorkerExecutableFallsBackToPdftotext() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let results = run(TextBatch(lanes: 1, workerCommand: [dir + "/no-such-worker"]), [fixturePDF])
        #expect(words(results[0]).contains("bygglov"))
    }

    @Test func resultsComeBackAsTheyFinishAndAreBounded() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let count = 60
        let notPDF = dir + "/fake.pdf"
        try Data("not a pdf".utf8).write(to: URL(fileURLWithPath: notPDF))
        let batch = TextBatch(lanes: 2, workerCommand: [try worker()])
        var seen: [Int64: TextOutcome] = [:]
        var largestHandBack = 0
        for i in 0..<count {
            let back = batch.submit(i % 10 == 0 ? notPDF : fixturePDF, mime: "application/pdf", tag: Int64(i))
            largestHandBack = max(largestHandBack, back.count)
            for done in back { #expect(seen.updateValue(done.outcome, forKey: done.tag) == nil) }
        }
        let rest = batch.finish()
        for done in rest { #expect(seen.updateValue(done.outcome, forKey: done.tag) == nil) }
        #expect(seen.count == count)
        // Results were handed back during the loop, never more than the window at once.
        #expect(rest.count < count && largestHandBack <= batch.window)
        for (tag, outcome) in seen {
            if tag % 10 == 0 {
                guard case .noText(let reason) = outcome else { Issue.record("fake PDF \(tag) gave text"); continue }
                #expect(reason.contains("poppler cannot open the PDF"))
            } else {
                #expect(words(outcome).contains("bygglov"))
            }
        }
    }

    @Test func otherTypesGiveWhatTheExtractorGivesDirectly() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let docx = repositoryRoot + "/fixtures/vanersborg-ks-csv/filer/KS 2021-123/3 Yttrande från miljöförvaltningen.docx"
        let xml = dir + "/beslut.xml", text = dir + "/brev.txt", latin1 = dir + "/gammal.txt", binary = dir + "/bild.png"
        try Data("<?xml version=\"1.0\"?><beslut><rubrik>Bygglov</rubrik><text>Nämnden beviljar lov.</text></beslut>".utf8)
            .write(to: URL(fileURLWithPath: xml))
        try Data("Hej!\nAngående ärende KS 2021/123: handlingarna är diarieförda.\n".utf8).write(to: URL(fileURLWithPath: text))
        try Data([0x53, 0x6B, 0xE5, 0x6C, 0x20, 0x6F, 0x63, 0x68, 0x20, 0xF6, 0x72, 0x65]).write(to: URL(fileURLWithPath: latin1))  // Windows-1252
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: binary))
        let jobs: [(String, String)] = [(xml, "application/xml"), (text, "text/plain"), (fixturePDF, "application/pdf"),
                                        (latin1, "text/plain; charset=windows-1252"), (binary, "image/png"), (xml, "text/xml"),
                                        (docx, TextExtractor.docxMIME)]
        let batch = TextBatch(lanes: 2, workerCommand: [try worker()])
        var got: [Int64: TextOutcome] = [:]
        for (i, job) in jobs.enumerated() {
            for done in batch.submit(job.0, mime: job.1, tag: Int64(i)) { got[done.tag] = done.outcome }
        }
        for done in batch.finish() { got[done.tag] = done.outcome }
        #expect(got.count == jobs.count)
        for (i, job) in jobs.enumerated() where !TextExtractor.isPDF(job.1) {
            #expect(got[Int64(i)] == TextExtractor.extract(path: job.0, mime: job.1), "\(job.1) \(job.0)")
        }
        #expect(words(got[0]!).contains("Bygglov") && words(got[1]!).contains("diarieförda."))
        #expect(words(got[2]!).contains("bygglov") && !words(got[6]!).isEmpty)
        guard case .noText(let reason)? = got[4] else { Issue.record("a PNG gave text"); return }
        #expect(reason.contains("image/png"))
    }
}
