import BevaraArchiveIO
import Foundation

/// Reading and writing `inventory.json` and its `inventory.json.sha256` sidecar.
enum InventoryCodec {
    static let fileName = "inventory.json"
    static let sidecarName = "inventory.json.sha256"

    /// Deterministic JSON: sorted keys, indented, `/` unescaped.
    static func encode(_ inventory: OCFLInventory) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(inventory)
        data.append(0x0A)
        return data
    }

    /// `<hex> inventory.json\n`, the OCFL sidecar format.
    static func sidecar(for inventoryData: Data) -> Data {
        sidecar(digest: FileDigest.sha256(of: inventoryData))
    }

    /// The sidecar for an inventory whose SHA-256 (lower-case hex) is `digest`.
    static func sidecar(digest: String) -> Data {
        Data("\(digest) \(fileName)\n".utf8)
    }

    /// The digest a sidecar file declares; nil if missing or malformed.
    static func declaredDigest(sidecarAt path: String) -> String? {
        guard let data = try? DurableFiles.readAll(path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard fields.count == 2, fields[1] == Substring(fileName), fields[0].count == 64 else { return nil }
        return fields[0].lowercased()
    }

    /// Parses inventory bytes and checks the rules this code depends on.
    static func decode(_ data: Data, path: String) throws -> OCFLInventory {
        let inventory: OCFLInventory
        do {
            inventory = try JSONDecoder().decode(OCFLInventory.self, from: data)
        } catch {
            throw OCFLStorageError.invalidInventory(path: path, reason: "not a parseable inventory: \(error)")
        }
        guard inventory.digestAlgorithm == "sha256" else {
            throw OCFLStorageError.invalidInventory(path: path, reason: "digestAlgorithm '\(inventory.digestAlgorithm)' is not supported (sha256 only)")
        }
        guard inventory.headVersionNumber > 0, inventory.versions[inventory.head] != nil,
              inventory.versionNumbers == Array(1...inventory.headVersionNumber) else {
            throw OCFLStorageError.invalidInventory(path: path, reason: "head '\(inventory.head)' and versions \(inventory.versions.keys.sorted()) are not v1…vN")
        }
        return inventory
    }

    /// Reads `directory/inventory.json`, checks it against `directory/inventory.json.sha256`
    /// and parses it. Returns the bytes too (the root copy must equal the head version's).
    static func readVerified(in directory: String) throws -> (inventory: OCFLInventory, data: Data) {
        let path = directory + "/" + fileName
        let data = try DurableFiles.readAll(path)
        let actual = FileDigest.sha256(of: data)
        guard let expected = declaredDigest(sidecarAt: directory + "/" + sidecarName) else {
            throw OCFLStorageError.invalidInventory(path: path, reason: "sidecar \(sidecarName) missing or malformed")
        }
        guard expected == actual else {
            throw OCFLStorageError.inventoryDigestMismatch(path: path, expected: expected, actual: actual)
        }
        return (try decode(data, path: path), data)
    }
}
