import Foundation

/// Writes the inventory of a new version straight from the builder's own records, without
/// building an `OCFLInventory` (whose manifest and state dictionaries, and their JSON, would
/// hold every path and digest of the object once more at commit).
///
/// Keys are written in sorted order, as `JSONEncoder` with `.sortedKeys` does, so the result
/// decodes to exactly the inventory `makeInventory` used to encode.
struct InventoryStreamEncoder {
    /// The new version's `created`, `message` and `user`.
    struct NewVersion {
        var name: String
        var created: String
        var message: String
        var user: OCFLInventory.User
    }

    let objectID: String
    let previous: OCFLInventory?
    /// Digest → content path of bytes first stored in this version (none in `previous`).
    let newContent: [String: String]
    let version: NewVersion
    /// The new version's state as (logical path, digest) pairs, in any order.
    let state: [String: String]

    /// Writes the inventory to every path in `paths` (new files, fsynced) and returns the
    /// SHA-256 of the written bytes.
    func write(to paths: [String]) throws -> String {
        let out = try InventoryJSONWriter(paths: paths)
        try out.raw("{")
        if let directory = previous?.contentDirectory {
            try field("contentDirectory", out, depth: 1); try out.string(directory); try out.raw(",")
        }
        try field("digestAlgorithm", out, depth: 1); try out.string("sha256"); try out.raw(",")
        if let fixity = previous?.fixity {
            try field("fixity", out, depth: 1)
            try object(fixity.keys.sorted(), out, depth: 1) { algorithm in
                let block = fixity[algorithm]!
                try object(block.keys.sorted(), out, depth: 2) { try list(block[$0]!.sorted(), out, depth: 3) }
            }
            try out.raw(",")
        }
        try field("head", out, depth: 1); try out.string(version.name); try out.raw(",")
        try field("id", out, depth: 1); try out.string(objectID); try out.raw(",")
        try field("manifest", out, depth: 1)
        let earlier = previous?.manifest ?? [:]
        let digests = (Array(earlier.keys) + newContent.keys.filter { earlier[$0] == nil }).sorted()
        try object(digests, out, depth: 1) { digest in
            if let path = newContent[digest], earlier[digest] == nil {
                try list([path], out, depth: 2)
            } else {
                try list(earlier[digest]!.sorted(), out, depth: 2)
            }
        }
        try out.raw(",")
        try field("type", out, depth: 1); try out.string(OCFLInventory.inventoryType); try out.raw(",")
        try field("versions", out, depth: 1)
        let earlierVersions = previous?.versions ?? [:]
        let names = (Array(earlierVersions.keys) + [version.name]).sorted()
        try object(names, out, depth: 1) { name in
            if let old = earlierVersions[name], name != version.name {
                try writeVersion(created: old.created, message: old.message, user: old.user, out, depth: 2) {
                    try object(old.state.keys.sorted(), out, depth: 3) { try list(old.state[$0]!.sorted(), out, depth: 4) }
                }
            } else {
                try writeVersion(created: version.created, message: version.message, user: version.user, out, depth: 2) {
                    try writeNewState(out, depth: 3)
                }
            }
        }
        try out.newline(indent: 0)
        try out.raw("}\n")
        return try out.finish()
    }

    /// The new state grouped by digest: one sorted array of (digest, path) pairs instead of a
    /// dictionary of arrays (the strings themselves are shared with the builder's, not copied).
    private func writeNewState(_ out: InventoryJSONWriter, depth: Int) throws {
        let pairs = state.map { (digest: $0.value, path: $0.key) }
            .sorted { $0.digest != $1.digest ? $0.digest < $1.digest : $0.path < $1.path }
        guard !pairs.isEmpty else { try out.raw("{}"); return }
        try out.raw("{")
        var index = 0
        while index < pairs.count {
            let digest = pairs[index].digest
            try out.raw(index == 0 ? "" : ",")
            try field(digest, out, depth: depth + 1)
            try out.raw("[")
            var first = true
            while index < pairs.count && pairs[index].digest == digest {
                if !first { try out.raw(",") }
                first = false
                try out.newline(indent: depth + 2)
                try out.string(pairs[index].path)
                index += 1
            }
            try out.newline(indent: depth + 1)
            try out.raw("]")
        }
        try out.newline(indent: depth)
        try out.raw("}")
    }

    private func writeVersion(created: String, message: String?, user: OCFLInventory.User?,
                              _ out: InventoryJSONWriter, depth: Int, state: () throws -> Void) throws {
        try out.raw("{")
        try field("created", out, depth: depth + 1); try out.string(created); try out.raw(",")
        if let message { try field("message", out, depth: depth + 1); try out.string(message); try out.raw(",") }
        try field("state", out, depth: depth + 1)
        try state()
        if let user {
            try out.raw(",")
            try field("user", out, depth: depth + 1)
            try out.raw("{")
            if let address = user.address {
                try field("address", out, depth: depth + 2); try out.string(address); try out.raw(",")
            }
            try field("name", out, depth: depth + 2); try out.string(user.name)
            try out.newline(indent: depth + 1)
            try out.raw("}")
        }
        try out.newline(indent: depth)
        try out.raw("}")
    }

    /// A newline, indentation and `"name" : `.
    private func field(_ name: String, _ out: InventoryJSONWriter, depth: Int) throws {
        try out.newline(indent: depth)
        try out.key(name)
    }

    /// `{ "k1" : …, "k2" : … }` over `keys` (already sorted), each value written by `value`.
    private func object(_ keys: [String], _ out: InventoryJSONWriter, depth: Int,
                        value: (String) throws -> Void) throws {
        guard !keys.isEmpty else { try out.raw("{}"); return }
        try out.raw("{")
        for (n, key) in keys.enumerated() {
            if n > 0 { try out.raw(",") }
            try field(key, out, depth: depth + 1)
            try value(key)
        }
        try out.newline(indent: depth)
        try out.raw("}")
    }

    /// `[ "a", "b" ]`, one item a line.
    private func list(_ items: [String], _ out: InventoryJSONWriter, depth: Int) throws {
        guard !items.isEmpty else { try out.raw("[]"); return }
        try out.raw("[")
        for (n, item) in items.enumerated() {
            if n > 0 { try out.raw(",") }
            try out.newline(indent: depth + 1)
            try out.string(item)
        }
        try out.newline(indent: depth)
        try out.raw("]")
    }
}
