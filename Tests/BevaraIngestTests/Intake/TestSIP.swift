import BevaraArchiveIO
import Crypto
import Foundation

/// Writes a small E-ARK SIP 2.1 folder that follows every rule intake checks (root METS with a
/// documentation file, a schema, one representation with its own METS listing `data/…` files,
/// SHA-256 everywhere), with knobs to break it: lies about sizes and checksums, a missing SIZE,
/// a prefix before the root element (DOCTYPE attacks), an unsafe href.
struct TestSIP {
    var objid = "uuid-0b6c2c0e-test"
    /// Files of representation `rep1`, relative to `representations/rep1/`.
    var dataFiles: [(path: String, bytes: [UInt8])] = [("data/a.txt", Array("hello\n".utf8)),
                                                        ("data/b.txt", Array("world\n".utf8))]
    /// Package path → SIZE written instead of the true one.
    var sizeLies: [String: String] = [:]
    /// Package path → CHECKSUM written instead of the true one.
    var checksumLies: [String: String] = [:]
    /// Package paths whose `file` gets no SIZE attribute.
    var omitSize: Set<String> = []
    /// Inserted between the XML declaration and the root element of the root METS.
    var rootPrologue = ""
    /// Representation-relative path → the href the representation METS writes for it.
    var hrefs: [String: String] = [:]
    /// CHECKSUMTYPE for every file: MD5, SHA-1, SHA-256, SHA-384 or SHA-512.
    var checksumType = "SHA-256"

    /// Writes the package into `root` (created; its name should be `objid`).
    func write(to root: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/representations/rep1/data", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/documentation", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/schemas", withIntermediateDirectories: true)
        for file in dataFiles {
            let target = root + "/representations/rep1/" + file.path
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Self.writeFile(target, file.bytes)
        }
        try Data("Delivery description\n".utf8).write(to: URL(fileURLWithPath: root + "/documentation/readme.txt"))
        try Data("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/schemas/mets.xsd"))

        var repFiles = ""
        for (i, file) in dataFiles.enumerated() {
            let packagePath = "representations/rep1/" + file.path
            let href = hrefs[file.path] ?? file.path
            repFiles += fileElement(id: "f\(i)", packagePath: packagePath, href: href, root: root, mime: "text/plain")
        }
        let repMETS = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" OBJID="rep1" TYPE="Datasets" csip:CONTENTINFORMATIONTYPE="citserms_v2_1" PROFILE="https://earksip.dilcis.eu/profile/E-ARK-SIP.xml">
          <metsHdr CREATEDATE="2026-11-23T10:00:00+01:00" csip:OAISPACKAGETYPE="SIP"/>
          <fileSec ID="rep-fs"><fileGrp ID="rep-fg-data" USE="Data">
        \(repFiles)  </fileGrp></fileSec>
          <structMap ID="rep-sm" TYPE="PHYSICAL" LABEL="CSIP"><div ID="rep-d0" LABEL="rep1"><div ID="rep-d-data" LABEL="Data"><fptr FILEID="rep-fg-data"/></div></div></structMap>
        </mets>

