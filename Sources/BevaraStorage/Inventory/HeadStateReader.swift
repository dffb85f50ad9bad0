import BevaraArchiveIO
import Foundation

/// Reads the head version of an `inventory.json` in one streamed pass (`JSONTokenReader`) into an
/// `OCFLHeadState`, checking the rules `InventoryCodec.decode` checks. Returns nil for an
/// inventory whose keys come in an order it cannot follow in one pass (`versions` before `head`);
/// the caller then parses the whole inventory. Bevara writes keys sorted, so `head` comes first.
///
/// With a scratch folder, the state goes to disk (`ScratchHeadState`), joined to the manifest by
/// a second reader walking it in step, so neither is held in memory. That needs manifest and
/// state in digest order (as Bevara writes them) and nothing unusual; otherwise, or if the
/// scratch files cannot be written, it returns nil and the caller reads into the table.
enum HeadStateReader {
    struct Result {
        var state: OCFLHeadState
        /// SHA-256 of the file's bytes, for the sidecar check.
        var sha256: String
    }

    /// Where a scratch-backed state is built: `folder` is made (it must not exist) and deleted
    /// with the state, or at once if it is not used.
    struct Scratch {
        var folder: String
        var bufferLimit = ScratchHeadState.defaultBufferLimit
    }

    static func read(path: String, scratch: Scratch? = nil) throws -> Result? {
        let reader = try JSONTokenReader(path: path)
        do {
            return try read(reader, path: path, scratch: scratch)
        } catch is ScratchHeadState.Builder.Declined {
            return nil
        } catch let error as IOError where scratch.map({ error.path.hasPrefix($0.folder + "/") || error.path == $0.folder }) == true {
            return nil
        } catch let malformed as JSONTokenReader.Malformed {
            throw OCFLStorageError.invalidInventory(path: path, reason: "not a parseable inventory: \(malformed.reason) at byte \(malformed.offset)")
        } catch let missing as OCFLHeadState.Builder.Missing {
            throw OCFLStorageError.invalidInventory(path: path, reason: "digest \(missing.digest) of '\(missing.logicalPath)' is not in the manifest")
        }
    }

