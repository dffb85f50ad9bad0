import Foundation

/// Process-wide set-up every entry point calls once before touching archives.
public enum ProcessSetup {
    /// libarchive converts entry names through the C library's locale. A Swift process runs in
    /// "C", where libarchive 3.6 crashes writing a pax header for a non-ASCII name and returns
    /// NULL reading one back (swift-notes §1). UTF-8 character handling fixes both.
    public static func useUTF8Locale() {
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "") }
    }
}
