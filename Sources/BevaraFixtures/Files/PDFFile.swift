import Foundation

/// A one-page PDF 1.4 whose text is real, extractable text: Helvetica (a standard font, not
/// embedded) with WinAnsiEncoding, so Swedish letters map to the right glyphs and back.
///
/// Objects: 1 catalog, 2 pages, 3 page, 4 font, 5 content stream, 6 document info, and when the
/// file is padded, 7 a greyscale image (random pixels, like a noisy scan) drawn on the page.
/// Offsets in the cross-reference table are computed from the bytes actually written.
enum PDFFile {
    /// Padding at or above this many bytes becomes an image; less goes in a content comment.
    static let imageThreshold = 4_096
    static let imageWidth = 512

    static func write(_ doc: FixtureDocument, seed: UInt64, size: Int64?, to path: String) throws -> Int64 {
        var rng = SeededRandom(seed: seed, stream: 0x7064)
        let fileID = hex((0..<16).map { _ in UInt16(rng.next() & 0xFF) }, digits: 2)
        let textOps = contentOperators(doc)
        var layout = Layout(textOps: textOps, doc: doc, fileID: fileID, imageRows: 0, commentBytes: 0)
        if let size, size > layout.totalSize {
            let pad = size - layout.totalSize
            if pad >= imageThreshold {
                layout.imageRows = 1
            }
            // Solve for the padding: the image data grows in whole rows, the comment takes the rest.
            for _ in 0..<8 {
                let diff = size - layout.totalSize
                if diff == 0 { break }
                if layout.imageRows > 0 {
                    let data = Int64(layout.imageRows * imageWidth + layout.commentBytes) + diff
                    layout.imageRows = max(1, Int(data / Int64(imageWidth)))
                    layout.commentBytes = max(0, Int(data - Int64(layout.imageRows * imageWidth)))
                } else {
                    layout.commentBytes = max(0, layout.commentBytes + Int(diff))
                }
            }
        }
        let out = try OutputFile(path: path, bufferSize: 64 * 1024)
        try layout.write(to: out, rng: &rng)
        try out.close()
        return out.count
    }