    private static func read(_ reader: JSONTokenReader, path: String, scratch: Scratch?) throws -> Result? {
        func invalid(_ reason: String) -> OCFLStorageError { .invalidInventory(path: path, reason: reason) }
        guard try reader.next() == .beginObject else { throw invalid("not a JSON object") }
        var id: String?, head: String?, algorithm: String?
        var versionNames: [String] = []
        var sawManifest = false, sawHeadState = false
        var builder: OCFLHeadState.Builder?
        var onDisk: ScratchHeadState.Builder?
        func requireBuilder() throws -> OCFLHeadState.Builder {
            guard let id else { throw invalid("no 'id' before the manifest and versions") }
            return builder ?? OCFLHeadState.Builder(objectID: id)
        }
        func requireOnDisk(_ scratch: Scratch) throws -> ScratchHeadState.Builder {
            try onDisk ?? ScratchHeadState.Builder(inventory: reader, folder: scratch.folder, bufferLimit: scratch.bufferLimit)
        }
        while let token = try reader.next(), token != .endObject {
            guard case .key(let key) = token else { throw invalid("expected a key") }
            switch key {
            case "id", "head", "digestAlgorithm":
                guard case .string(let value)? = try reader.next() else { throw invalid("'\(key)' is not a string") }
                if key == "id" { id = value } else if key == "head" { head = value } else { algorithm = value }
            case "manifest":
                // An inventory written by another tool may put `id` after `manifest`.
                guard id != nil else { return nil }
                if scratch != nil {
                    // Only its shape and order here (the state's reading walks it again, in step,
                    // as far as it needs): whole, so two spellings of one digest are declined too.
                    var last: String?, sorted = true
                    try readDigestMap(reader, path: path) { digest, _ in
                        let digest = digest.lowercased()
                        if let last, last >= digest { sorted = false }
                        last = digest
                    }
                    guard sorted else { return nil }
                } else {
                    var b = try requireBuilder()
                    try readDigestMap(reader, path: path) { digest, paths in b.addManifest(digest: digest, contentPaths: paths) }
                    b.manifestEnded()
                    builder = b
                }
                sawManifest = true
            case "versions":
                guard let head, id != nil else { return nil }
                // On disk, the state is joined to a manifest already read (and so well-formed).
                if scratch != nil && !sawManifest { return nil }
                var b = scratch == nil ? try requireBuilder() : nil
                guard try reader.next() == .beginObject else { throw invalid("'versions' is not an object") }
                while let versionToken = try reader.next(), versionToken != .endObject {
                    guard case .key(let name) = versionToken else { throw invalid("expected a version name") }
                    versionNames.append(name)
                    guard try reader.next() == .beginObject else { throw invalid("version \(name) is not an object") }
                    while let field = try reader.next(), field != .endObject {
                        guard case .key(let fieldName) = field else { throw invalid("expected a key in version \(name)") }
                        if fieldName == "state" && name == head {
                            if let scratch {
                                let disk = try requireOnDisk(scratch)
                                onDisk = disk
                                try readDigestMap(reader, path: path) { digest, paths in try disk.add(digest: digest, logicalPaths: paths) }
                            } else {
                                try readDigestMap(reader, path: path) { digest, paths in
                                    for logical in paths { try b!.addFile(logicalPath: logical, digest: digest) }
                                }
                            }
                            sawHeadState = true
                        } else {
                            guard let first = try reader.next() else { throw invalid("unexpected end") }
                            try reader.skipValue(startingWith: first)
                        }
                    }
                }
                if scratch == nil { builder = b }
            default:
                guard let first = try reader.next() else { throw invalid("unexpected end") }
                try reader.skipValue(startingWith: first)
            }
        }
        let digest = try reader.finishDigest()
        guard let id, let head, let algorithm, sawManifest, scratch != nil || builder != nil else {
            throw invalid("not a parseable inventory: 'id', 'head', 'digestAlgorithm', 'manifest' or 'versions' missing")
        }
        guard algorithm == "sha256" else {
            throw invalid("digestAlgorithm '\(algorithm)' is not supported (sha256 only)")
        }
        let numbers = versionNames.compactMap(OCFLInventory.versionNumber).sorted()
        guard let headNumber = OCFLInventory.versionNumber(head), sawHeadState || versionNames.contains(head),
              numbers.count == versionNames.count, numbers == Array(1...max(1, headNumber)) else {
            throw invalid("head '\(head)' and versions \(versionNames.sorted()) are not v1…vN")
        }
        if let scratch {
            let disk = try requireOnDisk(scratch)  // a head version without a state: no files
            return Result(state: OCFLHeadState(objectID: id, headVersion: headNumber, onDisk: disk.finish()), sha256: digest)
        }
        return Result(state: try builder!.finish(headVersion: headNumber), sha256: digest)
    }

    /// `{ "digest": ["path", …], … }`, handing each entry to `body`.
    private static func readDigestMap(_ reader: JSONTokenReader, path: String,
                                      _ body: (String, [String]) throws -> Void) throws {
        func invalid(_ reason: String) -> OCFLStorageError { .invalidInventory(path: path, reason: reason) }
        guard try reader.next() == .beginObject else { throw invalid("expected an object of digests") }
        var paths: [String] = []
        while let token = try reader.next(), token != .endObject {
            guard case .key(let digest) = token else { throw invalid("expected a digest") }
            guard try reader.next() == .beginArray else { throw invalid("paths of \(digest) are not an array") }
            paths.removeAll(keepingCapacity: true)
            while let item = try reader.next(), item != .endArray {
                guard case .string(let p) = item else { throw invalid("a path of \(digest) is not a string") }
                paths.append(p)
            }
            try body(digest, paths)
        }
    }
}
