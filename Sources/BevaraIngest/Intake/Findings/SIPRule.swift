/// Rule ids that intake reports besides the CSIP/SIP requirement ids (`CSIP1`…`CSIP119`,
/// `CSIPSTR1`, `SIP2`, `SIP4`, …, quoted as the specifications number them; see
/// `../shared/standards.md` §1–2).
public enum SIPRule {
    // Receiving (PackageIntake.open): the package is refused before anything is validated.
    /// An entry or file name that is absolute, has `..`, a backslash, a control character, or is
    /// longer than `IntakeLimits.maxPathBytes`.
    public static let pathUnsafe = "PATH-UNSAFE"
    /// A symbolic link (archive entry or file in a submitted folder).
    public static let symlink = "SYMLINK"
    /// A hard-link archive entry.
    public static let hardlink = "HARDLINK"
    /// A device, FIFO or socket.
    public static let specialFile = "SPECIAL-FILE"
    /// The same entry name twice in one archive, or a file where a folder is needed.
    public static let duplicateEntry = "DUPLICATE-ENTRY"
    /// Decompressed bytes out of proportion to compressed bytes (`IntakeLimits.maxCompressionRatio`).
    public static let zipBomb = "ZIP-BOMB"
    /// More entries than `IntakeLimits.maxEntries`.
    public static let tooManyEntries = "LIMIT-ENTRIES"
    /// More bytes than `IntakeLimits.maxTotalBytes`.
    public static let tooLarge = "LIMIT-SIZE"
    /// Not a folder, tar, tar.gz or zip, or an archive libarchive cannot read to its end.
    public static let unreadableArchive = "ARCHIVE-UNREADABLE"

    // The METS documents.
    /// No `METS.xml` at the package root (CSIPSTR4).
    public static let metsMissing = "METS-MISSING"
    /// A METS document that is not well-formed XML, or not METS.
    public static let xmlMalformed = "XML-MALFORMED"
    /// A DOCTYPE, entity or other DTD declaration in a METS document (XXE, billion laughs).
    public static let xmlEntity = "XML-ENTITY"

    // Fixity: what the METS says against what the package holds.
    /// A file or `mdRef` the METS references does not exist (or is not a regular file).
    public static let fileMissing = "FILE-MISSING"
    /// A referenced file's size differs from its `SIZE`.
    public static let fixitySize = "FIXITY-SIZE"
    /// A referenced file's checksum differs from its `CHECKSUM`.
    public static let fixityChecksum = "FIXITY-CHECKSUM"
    /// A `CHECKSUMTYPE` Bevara cannot compute (Adler-32, CRC32, HAVAL, MNP, TIGER, WHIRLPOOL).
    public static let fixityUnsupported = "FIXITY-UNSUPPORTED"
    /// A file in the package that no METS references (a warning).
    public static let fileUnreferenced = "FILE-UNREFERENCED"
    /// A file could not be read while verifying it.
    public static let fileUnreadable = "FILE-UNREADABLE"
}
