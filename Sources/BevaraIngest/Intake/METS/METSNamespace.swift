/// Namespace URIs of a CSIP/SIP METS document. The DILCIS ones are case-sensitive: commons-ip's
/// lower-case `https://dilcis.eu/...` binds nothing (standards.md §1.1).
enum METSNamespace {
    static let mets = "http://www.loc.gov/METS/"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let csip = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
    static let sip = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"
}
