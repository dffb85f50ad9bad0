import BevaraArchiveIO
@testable import BevaraStorage
import Foundation
import Testing

/// The version builder keeps its per-file facts in scratch maps on disk (`ScratchMap`) instead of
/// dictionaries. The same operations (duplicates, nested folders, a path added twice, removals,
/// file/folder conflicts, an update inheriting the head state) must give the inventory the
/// dictionary-based builder gave: checked against `ReferenceVersion` (that builder's bookkeeping,
/// kept here as the model), and byte for byte across scratch sizes from 1 entry in memory (every
/// lookup goes through run files, runs merged) to all of them.
@Suite struct ScratchMapBuilderTests {
    enum Step {
        case add(String, String)   // logical path, content
        case remove(String)
    }

    /// A deterministic mix: 200 files in nested folders, 40 distinct contents, then paths added
    /// again (same and other bytes), removals, and adds that must fail as conflicts.
    static func steps(version: Int, count: Int) -> [Step] {
        var generator = SplitMix(seed: UInt64(version))
        var out: [Step] = []
        var paths: [String] = []
        for i in 0..<count {
            let path = "data/d\(generator.next() % 9)/s\(generator.next() % 4)/f\(version)-\(i).txt"
            paths.append(path)
            out.append(.add(path, "c\(generator.next() % 40)"))
        }
        // Bytes another path still uses, then a new file at that path: the new bytes cannot
        // take the natural content path.
        out.append(.add("shared/a.txt", "shared"))
        out.append(.add("shared/b.txt", "shared"))
        out.append(.add("shared/a.txt", "fresh-\(version)"))
        for _ in 0..<40 {
            let path = paths[Int(generator.next() % UInt64(paths.count))]
            switch generator.next() % 4 {
            case 0: out.append(.remove(path))
            case 1: out.append(.add(path, "c\(generator.next() % 40)"))
            case 2: out.append(.add(path, "r\(generator.next() % 6)-\(version)"))
            default: out.append(.add(path + "/below", "x"))  // below a file: conflict
            }
        }
        out.append(.add("data/d1", "folder as file"))  // a folder of files: conflict
        out.append(.add("data/d1/s1", "folder as file"))
        out.append(.remove("no/such/file"))
        out.append(.add("zz/last.txt", "c3"))
        return out
    }

    private func digest(_ text: String) -> String { FileDigest.sha256(of: Data(text.utf8)) }

    /// Runs `steps` on a builder and on the model; the outcome of each step must agree.
    private func apply(_ steps: [Step], to builder: OCFLVersionBuilder, model: inout ReferenceVersion) throws {
        for step in steps {
            switch step {
            case .add(let path, let text):
                let expected = model.add(path, digest(text))
                do {
                    try builder.addFile(logicalPath: path, data: Data(text.utf8))
                    #expect(expected == nil, "\(path) should have failed with \(String(describing: expected))")
                } catch OCFLStorageError.logicalPathConflict(let failed, let existing) {
                    #expect(expected == existing && failed == path, "\(path): conflict with \(existing), model \(String(describing: expected))")
                }
            case .remove(let path):
                let removed = model.remove(path)
                #expect(builder.removeFile(logicalPath: path) == removed, "remove \(path)")
            }
        }
    }

    /// Builds v1 and v2 of one object with `scratchLimit`; returns both inventories' bytes.
    private func build(scratchLimit: Int, validate: Bool) throws -> [Data] {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let root = try box.makeRoot()
        let id = "urn:uuid:2f0c6a1e-scratch-map-test"
        var out: [Data] = []
        var previous: OCFLInventory?
        for version in 1...2 {
            let builder = try root.beginVersion(of: id, stagingDirectory: box.staging, scratchLimit: scratchLimit)
            var model = ReferenceVersion(versionName: "v\(version)", previous: previous)
            if version == 2 {
                try builder.inheritPreviousState()
                model.inheritPreviousState()
            }
            try apply(Self.steps(version: version, count: 200), to: builder, model: &model)
            #expect(try builder.currentState == model.state)
            _ = try builder.commit(created: testDate, message: "v\(version)", user: testUser)
            let inventory = try root.inventory(of: id)
            #expect(inventory.manifest == model.manifest, "manifest of v\(version)")
            #expect(inventory.state(of: version) == model.state, "state of v\(version)")
            if let previous {
                #expect(inventory.versions["v1"] == previous.versions["v1"], "v1 is carried over unchanged")
            }
            out.append(try Data(contentsOf: URL(fileURLWithPath: root.objectPath(for: id) + "/inventory.json")))
            previous = inventory
        }
        if validate { try expectValidOCFL(box.rootPath, objects: 1) }
        return out
    }

    @Test func runFilesGiveTheInventoryOfTheDictionaryBuilder() throws {
        let inMemory = try build(scratchLimit: 1_000_000, validate: true)
        for limit in [1, 5, 64] {
            #expect(try build(scratchLimit: limit, validate: limit == 1) == inMemory, "scratch limit \(limit)")
        }
    }

