import BevaraPackaging
import BevaraStorage
import Foundation

/// Compares the OCFL inventory's digests with the checksums the AIP's own root METS records, so
/// an audit catches a file whose content and inventory were changed together (the METS is the
/// package's self-description; the inventory is storage's).
enum AIPMETSCrossCheck {
    struct Mismatch {
        var path: String
        var problem: String
    }

    static func mismatches(storage: OCFLStorageRoot, objectID: String) throws -> [Mismatch] {
        let inventory = try storage.inventory(of: objectID)
        let state = inventory.state(of: inventory.headVersionNumber)
        guard state[AIPLayout.rootMETS] != nil else {
            return [Mismatch(path: AIPLayout.rootMETS, problem: "the AIP has no root METS")]
        }
        let document: METSDocument
        do {
            document = try storage.withVerifiedFile(in: inventory, objectID: objectID, logicalPath: AIPLayout.rootMETS) {
                METSReader.read(absolutePath: $0, relativePath: AIPLayout.rootMETS)
            }
        } catch {
            return [Mismatch(path: AIPLayout.rootMETS, problem: "cannot be read: \(error)")]
        }
        if let problem = document.problem {
            return [Mismatch(path: AIPLayout.rootMETS, problem: problem.message)]
        }
        var found: [Mismatch] = []
        var listed = Set<String>()
        let entries: [(href: String?, checksum: String?, type: String?)] =
            document.files.map { ($0.locators.first?.href, $0.checksum, $0.checksumType) }
            + document.metadataReferences.map { ($0.href, $0.checksum, $0.checksumType) }
        for entry in entries {
            guard let href = entry.href?.removingPercentEncoding ?? entry.href else { continue }
            listed.insert(href)
            guard let digest = state[href] else {
                found.append(Mismatch(path: href, problem: "listed in the AIP METS but not in the stored version"))
                continue
            }
            if entry.type == "SHA-256", let checksum = entry.checksum, checksum.lowercased() != digest {
                found.append(Mismatch(path: href, problem: "inventory SHA-256 \(digest), AIP METS says \(checksum.lowercased())"))
            }
        }
        for path in state.keys.sorted() where path != AIPLayout.rootMETS && !listed.contains(path) {
            found.append(Mismatch(path: path, problem: "stored but not listed in the AIP METS"))
        }
        return found
    }
}
