import Foundation

/// Writes the inventory of a new version straight from the builder's own records, without
/// building an `OCFLInventory` (whose manifest and state dictionaries, and their JSON, would
/// hold every path and digest of the object once more at commit). The new version's records
/// arrive as sorted streams (from the builder's scratch files), read once.
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
    /// (digest, content path) of bytes first stored in this version (none in `previous`), in
    /// ascending digest order.
    let newContent: PairStream
    let version: NewVersion
    /// The new version's state as (digest, logical path) pairs, ascending by digest, then path.
    let state: PairStream

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
        try writeManifest(out, depth: 1)
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

    /// The earlier manifest's digests merged with the new content's, both in digest order.
    private func writeManifest(_ out: InventoryJSONWriter, depth: Int) throws {
        let earlier = previous?.manifest ?? [:]
        let earlierDigests = earlier.keys.sorted()
        var nextEarlier = 0
        var pending = try newContent.next()
        var first = true
        while true {
            let digest: String
            let paths: [String]
            if nextEarlier < earlierDigests.count, pending == nil || earlierDigests[nextEarlier] <= pending!.0 {
                digest = earlierDigests[nextEarlier]
                paths = earlier[digest]!.sorted()
                if pending?.0 == digest { pending = try newContent.next() }
                nextEarlier += 1
            } else if let (newDigest, path) = pending {
                digest = newDigest
                paths = [path]
                pending = try newContent.next()
            } else {
                break
            }
            try out.raw(first ? "{" : ",")
            first = false
            try field(digest, out, depth: depth + 1)
            try list(paths, out, depth: depth + 1)
        }
        if first { try out.raw("{}"); return }
        try out.newline(indent: depth)
        try out.raw("}")
    }

    /// The new state grouped by digest, from (digest, path) pairs in that order.
    private func writeNewState(_ out: InventoryJSONWriter, depth: Int) throws {
        var pending = try state.next()
        guard pending != nil else { try out.raw("{}"); return }
        try out.raw("{")
        var firstDigest = true
        while let (digest, _) = pending {
            try out.raw(firstDigest ? "" : ",")
            firstDigest = false
            try field(digest, out, depth: depth + 1)
            try out.raw("[")
            var first = true
            while let (same, path) = pending, same == digest {
                if !first { try out.raw(",") }
                first = false
                try out.newline(indent: depth + 2)
                try out.string(path)
                pending = try state.next()
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
