/// Bevara's version, as written into every package's software agent and PREMIS events.
public enum BevaraVersion {
    public static let current = "0.2.0"
}
