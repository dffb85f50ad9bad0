import Foundation

/// The few facts recovery, `objectIDs()` and reindex's ordering need from an `inventory.json` —
/// `id`, `head`, the head version's `created` and the file's SHA-256 — read in one streamed pass
/// (`JSONTokenReader`) without holding the manifest or the states, which grow with the object.
///
/// Checks the shape `InventoryCodec.decode` checks (each field's type, `sha256`, versions v1…vN)
/// and is stricter where the token reader cannot tell (`null` or a number where a string or object
/// belongs, a repeated key): an inventory it accepts is one `decode` accepts. Returns nil for
/// anything else — unreadable, malformed, unusual — and the caller takes its full-parse path,
/// which reports the error as before.
struct InventorySummary: Equatable {
    var id: String
    var head: String
    var headCreated: String
    /// SHA-256 (lower-case hex) of the file's bytes, for the sidecar check.
    var sha256: String

    static func read(path: String) -> InventorySummary? {
        guard let reader = try? JSONTokenReader(path: path) else { return nil }
        return try? read(reader)
    }

    private struct Unusual: Error {}

    private static func read(_ r: JSONTokenReader) throws -> InventorySummary {
        var strings: [String: String] = [:]
        var created: [String: String] = [:]
        var sawManifest = false
        try eachKey(r) { key in
            switch key {
            case "id", "type", "digestAlgorithm", "head": strings[key] = try string(r)
            case "contentDirectory": _ = try string(r)
            case "manifest": try digestMap(r); sawManifest = true
            case "fixity": try eachKey(r) { _ in try digestMap(r) }
            case "versions":
                try eachKey(r) { name in
                    var createdValue: String?, sawState = false
                    try eachKey(r) { field in
                        switch field {
                        case "created": createdValue = try string(r)
                        case "message": _ = try string(r)
                        case "user":
                            var sawName = false
                            try eachKey(r) { userField in
                                if userField == "name" { sawName = true }
                                if userField == "name" || userField == "address" { _ = try string(r) } else { try skip(r) }
                            }
                            guard sawName else { throw Unusual() }
                        case "state": try digestMap(r); sawState = true
                        default: try skip(r)
                        }
                    }
                    guard let createdValue, sawState else { throw Unusual() }
                    created[name] = createdValue
                }
            default: try skip(r)
            }
        }
        let digest = try r.finishDigest()
        guard let id = strings["id"], strings["type"] != nil, strings["digestAlgorithm"] == "sha256", sawManifest,
              let head = strings["head"], let headNumber = OCFLInventory.versionNumber(head), headNumber > 0,
              let headCreated = created[head],
              created.keys.compactMap(OCFLInventory.versionNumber).sorted() == Array(1...headNumber) else { throw Unusual() }
        return InventorySummary(id: id, head: head, headCreated: headCreated, sha256: digest)
    }

    /// An object, handing each key to `body` (which must read its value). A repeated key is
    /// unusual, except in digest maps (`unique: false`), whose keys are not kept (memory).
    private static func eachKey(_ r: JSONTokenReader, unique: Bool = true, _ body: (String) throws -> Void) throws {
        guard try r.next() == .beginObject else { throw Unusual() }
        var seen: Set<String> = []
        while let token = try r.next(), token != .endObject {
            guard case .key(let key) = token, !unique || seen.insert(key).inserted else { throw Unusual() }
            try body(key)
        }
    }

    private static func string(_ r: JSONTokenReader) throws -> String {
        guard case .string(let value)? = try r.next() else { throw Unusual() }
        return value
    }

    /// `{ "digest": ["path", …], … }`, checked and dropped.
    private static func digestMap(_ r: JSONTokenReader) throws {
        try eachKey(r, unique: false) { _ in
            guard try r.next() == .beginArray else { throw Unusual() }
            while let item = try r.next(), item != .endArray {
                guard case .string = item else { throw Unusual() }
            }
        }
    }

    private static func skip(_ r: JSONTokenReader) throws {
        guard let first = try r.next() else { throw Unusual() }
        try r.skipValue(startingWith: first)
    }
}
