/// `fixtures/trollhattan-ks-fgs`: an FGS Ärendehantering 1.0 export of Trollhättans stad's
/// kommunstyrelse diarium (agreement EAV-THN-KS-FGS), files under `content/`. Four cases;
/// fixtures/README.md lists what each exercises. All people, numbers and properties are fictional.
enum TrollhattanFixture {
    static let heading = "Trollhättans stad – Kommunstyrelsen"

    static func build() -> FixtureBuilder {
        typealias B = FixtureBuilder
        var b = FixtureBuilder(shape: .fgs, heading: heading, seed: 0x5448_4E4B)

        let bjorn = B.person("Björn Eriksson", "19121212-1212", street: "Älvgatan 18", postcode: "461 98",
                             town: "Norra Ängby", role: .applicant)
        let kerstin = B.person("Kerstin Wästberg", "19710707-9928", role: .applicant, protected: true)
        let fatima = B.person("Fatima Özdemir", "19830917-9904", street: "Skolgatan 3", postcode: "461 97",
                              town: "Östra Kärr", role: .applicant)
        let brf = B.organisation("Bostadsrättsföreningen Sjöudden", contact: "Åke Sjögren", "769600-0004", role: .counterpart,
                                 street: "Sjövägen 40", postcode: "461 96", town: "Lillevik")
        let trafikverket = B.authority("Trafikverket", role: .sender)
        let lansstyrelsen = B.authority("Länsstyrelsen i Västra Götalands län", role: .sender)

        // 1. Building permit: PDF, PNG and JPEG on the application, a DOCX decision draft.
        b.addCase("KS 2022/301", title: "Ansökan om bygglov för tillbyggnad av fritidshus på fastigheten Kronhjorten 2:5",
                  status: .closed, opened: "2022-04-04", closed: "2022-06-20", classification: ("2.4", "Bygglov och tillsyn"),
                  unit: "Samhällsbyggnadsförvaltningen", officer: "Mårten Holmström", parties: [bjorn, brf], records: [
            .init(type: "Ansökan", direction: .incoming, date: "2022-04-04", title: "Ansökan om bygglov – Björn Eriksson",
                  sender: B.with(bjorn, role: .sender),
                  files: [(.pdf, "Ansökan om bygglov – Björn Eriksson.pdf"), (.png, "Situationsplan Kronhjorten 2-5.png"),
                          (.jpeg, "Foto befintligt fritidshus.jpg")],
                  text: ["Jag ansöker om bygglov för en tillbyggnad om 24 kvadratmeter av fritidshuset på Kronhjorten 2:5."]),
            .init(type: "Yttrande", direction: .incoming, date: "2022-05-02", title: "Yttrande från Bostadsrättsföreningen Sjöudden",
                  sender: B.with(brf, role: .sender), files: [(.txt, "Grannehörande svar Sjöudden.txt")],
                  text: ["Föreningen har inget att invända mot tillbyggnaden."]),
            .init(type: "Tjänsteskrivelse", direction: .drawnUp, date: "2022-06-01", title: "Förslag till beslut – bygglov Kronhjorten 2:5",
                  files: [(.docx, "Förslag till beslut Kronhjorten.docx")],
                  text: ["Förvaltningen föreslår att bygglov beviljas med villkor om färgsättning."]),
            .init(type: "Beslut", direction: .outgoing, date: "2022-06-20", title: "Beslut om bygglov – Kronhjorten 2:5",
                  recipient: B.with(bjorn, role: .recipient), files: [(.pdf, "Beslut bygglov Kronhjorten 2-5.pdf")],
                  text: ["Bygglov beviljas. Åtgärden får påbörjas när startbesked har getts."]),
        ])

        // 2. A request for public records from a person with protected identity; her letter is
        //    secret under OSL 21 kap. 3 §; the reply is kept on paper only.
        b.addCase("KS 2022/455", title: "Begäran om utlämnande av allmän handling", status: .closed, opened: "2022-09-12",
                  closed: "2022-09-15", classification: ("1.1", "Ledning och styrning"), unit: "Kansliet",
                  officer: "Lena Näslund", parties: [kerstin], records: [
            .init(type: "Begäran", direction: .incoming, date: "2022-09-12", title: "Begäran om allmän handling",
                  sender: B.with(kerstin, role: .sender),
                  secrecy: SecrecyPlan(legalReference: "OSL 21 kap. 3 §", explanation: "Skyddade personuppgifter"),
                  files: [(.txt, "Begäran via e-post.txt")],
                  text: ["Jag begär att få ta del av protokollen från kommunstyrelsens sammanträden i augusti."]),
            .init(type: "Skrivelse", direction: .outgoing, date: "2022-09-15", title: "Svar på begäran om allmän handling",
                  recipient: B.with(kerstin, role: .recipient), storage: "Pappersoriginal i kansliets närarkiv"),
        ])

        // 3. A consultation from the county board with many records: answers from units and
        //    authorities, one to three files each.
        var records: [FixtureBuilder.Record] = [
            .init(type: "Remiss", direction: .incoming, date: "2023-02-06", title: "Remiss – regional cykelplan för Fyrbodal",
                  sender: lansstyrelsen, files: [(.pdf, "Remiss regional cykelplan.pdf"), (.xml, "Remissförteckning.xml")],
                  text: ["Länsstyrelsen remitterar förslaget till regional cykelplan. Svar senast den 31 mars 2023."]),
        ]
        let answers: [(String, FixtureFileKind, FixtureFileKind?)] = [
            ("Samhällsbyggnadsförvaltningen", .docx, .png), ("Miljöförvaltningen", .pdf, nil),
            ("Kultur- och fritidsförvaltningen", .txt, nil), ("Barn- och utbildningsförvaltningen", .docx, nil),
            ("Trafikenheten", .pdf, .jpeg), ("Räddningstjänsten", .txt, nil), ("Folkhälsorådet", .xml, nil),
            ("Tekniska förvaltningen", .pdf, .png), ("Trafikverket", .pdf, nil), ("Näringslivsenheten", .docx, nil),
            ("Äldreförvaltningen", .txt, nil), ("Funktionshinderrådet", .pdf, nil), ("Ungdomsrådet", .jpeg, nil),
            ("Pensionärsrådet", .txt, nil), ("Kommunens jurist", .docx, nil), ("Fastighetsenheten", .pdf, nil),
        ]
        for (i, a) in answers.enumerated() {
            var files: [(FixtureFileKind, String)] = [(a.1, "Svar från \(a.0).\(a.1.fileExtension)")]
            if let extra = a.2 { files.append((extra, "Bilaga – \(a.0).\(extra.fileExtension)")) }
            records.append(.init(type: "Yttrande", direction: .incoming, date: "2023-03-\(CivilDate.two(1 + i))",
                                 title: "Remissvar från \(a.0)",
                                 sender: a.0 == "Trafikverket" ? trafikverket : B.authority(a.0, role: .sender), files: files,
                                 text: ["\(a.0) lämnar följande synpunkter på förslaget till regional cykelplan.",
                                        "Sträckan mellan Älvåsen och centrum bör prioriteras."]))
        }
        records += [
            .init(type: "Tjänsteskrivelse", direction: .drawnUp, date: "2023-03-20", title: "Sammanställning av remissvar",
                  files: [(.docx, "Sammanställning remissvar cykelplan.docx")],
                  text: ["Sexton remissvar har kommit in och sammanfattas här."]),
            .init(type: "Protokollsutdrag", direction: .drawnUp, date: "2023-03-27", title: "Protokollsutdrag KS 2023-03-27 § 41",
                  files: [(.pdf, "Protokollsutdrag KS 2023-03-27 § 41.pdf")],
                  text: ["§ 41 Yttrande över regional cykelplan. Kommunstyrelsen antar förvaltningens förslag till yttrande."]),
            .init(type: "Yttrande", direction: .outgoing, date: "2023-03-29", title: "Yttrande över regional cykelplan",
                  recipient: B.with(lansstyrelsen, role: .recipient), files: [(.pdf, "Trollhättans stads yttrande cykelplan.pdf")],
                  text: ["Trollhättans stad ställer sig bakom förslaget med de synpunkter som framgår nedan."]),
        ]
        b.addCase("KS 2023/58", title: "Remiss från Länsstyrelsen om regional cykelplan", status: .closed,
                  opened: "2023-02-06", closed: "2023-03-29", classification: ("1.4", "Remisser och yttranden"),
                  unit: "Kommunledningskontoret", officer: "Sara Åström", parties: [B.with(lansstyrelsen, role: .counterpart)],
                  records: records)

        // 4. A recruitment: applications secret under OSL 39 kap. 3 §, one record marked secret
        //    without a legal reference, an older case number.
        b.addCase("KS 2023/102", title: "Anställning av kommunsekreterare", status: .open, opened: "2023-04-17",
                  classification: ("4.1", "Personaladministration"), unit: "HR-enheten", officer: "Emma Strömberg",
                  olderNumber: "KS 2023-000102", parties: [fatima], records: [
            .init(type: "Tjänsteskrivelse", direction: .drawnUp, date: "2023-04-17", title: "Kravprofil kommunsekreterare",
                  files: [(.docx, "Kravprofil kommunsekreterare.docx")],
                  text: ["Vi söker en kommunsekreterare med erfarenhet av nämndadministration."]),
            .init(type: "Ansökan", direction: .incoming, date: "2023-05-08", title: "Ansökan – Fatima Özdemir",
                  sender: B.with(fatima, role: .sender),
                  secrecy: SecrecyPlan(legalReference: "OSL 39 kap. 3 §", explanation: "Uppgifter om enskilds personliga förhållanden"),
                  files: [(.pdf, "Personligt brev – Fatima Özdemir.pdf"), (.xml, "Ansökan från rekryteringssystemet.xml")],
                  text: ["Jag söker tjänsten som kommunsekreterare."]),
            .init(type: "Anteckning", direction: .drawnUp, date: "2023-05-22", title: "Referenstagning",
                  secrecy: SecrecyPlan(legalReference: nil, explanation: "Markerad som sekretess i källsystemet"),
                  files: [(.txt, "Referenstagning.txt")],
                  text: ["Referenterna beskriver den sökande som noggrann och strukturerad."]),
            .init(type: "Utdrag", direction: .incoming, date: "2023-05-30", title: "Utdrag ur belastningsregistret (pappersoriginal)",
                  sender: B.with(fatima, role: .sender), storage: "Pappersoriginal, återlämnat till den sökande"),
        ])
        return b
    }
}
