import Foundation

/// CSIP rules on `fileSec`, `fileGrp`, `file`, `FLocat` and every `mdRef` (standards.md §1.5,
/// §1.6): the attributes that make each reference checkable. A missing attribute is a finding
/// naming the element's ID and line; the file is still fixity-checked on what is there.
///
/// A streamed METS (`METSReader.read(onFile:)`) has its files checked one by one as they are
/// read, with `checkFile` into `DeferredFindings`; `check` then reports those findings through
/// `streamedFiles` where it would have checked the files itself, so the order is the same.
struct FileSectionRules {
    let document: METSDocument
    let log: any FindingRecorder
    let isRoot: Bool

    private var path: String { document.path }

    func check(streamedFiles: () -> Void = {}) {
        checkFileSec()
        for group in document.fileGroups { checkGroup(group) }
        for file in document.files { checkFile(file) }
        streamedFiles()
        for reference in document.metadataReferences { checkMetadataReference(reference) }
    }

    private func checkFileSec() {
        guard document.fileSecCount > 0 else {
            if isRoot { log.warning("CSIP58", path: path, line: document.rootLine, "no fileSec: the package lists none of its files (CSIP58)") }
            return
        }
        if document.fileSecCount > 1 {
            log.error("CSIP58", path: path, line: document.fileSecLine, "\(document.fileSecCount) fileSec elements; METS allows one")
        }
        if document.fileSecID.map(\.isEmpty) ?? true {
            log.error("CSIP59", path: path, line: document.fileSecLine, "fileSec/@ID is missing (CSIP59)")
        }
        guard isRoot else { return }
        // MUST in CSIP 2.1, but third-party producers routinely leave them out and nothing
        // archived depends on them: warnings, which a caller can raise with severity overrides.
        let uses = document.fileGroups.compactMap(\.use)
        if !uses.contains("Documentation") {
            log.warning("CSIP60", path: path, line: document.fileSecLine, "no fileGrp with USE=\"Documentation\" (CSIP60)")
        }
        if !uses.contains("Schemas") {
            log.warning("CSIP113", path: path, line: document.fileSecLine, "no fileGrp with USE=\"Schemas\" (CSIP113)")
        }
        if !uses.contains(where: { $0.hasPrefix("Representations") }) {
            log.warning("CSIP114", path: path, line: document.fileSecLine, "no fileGrp with USE=\"Representations/…\" (CSIP114)")
        }
    }

    private func checkGroup(_ group: METSDocument.FileGroup) {
        let name = group.id ?? group.use ?? "fileGrp"
        if group.id.map(\.isEmpty) ?? true {
            log.error("CSIP65", path: path, line: group.line, "fileGrp \(group.use ?? "") has no ID (CSIP65)")
        }
        if group.use.map(\.isEmpty) ?? true {
            log.error("CSIP64", path: path, line: group.line, "fileGrp \(name) has no USE (CSIP64)")
        }
        if group.fileCount == 0 {
            log.error("CSIP66", path: path, line: group.line, "fileGrp \(name) holds no file (CSIP66)")
        }
        if isRoot, let use = group.use, use.hasPrefix("Representations"), group.contentInformationType == nil {
            log.warning("CSIP62", path: path, line: group.line, "fileGrp \(use) has no csip:CONTENTINFORMATIONTYPE (CSIP62)")
        }
    }

    func checkFile(_ file: METSDocument.File) {
        let name = "file \(file.id ?? "(no ID)")"
        func require(_ value: String?, _ rule: String, _ attribute: String) {
            if METSValue.isBlank(value) {
                log.error(rule, path: path, line: file.line, "\(name) has no \(attribute) (\(rule))")
            }
        }
        require(file.id, "CSIP67", "ID")
        require(file.mimeType, "CSIP68", "MIMETYPE")
        require(file.created, "CSIP70", "CREATED")
        require(file.checksum, "CSIP71", "CHECKSUM")
        checkSize(file.size, rule: "CSIP69", element: name, line: file.line)
        checkChecksumType(file.checksumType, rule: "CSIP72", element: name, line: file.line)
        if file.locators.count != 1 {
            log.error("CSIP76", path: path, line: file.line, "\(name) has \(file.locators.count) FLocat elements; exactly one is required (CSIP76)")
        }
        for locator in file.locators {
            checkLocator(locator, element: name, rules: ("CSIP77", "CSIP78", "CSIP79"))
        }
    }

