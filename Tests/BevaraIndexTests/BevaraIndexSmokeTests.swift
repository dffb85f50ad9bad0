import BevaraIndex
import Testing

@Suite struct BevaraIndexSmokeTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}
