/// An 8-bit greyscale PNG: signature, IHDR, an `iTXt` chunk with the title (UTF-8), IDAT
/// chunks holding a zlib stream of stored (uncompressed) deflate blocks, IEND. CRCs and the
/// Adler-32 are computed over the bytes written.
///
/// The pixels are random (noise), one filter byte 0 per row. The image is 64 pixels wide (1024
/// from 1 MiB up). With a planned size the height is the largest that fits (at least one row),
/// and what whole rows cannot fill pads the title text; without one it is `naturalHeight`, small
/// enough that a generator document's natural file stays under `FixtureFileKind.png`'s floor.
enum PNGFile {
    static let naturalHeight = 8
    /// Bytes of zlib data per IDAT chunk.
    static let idatChunk = 1 << 20

    static func write(_ doc: FixtureDocument, seed: UInt64, size: Int64?, to path: String) throws -> Int64 {
        var rng = SeededRandom(seed: seed, stream: 0x706E)
        let titleText = Array(("Bevara fixture: " + doc.title).utf8)
        let width = (size ?? 0) >= 1 << 20 ? 1024 : 64
        var height = naturalHeight
        var titlePadding = 0
        if let size {
            // Largest height that fits (the estimate can overshoot by a block header or an IDAT
            // chunk header, so step down), then pad the text with the rest. If not even one row
            // fits, the file has one row and is larger than asked.
            let rowBytes = Int64(width + 1)
            let oneRow = total(width: width, height: 1, titleBytes: titleText.count)
            var h = size > oneRow ? Int((size - oneRow) / rowBytes) + 1 : 1
            while h > 1 && total(width: width, height: h, titleBytes: titleText.count) > size { h -= 1 }
            height = h
            titlePadding = max(0, Int(size - total(width: width, height: height, titleBytes: titleText.count)))
        }

        let out = try OutputFile(path: path, bufferSize: 64 * 1024)
        try out.write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr: [UInt8] = []
        ihdr += be32(UInt32(width)) + be32(UInt32(height))
        ihdr += [8, 0, 0, 0, 0]   // bit depth 8, greyscale, deflate, adaptive filtering, no interlace
        try writeChunk("IHDR", ihdr, to: out)
        // iTXt: keyword, NUL, compression flag 0, method 0, language tag "sv", NUL, no translated keyword, NUL, text.
        let itxt = Array("Title".utf8) + [0, 0, 0] + Array("sv".utf8) + [0, 0] + titleText
            + [UInt8](repeating: 0x20, count: titlePadding)
        try writeChunk("iTXt", itxt, to: out)
        try writeImageData(width: width, height: height, rng: &rng, to: out)
        try writeChunk("IEND", [], to: out)
        try out.close()
        return out.count
    }

    /// File size for an image `height` rows high and a title of `titleBytes`.
    static func total(width: Int, height: Int, titleBytes: Int) -> Int64 {
        let zlib = zlibLength(width: width, height: height)
        let idatChunks = (zlib + Int64(idatChunk) - 1) / Int64(idatChunk)
        return 8 + 25 + Int64(12 + 12 + titleBytes) + zlib + 12 * idatChunks + 12
    }

    static func zlibLength(width: Int, height: Int) -> Int64 {
        let raw = Int64(height * (width + 1))
        let blocks = max(1, (raw + 65_534) / 65_535)
        return 2 + 5 * blocks + raw + 4
    }

    static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    static func writeChunk(_ type: String, _ data: [UInt8], to out: OutputFile) throws {
        let typeBytes = Array(type.utf8)
        var crc: UInt32 = 0xFFFF_FFFF
        typeBytes.withUnsafeBytes { crc = PNGChecksums.crcUpdate(crc, $0) }
        data.withUnsafeBytes { crc = PNGChecksums.crcUpdate(crc, $0) }
        try out.write(be32(UInt32(data.count)) + typeBytes)
        try out.write(data)
        try out.write(be32(~crc))
    }

    /// The zlib stream (header, stored blocks of filtered rows, Adler-32) cut into IDAT chunks.
    static func writeImageData(width: Int, height: Int, rng: inout SeededRandom, to out: OutputFile) throws {
        var stream = ZlibStoredStream(rawLength: Int64(height * (width + 1)))
        var pending: [UInt8] = []
        pending.reserveCapacity(idatChunk + 70_000)
        // Rows are made in batches: random bytes, then a filter byte 0 at the start of each row.
        let rowBytes = width + 1
        let rowsPerBatch = max(1, 65_536 / rowBytes)
        var batch = [UInt8](repeating: 0, count: rowsPerBatch * rowBytes)
        var rowsLeft = height
        while rowsLeft > 0 {
            let rows = min(rowsPerBatch, rowsLeft)
            let count = rows * rowBytes
            batch.withUnsafeMutableBytes { raw in
                rng.fill(UnsafeMutableRawBufferPointer(rebasing: raw[0..<count]))
                for r in 0..<rows { raw[r * rowBytes] = 0 }   // filter type None
            }
            stream.append(batch[0..<count], to: &pending)
            rowsLeft -= rows
            while pending.count >= idatChunk {
                try writeChunk("IDAT", Array(pending[0..<idatChunk]), to: out)
                pending.removeFirst(idatChunk)
            }
        }
        stream.finish(to: &pending)
        while !pending.isEmpty {
            let n = min(idatChunk, pending.count)
            try writeChunk("IDAT", Array(pending[0..<n]), to: out)
            pending.removeFirst(n)
        }
    }

    /// A zlib stream of stored deflate blocks (no compression), written incrementally.
    struct ZlibStoredStream {
        let rawLength: Int64
        private var written: Int64 = 0
        private var blockLeft = 0
        private var adler: UInt32 = 1
        private var started = false

        init(rawLength: Int64) { self.rawLength = rawLength }

        mutating func append(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
            if !started {
                out += [0x78, 0x01]
                started = true
            }
            bytes.withUnsafeBytes { adler = PNGChecksums.adlerUpdate(adler, $0) }
            var i = bytes.startIndex
            while i < bytes.endIndex {
                if blockLeft == 0 {
                    let remaining = rawLength - written
                    let len = Int(min(65_535, remaining))
                    let final: UInt8 = remaining <= 65_535 ? 1 : 0
                    out += [final, UInt8(len & 0xFF), UInt8(len >> 8),
                            UInt8(~len & 0xFF), UInt8((~len >> 8) & 0xFF)]
                    blockLeft = len
                }
                let n = min(blockLeft, bytes.endIndex - i)
                out += bytes[i..<(i + n)]
                i += n
                blockLeft -= n
                written += Int64(n)
            }
        }

        mutating func finish(to out: inout [UInt8]) {
            out += PNGFile.be32(adler)
        }
    }
}
