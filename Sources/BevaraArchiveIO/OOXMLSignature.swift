import Foundation

/// The OOXML answer libmagic gives, without walking libmagic's database: for a zip whose first
/// entry is `[Content_Types].xml`, the third entry's folder (`word/`, `xl/`, `ppt/`) decides
/// (file 5.44, `Magdir/msooxml`), but libmagic reaches that rule only after trying ~4,900
/// others (~0.1 ms per DOCX).
///
/// Exact by construction, for the one database it was derived from:
/// - `MagicDatabaseCheck` enables it only when libmagic loads that database (checked by SHA-256)
///   and no local rules.
/// - Before soft magic, libmagic's other tests cannot answer for such a head: it is binary
///   (bytes 3 and 4 are control characters in every encoding libmagic tries), so no text, CSV
///   or JSON; not CDF (no D0 CF 11 E0), not SIMH (its first record length, 0x034B50, runs past
///   any head of 64 KiB); and the tar checksum is computed here as libmagic computes it.
/// - Every earlier rule of the database that the fixed bytes (`PK\3\4`, name length 19, the
///   name at 30) do not already contradict is checked here (`earlierRules`, listed by
///   scripts/magic-ooxml-candidates.py, and seven of other kinds by hand): if any could match,
///   libmagic decides.
/// - The OOXML rule itself is followed step by step: the regex on the first name, the search
///   for the second local header from `(18.l+49)` within 6,000 bytes, the third from the
///   second's name within 6,000, and the third's name.
/// FormatIdentifierTests compare it with libmagic on generated and tricky zips.
enum OOXMLSignature {
    /// A byte pattern that an earlier rule compares at `offset` (from the end when `fromEnd`).
    struct Pattern {
        let offset: Int
        let fromEnd: Bool
        let ignoreCase: Bool
        let bytes: [UInt8]
        init(_ offset: Int, _ fromEnd: Bool, _ ignoreCase: Bool, _ bytes: [UInt8]) {
            self.offset = offset
            self.fromEnd = fromEnd
            self.ignoreCase = ignoreCase
            self.bytes = bytes
        }

        /// False only when the rule cannot match `head`: a byte differs, or one lies past the
        /// end while the rule wants a non-zero byte there (libmagic either fails such a test or
        /// compares zeros).
        func couldMatch(_ head: [UInt8]) -> Bool {
            let start = fromEnd ? head.count - offset : offset
            guard start >= 0 else { return true }
            for (k, want) in bytes.enumerated() {
                let at = start + k
                if at >= head.count {
                    if want != 0 { return false }
                    continue
                }
                let have = head[at]
                if ignoreCase ? ASCII.lower(have) != ASCII.lower(want) : have != want { return false }
            }
            return true
        }
    }

    static let localHeader: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let contentTypes = Array("[Content_Types].xml".utf8)

    /// libmagic's MIME type for `head` when it is an OOXML package this rule settles; nil otherwise.
    static func mime(_ head: [UInt8]) -> String? {
        guard head.count >= 49, head.count <= 65_536, head.starts(with: localHeader),
              head[26] == 19, head[27] == 0, head[30..<49].elementsEqual(contentTypes) else { return nil }
        guard !mayBeTar(head), !earlierRulesCouldMatch(head) else { return nil }
        // `>30 use msooxml` finds no word/ppt/xl at the first name; `>30 default` follows, and
        // its regex matches the name at 30. `>>>(18.l+49) search/6000 PK\3\4`:
        let compressedSize = Int32(bitPattern: UInt32(head[18]) | UInt32(head[19]) << 8 | UInt32(head[20]) << 16 | UInt32(head[21]) << 24)
        let from = Int(compressedSize) + 49
        guard compressedSize >= 0, from <= head.count,
              let second = search(localHeader, in: head, from: from, range: 6000),
              // `>>>>&26 search/6000 PK\3\4`: from the second entry's name (match end + 26).
              let third = search(localHeader, in: head, from: second + 4 + 26, range: 6000) else { return nil }
        // `>>>>>&26 use msooxml`: the third entry's name.
        let name = third + 4 + 26
        for (folder, type) in folders where has(folder, in: head, at: name) { return type }
        return nil
    }

