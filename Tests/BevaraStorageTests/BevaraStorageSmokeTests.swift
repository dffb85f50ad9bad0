import BevaraStorage
import Testing

@Suite struct BevaraStorageSmokeTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}
