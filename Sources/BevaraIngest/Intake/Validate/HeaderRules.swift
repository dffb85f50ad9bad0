/// CSIP/SIP rules on the `mets` root element and `metsHdr` (standards.md §1.3, §1.4, §2.1).
///
/// The package METS gets them all. A representation METS gets the identity rules (CSIP1, CSIP2,
/// CSIP4, CSIP9 when a header is present) but not the agent rules: commons-ip and RODA write
/// representation headers without agents, and the SIP rules are about the package.
struct HeaderRules {
    let document: METSDocument
    let log: FindingLog
    let isRoot: Bool
    /// The folder the METS describes (package root folder or representation folder), when named.
    let folderName: String?

    func check() {
        checkIdentity()
        checkHeader()
        if isRoot { checkAgents() }
    }

    private var path: String { document.path }

    private func checkIdentity() {
        let line = document.rootLine
        if document.objid.map(\.isEmpty) ?? true {
            log.error("CSIP1", path: path, line: line, "mets/@OBJID is missing or empty; it identifies the package (CSIP1)")
        } else if let folderName, let objid = document.objid, objid != folderName {
            if isRoot {
                log.warning("CSIPSTR2", path: path, line: line, "the package folder is '\(folderName)' but mets/@OBJID is '\(objid)'; they should be equal (CSIPSTR2)")
            } else {
                log.warning("CSIP1", path: path, line: line, "a representation METS's OBJID should be its folder name '\(folderName)', not '\(objid)' (CSIP1)")
            }
        }
        if let type = document.type, !type.isEmpty {
            if !CSIPVocabulary.contentCategories.contains(type) {
                log.warning("CSIP2", path: path, line: line, "mets/@TYPE '\(type)' is not a CSIP content category (e.g. Datasets, Mixed, Other)")
            }
            if type == "Other", document.otherType.map(\.isEmpty) ?? true {
                log.warning("CSIP3", path: path, line: line, "mets/@TYPE is Other but csip:OTHERTYPE does not say what it is (CSIP3)\(hint("OTHERTYPE"))")
            }
        } else {
            log.error("CSIP2", path: path, line: line, "mets/@TYPE (the content category) is missing (CSIP2)")
        }
        if let cit = document.contentInformationType, !cit.isEmpty {
            if !CSIPVocabulary.contentInformationTypes.contains(cit) {
                log.error("CSIP4", path: path, line: line, "mets/@csip:CONTENTINFORMATIONTYPE '\(cit)' is not in the CSIP vocabulary (e.g. citserms_v2_1, SIARD2, MIXED, OTHER)")
            } else if cit == "OTHER", document.otherContentInformationType.map(\.isEmpty) ?? true {
                log.warning("CSIP5", path: path, line: line, "csip:CONTENTINFORMATIONTYPE is OTHER but csip:OTHERCONTENTINFORMATIONTYPE does not name the type (CSIP5)")
            }
        } else {
            // A SHOULD for the package METS, mandatory in a representation METS (standards.md §1.3, §1.8).
            let message = "mets/@csip:CONTENTINFORMATIONTYPE is missing (CSIP4)\(hint("CONTENTINFORMATIONTYPE"))"
            if isRoot { log.warning("CSIP4", path: path, line: line, message) } else { log.error("CSIP4", path: path, line: line, message) }
        }
        guard isRoot else { return }
        guard let profile = document.profile, !profile.isEmpty else {
            log.error("CSIP6", path: path, line: line, "mets/@PROFILE is missing; it names the profile the package follows (CSIP6)")
            return
        }
        if CSIPVocabulary.sipProfiles.contains(profile) { return }
        if CSIPVocabulary.csipProfiles.contains(profile) {
            log.warning("SIP2", path: path, line: line, "mets/@PROFILE is the CSIP profile '\(profile)'; a SIP declares https://earksip.dilcis.eu/profile/E-ARK-SIP.xml (SIP2)")
        } else {
            log.error("SIP2", path: path, line: line, "mets/@PROFILE '\(profile)' is not an E-ARK SIP profile; expected https://earksip.dilcis.eu/profile/E-ARK-SIP.xml (2.1.0) or …/E-ARK-SIP-v2-2-0.xml (SIP2)")
        }
    }