    static let folders: [([UInt8], String)] = [
        (Array("word/".utf8), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (Array("ppt/".utf8), "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        (Array("xl/".utf8), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ]

    static func has(_ bytes: [UInt8], in head: [UInt8], at offset: Int) -> Bool {
        offset >= 0 && offset + bytes.count <= head.count && head[offset..<(offset + bytes.count)].elementsEqual(bytes)
    }

    /// libmagic's `search/range`: the first match starting less than `range` bytes after `from`
    /// that fits in the buffer.
    static func search(_ needle: [UInt8], in head: [UInt8], from: Int, range: Int) -> Int? {
        guard from >= 0, from < head.count else { return nil }
        let last = min(from + range - 1, head.count - needle.count)
        guard last >= from else { return nil }
        var i = from
        while i <= last {
            if head[i] == needle[0] && has(needle, in: head, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// libmagic's tar test (is_tar.c): a 512-byte header whose checksum field, read as octal,
    /// equals the sum of its bytes with that field counted as spaces.
    static func mayBeTar(_ head: [UInt8]) -> Bool {
        guard head.count >= 512 else { return false }
        var sum = 0
        for i in 0..<512 { sum += (148..<156).contains(i) ? 0x20 : Int(head[i]) }
        // from_oct: spaces, octal digits, then the end of the field, a NUL or a space.
        var i = 148
        while i < 156 && isSpace(head[i]) { i += 1 }
        guard i < 156 else { return false }
        var value = 0
        while i < 156 && head[i] >= 0x30 && head[i] <= 0x37 { value = value * 8 + Int(head[i] - 0x30); i += 1 }
        if i < 156 && head[i] != 0 && !isSpace(head[i]) { return false }
        return value == sum
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// True if a rule that libmagic tries before the OOXML rule might answer for `head`.
    static func earlierRulesCouldMatch(_ head: [UInt8]) -> Bool {
        if earlierRules.contains(where: { $0.couldMatch(head) }) { return true }
        // Entry 878, `(2.l) string *IDENTIFICATION` (an indirect offset): anywhere.
        if ByteSearch.firstIndex(of: Array("*IDENTIFICATION".utf8), in: head, from: 0) != nil { return true }
        // Entry 4023, `30 search/481 \x55\xaa`.
        if search([0x55, 0xAA], in: head, from: 30, range: 481) != nil { return true }
        // Entry 4361, `0 string <DryadData` (a less-than test that most heads pass), prints only
        // through its one continuation, `&0 regex/1024 dryad-bibo/v[0-9]\.[0-9]`: anywhere.
        if ByteSearch.firstIndex(of: Array("dryad-bibo/v".utf8), in: head, from: 0) != nil { return true }
        // Entry 4629, `4 regex P[0-9][0-9]\.[0-9]{4}\.…`: its first four atoms, anywhere after 4.
        if head.count >= 8 {
            for i in 4..<(head.count - 3) where head[i] == 0x50 && isDigit(head[i + 1]) && isDigit(head[i + 2]) && head[i + 3] == 0x2E {
                return true
            }
        }
        // Entry 414, `0 pstring HDD Raw Copy Tool\0` (1-byte length): its text after the length byte.
        if hddRawCopy.couldMatch(head) { return true }
        // Entry 544 (`0 guid`, ASF: its first byte is 0x30, or 0x75 in the other order) and entry
        // 1218 (`2 lestring16 Windows Registry Editor`, needs 'W' at 2) cannot match PK\3\4.
        return false
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static let hddRawCopy = Pattern(1, false, false, Array("HDD Raw Copy Tool\0".utf8))

    /// The rules of the analysed database tried before the OOXML rule, as byte patterns (string
    /// and numeric equality tests at fixed offsets), with their entry number and description.
    // /usr/share/misc/magic.mgc sha256 3217786eeedc85aadcd389ff3ee281b71081412c78f354458db94f095d55ed59; OOXML rule at entry 4917
    static let earlierRules: [Pattern] = [
        .init(56, false, false, [85, 83, 69, 32, 76, 89, 78, 88, 32, 84, 79, 32, 68, 73, 83, 83, 79, 76, 86, 69, 32, 84, 72, 73, 83, 32, 70, 73, 76, 69]),  // 46 'LyNX archive'
        .init(79, false, false, [84, 117, 101, 32, 74, 97, 110, 32, 50, 50, 32, 49, 52, 58, 51, 50, 58, 52, 52, 32, 77, 69, 84, 32, 49, 57, 57, 49]),  // 70 'Erlang JAM file - version 4.2'
        .init(252, false, false, [77, 117, 115, 116, 32, 104, 97, 118, 101, 32, 68, 79, 83, 32, 118, 101, 114, 115, 105, 111, 110]),  // 255 'DR-DOS executable (COM)'
        .init(6, false, false, [37, 33, 80, 83, 45, 65, 100, 111, 98, 101, 70, 111, 110, 116, 45, 49, 46]),  // 440 ''
        .init(64, false, false, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),  // 518 ''
        .init(4, false, false, [32, 0, 4, 1, 36, 1, 66, 2, 102, 3, 36, 0, 1, 57, 48, 3]),  // 553 'Biosig/UNIPRO'
        .init(4120, false, false, [198, 133, 115, 246, 78, 26, 69, 202, 130, 101, 245, 127, 72, 186, 109, 129]),  // 599 'bcachefs'
        .init(6, false, false, [37, 80, 83, 45, 65, 100, 111, 98, 101, 70, 111, 110, 116, 45, 49, 46]),  // 611 'PostScript Type 1 font program data'
        .init(369, false, false, [77, 73, 67, 82, 79, 83, 79, 70, 84, 32, 80, 73, 70, 69, 88, 0]),  // 685 'Windows Program Information File'
        .init(9, false, false, [32, 33, 78, 84, 73, 84, 76, 69, 10, 32, 82, 69, 77, 65, 82, 75]),  // 721 'CNS ASCII electron density map'
        .init(1028, false, false, [77, 77, 88, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),  // 722 'MAR Area Detector Image,'
        .init(58, false, false, [83, 73, 68, 77, 79, 78, 32, 73, 73, 32, 45, 32, 84, 72, 69]),  // 800 'Sidmon 2.0 Module sound file'
        .init(256, false, false, [73, 77, 65, 32, 73, 75, 85, 78, 79, 85, 74, 89, 85, 75, 85]),  // 847 'Samsung Pico ROM image'
        .init(4, false, false, [83, 116, 97, 110, 100, 97, 114, 100, 32, 74, 101, 116, 32, 68, 66]),  // 849 'Microsoft Access Database'
        .init(4, false, false, [83, 116, 97, 110, 100, 97, 114, 100, 32, 65, 67, 69, 32, 68, 66]),  // 850 'Microsoft Access Database'
        .init(256, false, false, [80, 105, 99, 116, 117, 114, 101, 32, 77, 97, 103, 105, 99]),  // 1048 ''
        .init(256, false, false, [83, 65, 77, 83, 85, 78, 71, 32, 80, 73, 67, 79]),  // 1336 'Samsung Pico ROM image'
        .init(6, false, false, [37, 33, 70, 111, 110, 116, 84, 121, 112, 101, 49]),  // 1524 'PostScript Type 1 font program data'
        .init(230, false, false, [37, 33, 70, 111, 110, 116, 84, 121, 112, 101, 49]),  // 1526 'PostScript Type 1 font program data'
        .init(4, false, false, [112, 103, 115, 99, 114, 105, 112, 116, 118, 101, 114]),  // 1563 'IslandWrite document'
        .init(9, false, false, [82, 65, 66, 66, 73, 84, 71, 82, 65, 80, 72]),  // 1569 'RabbitGraph file'
        .init(384, false, false, [76, 111, 99, 107, 83, 116, 114, 101, 97, 109]),  // 1743 'LockStream Embedded file (mostly MP3 on '
        .init(4086, false, false, [83, 87, 65, 80, 45, 83, 80, 65, 67, 69]),  // 1768 'Linux old swap file, 4k page size'
        .init(8182, false, false, [83, 87, 65, 80, 45, 83, 80, 65, 67, 69]),  // 1769 'Linux old swap file, 8k page size'
        .init(16374, false, false, [83, 87, 65, 80, 45, 83, 80, 65, 67, 69]),  // 1770 'Linux old swap file, 16k page size'
        .init(32758, false, false, [83, 87, 65, 80, 45, 83, 80, 65, 67, 69]),  // 1771 'Linux old swap file, 32k page size'
        .init(65526, false, false, [83, 87, 65, 80, 45, 83, 80, 65, 67, 69]),  // 1772 'Linux old swap file, 64k page size'
        .init(4086, false, false, [83, 87, 65, 80, 83, 80, 65, 67, 69, 50]),  // 1773 'Linux swap file, 4k page size,'
        .init(8182, false, false, [83, 87, 65, 80, 83, 80, 65, 67, 69, 50]),  // 1775 'Linux swap file, 8k page size,'
        .init(16374, false, false, [83, 87, 65, 80, 83, 80, 65, 67, 69, 50]),  // 1777 'Linux swap file, 16k page size,'
        .init(32758, false, false, [83, 87, 65, 80, 83, 80, 65, 67, 69, 50]),  // 1779 'Linux swap file, 32k page size,'
        .init(65526, false, false, [83, 87, 65, 80, 83, 80, 65, 67, 69, 50]),  // 1781 'Linux swap file, 64k page size,'
        .init(4076, false, false, [83, 87, 65, 80, 83, 80, 65, 67, 69, 50]),  // 1783 'Linux swap file, 4k page size,'
        .init(8172, false, false, [83, 87, 65, 80, 83, 80, 65, 67, 69, 50]),  // 1786 'Linux swap file, 8k page size,'
        .init(16364, false, false, [83, 87, 65, 80, 83, 80, 65, 67, 69, 50]),  // 1789 'Linux swap file, 16k page size,'
        .init(32748, false, false, [83, 87, 65, 80, 83, 80, 65, 67, 69, 50]),  // 1792 'Linux swap file, 32k page size,'
        .init(65516, false, false, [83, 87, 65, 80, 83, 80, 65, 67, 69, 50]),  // 1795 'Linux swap file, 64k page size,'
        .init(60, false, false, [87, 32, 67, 111, 108, 108, 105, 115, 0, 0]),  // 1801 'COM executable for MS-DOS, Compack compr'
        .init(9, false, false, [71, 69, 82, 66, 73, 76, 67, 76, 73, 80]),  // 1802 'First Choice database'
        .init(7, false, false, [49, 56, 32, 33, 78, 84, 73, 84, 76, 69]),  // 1824 'XPLOR ASCII Electron Density Map'
        .init(514, false, false, [72, 100, 114, 83]),  // 1849 'Linux kernel'
        .init(4, false, false, [103, 116, 107, 116, 97, 108, 111, 103, 32]),  // 1895 'GTKtalog catalog data,'
        .init(1062, false, false, [77, 97, 68, 111, 75, 97, 78, 57, 54]),  // 1900 'XMS Adlib Module'
        .init(65588, false, false, [82, 101, 73, 115, 69, 114, 50, 70, 115]),  // 1972 'ReiserFS V3.6'
        .init(65588, false, false, [82, 101, 73, 115, 69, 114, 51, 70, 115]),  // 1973 'ReiserFS V3.6.19'
        .init(8, false, false, [79, 114, 97, 99, 108, 101, 67, 70, 83]),  // 1982 'Oracle Clustered Filesystem,'
        .init(8, false, false, [79, 114, 97, 99, 108, 101, 67, 70, 83]),  // 1987 'Oracle Clustered Filesystem,'
        .init(1008, false, false, [68, 69, 67, 70, 73, 76, 69, 49, 49]),  // 1992 'Files-11 On-Disk Structure'
        .init(9, false, false, [71, 69, 82, 66, 73, 76, 68, 79, 67]),  // 2027 'First Choice document'
        .init(32769, false, false, [67, 68, 48, 48, 49]),  // 2053 ''
        .init(510, false, false, [85, 170]),  // 2074 'DOS/MBR boot sector'
        .init(8, false, false, [64, 165, 90, 64, 95, 67, 67, 70]),  // 2652 ''
        .init(32752, false, false, [84, 77, 82, 32, 83, 69, 71, 65]),  // 2654 ''
        .init(16368, false, false, [84, 77, 82, 32, 83, 69, 71, 65]),  // 2656 ''
        .init(8176, false, false, [84, 77, 82, 32, 83, 69, 71, 65]),  // 2658 ''
        .init(512, false, false, [137, 72, 68, 70, 13, 10, 26, 10]),  // 2725 ''
        .init(4104, false, false, [8, 0, 0, 0, 0, 0, 0, 0]),  // 2768 ''
        .init(65, false, false, [80, 78, 84, 71, 77, 80, 78, 84]),  // 2933 'MacPaint image data'
        .init(16, false, false, [83, 67, 80, 69, 67, 71, 0, 0]),  // 2997 'Biosig/SCP-ECG format CEN 1064:2005/ISO '
        .init(260, false, false, [206, 237, 102, 102, 204, 13, 0, 11]),  // 3034 'Game Boy ROM image'
        .init(4, false, false, [36, 255, 174, 81, 105, 154, 162, 33]),  // 3099 'Game Boy Advance ROM image'
        .init(192, false, false, [36, 255, 174, 81, 105, 154, 162, 33]),  // 3103 'Nintendo DS ROM image'
        .init(192, false, false, [200, 96, 79, 226, 1, 112, 143, 226]),  // 3117 'Nintendo DS Slot-2 ROM image (PassMe)'
        .init(8, true, false, [87, 251, 128, 139, 36, 117, 71, 219]),  // 3140 'LevelDB table data'
        .init(65588, false, false, [82, 101, 73, 115, 69, 114, 70, 115]),  // 3168 'ReiserFS V3.5'
        .init(65600, false, false, [95, 66, 72, 82, 102, 83, 95, 77]),  // 3180 'BTRFS Filesystem'
        .init(4, false, false, [103, 116, 107, 116, 97, 108, 111, 103]),  // 3223 'GNOME Catalogue (gtktalog)'
        .init(8, false, false, [12, 253, 234, 173, 104, 208, 173, 171]),  // 3230 'Vulkan trace file, little-endian'
        .init(8, false, false, [171, 173, 208, 104, 173, 234, 253, 12]),  // 3232 'Vulkan trace file, big-endian'
        .init(1024, false, false, [137, 72, 68, 70, 13, 10, 26, 10]),  // 3294 'Hierarchical Data Format (version 5) wit'
        .init(2048, false, false, [137, 72, 68, 70, 13, 10, 26, 10]),  // 3295 'Hierarchical Data Format (version 5) wit'
        .init(4096, false, false, [137, 72, 68, 70, 13, 10, 26, 10]),  // 3296 'Hierarchical Data Format (version 5) wit'
        .init(90, false, false, [87, 77, 80, 72, 79, 84, 79, 0]),  // 3298 'JPEG-XR Image'
        .init(13, false, false, [68, 114, 97, 119, 70, 105, 108, 101]),  // 3351 'IslandDraw document'
        .init(536, false, false, [76, 86, 77, 50, 32, 48, 48, 49]),  // 3384 'LVM2 PV (Linux Logical Volume Manager)'
        .init(1048, false, false, [76, 86, 77, 50, 32, 48, 48, 49]),  // 3388 'LVM2 PV (Linux Logical Volume Manager)'
        .init(1560, false, false, [76, 86, 77, 50, 32, 48, 48, 49]),  // 3390 'LVM2 PV (Linux Logical Volume Manager)'
        .init(9, false, false, [71, 69, 82, 66, 73, 76, 68, 66]),  // 3426 'First Choice database'
        .init(4, false, false, [110, 43, 50, 0, 13, 10, 26, 10]),  // 3522 'NIfTI-2 neuroimaging data,'
        .init(4, false, false, [110, 105, 50, 0, 13, 10, 26, 10]),  // 3524 'NIfTI-2 neuroimaging data header,'
        .init(60, false, false, [83, 68, 111, 99, 83, 105, 108, 88]),  // 3584 'iSiloX E-book'
        .init(60, false, false, [66, 79, 79, 75, 77, 79, 66, 73]),  // 3586 'Mobipocket E-book'
        .init(60, false, false, [84, 69, 88, 116, 82, 69, 65, 100]),  // 3593 'AportisDoc/PalmDOC E-book'
        .init(60, false, false, [66, 86, 111, 107, 66, 68, 73, 67]),  // 3596 'BDicty PalmOS document'
        .init(60, false, false, [68, 66, 57, 57, 68, 66, 79, 83]),  // 3598 'DB PalmOS document'
        .init(60, false, false, [118, 73, 77, 71, 86, 105, 101, 119]),  // 3600 'FireViewer/ImageViewer PalmOS document'
        .init(60, false, false, [80, 109, 68, 66, 80, 109, 68, 66]),  // 3602 'HanDBase PalmOS document'
        .init(60, false, false, [73, 110, 102, 111, 73, 78, 68, 66]),  // 3604 'InfoView PalmOS document'
        .init(60, false, false, [84, 111, 71, 111, 84, 111, 71, 111]),  // 3606 'iSilo PalmOS document'
        .init(60, false, false, [74, 102, 68, 98, 74, 66, 97, 115]),  // 3608 'JFile PalmOS document'
        .init(60, false, false, [74, 102, 68, 98, 74, 70, 105, 108]),  // 3610 'JFile Pro PalmOS document'
        .init(60, false, false, [68, 65, 84, 65, 76, 83, 100, 98]),  // 3612 'List PalmOS document'
        .init(60, false, false, [77, 100, 98, 49, 77, 100, 98, 49]),  // 3614 'MobileDB PalmOS document'
        .init(60, false, false, [80, 78, 82, 100, 80, 80, 114, 115]),  // 3616 'PeanutPress PalmOS document'
        .init(60, false, false, [68, 97, 116, 97, 80, 108, 107, 114]),  // 3618 'Plucker PalmOS document'
        .init(60, false, false, [68, 97, 116, 97, 83, 112, 114, 100]),  // 3620 'QuickSheet PalmOS document'
        .init(60, false, false, [83, 77, 48, 49, 83, 77, 101, 109]),  // 3622 'SuperMemo PalmOS document'
        .init(60, false, false, [84, 69, 88, 116, 84, 108, 68, 99]),  // 3624 'TealDoc PalmOS document'
        .init(60, false, false, [73, 110, 102, 111, 84, 108, 73, 102]),  // 3626 'TealInfo PalmOS document'
        .init(60, false, false, [68, 97, 116, 97, 84, 108, 77, 108]),  // 3628 'TealMeal PalmOS document'
        .init(60, false, false, [68, 97, 116, 97, 84, 108, 80, 116]),  // 3630 'TealPaint PalmOS document'
        .init(60, false, false, [100, 97, 116, 97, 84, 68, 66, 80]),  // 3632 'ThinkDB PalmOS document'
        .init(60, false, false, [84, 100, 97, 116, 84, 105, 100, 101]),  // 3634 'Tides PalmOS document'
        .init(60, false, false, [84, 111, 82, 97, 84, 82, 80, 87]),  // 3636 'TomeRaider PalmOS document'
        .init(60, false, false, [66, 79, 79, 75, 77, 79, 66, 73]),  // 3638 'Mobipocket E-book'
        .init(92, false, false, [80, 76, 79, 84, 37, 37, 56, 52]),  // 3706 'Plot84 plotting file'
        .init(8, false, false, [77, 65, 89, 65, 70, 79, 82, 52]),  // 3726 'Alias Maya Binary File,'
        .init(8, false, false, [77, 97, 121, 97, 70, 79, 82, 52]),  // 3728 'Alias Maya Binary File,'
        .init(8, false, false, [0, 0, 0, 2, 245, 186, 203, 172]),  // 3967 'ZFS snapshot (big-endian machine),'
        .init(8, false, false, [172, 203, 186, 245, 2, 0, 0, 0]),  // 3995 'ZFS snapshot (little-endian machine),'
        .init(7, false, false, [42, 42, 65, 67, 69, 42, 42]),  // 4156 'ACE archive data'
        .init(4098, false, false, [68, 79, 83, 70, 79, 78, 84]),  // 4237 'DOSFONT2 encrypted font data'
        .init(2048, false, false, [80, 67, 68, 95, 73, 80, 73]),  // 4251 'Kodak Photo CD image pack file'
        .init(4, false, false, [1, 0, 1, 0, 1, 0]),  // 4363 ''
        .init(16, false, false, [83, 84, 84, 84, 0, 16]),  // 4373 ''
        .init(56, false, false, [110, 101, 116, 98, 115, 100]),  // 4380 ''
        .init(10, false, false, [80, 76, 69, 88, 79, 78]),  // 4431 'Biosig/Plexon v2.0'
        .init(1024, false, false, [77, 55, 82, 48, 10, 73]),  // 4534 'Maple Vr7 library'
        .init(514, false, false, [255, 255, 255, 255, 0]),  // 4696 ''
        .init(514, false, false, [255, 255, 255, 255, 1]),  // 4698 ''
        .init(257, false, false, [117, 115, 116, 97, 114]),  // 4723 ''
        .init(16, false, false, [72, 80, 45, 85, 88]),  // 4740 ''
        .init(100, false, false, [72, 80, 45, 85, 88]),  // 4800 ''
        .init(120, false, false, [72, 80, 45, 85, 88]),  // 4821 ''
        .init(16, false, false, [88, 73, 77, 71, 0]),  // 4868 ''
        .init(16, false, false, [84, 73, 77, 71, 0]),  // 4870 ''
        .init(11, false, false, [1, 0, 0, 0, 0]),  // 4872 ''
        .init(11, false, false, [1, 0, 0, 0, 0]),  // 4875 ''
        .init(60, false, false, [82, 73, 78, 69, 88]),  // 4887 ''
    ]
}
