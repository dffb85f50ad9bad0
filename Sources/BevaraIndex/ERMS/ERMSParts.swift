import Foundation
import BevaraModel

/// What the ERMS reader collects for one aggregation, record, agent or restriction before it
/// is written. Plain values; the handler fills them from SAX events.
enum ERMSParts {
    /// The regulation text Bevara's ERMS writer puts in when a marking has no lagrum
    /// (`ERMSWriter.unknownRegulation`): it means "no legal reference", not a reference.
    static let unknownRegulation = "unknown – to be assessed"

    /// Notes of type `bevara` that start like this say the `created` date is a fallback
    /// (package date, earliest record date, case date), not the object's own date.
    static let fallbackDateNote = "created date is"

    struct Restriction {
        var type = ""
        var regulation = ""
    }

    struct Agent {
        var agentType = ""
        var otherAgentType: String?
        var name = ""
        var organisation: String?
        var idNumber: String?
        var role: String?
        var unitName: String?
        var protectedIdentity = false
    }

    /// Dates by `dateType`, plus whether a note says `created` is a fallback.
    struct Dates {
        var byType: [String: String] = [:]
        var createdIsFallback = false

        /// `YYYY-MM-DD` of a date of the given type.
        func day(_ type: String) -> String? {
            byType[type].map { String($0.prefix(10)) }
        }

        /// `created`, unless a note says it was filled in from elsewhere.
        var ownCreated: String? { createdIsFallback ? nil : day("created") }
    }

    struct Aggregation {
        var objectId = ""
        var diarienummer: String?
        var extraIds: [String] = []
        var classificationCode: String?
        var classificationText: String?
        var title = ""
        var status: String?
        var restrictions: [Restriction] = []
        var agents: [Agent] = []
        var dates = Dates()
        /// Handed to the writing side yet (the first record, a nested aggregation or the end does).
        var written = false
    }

    struct Appendix {
        var name: String?
        var path: String
    }

    struct Record {
        var recordType: String?
        var objectId = ""
        var title = ""
        var direction: String?
        var restrictions: [Restriction] = []
        var agents: [Agent] = []
        var dates = Dates()
        var appendices: [Appendix] = []
    }

    /// One flag and the distinct lagrum of the markings (unknown regulation → none).
    static func secrecy(_ restrictions: [Restriction]) -> IndexedSecrecy {
        guard !restrictions.isEmpty else { return .none }
        var references: [String] = []
        for r in restrictions {
            let text = r.regulation.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty, text != unknownRegulation, !references.contains(text) { references.append(text) }
        }
        return IndexedSecrecy(restricted: true, legalReference: references.isEmpty ? nil : references.joined(separator: "; "))
    }

    /// ERMS `status/@value` → the model's status label (`CaseStatus.label`).
    static func statusLabel(_ ermsValue: String) -> String {
        switch ermsValue {
        case "open": return CaseStatus.open.label
        case "on_hold": return CaseStatus.dormant.label
        case "closed": return CaseStatus.closed.label
        case "obliterated": return CaseStatus.cancelled.label
        case "ad_acta": return CaseStatus.adActa.label
        default: return ermsValue
        }
    }
}
