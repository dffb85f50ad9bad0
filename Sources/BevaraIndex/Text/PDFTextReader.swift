import BevaraModel
import Foundation

/// PDF text through poppler's `pdftotext`, one process per PDF (a crash or hang in a hostile PDF
/// stays out of Bevara's process). The first 200 pages, UTF-8, output capped at the byte budget;
/// a run longer than `timeout` is killed. Only used where the `bevara-pdftext` worker is missing
/// (`TextBatch`): each run costs a process start.
enum PDFTextReader {
    static let maxPages = 200
    static let timeout: TimeInterval = 120

    static func read(path: String, maxBytes: Int) -> TextOutcome {
        guard let tool = executable() else {
            return .noText(reason: "pdftotext is not installed (apt-get install -y poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", "-l", String(maxPages), path, "-"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .noText(reason: "pdftotext could not start: \(error)")
        }
        // Weak: a cancelled work item stays queued until its deadline, and a strong capture kept
        // every finished Process and its pipes alive for `timeout` (thousands on a big package).
        let watchdog = DispatchWorkItem { [weak process] in
            if let process, process.isRunning { process.terminate() }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Read stderr concurrently so a chatty pdftotext never blocks on a full pipe.
        let errorText = ErrorCollector()
        let errorReader = Thread { errorText.collect(err.fileHandleForReading) }
        errorReader.start()

        var bytes: [UInt8] = []
        var truncated = false
        let reader = out.fileHandleForReading
        while let chunk = try? reader.read(upToCount: 64 * 1024), !chunk.isEmpty {
            if bytes.count + chunk.count > maxBytes {
                bytes.append(contentsOf: chunk.prefix(maxBytes - bytes.count))
                truncated = true
                process.terminate()
                break
            }
            bytes.append(contentsOf: chunk)
        }
        process.waitUntilExit()
        watchdog.cancel()
        errorText.wait()
        if !truncated && process.terminationReason == .uncaughtSignal {
            return .noText(reason: "pdftotext was stopped after \(Int(timeout)) s or crashed")
        }
        if !truncated && process.terminationStatus != 0 {
            let message = errorText.firstLine ?? "exit status \(process.terminationStatus)"
            return .noText(reason: "pdftotext failed: \(message)")
        }
        return outcome(of: bytes, truncated: truncated)
    }

    /// The outcome for a PDF's extracted UTF-8 text (from `pdftotext` or the worker).
    static func outcome(of bytes: [UInt8], truncated: Bool) -> TextOutcome {
        // Page breaks (form feeds) become line breaks; 0x0C is never part of a longer UTF-8 sequence.
        var bytes = bytes
        for i in bytes.indices where bytes[i] == 0x0C { bytes[i] = 0x0A }
        let text = PlainTextReader.decodeUTF8(bytes, truncated: truncated) ?? String(decoding: bytes, as: UTF8.self)
        let trimmed = text.trimmedWhitespace()
        if trimmed.isEmpty && !truncated {
            return .noText(reason: "the PDF has no text layer (scanned image?)")
        }
        return .text(trimmed, truncated: truncated)
    }

    static func executable() -> String? {
        ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Drains a pipe on its own thread and keeps the first 4 KiB.
    private final class ErrorCollector: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        func collect(_ handle: FileHandle) {
            while let chunk = try? handle.read(upToCount: 4096), !chunk.isEmpty {
                if data.count < 4096 { data.append(chunk.prefix(4096 - data.count)) }
            }
            done.signal()
        }

        func wait() { done.wait() }

        var firstLine: String? {
            String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
        }
    }
}
