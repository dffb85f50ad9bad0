extension String {
    /// The string left-padded with zeros to `width` characters (no change when it is as long already).
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
