@testable import BevaraAccess
import Foundation
import Testing

@Suite struct AccessLogTimeTests {
    @Test func timesAreUTCWithExactlyThreeFractionDigitsAndParseBack() throws {
        #expect(AccessLogTime.format(Date(timeIntervalSince1970: 1_700_000_000)) == "2023-11-14T22:13:20.000Z")
        #expect(AccessLogTime.format(Date(timeIntervalSince1970: 1_700_000_000.25)) == "2023-11-14T22:13:20.250Z")
        let parsed = try #require(AccessLogTime.parse("2023-11-14T22:13:20.250Z"))
        #expect(abs(parsed.timeIntervalSince1970 - 1_700_000_000.25) < 0.001)
        #expect(AccessLogTime.parse("14/11/2023 22:13") == nil)
    }
}