        """
        try Data(repMETS.utf8).write(to: URL(fileURLWithPath: root + "/representations/rep1/METS.xml"))

        let rootMETS = """
        <?xml version="1.0" encoding="UTF-8"?>
        \(rootPrologue)<mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" xmlns:sip="https://DILCIS.eu/XML/METS/SIPExtensionMETS" OBJID="\(objid)" LABEL="Test delivery" TYPE="Datasets" csip:CONTENTINFORMATIONTYPE="citserms_v2_1" PROFILE="https://earksip.dilcis.eu/profile/E-ARK-SIP.xml">
          <metsHdr CREATEDATE="2026-11-23T10:00:00+01:00" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">
            <agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><name>Test packager</name><note csip:NOTETYPE="SOFTWARE VERSION">1.0</note></agent>
            <agent ROLE="CREATOR" TYPE="ORGANIZATION"><name>Vänersborgs kommun</name><note csip:NOTETYPE="IDENTIFICATIONCODE">ORG:2120001637</note></agent>
            <altRecordID TYPE="SUBMISSIONAGREEMENT">EAV-TEST-1</altRecordID>
          </metsHdr>
          <fileSec ID="fs">
            <fileGrp ID="fg-doc" USE="Documentation">
        \(fileElement(id: "doc1", packagePath: "documentation/readme.txt", href: "documentation/readme.txt", root: root, mime: "text/plain"))    </fileGrp>
            <fileGrp ID="fg-sch" USE="Schemas">
        \(fileElement(id: "sch1", packagePath: "schemas/mets.xsd", href: "schemas/mets.xsd", root: root, mime: "application/xml"))    </fileGrp>
            <fileGrp ID="fg-rep1" USE="Representations/rep1" csip:CONTENTINFORMATIONTYPE="citserms_v2_1">
        \(fileElement(id: "rep1mets", packagePath: "representations/rep1/METS.xml", href: "representations/rep1/METS.xml", root: root, mime: "application/xml"))    </fileGrp>
          </fileSec>
          <structMap ID="sm" TYPE="PHYSICAL" LABEL="CSIP"><div ID="d0" LABEL="\(objid)">
            <div ID="d-md" LABEL="Metadata"/>
            <div ID="d-doc" LABEL="Documentation"><fptr FILEID="fg-doc"/></div>
            <div ID="d-sch" LABEL="Schemas"><fptr FILEID="fg-sch"/></div>
            <div ID="d-rep" LABEL="Representations"><fptr FILEID="fg-rep1"/></div>
            <div ID="d-rep1" LABEL="Representations/rep1"><mptr LOCTYPE="URL" xlink:type="simple" xlink:href="representations/rep1/METS.xml" xlink:title="fg-rep1"/></div>
          </div></structMap>
        </mets>

        """
        try Data(rootMETS.utf8).write(to: URL(fileURLWithPath: root + "/METS.xml"))
    }

    /// A `file` element with the true size and SHA-256 of the file, unless told to lie.
    private func fileElement(id: String, packagePath: String, href: String, root: String, mime: String) -> String {
        let path = root + "/" + packagePath
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).map { "\($0)" } ?? "0"
        let checksum = Self.digest(path, type: checksumType)
        let sizeAttribute = omitSize.contains(packagePath) ? "" : " SIZE=\"\(sizeLies[packagePath] ?? size)\""
        return """
              <file ID="\(id)" MIMETYPE="\(mime)"\(sizeAttribute) CREATED="2026-11-23T10:00:00+01:00" CHECKSUM="\(checksumLies[packagePath] ?? checksum)" CHECKSUMTYPE="\(checksumType)"><FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="\(href)"/></file>

        """
    }

    /// Hex digest of a (small) file.
    static func digest(_ path: String, type: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        func hex(_ d: some Sequence<UInt8>) -> String { d.map { String(format: "%02x", $0) }.joined() }
        // Lenient like the validator: "md5", "SHA256" and "sha-1" name the same algorithms.
        switch type.uppercased().replacingOccurrences(of: "-", with: "") {
        case "MD5": return hex(Insecure.MD5.hash(data: data))
        case "SHA1": return hex(Insecure.SHA1.hash(data: data))
        case "SHA384": return hex(SHA384.hash(data: data))
        case "SHA512": return hex(SHA512.hash(data: data))
        default: return hex(SHA256.hash(data: data))
        }
    }

    /// Plain open/write/close: Foundation's `Data.write` is far slower per file here (it costs
    /// ~7 ms a file on this machine's disk, which made a 10,000-file SIP take a minute to write).
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOError(path: path, operation: "create", errno: errno) }
        defer { close(fd) }
        let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard n == bytes.count else { throw IOError(path: path, operation: "write", errno: errno) }
    }
}
