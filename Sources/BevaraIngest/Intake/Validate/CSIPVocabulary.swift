/// Controlled values the CSIP/SIP rules compare against (E-ARK-CSIP `schema/CSIPVocabulary*.xml`
/// 2.1.0 plus the 2.2.0 additions, standards.md §1.10, and the SIP profile URLs, §2.1).
enum CSIPVocabulary {
    /// `mets/@PROFILE` of an E-ARK SIP: 2.1.0 (what FGS 2.0 and eark-validator 1.1.3 use) and 2.2.0.
    static let sipProfiles: Set<String> = [
        "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml",
        "https://earksip.dilcis.eu/profile/E-ARK-SIP-v2-2-0.xml",
    ]
    /// `mets/@PROFILE` of a plain CSIP package: a known profile, but not the SIP one.
    static let csipProfiles: Set<String> = [
        "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml",
        "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP-v2-2-0.xml",
    ]

    /// `mets/@TYPE` (content category), 2.1.0 terms and the 2.2.0 additions that standards.md names.
    static let contentCategories: Set<String> = [
        "Textual works – Print", "Textual works – Digital", "Textual works – Electronic Serials",
        "Digital Musical Composition (score-based representations)", "Photographs – Print", "Photographs – Digital",
        "Other Graphic Images – Print", "Other Graphic Images – Digital", "Microforms",
        "Audio – On Tangible Medium (digital or analog)", "Audio – Media-independent (digital)",
        "Motion Pictures – Digital and Physical Media", "Video – File-based and Physical Media", "Software",
        "Datasets", "Geospatial Data", "Databases", "Websites", "Collection", "Event", "Interactive resource",
        "Physical object", "Service", "Mixed", "Other",
        "Email", "Text", "Image",
    ]

    /// `@csip:CONTENTINFORMATIONTYPE`: the 2.1.0 vocabulary and XSD enumeration (they differ
    /// slightly) and the 2.2.0 additions.
    static let contentInformationTypes: Set<String> = [
        "ERMS", "SIARD1", "SIARD2", "SIARDDK", "GeoData", "citscarchival_v1_0", "citcarchival_v1_0",
        "citsarchival_v1_0", "csarchival_v1_0", "cscarchival_v1_0", "citserms_v2_1", "citserms_v3_0",
        "citspremis_v1_0", "cspremis_v1_0", "citsehpj_v1_0", "citsehpj_v2_0", "citsehcr_v1_0", "citssiard_v1_0",
        "citsgeospatial_v3_0", "cits3dpm_v1_0", "MIXED", "OTHER",
    ]

    /// `metsHdr/@csip:OAISPACKAGETYPE`.
    static let packageTypes: Set<String> = ["SIP", "AIP", "DIP", "AIU", "AIC"]

    /// True for an xs:dateTime as CSIP wants it: a date and a time (`2026-11-23T10:00:00`, with
    /// optional fractions and zone). Checked by shape, not by calendar.
    static func isDateTime(_ value: String) -> Bool {
        let v = Array(value.utf8)
        guard v.count >= 19 else { return false }
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { v[$0] >= 0x30 && v[$0] <= 0x39 } }
        return digits(0..<4) && v[4] == 0x2D && digits(5..<7) && v[7] == 0x2D && digits(8..<10) && v[10] == 0x54
            && digits(11..<13) && v[13] == 0x3A && digits(14..<16) && v[16] == 0x3A && digits(17..<19)
    }
}
