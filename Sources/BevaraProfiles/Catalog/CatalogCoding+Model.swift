import BevaraModel

// The model's values in the catalog's form (`CatalogCodable`): every stored property, in
// declaration order, except that a record's files come first so `forEachFileReference` reads
// them without decoding the rest. `CatalogCodingTests` fails when a model type gains or loses a
// stored property, so that this file is updated with it.

extension Case: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        out.string(systemID)
        out.string(diarienummer.verbatim)
        out.array(extraIDs)
        out.string(title)
        out.value(status)
        out.value(opened)
        out.value(closed)
        out.value(classification)
        out.string(unit)
        out.string(officer)
        out.array(parties)
        out.array(secrecy)
        out.value(source)
    }

    init(from input: inout CatalogReader) throws {
        self.init(systemID: try input.optionalString(), diarienummer: Diarienummer(try input.string()),
                  extraIDs: try input.array(), title: try input.string(), status: try input.value(),
                  opened: try input.optionalValue(), closed: try input.optionalValue(),
                  classification: try input.optionalValue(), unit: try input.optionalString(),
                  officer: try input.optionalString(), parties: try input.array(), secrecy: try input.array(),
                  source: try input.value())
    }
}

extension ExtraID: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        out.string(type)
        out.string(value)
    }

    init(from input: inout CatalogReader) throws {
        self.init(type: try input.string(), value: try input.string())
    }
}

extension Classification: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        out.string(code)
        out.string(text)
    }

    init(from input: inout CatalogReader) throws {
        self.init(code: try input.string(), text: try input.optionalString())
    }
}

extension CaseStatus: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        switch self {
        case .open: out.int(0)
        case .dormant: out.int(1)
        case .closed: out.int(2)
        case .cancelled: out.int(3)
        case .adActa: out.int(4)
        case .unknown(let raw):
            out.int(5)
            out.string(raw)
        }
    }

    init(from input: inout CatalogReader) throws {
        switch try input.int() {
        case 0: self = .open
        case 1: self = .dormant
        case 2: self = .closed
        case 3: self = .cancelled
        case 4: self = .adActa
        case 5: self = .unknown(try input.string())
        case let n: throw CatalogDecodingError(offset: input.offset, reason: "\(n) is not a case status")
        }
    }
}

extension Record: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        out.array(files)
        out.string(id)
        out.string(systemID)
        out.string(caseNumber.verbatim)
        out.int(runningNumber)
        out.string(type)
        out.string(direction.rawValue)
        out.value(date)
        out.string(title)
        out.array(parties)
        out.array(secrecy)
        out.value(source)
    }

    init(from input: inout CatalogReader) throws {
        let files: [FileReference] = try input.array()
        self.init(id: try input.string(), systemID: try input.optionalString(), caseNumber: Diarienummer(try input.string()),
                  runningNumber: try input.optionalInt(), type: try input.optionalString(), direction: try input.rawValue(),
                  date: try input.optionalValue(), title: try input.string(), parties: try input.array(),
                  secrecy: try input.array(), files: files, source: try input.value())
    }

    /// Only the files of a stored record (they come first).
    static func files(from input: inout CatalogReader) throws -> [FileReference] { try input.array() }
}

extension Party: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        out.string(name)
        out.value(identityNumber)
        out.string(organisation)
        out.string(address)
        out.string(role.rawValue)
        out.bool(protectedIdentity)
        out.value(source)
    }

    init(from input: inout CatalogReader) throws {
        self.init(name: try input.string(), identityNumber: try input.optionalValue(), organisation: try input.optionalString(),
                  address: try input.optionalString(), role: try input.rawValue(), protectedIdentity: try input.bool(),
                  source: try input.optionalValue())
    }
}

extension IdentityNumber: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        out.string(raw)
        out.string(kind.rawValue)
        out.string(canonical)
    }

    init(from input: inout CatalogReader) throws {
        self.init(raw: try input.string(), kind: try input.rawValue(), canonical: try input.optionalString())
    }
}

extension SecrecyMarking: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        out.string(kind.rawValue)
        out.string(legalReference)
        out.string(explanation)
        out.value(expires)
    }

    init(from input: inout CatalogReader) throws {
        self.init(kind: try input.rawValue(), legalReference: try input.optionalString(), explanation: try input.optionalString(),
                  expires: try input.optionalValue())
    }
}

extension PartialDate: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        out.int(year)
        out.int(month)
        out.int(day)
        out.int(hour)
        out.int(minute)
        out.int(second)
        out.string(original)
    }

    init(from input: inout CatalogReader) throws {
        self.init(year: try input.int(), month: try input.optionalInt(), day: try input.optionalInt(), hour: try input.optionalInt(),
                  minute: try input.optionalInt(), second: try input.optionalInt(), original: try input.string())
    }
}

extension FileReference: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        out.string(path)
        out.string(originalName)
        out.int(declaredSize.map(Int.init))
        out.value(declaredChecksum)
        out.string(declaredMime)
        out.value(source)
    }

    init(from input: inout CatalogReader) throws {
        self.init(path: try input.string(), originalName: try input.string(), declaredSize: try input.optionalInt().map(Int64.init),
                  declaredChecksum: try input.optionalValue(), declaredMime: try input.optionalString(), source: try input.value())
    }
}

extension Checksum: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        out.string(algorithm.rawValue)
        out.string(value)
    }

    init(from input: inout CatalogReader) throws {
        self.init(algorithm: try input.rawValue(), value: try input.string())
    }
}

extension SourceLocation: CatalogCodable {
    func write(to out: inout CatalogWriter) {
        out.string(file)
        out.int(line)
        out.string(element)
    }

    init(from input: inout CatalogReader) throws {
        self.init(file: try input.string(), line: try input.optionalInt(), element: try input.optionalString())
    }
}
