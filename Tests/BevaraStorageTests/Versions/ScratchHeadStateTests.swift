import BevaraArchiveIO
@testable import BevaraStorage
import Foundation
import Testing

/// A head state kept in a scratch folder (`headState(of:scratchFolder:)`) must answer exactly as
/// the in-memory table does — every file, in the same order, the same lookups and count — and
/// fall back to the table for inventories it cannot join in digest order, leaving no scratch
/// files behind in any case.
@Suite struct ScratchHeadStateTests {
    private func files(_ state: OCFLHeadState) throws -> [OCFLHeadState.File] {
        var out: [OCFLHeadState.File] = []
        try state.forEach { out.append($0) }
        return out
    }

    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Everything a reader can ask, asked of both, for `present` and `absent` paths.
    private func expectSameAnswers(_ disk: OCFLHeadState, _ table: OCFLHeadState, absent: [String]) throws {
        #expect(disk.isOnDisk && !table.isOnDisk)
        #expect(disk.count == table.count && disk.objectID == table.objectID && disk.headVersion == table.headVersion)
        let all = try files(table)
        #expect(try files(disk) == all)
        #expect(all.count == table.count)
        for file in all { #expect(try disk.file(file.logicalPath) == file) }
        for path in absent {
            #expect(try table.file(path) == nil, "\(path)")
            #expect(try disk.file(path) == nil, "\(path)")
        }
        for prefix in ["", "data/", "representations/rep1/data/0", "metadata/", "zzz"] {
            #expect(try disk.paths { $0.hasPrefix(prefix) } == table.paths { $0.hasPrefix(prefix) })
        }
    }

    /// A generated object of two versions (shared contents, odd names, removals, changes), read
    /// into scratch runs small enough that they are merged (more than 16), and into the table.
    @Test func aGeneratedObjectReadsTheSameOnDiskAndInMemory() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        try FileManager.default.createDirectory(atPath: box.staging, withIntermediateDirectories: true)
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let odd = ["data/\"citat\" – åäö.txt", "data/Ärende ÅÄÖ/bilaga é.pdf", "data/emoji 📄.txt", "data/Z.txt",
                   "data/a/b.txt", "data/a.txt", "data/a-b.txt", "data/a b.txt", "data/ä.txt", "data/z.txt"]
        let v1 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        for (i, path) in odd.enumerated() { try v1.addFile(logicalPath: path, data: Data("innehåll \(i % 3)".utf8)) }
        for i in 0..<700 {
            // Every seventh file has the bytes of another: several logical paths to one digest.
            let content = i % 7 == 0 ? "delad \(i % 5)" : "fil \(i)"
            try v1.addFile(logicalPath: String(format: "representations/rep1/data/%03d/%04d.pdf", i % 37, 699 - i), data: Data(content.utf8))
        }
        try v1.addFile(logicalPath: "metadata/other/bevara-aip.json", data: Data("{}".utf8))
        _ = try v1.commit(created: testDate, message: "Första", user: testUser)

        let v2 = try root.beginVersion(of: id, stagingDirectory: box.staging)
        try v2.inheritPreviousState()
        #expect(v2.removeFile(logicalPath: "data/Z.txt"))
        #expect(v2.removeFile(logicalPath: "representations/rep1/data/000/0699.pdf"))
        try v2.addFile(logicalPath: "data/ny.txt", data: Data("helt ny".utf8))
        try v2.addFile(logicalPath: "data/a.txt", data: Data("fil 3".utf8))  // now shares v1 bytes
        _ = try v2.commit(created: testDate, message: "Andra", user: testUser)

        let table = try root.headState(of: id)
        let folder = box.staging + "/aip-headstate-test"
        do {
            let disk = try root.headState(of: id, scratch: .init(folder: folder, bufferLimit: 16))
            #expect(exists(folder))
            #expect(disk.count == 710)
            let decomposed = "data/a\u{0308}.txt"  // `data/ä.txt` spelled NFD: another path, byte for byte
            try expectSameAnswers(disk, table, absent: ["", "data", "data/", "data/Z.txt", "data/a.tx", "data/a.txtx",
                                                        "representations/rep1/data/000/0699.pdf", decomposed, "\u{10FFFF}"])
            #expect(try disk.file("data/a.txt")?.contentPath == "v1/content/representations/rep1/data/003/0696.pdf")
            #expect(try disk.file("data/ny.txt")?.contentPath == "v2/content/data/ny.txt")
            // The same files as the parsed inventory says (the table's own test checks that too).
            let inventory = try root.inventory(of: id)
            #expect(try files(disk).map(\.digest) == files(disk).map { inventory.digest(of: $0.logicalPath, version: 2)! })
        }
        #expect(!exists(folder), "the scratch folder goes with the state")

        // The default buffer: this object fits in it and never writes a run; same answers.
        do {
            let disk = try root.headState(of: id, scratchFolder: folder)
            try expectSameAnswers(disk, table, absent: ["data/Z.txt", "nope"])
        }
        #expect(!exists(folder))
        // A sidecar that disagrees: the full parse decides (into the table), and no folder is left.
        try String(repeating: "0", count: 64).appending("  inventory.json\n")
            .write(toFile: root.objectPath(for: id) + "/inventory.json.sha256", atomically: false, encoding: .utf8)
        do {
            let parsed = try? root.headState(of: id, scratchFolder: folder)
            #expect(parsed?.isOnDisk != true)
            if let parsed { #expect(try files(parsed) == files(table)) }
        }
        #expect(!exists(folder))
    }

    /// Inventories another tool might write: what cannot be joined in digest order is declined
    /// (nil, folder removed) and the table reads it; what can gives the table's answers.
    @Test func unusualInventoriesFallBackToTheTable() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let folder = box.directory + "/aip-headstate-json"
        let a = String(repeating: "a", count: 64), b = String(repeating: "b", count: 64), c = String(repeating: "c", count: 64)
        func inventory(manifest: String, state: String, head: String = "v1", tail: String = "") -> String {
            #"{"digestAlgorithm":"sha256","head":"\#(head)","id":"o","manifest":{\#(manifest)},"type":"t","#
                + #""versions":{"v1":{"created":"2026-01-01T00:00:00Z","state":{\#(state)}}}\#(tail)}"#
        }
        /// (scratch-backed result or nil, table result or nil); throws what the scratch reading throws.
        func read(_ json: String) throws -> (disk: HeadStateReader.Result?, table: HeadStateReader.Result?) {
            let path = box.sources + "/inventory-\(UUID().uuidString).json"
            try json.write(toFile: path, atomically: false, encoding: .utf8)
            let table = try? HeadStateReader.read(path: path)
            do {
                return (try HeadStateReader.read(path: path, scratch: .init(folder: folder, bufferLimit: 2)), table)
            } catch {
                #expect(!exists(folder), "no scratch folder left: \(json)")
                throw error
            }
        }
        func onDisk(_ json: String) throws -> [OCFLHeadState.File] {
            defer { #expect(!exists(folder), "no scratch folder left: \(json)") }
            let (disk, table) = try read(json)
            let d = try #require(disk, "read on disk: \(json)"), t = try #require(table)
            #expect(exists(folder))
            #expect(d.state.isOnDisk && d.sha256 == t.sha256 && d.state.count == t.state.count)
            #expect(try files(d.state) == files(t.state))
            return try files(d.state)
        }
        func declined(_ json: String) throws {
            let (disk, _) = try read(json)
            #expect(disk == nil, "declined: \(json)")
            #expect(!exists(folder), "no scratch folder left: \(json)")
        }

        // Bevara's order: on disk, with several logical paths per digest and the first content path.
        let sorted = inventory(manifest: #""\#(a)":["v1/content/x","v1/content/w"],"\#(b)":["v1/content/b"],"\#(c)":["v1/content/c"]"#,
                               state: #""\#(a)":["x","w"],"\#(c)":["c"]"#)
        #expect(try onDisk(sorted).map { "\($0.logicalPath) \($0.contentPath)" } == ["c v1/content/c", "w v1/content/w", "x v1/content/w"])
        // Upper-case digests (in order once lower-cased) are lower-cased as the table does.
        #expect(try onDisk(inventory(manifest: #""\#(a.uppercased())":["v1/content/a"]"#, state: #""\#(a)":["a"]"#)).first?.digest == a)
        // A head version with an empty state, or none at all: no files.
        #expect(try onDisk(inventory(manifest: #""\#(a)":["v1/content/a"]"#, state: "")).isEmpty)
        #expect(try onDisk(#"{"digestAlgorithm":"sha256","head":"v1","id":"o","manifest":{},"versions":{"v1":{}}}"#).isEmpty)

        // Out of digest order: declined, and the table still reads them.
        try declined(inventory(manifest: #""\#(b)":["v1/content/b"],"\#(a)":["v1/content/a"]"#, state: #""\#(a)":["a"],"\#(b)":["b"]"#))
        try declined(inventory(manifest: #""\#(a)":["v1/content/a"],"\#(b)":["v1/content/b"]"#, state: #""\#(b)":["b"],"\#(a)":["a"]"#))
        try declined(inventory(manifest: #""\#(a)":["v1/content/a"],"\#(a.uppercased())":["v1/content/b"]"#, state: #""\#(a)":["a"]"#))
        for unsorted in [inventory(manifest: #""\#(b)":["v1/content/b"],"\#(a)":["v1/content/a"]"#, state: #""\#(a)":["a"],"\#(b)":["b"]"#),
                         inventory(manifest: #""\#(a)":["v1/content/a"],"\#(b)":["v1/content/b"]"#, state: #""\#(b)":["b"],"\#(a)":["a"]"#)] {
            let path = box.sources + "/unsorted-\(UUID().uuidString).json"
            try unsorted.write(toFile: path, atomically: false, encoding: .utf8)
            #expect(try files(try #require(try HeadStateReader.read(path: path)).state).map(\.logicalPath) == ["a", "b"])
        }
        // Unusual: one path under two digests, a path not in NFC, a digest not of 64 hex digits,
        // the state before the manifest. Declined; the table decides as it always did.
        try declined(inventory(manifest: #""\#(a)":["v1/content/a"],"\#(b)":["v1/content/b"]"#, state: #""\#(a)":["p"],"\#(b)":["p"]"#))
        try declined(inventory(manifest: #""\#(a)":["v1/content/a"]"#, state: #""\#(a)":["a\u0308"]"#))
        try declined(inventory(manifest: #""abc":["v1/content/a"]"#, state: #""abc":["a"]"#))
        try declined(#"{"digestAlgorithm":"sha256","head":"v1","id":"o","versions":{"v1":{"state":{"\#(a)":["a"]}}},"manifest":{"\#(a)":["v1/content/a"]}}"#)
        // A digest the manifest lacks (or lists without a path): declined; the table throws.
        for missing in [inventory(manifest: #""\#(a)":["v1/content/a"]"#, state: #""\#(a)":["a"],"\#(b)":["b"]"#),
                        inventory(manifest: #""\#(a)":[]"#, state: #""\#(a)":["a"]"#)] {
            let (disk, table) = try read(missing)
            #expect(disk == nil && table == nil)
            #expect(!exists(folder))
        }
        // Damage after the state has gone to disk: thrown (the caller then parses the whole
        // inventory for its error), and the scratch folder is removed.
        for broken in [inventory(manifest: #""\#(a)":["v1/content/a"]"#, state: #""\#(a)":["a"]"#, tail: ",x"),
                       inventory(manifest: #""\#(a)":["v1/content/a"]"#, state: #""\#(a)":["a"]"#, head: "v2"),
                       inventory(manifest: #""\#(a)":["v1/content/a"]"#, state: #""\#(a)":["a"]"#).replacingOccurrences(of: "sha256", with: "md5")] {
            #expect(throws: OCFLStorageError.self, "\(broken)") { _ = try read(broken) }
        }
        // A folder that cannot be made (its parent is missing): declined, the table reads it.
        let path = box.sources + "/unmade.json"
        try sorted.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try HeadStateReader.read(path: path, scratch: .init(folder: box.directory + "/missing/aip-x")) == nil)
    }
}