    private func checkMetadataReference(_ reference: METSDocument.MetadataReference) {
        // The nine mdRef rules are numbered in the same order from a base per section:
        // dmdSec CSIP22…30, digiprovMD CSIP36…44, rightsMD CSIP49…57. techMD and sourceMD have no
        // CSIP rules of their own and are held to the digiprovMD ones.
        let base: Int
        let sectionRule: String
        switch reference.section {
        case "dmdSec": base = 22; sectionRule = "CSIP18"
        case "rightsMD": base = 49; sectionRule = "CSIP46"
        default: base = 36; sectionRule = "CSIP33"
        }
        func rule(_ offset: Int) -> String { "CSIP\(base + offset)" }
        let name = "\(reference.section) \(reference.sectionID ?? "(no ID)") mdRef"
        if reference.sectionID.map(\.isEmpty) ?? true {
            log.error(sectionRule, path: path, line: reference.line, "\(reference.section) has no ID (\(sectionRule))")
        }
        checkLocator(.init(locType: reference.locType, xlinkType: reference.xlinkType, href: reference.href, line: reference.line),
                     element: name, rules: (rule(0), rule(1), rule(2)))
        if reference.mdType.map(\.isEmpty) ?? true {
            log.error(rule(3), path: path, line: reference.line, "\(name) has no MDTYPE (\(rule(3)))")
        } else if reference.mdType == "OTHER", reference.otherMDType.map(\.isEmpty) ?? true {
            log.warning(rule(3), path: path, line: reference.line, "\(name) has MDTYPE=OTHER but no OTHERMDTYPE")
        }
        if reference.mimeType.map(\.isEmpty) ?? true {
            log.error(rule(4), path: path, line: reference.line, "\(name) has no MIMETYPE (\(rule(4)))")
        }
        checkSize(reference.size, rule: rule(5), element: name, line: reference.line)
        if reference.created.map(\.isEmpty) ?? true {
            log.error(rule(6), path: path, line: reference.line, "\(name) has no CREATED (\(rule(6)))")
        }
        if reference.checksum.map(\.isEmpty) ?? true {
            log.error(rule(7), path: path, line: reference.line, "\(name) has no CHECKSUM (\(rule(7)))")
        }
        checkChecksumType(reference.checksumType, rule: rule(8), element: name, line: reference.line)
    }

    private func checkSize(_ size: String?, rule: String, element: String, line: Int) {
        guard let size else {
            log.error(rule, path: path, line: line, "\(element) has no SIZE; its size cannot be checked (\(rule))")
            return
        }
        if METSValue.integer(size).map({ $0 < 0 }) ?? true {
            log.error(rule, path: path, line: line, "\(element) has SIZE '\(size)', not a number of bytes (\(rule))")
        }
    }

    private func checkChecksumType(_ type: String?, rule: String, element: String, line: Int) {
        guard let type, !type.isEmpty else {
            log.error(rule, path: path, line: line, "\(element) has no CHECKSUMTYPE (\(rule))")
            return
        }
        if !ChecksumType.metsEnumeration.contains(type) {
            log.error(rule, path: path, line: line, "\(element) has CHECKSUMTYPE '\(type)', which is not in the METS list (MD5, SHA-1, SHA-256, SHA-384, SHA-512, …) (\(rule))")
        }
    }

    private func checkLocator(_ locator: METSDocument.Locator, element: String, rules: (String, String, String)) {
        if locator.locType != "URL" {
            log.error(rules.0, path: path, line: locator.line, "\(element): LOCTYPE is '\(locator.locType ?? "absent")', not URL (\(rules.0))")
        }
        if locator.xlinkType != "simple" {
            log.error(rules.1, path: path, line: locator.line, "\(element): xlink:type is '\(locator.xlinkType ?? "absent")', not simple (\(rules.1))")
        }
        if locator.href.map(\.isEmpty) ?? true {
            log.error(rules.2, path: path, line: locator.line, "\(element): xlink:href is missing; the file cannot be found (\(rules.2))")
        }
    }
}
