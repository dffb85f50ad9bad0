/// Namespace URIs of a CSIP/SIP METS document. The DILCIS ones are case-sensitive: commons-ip's
/// lower-case `https://dilcis.eu/...` binds nothing (standards.md §1.1).
enum METSNamespace {
    static let mets = "http://www.loc.gov/METS/"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let csip = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
    static let sip = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"

    /// Attribute key for an attribute in a namespace (`{uri}local`); unqualified attributes are
    /// keyed by their local name alone.
    static func key(_ namespace: String, _ local: String) -> String {
        namespace.isEmpty ? local : "{\(namespace)}\(local)"
    }

    static func csip(_ local: String) -> String { key(csip, local) }
    static func xlink(_ local: String) -> String { key(xlink, local) }
}
