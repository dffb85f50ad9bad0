/// CSIP rules on the structural map (standards.md §1.7): one `structMap` labelled `CSIP`, of
/// TYPE `PHYSICAL`, with an ID and exactly one top-level div. The finer div rules (CSIP88–119)
/// are left to eark-validator; producers disagree on them (validators/README.md).
struct StructMapRules {
    let document: METSDocument
    let log: FindingLog

    func check() {
        let path = document.path
        guard !document.structMaps.isEmpty else {
            log.error("CSIP80", path: path, line: document.rootLine, "no structMap; METS requires one and CSIP one labelled CSIP (CSIP80)")
            return
        }
        let csip = document.structMaps.filter { $0.label == "CSIP" }
        guard let map = csip.first else {
            let labels = document.structMaps.map { $0.label.map { "'\($0)'" } ?? "(no LABEL)" }.joined(separator: ", ")
            log.error("CSIP82", path: path, line: document.structMaps[0].line, "no structMap has LABEL=\"CSIP\" (found \(labels)) (CSIP82)")
            return
        }
        if csip.count > 1 {
            log.error("CSIP82", path: path, line: csip[1].line, "\(csip.count) structMaps are labelled CSIP; exactly one may be (CSIP82)")
        }
        if map.type != "PHYSICAL" {
            log.error("CSIP81", path: path, line: map.line, "the CSIP structMap has TYPE '\(map.type ?? "absent")', not PHYSICAL (CSIP81)")
        }
        if map.id.map(\.isEmpty) ?? true {
            log.error("CSIP83", path: path, line: map.line, "the CSIP structMap has no ID (CSIP83)")
        }
        if map.topDivCount != 1 {
            log.error("CSIP84", path: path, line: map.line, "the CSIP structMap has \(map.topDivCount) top-level divs; exactly one is required (CSIP84)")
        }
    }
}
