import Foundation

/// Receives a submitted E-ARK package (ours or another producer's) safely, before anything in it
/// is trusted.
public enum PackageIntake {
    /// Opens a package for validation.
    ///
    /// - A **folder** is used in place after a safety walk: no symbolic links, devices, FIFOs or
    ///   sockets; every name valid UTF-8 and safe; within `limits`. All problems are reported.
    /// - A **file** is read with libarchive, whatever its name says: tar (plain, gzip, bzip2, xz,
    ///   zstd) or zip. It is extracted into a fresh subfolder of `stagingDirectory` (created if
    ///   missing) by `ArchiveExtractor`, which refuses absolute paths, `..`, links, devices,
    ///   duplicate entries and anything over `limits`, counting bytes as it writes. On refusal the
    ///   subfolder is removed and nothing else was written.
    ///
    /// The package root is the folder holding `METS.xml`: the top itself when `METS.xml` is
    /// there, else the single top-level folder (the E-ARK convention, CSIPSTR1). Structure
    /// problems (no METS, several top-level folders) are not refused here; `SIPValidator`
    /// reports them with everything else.
    ///
    /// With `identifyFormats` (ingest), the small files of an archive are identified while they
    /// are unpacked, for storing to look up (`ReceivedPackage.identifiedFormats`).
    ///
    /// - Throws: `IntakeError.refused` (unsafe package) or `.unreadable` (missing, not an
    ///   archive, corrupt, staging failure).
    public static func open(_ path: String, stagingDirectory: String, limits: IntakeLimits = .init(),
                            identifyFormats: Bool = false) throws -> ReceivedPackage {
        let package = (path as NSString).lastPathComponent
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw IntakeError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            let findings = try walkFindings(path, package: package, limits: limits)
            guard findings.isEmpty else { throw IntakeError.refused(findings) }
            return locate(source: path, content: path, extracted: false)
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw IntakeError.unreadable(path: path, reason: "neither a folder nor a regular file")
        }
        let staging = try makeStagingSubdirectory(in: stagingDirectory, for: path)
        let formats: IdentifiedFormats?
        do {
            formats = try ArchiveExtractor(source: path, destination: staging, package: package, limits: limits,
                                           formatsIn: identifyFormats ? stagingDirectory : nil).extract()
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        var received = locate(source: path, content: staging, extracted: true)
        received.identifiedFormats = formats
        return received
    }

    private static func walkFindings(_ path: String, package: String, limits: IntakeLimits) throws -> [SIPFinding] {
        do {
            return try DirectorySafetyWalk(top: path, package: package, limits: limits).run()
        } catch {
            throw IntakeError.unreadable(path: path, reason: "\(error)")
        }
    }

    /// A fresh, private subfolder: `stagingDirectory/intake-<name>-XXXXXX`.
    private static func makeStagingSubdirectory(in stagingDirectory: String, for source: String) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: stagingDirectory, withIntermediateDirectories: true)
        } catch {
            throw IntakeError.unreadable(path: source, reason: "cannot create the staging folder \(stagingDirectory): \(error)")
        }
        let stem = String((source as NSString).lastPathComponent.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.prefix(60))
        var template = Array((stagingDirectory + "/intake-\(stem)-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw IntakeError.unreadable(path: source, reason: "cannot create a folder in \(stagingDirectory): \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }

    /// Finds the package root in the received content (see `open`).
    static func locate(source: String, content: String, extracted: Bool) -> ReceivedPackage {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: content + "/METS.xml") {
            return ReceivedPackage(source: source, root: content, extracted: extracted, contentDirectory: content, layout: .metsAtTop)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: content)) ?? [])
            .filter { $0 != "__MACOSX" && $0 != ".DS_Store" }  // macOS zip litter, never part of a package
            .sorted()
        if names.count == 1, FileManager.default.fileExists(atPath: content + "/" + names[0], isDirectory: &isDirectory),
           isDirectory.boolValue {
            return ReceivedPackage(source: source, root: content + "/" + names[0], extracted: extracted,
                                   contentDirectory: content, layout: .singleFolder(names[0]))
        }
        return ReceivedPackage(source: source, root: content, extracted: extracted, contentDirectory: content,
                               layout: .noSingleFolder(names))
    }
}
