import Foundation

/// The log's time stamps: ISO 8601, UTC, milliseconds (`2026-11-23T10:15:30.123Z`).
enum AccessLogTime {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)

    static func format(_ date: Date) -> String { date.formatted(style) }

    static func parse(_ text: String) -> Date? { try? style.parse(text) }
}
