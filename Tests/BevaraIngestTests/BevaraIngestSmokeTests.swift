import BevaraIngest
import Testing

@Suite struct BevaraIngestSmokeTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}
