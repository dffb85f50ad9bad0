import BevaraArchiveIO
import Foundation
import Testing

/// The one record-file format behind ingest's scratch files, the sorter's runs and the storage
/// builder's maps: what is written is read back as it was, and a damaged file is refused by name.
@Suite struct RecordFileTests {
    static func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.path + "/bevara-records-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func recordFilesRoundTripAndRefuseACutRecord() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let big = String(repeating: "ö", count: 100_000)  // longer than one read buffer
        let records: [[String?]] = (0..<5_000).map { ["väg/\($0)", $0 % 3 == 0 ? nil : "", $0 == 4_321 ? big : "x\($0)"] }
        let writer = try RecordFileWriter(path: dir + "/r")
        for r in records { try writer.append(r) }
        try writer.close()
        let reader = try RecordFileReader(path: dir + "/r")
        var back: [[String?]] = []
        while let r = try reader.next(fields: 3) { back.append(r) }
        #expect(back == records)

        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/r"))
        try data.prefix(data.count - 3).write(to: URL(fileURLWithPath: dir + "/cut"))
        let cut = try RecordFileReader(path: dir + "/cut")
        let error = #expect(throws: IOError.self) { while try cut.next(fields: 3) != nil {} }
        #expect(error?.path == dir + "/cut" && error?.reason == "record cut short")
    }

    @Test func pairsKeepAbsentValuesAndOffsetsPointAtRecords() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = try RecordFileWriter(path: dir + "/p")
        var offsets: [Int64] = []
        let pairs: [(String, String?)] = [("a", nil), ("bå", ""), ("c", "värde")]
        for (key, value) in pairs {
            offsets.append(writer.offset)
            try writer.append(key, value)
        }
        try writer.close()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/p")))
        #expect(Int64(bytes.count) == writer.offset)
        // Each offset is where its record starts (what `SortedRun` reads blocks from).
        for (n, (key, value)) in pairs.enumerated() {
            var position = Int(offsets[n])
            #expect(try RecordLayout.decode(bytes, &position, path: "p") == key)
            #expect(try RecordLayout.decode(bytes, &position, path: "p") == value)
        }
        let reader = try RecordFileReader(path: dir + "/p", readSize: 16)
        var back: [(String, String?)] = []
        while let pair = try reader.nextPair() { back.append(pair) }
        #expect(back.map(\.0) == pairs.map(\.0) && back.map(\.1) == pairs.map(\.1))

        // A record whose key is absent is not a pair.
        let keyless = try RecordFileWriter(path: dir + "/keyless")
        try keyless.append([nil, "v"])
        try keyless.close()
        let error = #expect(throws: IOError.self) { _ = try RecordFileReader(path: dir + "/keyless").nextPair() }
        #expect(error?.path == dir + "/keyless")
    }

    @Test func writerRefusesAnExistingFileAndReaderAMissingOne() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try RecordFileWriter(path: dir + "/x").close()
        #expect(throws: IOError(path: dir + "/x", operation: "create", errno: EEXIST)) { try RecordFileWriter(path: dir + "/x") }
        #expect(throws: IOError(path: dir + "/y", operation: "open", errno: ENOENT)) { try RecordFileReader(path: dir + "/y") }
    }
}
