import Foundation
import Testing

@testable import BevaraIndex

/// The ERMS reader's namespaces: the same document written with a prefix for the ERMS namespace,
/// or with an extension in another namespace holding ERMS-named elements, gives the same rows as
/// the plain one.
@Suite struct ERMSNamespaceTests {
    static func dump(of xml: String, _ label: String) throws -> String {
        let (index, dir) = try makeIndex(label)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/erms.xml"
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let records = ERMSThreadedReadTests.Generated(cases: 20).records
        try index.write { w in
            try ERMSThreadedReadTests.addPackage(w)
            try ERMSThreadedReadTests.addFiles(w, records, second: false)
            _ = try ERMSIndexReader.read(path: path, logicalPath: "representations/rep1/data/erms.xml", objectID: "p",
                                         organisationID: "o", into: w)
        }
        return try index.canonicalDump()
    }

    @Test func prefixesAndForeignElementsReadAsThePlainDocument() throws {
        let plain = ERMSThreadedReadTests.Generated(cases: 20).xml()
        // Every element of the ERMS namespace under the prefix `e`.
        let prefixed = plain
            .replacingOccurrences(of: "<erms xmlns=\"https://DILCIS.eu/XML/ERMS\">", with: "<e:erms xmlns:e=\"https://DILCIS.eu/XML/ERMS\">")
            .replacingOccurrences(of: #"<(/?)([A-Za-df-z][A-Za-z]*|e[a-qs-z][A-Za-z]*)([ >/])"#, with: "<$1e:$2$3", options: .regularExpression)
            .replacingOccurrences(of: "</erms>", with: "</e:erms>")
        #expect(prefixed.contains("<e:aggregation") && prefixed.contains("</e:record>") && !prefixed.contains("<aggregation"))
        // Elements named like ERMS ones, in another namespace (a default one and a prefixed one).
        let foreign = plain.replacingOccurrences(of: "</control>", with: """
            </control><ext xmlns="urn:other"><aggregation><objectId>FALSK 1</objectId><title>inte ERMS</title></aggregation></ext>\
            <o:aggregation xmlns:o="urn:other"><o:objectId>FALSK 2</o:objectId></o:aggregation>
            """)
        let expected = try Self.dump(of: plain, "erms-ns-plain")
        #expect(expected.contains("KS 2026/19"))
        #expect(try Self.dump(of: prefixed, "erms-ns-prefixed") == expected)
        #expect(try Self.dump(of: foreign, "erms-ns-foreign") == expected)
    }
}
