import BevaraArchiveIO
import Foundation
import Testing

/// Two halves at once: both run to the end, on two threads, and errors come out as a caller
/// would want them (its own first).
@Suite struct SideThreadTests {
    struct Failed: Error, Equatable { let side: String }

    @Test func bothHalvesRunOnTwoThreadsAndTheResultComesBack() throws {
        let caller = pthread_self()
        nonisolated(unsafe) var sideRanElsewhere = false
        nonisolated(unsafe) var sideSum = 0
        let value = try SideThread.run(threadName: "test-side", side: {
            sideRanElsewhere = pthread_equal(pthread_self(), caller) == 0
            sideSum = (1...1000).reduce(0, +)
        }, while: { (1...10).reduce(0, +) })
        #expect(value == 55)
        #expect(sideRanElsewhere)
        #expect(sideSum == 500_500)
    }

    @Test func theCallersErrorWinsAndTheSideStillFinishes() {
        nonisolated(unsafe) var sideFinished = false
        #expect(throws: Failed(side: "body")) {
            try SideThread.run(threadName: "test-side", side: {
                Thread.sleep(forTimeInterval: 0.05)
                sideFinished = true
                throw Failed(side: "side")
            }, while: { throw Failed(side: "body") })
        }
        #expect(sideFinished)
        #expect(throws: Failed(side: "side")) {
            try SideThread.run(threadName: "test-side", side: { throw Failed(side: "side") }, while: { 1 })
        }
    }
}
