import Foundation
import Testing

/// A file the running user may not read (wrong owner, mode 000) is reported by name by `check`,
/// `package` and `ingest`; nothing is written and nothing is stored. Tests run as root in CI,
/// and root reads anything, so as root `bevara` runs as `nobody` (`setpriv`, util-linux) in a
/// folder that user may write; as any other user it runs as that user.
@Suite(.serialized) struct UnreadableFileTests {
    /// A scratch folder every user may write, with a copy of the Vänersborg export.
    private func workspace(_ label: String) throws -> (work: String, export: String) {
        let work = try temporaryFolder(label)
        let export = work + "/export"
        try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/vanersborg-ks-csv", toPath: export)
        try run("/bin/chmod", ["-R", "a+rwX", work])
        return (work, export)
    }

    private static let nobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]

    /// `bevara` as an unprivileged user.
    private func bevaraUnprivileged(_ arguments: [String], in work: String) throws -> RunResult {
        var binary = bevaraBinary, profiles = repositoryRoot + "/profiles", schemas = repositoryRoot + "/../shared/schemas"
        guard getuid() == 0 else {
            return try run(binary, arguments, environment: ["BEVARA_PROFILES": profiles, "BEVARA_SCHEMAS": schemas,
                                                            "TMPDIR": work], cwd: work)
        }
        // A checkout under /root (mode 700) is closed to `nobody`: run copies from the work folder.
        let reachable = try run(Self.nobody[0], Array(Self.nobody.dropFirst()) + ["/usr/bin/test", "-x", binary, "-a", "-r",
                                                                                 schemas + "/mets.xsd", "-a", "-r", profiles])
        if reachable.status != 0 {
            let tools = work + "/tools"
            try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
            let pdftext = (binary as NSString).deletingLastPathComponent + "/bevara-pdftext"
            for (from, to) in [(binary, "bevara"), (pdftext, "bevara-pdftext"), (profiles, "profiles"), (schemas, "schemas")]
            where FileManager.default.fileExists(atPath: from) && !FileManager.default.fileExists(atPath: tools + "/" + to) {
                try FileManager.default.copyItem(atPath: from, toPath: tools + "/" + to)
            }
            try run("/bin/chmod", ["-R", "a+rX", tools])
            (binary, profiles, schemas) = (tools + "/bevara", tools + "/profiles", tools + "/schemas")
        }
        return try run(Self.nobody[0], Array(Self.nobody.dropFirst()) + [binary] + arguments,
                       environment: ["BEVARA_PROFILES": profiles, "BEVARA_SCHEMAS": schemas, "TMPDIR": work], cwd: work)
    }

    private static let pdf = "filer/KS 2021-245/1 Skadeståndsanspråk – Sören Näslund.pdf"

    @Test func checkAndPackageNameTheUnreadableFileAndWriteNothing() throws {
        let (work, export) = try workspace("unreadable-export")
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(chmod(export + "/" + Self.pdf, 0) == 0)

        let check = try bevaraUnprivileged(["check", "--agreement", "EAV-VBG-KS-CSV", export], in: work)
        #expect(check.status != 0)
        #expect(check.stdout.contains("error [file.unreadable] filer.csv:10: '\(Self.pdf)': Permission denied"), "\(check.stdout)")

        let package = try bevaraUnprivileged(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", work + "/sip.tar", export],
                                             in: work)
        #expect(package.status == 2)
        #expect(package.stderr.contains("filer.csv:10"), "\(package.stderr)")
        #expect(package.stderr.contains(export + "/" + Self.pdf + ": open failed: Permission denied"), "\(package.stderr)")
        #expect(listing(work).allSatisfy { $0.hasPrefix("export") || $0.hasPrefix("tools") }, "left behind: \(listing(work))")
    }

    @Test func ingestRejectsAFolderPackageWithAnUnreadableFileAndStoresNothing() throws {
        let (work, export) = try workspace("unreadable-sip")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let made = try bevara(["package", "--agreement", "EAV-VBG-KS-CSV", "--out", work + "/sip", export])
        #expect(made.status == 0, "\(made.stderr)")
        try run("/bin/chmod", ["-R", "a+rwX", work + "/sip"])
        let content = try #require(listing(work + "/sip").first { $0.hasPrefix("representations/") && $0.hasSuffix(".pdf") })
        #expect(chmod(work + "/sip/" + content, 0) == 0)

        let initialised = try bevaraUnprivileged(["archive", "init", work + "/archive"], in: work)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let ingest = try bevaraUnprivileged(["ingest", "--archive", work + "/archive", "--as", "arkivarie-vanersborg",
                                             work + "/sip"], in: work)
        #expect(ingest.status != 0)
        #expect(ingest.stderr.contains("error [FILE-UNREADABLE]"), "\(ingest.stderr)")
        #expect(ingest.stderr.contains(content + ": cannot be opened: Permission denied"), "\(ingest.stderr)")
        #expect(try ArchiveScenario.objects(work + "/archive/storage").isEmpty)
        #expect(try ArchiveScenario.validateOCFL(work + "/archive/storage").status == 0)
    }
}