    private func checkHeader() {
        guard document.headerCount > 0 else {
            // Representation METS may omit the header; the package METS must have it.
            if isRoot { log.error("CSIP117", path: path, line: document.rootLine, "mets/metsHdr is missing; the package header with creation date, package type and agents is required (CSIP117)") }
            return
        }
        let line = document.headerLine
        if document.headerCount > 1 {
            log.error("CSIP117", path: path, line: line, "\(document.headerCount) metsHdr elements; exactly one is allowed (CSIP117)")
        }
        if let date = document.createDate {
            if !CSIPVocabulary.isDateTime(date) {
                log.error("CSIP7", path: path, line: line, "metsHdr/@CREATEDATE '\(date)' is not an xs:dateTime (YYYY-MM-DDThh:mm:ss) (CSIP7)")
            }
        } else if isRoot {
            log.error("CSIP7", path: path, line: line, "metsHdr/@CREATEDATE is missing (CSIP7)")
        }
        guard let type = document.oaisPackageType, !type.isEmpty else {
            if isRoot { log.error("CSIP9", path: path, line: line, "metsHdr/@csip:OAISPACKAGETYPE is missing; a SIP says SIP (CSIP9, SIP4)\(hint("OAISPACKAGETYPE"))") }
            return
        }
        if !CSIPVocabulary.packageTypes.contains(type) {
            log.error("CSIP9", path: path, line: line, "metsHdr/@csip:OAISPACKAGETYPE '\(type)' is not one of SIP, AIP, DIP, AIU, AIC (CSIP9)")
        } else if isRoot, type != "SIP" {
            log.error("SIP4", path: path, line: line, "metsHdr/@csip:OAISPACKAGETYPE is '\(type)'; a submission must be a SIP (SIP4)")
        }
    }

    private func checkAgents() {
        let line = document.headerLine ?? document.rootLine
        guard document.headerCount > 0 else { return }
        guard !document.agents.isEmpty else {
            log.error("CSIP10", path: path, line: line, "metsHdr has no agent; at least the software that created the package must be named (CSIP10)")
            return
        }
        let software = document.agents.filter { $0.otherType == "SOFTWARE" }
        guard let agent = software.first(where: { $0.role == "CREATOR" && $0.type == "OTHER" }) ?? software.first else {
            log.error("CSIP10", path: path, line: line, "no metsHdr agent records the creating software (ROLE=CREATOR TYPE=OTHER OTHERTYPE=SOFTWARE) (CSIP10–13)")
            checkAgentNames(except: nil)
            return
        }
        if agent.role != "CREATOR" {
            log.error("CSIP11", path: path, line: agent.line, "the software agent's ROLE is '\(agent.role ?? "absent")', not CREATOR (CSIP11)")
        }
        if agent.type != "OTHER" {
            log.error("CSIP12", path: path, line: agent.line, "the software agent's TYPE is '\(agent.type ?? "absent")', not OTHER (CSIP12)")
        }
        if agent.names.count != 1 || agent.names.first?.isEmpty == true {
            log.error("CSIP14", path: path, line: agent.line, "the software agent has \(agent.names.count) name elements; exactly one, naming the software, is required (CSIP14)")
        }
        if agent.notes.count != 1 {
            log.error("CSIP15", path: path, line: agent.line, "the software agent has \(agent.notes.count) notes; exactly one, the software version, is required (CSIP15)")
        }
        if let note = agent.notes.first, note.type != "SOFTWARE VERSION" {
            log.error("CSIP16", path: path, line: agent.line, "the software agent's note has csip:NOTETYPE '\(note.type ?? "absent")', not 'SOFTWARE VERSION' (CSIP16)")
        }
        checkAgentNames(except: agent.line)
        if !document.agents.contains(where: { $0.role == "CREATOR" && $0.type != "OTHER" }) {
            log.warning("SIP15", path: path, line: line, "no submitting agent (ROLE=CREATOR, TYPE=ORGANIZATION or INDIVIDUAL) says who delivers the package (SIP15)")
        }
    }

    /// Every other agent needs a name too (SIP12 archival creator, SIP18 submitter, SIP24
    /// contact, SIP29 preservation agency; MAY in SIP 2.1, MUST in 2.2, so a warning).
    private func checkAgentNames(except softwareLine: Int?) {
        for agent in document.agents where agent.line != softwareLine && (agent.names.first ?? "").isEmpty {
            let rule: String
            switch (agent.role, agent.type) {
            case ("ARCHIVIST", _): rule = "SIP12"
            case ("PRESERVATION", _): rule = "SIP29"
            case ("CREATOR", "INDIVIDUAL"): rule = "SIP24"
            default: rule = "SIP18"
            }
            log.warning(rule, path: path, line: agent.line, "the agent with ROLE=\(agent.role ?? "absent") TYPE=\(agent.type ?? "absent") has no name (\(rule))")
        }
    }

    /// A hint when a CSIP attribute was written in another namespace (DILCIS URIs are case-sensitive).
    private func hint(_ local: String) -> String {
        guard let found = document.misplacedCSIPAttributes[local] else { return "" }
        return "; an attribute \(local) is there in \(found == "no namespace" ? "no namespace" : "namespace '\(found)'"), but it must be in \(METSNamespace.csip) (case-sensitive)"
    }
}
