import BevaraIndex
import Foundation

/// A small CITS ERMS v3 document written by hand, for tests that need exact control over
/// titles, numbers and parties.
struct SampleERMS {
    struct Party {
        var name: String
        var number: String?
        var protected = false
        var agentType = "counterpart"
    }

    struct Record {
        var id: String
        var title: String
        var type = "Skrivelse"
        var date = "2021-05-10"
        var parties: [Party] = []
        var regulation: String?
    }

    struct Case {
        var dnr: String
        var title: String
        var classification = "1.1"
        var status = "closed"
        var opened = "2021-05-01"
        var parties: [Party] = []
        var records: [Record] = []
    }

    var objectID: String
    var cases: [Case]

    func xml() -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <erms xmlns="https://DILCIS.eu/XML/ERMS">
          <control><identification identificationType="OBJID">\(e(objectID))</identification></control>
          <aggregations>

        """
        for c in cases {
            out += """
                <aggregation aggregationType="caseFile">
                  <objectId>\(e(c.dnr))</objectId>
                  <classification classificationCode="\(e(c.classification))">Klass</classification>
                  <title>\(e(c.title))</title>
                  <status value="\(c.status)"/>
                  \(agents(c.parties))
                  <dates><date dateType="created">\(c.opened)T00:00:00</date><date dateType="opened">\(c.opened)T00:00:00</date></dates>

            """
            for r in c.records {
                let restriction = r.regulation.map {
                    "<restriction restrictionType=\"confidential\"><regulation>\(e($0))</regulation></restriction>"
                } ?? ""
                out += """
                      <record recordType="\(e(r.type))">
                        <objectId>\(e(r.id))</objectId>
                        <title>\(e(r.title))</title>
                        \(restriction)
                        <direction directionDefinition="incoming"/>
                        \(agents(r.parties))
                        <dates><date dateType="created">\(r.date)T00:00:00</date><date dateType="received">\(r.date)T00:00:00</date></dates>
                      </record>

                """
            }
            out += "    </aggregation>\n"
        }
        return out + "  </aggregations>\n</erms>\n"
    }

    private func agents(_ parties: [Party]) -> String {
        guard !parties.isEmpty else { return "" }
        return "<agents>" + parties.map { p in
            "<agent agentType=\"\(p.agentType)\"><name>\(e(p.name))</name>"
                + (p.number.map { "<idNumber idNumberType=\"personnummer\">\(e($0))</idNumber>" } ?? "")
                + "<protectedIdentity>\(p.protected)</protectedIdentity></agent>"
        }.joined() + "</agents>"
    }

    private func e(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Writes the document to `folder/erms.xml` and indexes it as package `objectID` of `organisation`.
    @discardableResult
    func index(into index: ArchiveIndex, organisation: String, folder: String) throws -> ERMSIndexSummary {
        let path = folder + "/\(objectID)-erms.xml"
        try xml().write(toFile: path, atomically: true, encoding: .utf8)
        return try index.write { w in
            try w.upsertOrganisation(id: organisation, name: nil)
            try w.addPackage(IndexedPackage(objectID: objectID, organisationID: organisation, agreementID: "A", version: 1,
                                            created: "2026-01-01T00:00:00Z", fileCount: 1, byteCount: 1))
            return try ERMSIndexReader.read(path: path, objectID: objectID, organisationID: organisation, into: w)
        }
    }
}