    /// The text-drawing operators for the page (heading, title, date, wrapped paragraphs).
    static func contentOperators(_ doc: FixtureDocument) -> String {
        var ops = "BT\n/F1 10 Tf\n56 800 Td\n(\(pdfString(doc.heading))) Tj\n"
        ops += "/F1 15 Tf\n0 -28 Td\n(\(pdfString(doc.title))) Tj\n/F1 11 Tf\n15 TL\n"
        if let date = doc.date { ops += "0 -6 Td\nT* (\(pdfString("Datum: " + date))) Tj\n" }
        var lineCount = 0
        for paragraph in doc.paragraphs {
            ops += "T*\n"
            for line in wrap(paragraph, width: 88) where lineCount < 44 {
                ops += "T* (\(pdfString(line))) Tj\n"
                lineCount += 1
            }
        }
        return ops + "ET\n"
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// A PDF literal string body in WinAnsiEncoding: ASCII as is (with `\`, `(`, `)` escaped),
    /// other characters as octal escapes of their WinAnsi code, `?` where WinAnsi has none.
    static func pdfString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x5C: out += "\\\\"
            case 0x28: out += "\\("
            case 0x29: out += "\\)"
            case 0x20...0x7E: out.unicodeScalars.append(scalar)
            default:
                let code = winAnsi(v) ?? 0x3F
                out += code < 0x80 ? String(UnicodeScalar(code)) : "\\" + String(code, radix: 8)
            }
        }
        return out
    }

    static func winAnsi(_ v: UInt32) -> UInt8? {
        switch v {
        case 0xA0...0xFF: return UInt8(v)
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2026: return 0x85
        case 0x20AC: return 0x80
        default: return nil
        }
    }

    /// UTF-16BE hex string with BOM, for document-information text.
    static func pdfTextString(_ text: String) -> String {
        "<FEFF" + hex(Array(text.utf16), digits: 4) + ">"
    }

    /// Upper-case hex of each value, zero-padded to `digits`.
    static func hex(_ values: [UInt16], digits: Int) -> String {
        let table = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(values.count * digits)
        for v in values {
            for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) { out.append(table[Int((v >> UInt16(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The file's parts with their sizes; `write` streams them and `totalSize` adds them up.
    struct Layout {
        let textOps: String
        let doc: FixtureDocument
        let fileID: String
        var imageRows: Int
        var commentBytes: Int

        /// `%PDF-1.4` and a comment of four high bytes (marks the file as binary).
        static let header: [UInt8] = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]

        var hasImage: Bool { imageRows > 0 }
        var objectCount: Int { hasImage ? 7 : 6 }

        var content: String {
            var c = ""
            if hasImage { c += "q 150 0 0 \(max(1, 150 * imageRows / PDFFile.imageWidth)) 400 60 cm /Im1 Do Q\n" }
            c += textOps
            if commentBytes == 1 { c += "\n" }
            if commentBytes >= 2 {
                // ASCII words joined by spaces, cut to length (built as bytes: this runs for every PDF).
                var filler: [UInt8] = [UInt8(ascii: "%")]
                filler.reserveCapacity(commentBytes + 32)
                var i = 0
                let words = TextFiller.words
                while filler.count < commentBytes - 1 {
                    if filler.count > 1 { filler.append(0x20) }
                    filler += words[i % words.count]
                    i += 1
                }
                filler.removeLast(filler.count - (commentBytes - 1))
                filler.append(0x0A)
                c += String(decoding: filler, as: UTF8.self)
            }
            return c
        }

        /// Objects before the image, as text (the image's data is streamed separately).
        var objects: [String] {
            let content = self.content
            let xobject = hasImage ? " /XObject << /Im1 7 0 R >>" : ""
            var info = "<< /Title \(PDFFile.pdfTextString(doc.title)) /Producer (Bevara fixture generator)"
            if let date = doc.date.map({ ASCIIText.replacing($0) { $0 == UInt8(ascii: "-") ? [] : nil } }), date.count == 8 {
                info += " /CreationDate (D:\(date)120000)"
            }
            info += " >>"
            return [
                "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
                "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
                "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >>\(xobject) >> /Contents 5 0 R >>\nendobj\n",
                "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n",
                "5 0 obj\n<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream\nendobj\n",
                "6 0 obj\n\(info)\nendobj\n",
            ]
        }

        var imageHead: String {
            "7 0 obj\n<< /Type /XObject /Subtype /Image /Width \(PDFFile.imageWidth) /Height \(imageRows) /ColorSpace /DeviceGray /BitsPerComponent 8 /Length \(imageRows * PDFFile.imageWidth) >>\nstream\n"
        }
        static let imageTail = "\nendstream\nendobj\n"

        func trailer(xrefOffset: Int64) -> String {
            "trailer\n<< /Size \(objectCount + 1) /Root 1 0 R /Info 6 0 R /ID [<\(fileID)> <\(fileID)>] >>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        }

        /// The rendered objects, the byte offsets of objects 1…n and of the xref table.
        func render() -> (objects: [String], offsets: [Int64], xref: Int64) {
            let objects = self.objects
            var offsets: [Int64] = []
            var pos = Int64(Layout.header.count)
            for obj in objects {
                offsets.append(pos)
                pos += Int64(obj.utf8.count)
            }
            if hasImage {
                offsets.append(pos)
                pos += Int64(imageHead.utf8.count + imageRows * PDFFile.imageWidth + Layout.imageTail.utf8.count)
            }
            return (objects, offsets, pos)
        }

        func xrefTable(_ offsets: [Int64]) -> String {
            var x = "xref\n0 \(objectCount + 1)\n0000000000 65535 f \n"
            for o in offsets {
                let digits = String(o)
                x += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
            }
            return x
        }

        var totalSize: Int64 {
            let r = render()
            return r.xref + Int64(xrefTable(r.offsets).utf8.count + trailer(xrefOffset: r.xref).utf8.count)
        }

        func write(to out: OutputFile, rng: inout SeededRandom) throws {
            let r = render()
            try out.write(Layout.header)
            for obj in r.objects { try out.write(obj) }
            if hasImage {
                try out.write(imageHead)
                var remaining = imageRows * PDFFile.imageWidth
                let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
                defer { chunk.deallocate() }
                while remaining > 0 {
                    let n = min(remaining, chunk.count)
                    let part = UnsafeMutableRawBufferPointer(rebasing: chunk[0..<n])
                    rng.fill(part)
                    try out.write(UnsafeRawBufferPointer(part))
                    remaining -= n
                }
                try out.write(Layout.imageTail)
            }
            try out.write(xrefTable(r.offsets))
            try out.write(trailer(xrefOffset: r.xref))
        }
    }
}
