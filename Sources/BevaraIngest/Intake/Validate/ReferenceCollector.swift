import Foundation

/// Resolves the file and metadata references of one METS document to package paths, reporting
/// unsafe hrefs, and produces both the fixity references and the description's entries.
struct ReferenceCollector {
    let document: METSDocument
    /// Folder of the METS, package-relative ("" for the root METS).
    let base: String
    let root: String
    let log: FindingLog

    struct Result {
        var files: [SIPDescription.PackageFile] = []
        var metadataRefs: [SIPDescription.MetadataRef] = []
        var fixity: [FixityCheck.Reference] = []
    }

    func collect() -> Result {
        var result = Result()
        for file in document.files {
            for locator in file.locators {
                guard let href = locator.href, !href.isEmpty, let path = resolve(href, line: locator.line) else { continue }
                result.files.append(.init(path: path, size: Self.size(file.size), checksum: file.checksum,
                                          checksumType: file.checksumType, mimeType: file.mimeType, created: file.created,
                                          group: file.groupUse, id: file.id))
                result.fixity.append(.init(path: path, metsPath: document.path, line: locator.line,
                                           element: "file '\(file.id ?? "(no ID)")'", size: file.size,
                                           checksum: file.checksum, checksumType: file.checksumType))
            }
        }
        for reference in document.metadataReferences {
            guard let href = reference.href, !href.isEmpty, let path = resolve(href, line: reference.line) else { continue }
            result.metadataRefs.append(.init(kind: reference.section == "dmdSec" ? .dmd : .amd, section: reference.section,
                                             path: path, mdType: reference.mdType, otherMDType: reference.otherMDType,
                                             mimeType: reference.mimeType, size: Self.size(reference.size),
                                             checksum: reference.checksum, checksumType: reference.checksumType, id: reference.id))
            result.fixity.append(.init(path: path, metsPath: document.path, line: reference.line,
                                       element: "\(reference.section) '\(reference.sectionID ?? "(no ID)")' mdRef",
                                       size: reference.size, checksum: reference.checksum, checksumType: reference.checksumType))
        }
        return result
    }

    /// The package path of an href, or nil (with a PATH-UNSAFE finding).
    func resolve(_ href: String, line: Int) -> String? {
        switch HrefResolver.resolve(href, base: base, root: root) {
        case .path(let path):
            return path
        case .unsafe(let why):
            log.error(SIPRule.pathUnsafe, path: document.path, line: line, why)
            return nil
        }
    }

    static func size(_ value: String?) -> Int64? {
        value.flatMap(METSValue.integer).flatMap { $0 >= 0 ? $0 : nil }
    }
}
