@testable import BevaraIndex
import Foundation
import Testing

/// The PDF text workers: text as `pdftotext` gives it, crash and hang isolation (a fresh worker
/// goes on), the fallback without the worker, and results handed back as they come.
@Suite struct PDFTextBatchTests {
    let dir: String
    let fixturePDF = repositoryRoot + "/fixtures/vanersborg-ks-csv/filer/KS 2021-123/6 Beslut om bygglov.pdf"

    init() throws {
        dir = try temporaryFolder("pdfbatch")
    }

    /// The worker `swift build` puts beside the test binary.
    private func worker() throws -> String {
        try #require(PDFTextBatch.defaultWorkerCommand()?.first, "bevara-pdftext is not built beside the tests")
    }

    /// Copies of the fixture PDF named as given, so a worker option can pick one by name.
    private func copies(_ names: [String]) throws -> [String] {
        try names.map { name in
            let path = dir + "/" + name
            try FileManager.default.copyItem(atPath: fixturePDF, toPath: path)
            return path
        }
    }

    private func run(_ batch: PDFTextBatch, _ paths: [String]) -> [TextOutcome] {
        var slots = [TextOutcome?](repeating: nil, count: paths.count)
        for (i, path) in paths.enumerated() {
            for done in batch.submit(path, tag: Int64(i)) { slots[Int(done.tag)] = done.outcome }
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
        let viaWorker = run(PDFTextBatch(lanes: 1, workerCommand: [try worker()]), [fixturePDF])[0]
        let viaTool = run(PDFTextBatch(lanes: 1, workerCommand: nil), [fixturePDF])[0]
        #expect(words(viaWorker).contains("bygglov"))
        #expect(!words(viaWorker).isEmpty && words(viaWorker) == words(viaTool))
    }

    @Test func crashingWorkerCostsOnlyItsPDF() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = try copies(["A.pdf", "B.pdf", "C.pdf"])
        let results = run(PDFTextBatch(lanes: 1, workerCommand: [try worker(), "--crash-on", "B.pdf"]), paths)
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
        let results = run(PDFTextBatch(lanes: 1, timeout: 0.5, workerCommand: [try worker(), "--hang-on", "B.pdf"]), paths)
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
        let results = run(PDFTextBatch(lanes: 1, workerCommand: [dir + "/no-such-worker"]), [fixturePDF])
        #expect(words(results[0]).contains("bygglov"))
    }

    @Test func resultsComeBackAsTheyFinishAndAreBounded() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let count = 60
        let notPDF = dir + "/fake.pdf"
        try Data("not a pdf".utf8).write(to: URL(fileURLWithPath: notPDF))
        let batch = PDFTextBatch(lanes: 2, workerCommand: [try worker()])
        var seen: [Int64: TextOutcome] = [:]
        var largestHandBack = 0
        for i in 0..<count {
            let back = batch.submit(i % 10 == 0 ? notPDF : fixturePDF, tag: Int64(i))
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
}
