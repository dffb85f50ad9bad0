import Foundation
import BevaraFixtures

/// Picks from a list with Zipf weights (rank r weighs 1/(r+1)^s): a few words and names are
/// very common and most are rare, as in real registers and documents.
struct ZipfPicker<Element> {
    let items: [Element]
    private let cumulative: [Double]

    init(_ items: [Element], exponent: Double = 1.0) {
        precondition(!items.isEmpty)
        self.items = items
        var total = 0.0
        cumulative = items.indices.map { r in
            total += 1.0 / pow(Double(r + 1), exponent)
            return total
        }
    }

    func pick(_ rng: inout SeededRandom) -> Element {
        let x = rng.unit() * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return items[lo]
    }
}