    @Test func scratchMapAnswersLikeADictionaryThroughSpillsAndMerges() throws {
        let directory = NSTemporaryDirectory() + "bevara-scratch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let map = ScratchMap(directory: directory, name: "m", bufferLimit: 3)
        var reference: [String: String] = [:]
        var generator = SplitMix(seed: 7)
        for _ in 0..<3000 {
            let key = "k\(generator.next() % 500)/é\(generator.next() % 3)"
            if generator.next() % 4 == 0 {
                try map.set(key, nil)
                reference[key] = nil
            } else {
                let value = "v\(generator.next())"
                try map.set(key, value)
                reference[key] = value
            }
            let probe = "k\(generator.next() % 500)/é\(generator.next() % 3)"
            #expect(try map.value(probe) == reference[probe])
        }
        var listed: [(String, String)] = []
        let entries = try map.sortedEntries()
        while let entry = try entries.next() { listed.append(entry) }
        #expect(listed.map { $0.0 } == reference.keys.sorted())
        #expect(listed.map { $0.1 } == reference.keys.sorted().map { reference[$0]! })

        let sorter = ScratchPairSorter(directory: directory, name: "p", bufferLimit: 5)
        var pairs: [(String, String)] = []
        for n in 0..<200 {
            let pair = ("d\(generator.next() % 13)", "p\(n)")
            pairs.append(pair)
            try sorter.add(pair.0, pair.1)
        }
        let sorted = try sorter.sorted()
        var merged: [(String, String)] = []
        while let pair = try sorted.next() { merged.append(pair) }
        let expected = pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        #expect(merged.map { $0.0 } == expected.map { $0.0 } && merged.map { $0.1 } == expected.map { $0.1 })
    }
}

/// The bookkeeping of the dictionary-based `OCFLVersionBuilder` (before the scratch maps), minus
/// the files: which paths the state holds, which content path new bytes get, which adds conflict.
struct ReferenceVersion {
    let versionName: String
    let previous: OCFLInventory?
    var state: [String: String] = [:]
    var stateDirectories: [String: Int] = [:]
    var digestUses: [String: Int] = [:]
    var newContent: [String: String] = [:]
    var newContentPaths: Set<String> = []
    var newContentDirectories: [String: Int] = [:]

    init(versionName: String, previous: OCFLInventory?) {
        self.versionName = versionName
        self.previous = previous
    }

    var manifest: [String: [String]] {
        var out = previous?.manifest ?? [:]
        for (digest, path) in newContent { out[digest] = [path] }
        return out
    }

    mutating func inheritPreviousState() {
        guard let previous else { return }
        for (path, digest) in previous.state(of: previous.headVersionNumber).sorted(by: { $0.key < $1.key })
        where state[path] == nil {
            precondition(conflict(path) == nil)
            assign(path, digest)
        }
    }

    /// nil when added; otherwise the `existing` path of the conflict.
    mutating func add(_ path: String, _ digest: String) -> String? {
        if let conflict = conflict(path) { return conflict }
        if state[path] == digest { return nil }
        if state[path] != nil { _ = remove(path) }
        if previous?.manifest[digest] == nil && newContent[digest] == nil {
            let contentPath = freeContentPath(for: path, digest: digest)
            newContent[digest] = contentPath
            newContentPaths.insert(contentPath)
            for prefix in OCFLVersionBuilder.directoryPrefixes(of: contentPath) { newContentDirectories[prefix, default: 0] += 1 }
        }
        assign(path, digest)
        return nil
    }

    mutating func remove(_ path: String) -> Bool {
        guard let digest = state.removeValue(forKey: path) else { return false }
        for prefix in OCFLVersionBuilder.directoryPrefixes(of: path) {
            stateDirectories[prefix]! -= 1
            if stateDirectories[prefix] == 0 { stateDirectories[prefix] = nil }
        }
        digestUses[digest]! -= 1
        guard digestUses[digest] == 0 else { return true }
        digestUses[digest] = nil
        if let contentPath = newContent.removeValue(forKey: digest) {
            newContentPaths.remove(contentPath)
            for prefix in OCFLVersionBuilder.directoryPrefixes(of: contentPath) {
                newContentDirectories[prefix]! -= 1
                if newContentDirectories[prefix] == 0 { newContentDirectories[prefix] = nil }
            }
        }
        return true
    }

    private mutating func assign(_ path: String, _ digest: String) {
        state[path] = digest
        digestUses[digest, default: 0] += 1
        for prefix in OCFLVersionBuilder.directoryPrefixes(of: path) { stateDirectories[prefix, default: 0] += 1 }
    }

    private func conflict(_ path: String) -> String? {
        if stateDirectories[path] != nil {
            return state.keys.filter { $0.hasPrefix(path + "/") }.min() ?? path + "/…"
        }
        return OCFLVersionBuilder.directoryPrefixes(of: path).first { state[$0] != nil }
    }

    private func freeContentPath(for path: String, digest: String) -> String {
        let base = versionName + "/content/"
        if !taken(base + path) { return base + path }
        var candidate = base + digest
        var n = 1
        while taken(candidate) { candidate = base + digest + "-\(n)"; n += 1 }
        return candidate
    }

    private func taken(_ path: String) -> Bool {
        newContentPaths.contains(path) || newContentDirectories[path] != nil
            || OCFLVersionBuilder.directoryPrefixes(of: path).contains(where: newContentPaths.contains)
    }
}

/// A small deterministic generator (the test's inputs must not change between runs).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
