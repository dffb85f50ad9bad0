import Foundation

extension SafePath {
    /// `resolve(_:under:)` for a root whose real path the caller resolved once (`realPath(root)`):
    /// resolving the root again for each of 100,000 files doubled the `realpath` work.
    public static func resolve(_ relative: String, underRealRoot realRoot: String) -> String? {
        guard validateRelative(relative) == nil else { return nil }
        let joined = (realRoot as NSString).appendingPathComponent(relative)
        guard let real = realPath(joined) else { return nil }
        return real.hasSameUTF8(as: realRoot) || real.hasUTF8Prefix(realRoot + "/") ? real : nil
    }
}
