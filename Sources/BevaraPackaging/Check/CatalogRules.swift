import Foundation
import BevaraModel
import BevaraProfiles

/// Rules over the whole catalog: duplicates and references to things that do not exist.
enum CatalogRules {
    static func run(_ catalog: ExportCatalog, findings: FindingCollector) throws {
        for dup in try catalog.duplicateCaseNumbers() {
            let places = dup.places.joined(separator: ", ")
            findings.error("case.duplicate-diarienummer", location(dup.places[0]),
                           "diarienummer '\(dup.value)' occurs \(dup.places.count) times: \(places)")
        }
        for dup in try catalog.duplicateRecordIDs() {
            findings.error("record.duplicate-id", location(dup.places[0]),
                           "record id '\(dup.value)' occurs \(dup.places.count) times: \(dup.places.joined(separator: ", "))")
        }
        for orphan in try catalog.recordsWithoutCase() {
            findings.error("record.unknown-case", location(orphan.place),
                           "record '\(orphan.recordID)' belongs to case '\(orphan.caseNumber)', which is not in the export")
        }
        for orphan in try catalog.partiesWithoutCase() {
            findings.error("party.unknown-case", location(orphan.place),
                           "party belongs to case '\(orphan.caseKey)', which is not in the export")
        }
        for orphan in try catalog.filesWithoutRecord() {
            findings.error("file.unknown-record", location(orphan.place),
                           "file '\(orphan.path)' belongs to record '\(orphan.recordID)', which is not in the export")
        }
    }

    /// Turns a stored `file:line` description back into a location.
    static func location(_ description: String) -> SourceLocation {
        let parts = description.split(separator: " ", maxSplits: 1)
        let fileLine = parts.first.map(String.init) ?? description
        let element = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "()")) : nil
        if let colon = fileLine.lastIndex(of: ":"), let line = Int(fileLine[fileLine.index(after: colon)...]) {
            return SourceLocation(file: String(fileLine[..<colon]), line: line, element: element)
        }
        return SourceLocation(file: fileLine, element: element)
    }
}
