import Foundation
import Testing

/// The registrar's day, as the README tells it: search, show, retrieve, open the cover list; the
/// access log records it all, and `log verify` catches an edited entry.
@Suite(.serialized) struct DisclosureCommandTests {
    @Test func aSampleRequestEndToEndAndATamperedLogIsCaught() throws {
        let archive = try ArchiveScenario.newArchive("disclosure")
        let work = (archive as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: work) }
        for (package, user) in [("vbg.tar", "arkivarie-vanersborg"), ("thn.zip", "arkivarie-trollhattan")] {
            let (r, _) = try ArchiveScenario.ingest(archive, as: user, [try ArchiveScenario.package(package)])
            try #require(r.status == 0, "\(r.stderr)")
        }
        let me = ["--archive", archive, "--as", "registrator-vanersborg"]

        let search = try bevara(["search"] + me + ["--text", "belysning", "--json"])
        #expect(search.status == 0, "\(search.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
        let hits = try #require(result["hits"] as? [[String: Any]])
        #expect(hits.contains { $0["diarienummer"] as? String == "KS 2022/17" })

        let show = try bevara(["show"] + me + ["KS 2022/17"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("KS 2022/17:1") && show.stdout.contains("[skyddad identitet]"))
        #expect(!show.stdout.contains("Linnéa"))

        let out = work + "/begaran-2026-42.zip"
        let retrieve = try bevara(["retrieve"] + me + ["--request", "KS 2026/42", "--out", out, "KS 2022/17"])
        #expect(retrieve.status == 0, "\(retrieve.stderr)")
        #expect(retrieve.stdout.contains("withheld") && retrieve.stdout.contains("released"))
        let v = try validateSIP([out])
        #expect(v.status == 0, "\(v.stdout)\n\(v.stderr)")
        let listed = try run("/usr/bin/unzip", ["-l", out])
        #expect(listed.stdout.contains("documentation/cover-list.html") && listed.stdout.contains("documentation/cover-list.csv"))

        // Another organisation's registrar: the same ids are simply not there.
        let other = try bevara(["show", "--archive", archive, "--as", "registrator-trollhattan", "KS 2022/17"])
        #expect(other.status == 1)
        #expect(other.stderr.contains("no such case or record"))

        let verify = try bevara(["log", "verify", "--archive", archive])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let entries = try bevara(["log", "show"] + me + ["--json"])
        let logged = try #require(try JSONSerialization.jsonObject(with: Data(entries.stdout.utf8)) as? [[String: Any]])
        #expect(logged.map { $0["command"] as? String } == ["search", "show", "retrieve"])

        // Edit one entry (the retrieve's request reference): verify names it and fails.
        let logPath = archive + "/logs/access-log.jsonl"
        let text = try String(contentsOfFile: logPath, encoding: .utf8)
        try text.replacingOccurrences(of: "KS 2026/42", with: "KS 2026/43").write(toFile: logPath, atomically: false, encoding: .utf8)
        let broken = try bevara(["log", "verify", "--archive", archive])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("line 3") || broken.stdout.contains("seq 3"), "\(broken.stdout)")
    }
}
