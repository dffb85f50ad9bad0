import Foundation

/// A small, fast, seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// Every value the fixture generator produces comes from one of these, so the same seed gives
/// the same bytes on every run: nothing reads the clock, the system's random source or a
/// dictionary's iteration order. It is not cryptographic and must never be used as if it were.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) {
        var sm = seed
        s0 = SeededRandom.splitMix(&sm)
        s1 = SeededRandom.splitMix(&sm)
        s2 = SeededRandom.splitMix(&sm)
        s3 = SeededRandom.splitMix(&sm)
    }

    /// A generator for one sub-stream (a case, a file) of a seed: independent of how many values
    /// other sub-streams drew, so a case's content does not depend on the cases before it.
    public init(seed: UInt64, stream: UInt64, substream: UInt64 = 0) {
        self.init(seed: SeededRandom.mix(seed, stream, substream))
    }

    /// Combines numbers into one well-mixed 64-bit seed (SplitMix64 finaliser on each step).
    public static func mix(_ values: UInt64...) -> UInt64 {
        var h: UInt64 = 0x6A09_E667_F3BC_C908
        for v in values {
            var x = h ^ v
            h = splitMix(&x)
        }
        return h
    }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = SeededRandom.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = SeededRandom.rotl(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's method; `bound` must be positive).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `0..<1` (53 random bits).
    public mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index chosen with the given (non-negative, not all zero) weights, in array order.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// `floor(x)` plus one with probability `frac(x)`: an integer whose mean is `x`.
    public mutating func stochasticRound(_ x: Double) -> Int {
        let f = x.rounded(.down)
        return Int(f) + (chance(x - f) ? 1 : 0)
    }

    /// A Poisson-distributed count with mean `lambda` (Knuth's method, split for large means).
    public mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        var remaining = lambda
        var count = 0
        while remaining > 0 {
            let step = min(remaining, 30)
            remaining -= step
            let limit = exp(-step)
            var p = unit()
            while p > limit {
                count += 1
                p *= unit()
            }
        }
        return count
    }

    /// Fills `buffer` with random bytes, eight at a time.
    public mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        let words = buffer.count / 8
        for i in 0..<words {
            base.storeBytes(of: next().littleEndian, toByteOffset: i * 8, as: UInt64.self)
        }
        var tail = next()
        for i in (words * 8)..<buffer.count {
            base.storeBytes(of: UInt8(truncatingIfNeeded: tail), toByteOffset: i, as: UInt8.self)
            tail >>= 8
        }
    }
}
