import Foundation

/// Resolves the file and metadata references of one METS document to package paths, reporting
/// unsafe hrefs, and produces both the fixity references and the description's entries.
struct ReferenceCollector {
    let document: METSDocument
    /// Folder of the METS, package-relative ("" for the root METS).
    let base: String
    let root: String
    let log: any FindingRecorder

    /// The entries of one `fileSec` file, one per usable FLocat (a streamed METS hands its files
    /// over one at a time, so this is called per file).
    func collect(_ file: METSDocument.File,
                 _ found: (SIPDescription.PackageFile, FixityCheck.Reference) throws -> Void) rethrows {
        for locator in file.locators {
            guard let href = locator.href, !href.isEmpty, let path = resolve(href, line: locator.line) else { continue }
            try found(.init(path: path, size: Self.size(file.size), checksum: file.checksum,
                            checksumType: file.checksumType, mimeType: file.mimeType, created: file.created,
                            group: file.groupUse, id: file.id),
                      .init(path: path, metsPath: document.path, line: locator.line,
                            element: "file '\(file.id ?? "(no ID)")'", size: file.size,
                            checksum: file.checksum, checksumType: file.checksumType))
        }
    }

    /// The entries of the document's `mdRef`s, in document order.
    func collectMetadata(_ found: (SIPDescription.MetadataRef, FixityCheck.Reference) throws -> Void) rethrows {
        for reference in document.metadataReferences {
            guard let href = reference.href, !href.isEmpty, let path = resolve(href, line: reference.line) else { continue }
            try found(.init(kind: reference.section == "dmdSec" ? .dmd : .amd, section: reference.section,
                            path: path, mdType: reference.mdType, otherMDType: reference.otherMDType,
                            mimeType: reference.mimeType, size: Self.size(reference.size),
                            checksum: reference.checksum, checksumType: reference.checksumType, id: reference.id),
                      .init(path: path, metsPath: document.path, line: reference.line,
                            element: "\(reference.section) '\(reference.sectionID ?? "(no ID)")' mdRef",
                            size: reference.size, checksum: reference.checksum, checksumType: reference.checksumType))
        }
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
