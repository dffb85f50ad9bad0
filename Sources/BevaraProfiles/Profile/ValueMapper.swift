import BevaraModel
import Foundation

/// Turns source values into model values with a profile's value maps and date patterns, and
/// reports what it cannot map. Shared by the CSV and FGS readers so both say the same thing.
///
/// `field` arguments name the value as the archivist sees it in the export (a column header or an
/// element name), so every message points at something they can find.
struct ValueMapper {
    let statuses: ValueMap
    let directions: ValueMap
    let roles: ValueMap
    let trueValues: TrueValues
    let dates: DatePatterns
    let findings: FindingCollector

    init(profile: Profile, findings: FindingCollector) throws(ExportReadError) {
        statuses = ValueMap(profile.values?.status)
        directions = ValueMap(profile.values?.direction)
        roles = ValueMap(profile.values?.partyRole)
        trueValues = TrueValues(profile.values?.trueValues)
        do {
            dates = try DatePatterns(profile.effectiveDateFormats)
        } catch {
            throw ExportReadError.invalidProfile(profile: profile.id, reason: "dateFormats: \(error)")
        }
        self.findings = findings
    }

    /// Case status through `values.status`; an unmapped value is kept as `.unknown` and reported.
    func status(_ raw: String?, field: String, at location: SourceLocation) -> CaseStatus {
        guard let raw, !raw.isEmpty else { return .unknown("") }
        let mapped = statuses.lookup(raw)
        if let mapped, let status = CaseStatus(label: mapped) { return status }
        if mapped == nil, let status = CaseStatus(label: raw.lowercased()) { return status }
        findings.warning("value.unmapped", location,
                         "\(field) '\(raw)' \(Self.why(mapped, map: "values.status")); kept as unknown status '\(raw)'")
        return .unknown(raw)
    }

    /// Record direction through `values.direction`; an unmapped value becomes `.unknown` and is reported.
    func direction(_ raw: String?, field: String, at location: SourceLocation) -> Record.Direction {
        guard let raw, !raw.isEmpty else { return .unknown }
        let mapped = directions.lookup(raw)
        if let mapped, let direction = Record.Direction(rawValue: mapped) { return direction }
        if mapped == nil, let direction = Record.Direction(rawValue: raw) { return direction }
        findings.warning("value.unmapped", location,
                         "\(field) '\(raw)' \(Self.why(mapped, map: "values.direction")); the record's direction is unknown")
        return .unknown
    }

    /// Party role through `values.partyRole`; empty gives `defaultRole`, an unmapped value `.other`.
    func role(_ raw: String?, field: String, default defaultRole: Party.Role, at location: SourceLocation) -> Party.Role {
        guard let raw, !raw.isEmpty else { return defaultRole }
        let mapped = roles.lookup(raw)
        if let mapped, let role = Party.Role(rawValue: mapped) { return role }
        if mapped == nil, let role = Party.Role(rawValue: raw) { return role }
        findings.warning("value.unmapped", location,
                         "\(field) '\(raw)' \(Self.why(mapped, map: "values.partyRole")); the party's role is 'other'")
        return .other
    }

    /// Why a value did not map: absent from the map, or mapped to a name the model does not know.
    private static func why(_ mapped: String?, map: String) -> String {
        if let mapped { return "maps to '\(mapped)' in the profile's \(map), which is not a model value" }
        return "is not in the profile's \(map) map"
    }

    /// A date in one of the profile's formats; anything else is a `date.invalid` error and nil.
    func date(_ raw: String?, field: String, at location: SourceLocation) -> PartialDate? {
        guard let raw, !raw.isEmpty else { return nil }
        switch dates.parse(raw) {
        case .success(let date): return date
        case .failure(let problem):
            findings.error("date.invalid", location, "\(field) '\(raw)' is not a valid date: \(problem.reason)")
            return nil
        }
    }

    func isTrue(_ raw: String?) -> Bool {
        guard let raw else { return false }
        return trueValues.contains(raw)
    }

    /// The number as delivered; a failing check is a warning that never shows the full number.
    ///
    /// A number delivered masked (`19780623-****`) is recognised as masked, not as a bad check
    /// digit: for a party with protected identity that is how it should be delivered, so nothing
    /// is reported; for any other party the report says the digits were withheld.
    func identityNumber(_ raw: String?, field: String, checkDigits: Bool = true, protectedIdentity: Bool = false,
                        at location: SourceLocation) -> IdentityNumber? {
        guard let raw, !raw.isEmpty else { return nil }
        let number = IdentityNumber(raw)
        if number.isMasked {
            if !protectedIdentity {
                findings.warning("party.identity-number", location,
                                 "\(field) '\(number.raw)' has its last four digits withheld in the export, but the party is not marked as protected identity; kept as delivered")
            }
            return number
        }
        if checkDigits && !number.isValid {
            let reason = number.canonical == nil
                ? "it has \(raw.filter { $0.isASCII && $0.isNumber }.count) digits, not 10 or 12"
                : "its check digit is wrong"
            let shown = Self.masked(number)
            // Say that the stars are this report's, so they are not taken for a masked delivery.
            let note = shown == number.raw ? "" : " (masked in this report, not in the export)"
            findings.warning("party.identity-number", location,
                             "\(field) '\(shown)'\(note) is not a valid personnummer or organisationsnummer: \(reason); kept as delivered")
        }
        return number
    }

    /// A form safe to print: the model's mask when the number parses, else the first six digits.
    static func masked(_ number: IdentityNumber) -> String {
        if number.canonical != nil { return number.masked }
        var digitsSeen = 0
        return String(number.raw.map { ch -> Character in
            guard ch.isASCII && ch.isNumber else { return ch }
            digitsSeen += 1
            return digitsSeen <= 6 ? ch : "*"
        })
    }

    /// A secrecy marking when the flag is set or a legal reference is given, else none.
    func secrecy(flag: String?, legalReference: String?, explanation: String?) -> [SecrecyMarking] {
        let lagrum = legalReference.flatMap { $0.isEmpty ? nil : $0 }
        guard isTrue(flag) || lagrum != nil else { return [] }
        return [SecrecyMarking(kind: .secrecy, legalReference: lagrum, explanation: explanation.flatMap { $0.isEmpty ? nil : $0 })]
    }

    /// A classification from a code and optional text. Without a text, a combined value is split:
    /// Ciceron writes "code, text"; others "code text" where the code is digits and dots.
    static func classification(code: String?, text: String?) -> Classification? {
        guard let code, !code.isEmpty else { return nil }
        if let text, !text.isEmpty { return Classification(code: code, text: text) }
        if let comma = code.firstIndex(of: ",") {
            let head = code[..<comma].trimmingCharacters(in: .whitespaces)
            let tail = code[code.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if !head.isEmpty && !tail.isEmpty { return Classification(code: head, text: tail) }
        }
        let head = code.prefix { $0 != " " && $0 != "\t" }
        if head.count < code.count, !head.isEmpty, head.allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) }),
           head.contains(where: { $0.isNumber }) {
            let tail = code.dropFirst(head.count).trimmingCharacters(in: .whitespaces)
            return Classification(code: String(head), text: tail.isEmpty ? nil : tail)
        }
        return Classification(code: code)
    }
}
