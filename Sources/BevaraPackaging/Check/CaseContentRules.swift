import BevaraModel

/// Rules about one case and its records: dates that make no sense, secrecy markings without a
/// legal reference.
enum CaseContentRules {
    /// Every rule id these rules report (no other rule uses them: `PendingPreflight` relies on it).
    static let rules: Set<String> = ["date.inverted-range", "date.sentinel", "secrecy.no-legal-reference"]

    static func check(_ item: Case, records: [Record], findings: FindingCollector) {
        if let opened = item.opened, let closed = item.closed, closed < opened {
            findings.warning("date.inverted-range", item.source,
                             "case '\(item.diarienummer)' is closed (\(closed)) before it was opened (\(opened))")
        }
        for date in [item.opened, item.closed].compactMap({ $0 }) where date.looksLikeSentinel {
            findings.warning("date.sentinel", item.source, "case '\(item.diarienummer)' has the placeholder-looking date \(date)")
        }
        checkSecrecy(item.secrecy, what: "case '\(item.diarienummer)'", at: item.source, findings: findings)
        for record in records {
            if let date = record.date, date.looksLikeSentinel {
                findings.warning("date.sentinel", record.source, "record '\(record.id)' has the placeholder-looking date \(date)")
            }
            checkSecrecy(record.secrecy, what: "record '\(record.id)'", at: record.source, findings: findings)
        }
    }

    private static func checkSecrecy(_ markings: [SecrecyMarking], what: String, at source: SourceLocation, findings: FindingCollector) {
        for marking in markings where (marking.legalReference ?? "").isEmpty {
            findings.warning("secrecy.no-legal-reference", source,
                             "\(what) is marked \(marking.kind.rawValue) without a legal reference; it stays restricted until a registrar reviews it")
        }
    }
}
