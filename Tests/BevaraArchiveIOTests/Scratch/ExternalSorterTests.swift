import BevaraArchiveIO
import Foundation
import Testing

/// `ExternalSorter` gives what a stable in-memory sort gives, whatever the run length and fan-in,
/// and leaves no run behind once asked.
@Suite struct ExternalSorterTests {
    typealias Record = ExternalSorter.Record

    static func drain(_ merge: RecordMerge) throws -> [Record] {
        var out: [Record] = []
        while let record = try merge.next() { out.append(record) }
        return out
    }

    static func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    static func same(_ a: [Record], _ b: [Record]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    @Test(arguments: [(1, 2), (3, 2), (7, 4), (50, 16), (100_000, 16)])
    func manyRunsBeyondTheFanInSortStably(runLength: Int, fanIn: Int) throws {
        let dir = try RecordFileTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 3,000 records on 40 keys: many duplicates, whose values number them in adding order;
        // some values absent.
        var records: [Record] = []
        var state: UInt64 = 42
        for n in 0..<3_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            records.append(("k\((state >> 33) % 40)/å", n % 9 == 0 ? nil : "\(n)"))
        }
        let sorter = ExternalSorter(runPrefix: dir + "/aip-sort-", runLength: runLength, fanIn: fanIn) { $0.key < $1.key }
        for r in records { try sorter.add(r.key, r.value) }
        // Runs are merged as they come: fewer than fanIn of each size on disk.
        var levels = 0
        var runs = records.count / runLength
        while runs > 0 { levels += 1; runs /= fanIn }
        #expect(Self.files(dir).count <= (fanIn - 1) * levels)
        let merged = try sorter.sorted()
        #expect(Self.files(dir).count <= fanIn)  // the final merge reads at most fanIn runs
        let out = try Self.drain(merged)
        // Stable: equal keys in the order they were added (`filter` per key keeps that order).
        let expected = records.map(\.key).sorted().reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
            .flatMap { key in records.filter { $0.key == key } }
        #expect(Self.same(out, expected))
        sorter.removeRuns()
        #expect(Self.files(dir).isEmpty)
    }

    @Test func ordersByKeyThenValueWhenAsked() throws {
        let dir = try RecordFileTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sorter = ExternalSorter(runPrefix: dir + "/p-", runLength: 2, fanIn: 2) { (a: Record, b: Record) -> Bool in
            if a.key != b.key { return a.key < b.key }
            return (a.value ?? "") < (b.value ?? "")
        }
        for (k, v) in [("b", "2"), ("a", "z"), ("b", "1"), ("a", "y"), ("c", "0")] { try sorter.add(k, v) }
        let out = try Self.drain(sorter.sorted())
        #expect(out.map { $0.key + ($0.value ?? "-") } == ["ay", "az", "b1", "b2", "c0"])
    }

    @Test func emptyInputGivesNothingAndWritesNothing() throws {
        let dir = try RecordFileTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sorter = ExternalSorter(runPrefix: dir + "/e-", runLength: 1) { $0.key < $1.key }
        #expect(try Self.drain(sorter.sorted()).isEmpty)
        #expect(Self.files(dir).isEmpty)
    }

    @Test func aTruncatedRunIsAnErrorNamingIt() throws {
        let dir = try RecordFileTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sorter = ExternalSorter(runPrefix: dir + "/aip-t-", runLength: 10, fanIn: 16) { $0.key < $1.key }
        for n in 0..<25 { try sorter.add(String(format: "%03d", 24 - n), "v\(n)") }
        // Two runs on disk (aip-t-1, aip-t-2), five records held. Cut the first run mid-record.
        #expect(Self.files(dir) == ["aip-t-1", "aip-t-2"])
        let run = dir + "/aip-t-1"
        let data = try Data(contentsOf: URL(fileURLWithPath: run))
        try data.prefix(data.count - 2).write(to: URL(fileURLWithPath: run))
        let merged = try sorter.sorted()
        let error = #expect(throws: IOError.self) { _ = try Self.drain(merged) }
        #expect(error == IOError(path: run, operation: "read", reason: "record cut short"))
        sorter.removeRuns()
        #expect(Self.files(dir).isEmpty)
    }

    @Test func aDamagedRunFailsTheMergeThatReadsIt() throws {
        let dir = try RecordFileTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sorter = ExternalSorter(runPrefix: dir + "/aip-d-", runLength: 2, fanIn: 2) { $0.key < $1.key }
        try sorter.add("b", "1")
        try sorter.add("a", "2")
        // Run 1 written; damage its first length word so the record claims more bytes than exist.
        let run = dir + "/aip-d-1"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: run)))
        bytes[0] = 0xFE
        try Data(bytes).write(to: URL(fileURLWithPath: run))
        try sorter.add("d", "3")
        // The second run completes a pair of runs, whose merge reads the damaged one.
        let error = #expect(throws: IOError.self) { try sorter.add("c", "4") }
        #expect(error?.path == run)
        sorter.removeRuns()
        #expect(Self.files(dir).isEmpty)
    }
}
