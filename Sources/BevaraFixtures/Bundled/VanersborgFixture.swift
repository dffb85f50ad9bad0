/// `fixtures/vanersborg-ks-csv`: a generic-csv export of Vänersborgs kommun's kommunstyrelse
/// diarium (agreement EAV-VBG-KS-CSV). Five cases chosen to exercise the CSV reader and the
/// preflight; fixtures/README.md lists what each case is for. All people, numbers and
/// properties are fictional.
enum VanersborgFixture {
    static let heading = "Vänersborgs kommun – Kommunstyrelsen"

    static func build() -> FixtureBuilder {
        typealias B = FixtureBuilder
        var b = FixtureBuilder(shape: .genericCSV, heading: heading, seed: 0x5642_474B)

        // Parties. 19121212-1212 is the Tax Agency's published test number; the others are
        // Luhn-valid numbers with individual numbers 98x–99x, invented for these fixtures.
        let asa = B.person("Åsa Ödqvist", "19121212-1212", street: "Björkvägen 4", postcode: "462 98",
                           town: "Sjöhult", role: .applicant)
        let bygg = B.organisation("Väneviks Bygg AB", contact: "Mårten Åberg", "559900-0006", role: .other,
                                  street: "Hamngatan 12", postcode: "462 97", town: "Sjöhult")
        let soren = B.person("Sören Näslund", "19650412-9823", street: "Kvarngatan 7 B", postcode: "462 96",
                             town: "Älvåsen", role: .applicant)
        // Protected identity: the source system exports her number with the last four digits
        // withheld, as such systems do; the reader accepts that without a warning.
        let linnea = B.person("Linnéa Sjöberg", "19901103-****", role: .applicant, protected: true)
        let goran = B.person("Göran Källström", "19780623-9848", street: "Ängsvägen 21", postcode: "462 95",
                             town: "Lillevik", role: .counterpart)   // wrong check digit (9849 is valid)
        let forening = B.organisation("Föreningen Ängsbacken", contact: "Gunnel Hägg", "802400-0005", role: .counterpart)
        let transport = B.organisation("Nordängs Transport AB", contact: "Kjell Öberg", "559900-0014", role: .sender)
        let skog = B.organisation("Lövåsens Skog & Trädgård AB", contact: "Ylva Grönlund", "559900-0022", role: .sender)
        let lansstyrelsen = B.authority("Länsstyrelsen i Västra Götalands län", role: .sender)

        // 1. A complete building-permit case: every file format, three files on one record.
        b.addCase("KS 2021/123", title: "Ansökan om bygglov för nybyggnad av enbostadshus på fastigheten Björkängen 3:14",
                  status: .closed, opened: "2021-03-15", closed: "2021-06-02", classification: ("2.4", "Bygglov och tillsyn"),
                  unit: "Samhällsbyggnadsförvaltningen", officer: "Märta Åberg", parties: [asa, bygg], records: [
            .init(type: "Ansökan", direction: .incoming, date: "2021-03-15", title: "Ansökan om bygglov – Åsa Ödqvist",
                  sender: B.with(asa, role: .sender),
                  files: [(.pdf, "Ansökan om bygglov – Åsa Ödqvist.pdf"), (.png, "Bilaga 1 – Situationsplan.png"),
                          (.jpeg, "Foto fasad mot söder.jpg")],
                  text: ["Jag ansöker om bygglov för nybyggnad av ett enbostadshus i ett plan på fastigheten Björkängen 3:14.",
                         "Huset får en fasad av liggande träpanel och ett sadeltak med lutning 27 grader."]),
            .init(type: "Kvittens", direction: .outgoing, date: "2021-03-16", title: "Kvittens på mottagen ansökan",
                  recipient: B.with(asa, role: .recipient), files: [(.txt, "Kvittens på mottagen ansökan.txt")],
                  text: ["Vi har tagit emot din ansökan om bygglov. Handläggningstiden är högst tio veckor."]),
            .init(type: "Yttrande", direction: .incoming, date: "2021-04-08", title: "Yttrande från miljöförvaltningen",
                  sender: B.authority("Miljö- och hälsoskyddsenheten", role: .sender),
                  files: [(.docx, "Yttrande från miljöförvaltningen.docx")],
                  text: ["Miljöförvaltningen har inget att erinra mot åtgärden.",
                         "Enskilt avlopp ska anslutas till det kommunala nätet före inflyttning."]),
            .init(type: "Komplettering", direction: .incoming, date: "2021-04-20", title: "Komplettering – ansökningsdata från e-tjänsten",
                  sender: B.with(asa, role: .sender), files: [(.xml, "Ansökningsdata e-tjänst.xml")],
                  text: ["Fastighet: Björkängen 3:14. Åtgärd: nybyggnad av enbostadshus. Byggnadsarea 142 kvadratmeter."]),
            .init(type: "Tjänsteskrivelse", direction: .drawnUp, date: "2021-05-10", title: "Tjänsteskrivelse – bygglov Björkängen 3:14",
                  files: [(.docx, "Tjänsteskrivelse bygglov Björkängen 3-14.docx")],
                  text: ["Förvaltningen bedömer att åtgärden är förenlig med gällande detaljplan och föreslår att bygglov beviljas."]),
            .init(type: "Beslut", direction: .outgoing, date: "2021-06-02", title: "Beslut om bygglov",
                  recipient: B.with(asa, role: .recipient), files: [(.pdf, "Beslut om bygglov.pdf")],
                  text: ["Kommunstyrelsen beviljar bygglov för nybyggnad av enbostadshus på fastigheten Björkängen 3:14.",
                         "Beslutet kan överklagas hos Länsstyrelsen i Västra Götalands län inom tre veckor."]),
        ])

        // 2. A damages claim touching social services: the case and a record are secret under
        //    OSL 26 kap. 1 §; another record carries only the flag, with no legal reference.
        b.addCase("KS 2021/245", title: "Skadeståndsanspråk med anledning av handläggning inom socialtjänsten",
                  status: .closed, opened: "2021-08-23", closed: "2021-11-30",
                  classification: ("6.3", "Överklaganden och rättsprocesser"), unit: "Kansliet", officer: "Håkan Lindström",
                  secrecy: SecrecyPlan(legalReference: "OSL 26 kap. 1 §", explanation: nil), parties: [soren], records: [
            .init(type: "Ansökan", direction: .incoming, date: "2021-08-23", title: "Skadeståndsanspråk – Sören Näslund",
                  sender: B.with(soren, role: .sender),
                  secrecy: SecrecyPlan(legalReference: "OSL 26 kap. 1 §", explanation: "Uppgifter om enskilds personliga förhållanden"),
                  files: [(.pdf, "Skadeståndsanspråk – Sören Näslund.pdf")],
                  text: ["Jag begär ersättning för den skada jag har lidit genom kommunens handläggning.",
                         "Underlag om mina personliga förhållanden bifogas."]),
            .init(type: "Yttrande", direction: .incoming, date: "2021-09-20", title: "Yttrande från socialförvaltningen",
                  sender: B.authority("Socialförvaltningen", role: .sender),
                  secrecy: SecrecyPlan(legalReference: nil, explanation: "Markerad som sekretess i källsystemet"),
                  files: [(.docx, "Yttrande från socialförvaltningen.docx"), (.txt, "Följebrev.txt")],
                  text: ["Socialförvaltningen redogör för handläggningen i ärendet."]),
            .init(type: "Beslut", direction: .outgoing, date: "2021-11-30", title: "Beslut om skadeståndsanspråk",
                  recipient: B.with(soren, role: .recipient), files: [(.pdf, "Beslut om skadeståndsanspråk.pdf")],
                  text: ["Kommunstyrelsen avslår anspråket. Kommunen bedöms inte ha orsakat skadan genom fel eller försummelse."]),
        ])

        // 3. A citizen proposal from a person with protected identity (no address exported, the
        //    number masked), a counterpart whose personnummer has a wrong check digit, a record
        //    kept on paper only, and a title with a semicolon and quotation marks (CSV quoting).
        b.addCase("KS 2022/17", title: "Medborgarförslag om belysning på Sjövägen; \"trygg väg hem\"",
                  status: .closed, opened: "2022-01-19", closed: "2022-05-24",
                  classification: ("7.2", "Medborgarförslag och synpunkter"), unit: "Kansliet", officer: "Ingrid Bäckström",
                  olderNumber: "KS 2022-000017", parties: [linnea, goran], records: [
            .init(type: "Skrivelse", direction: .incoming, date: "2022-01-19", title: "Medborgarförslag – belysning på Sjövägen",
                  sender: B.with(linnea, role: .sender),
                  secrecy: SecrecyPlan(legalReference: "OSL 21 kap. 3 §", explanation: "Skyddade personuppgifter"),
                  files: [(.pdf, "Medborgarförslag belysning Sjövägen.pdf"), (.jpeg, "Foto gångväg i mörker.jpg")],
                  text: ["Jag föreslår att kommunen sätter upp belysning längs gångvägen på Sjövägen.",
                         "Sträckan är mörk och upplevs som otrygg på kvällarna."]),
            .init(type: "Skrivelse", direction: .incoming, date: "2022-02-07", title: "Kompletterande skrivelse (pappersoriginal)",
                  sender: B.with(goran, role: .sender), storage: "Pappersoriginal i kommunstyrelsens närarkiv, pärm 2022:3"),
            .init(type: "Tjänsteskrivelse", direction: .drawnUp, date: "2022-04-11", title: "Tjänsteskrivelse – belysning på Sjövägen",
                  files: [(.docx, "Tjänsteskrivelse belysning Sjövägen.docx")],
                  text: ["Förvaltningen föreslår att medborgarförslaget bifalls och att belysning sätts upp under året."]),
            .init(type: "Protokollsutdrag", direction: .drawnUp, date: "2022-05-24", title: "Protokollsutdrag KS 2022-05-24 § 87",
                  files: [(.pdf, "Protokollsutdrag KS 2022-05-24 § 87.pdf")],
                  text: ["§ 87 Medborgarförslag om belysning på Sjövägen. Kommunstyrelsen bifaller medborgarförslaget."]),
        ])

        // 4. A detailed-plan consultation with many records (≥ 25): comments from residents,
        //    an association and the county board; some records have no file, some three.
        var plan: [FixtureBuilder.Record] = [
            .init(type: "Tjänsteskrivelse", direction: .drawnUp, date: "2022-03-01", title: "Tjänsteskrivelse – samråd om detaljplan för Sjövik 1:7",
                  files: [(.docx, "Tjänsteskrivelse samråd Sjövik 1-7.docx")],
                  text: ["Planen gör det möjligt att bygga omkring fyrtio bostäder vid Sjövik."]),
            .init(type: "Remiss", direction: .outgoing, date: "2022-03-08", title: "Samrådsremiss – detaljplan för Sjövik 1:7",
                  recipient: B.with(lansstyrelsen, role: .recipient),
                  files: [(.pdf, "Plankarta Sjövik 1-7.pdf"), (.pdf, "Planbeskrivning Sjövik 1-7.pdf"), (.png, "Illustrationskarta Sjövik.png")],
                  text: ["Samrådet pågår från den 8 mars till den 5 april 2022."]),
            .init(type: "Kungörelse", direction: .drawnUp, date: "2022-03-08", title: "Kungörelse om samråd",
                  files: [(.txt, "Kungörelse samråd Sjövik.txt")],
                  text: ["Förslag till detaljplan för Sjövik 1:7 finns utställt i kommunhusets entré."]),
        ]
        let residents: [(String, String?, FixtureFileKind?)] = [
            ("Agnes Lövgren", "19490228-9885", .txt), ("Östen Ekström", nil, .pdf), ("Hélène Dahlén", "19830917-9904", .docx),
            ("Pål Wikström", nil, nil), ("Zeynep Özdemir", "19710707-9928", .jpeg), ("Torbjörn Ståhl", nil, .xml),
            ("Britt-Marie Sandén", "19581201-9940", .txt), ("Jöns Fält", nil, .pdf), ("Signe Kärrman", "19960330-9965", nil),
            ("Ivar Nyström", nil, .docx), ("Ann-Sofie Hedén", nil, .txt), ("Mohammed Ali", nil, .pdf),
            ("Tove Rönnqvist", nil, .jpeg), ("Bengt Söderberg", nil, nil), ("Märit Ängqvist", nil, .txt),
            ("Sixten Forsén", nil, .pdf), ("Leila Ahmed", nil, .docx), ("Nils Bergqvist", nil, .txt),
        ]
        var day = 10
        for (i, r) in residents.enumerated() {
            let person = B.person(r.0, r.1, role: .sender)
            let date = "2022-03-\(CivilDate.two(day))"
            day = day >= 31 ? 31 : day + 1
            plan.append(.init(type: "Yttrande", direction: .incoming, date: date, title: "Yttrande från \(r.0)",
                              sender: person, files: r.2.map { [($0, "Synpunkt \(i + 1) – \(r.0).\($0.fileExtension)")] } ?? [],
                              text: ["Jag har följande synpunkter på planförslaget för Sjövik 1:7.",
                                     i % 2 == 0 ? "Den nya vägen kommer att öka trafiken förbi skolan." : "Strandängen bör bevaras som allmän plats."]))
        }
        plan += [
            .init(type: "Yttrande", direction: .incoming, date: "2022-04-01", title: "Yttrande från Föreningen Ängsbacken",
                  sender: B.with(forening, role: .sender),
                  files: [(.pdf, "Yttrande Föreningen Ängsbacken.pdf"), (.jpeg, "Foto strandängen.jpg"), (.txt, "Namnlista.txt")],
                  text: ["Föreningen motsätter sig att strandängen tas i anspråk för bebyggelse."]),
            .init(type: "Yttrande", direction: .incoming, date: "2022-04-05", title: "Yttrande från Länsstyrelsen i Västra Götalands län",
                  sender: lansstyrelsen, files: [(.pdf, "Länsstyrelsens yttrande Sjövik.pdf")],
                  text: ["Länsstyrelsen bedömer att frågan om strandskydd behöver utredas vidare."]),
            .init(type: "Yttrande", direction: .incoming, date: "2022-04-06", title: "Yttrande från Lövåsens Skog & Trädgård AB",
                  sender: skog, files: [(.docx, "Yttrande Lövåsens Skog & Trädgård.docx")],
                  text: ["Bolaget har inget att erinra mot planförslaget."]),
            .init(type: "Tjänsteskrivelse", direction: .drawnUp, date: "2022-05-16", title: "Samrådsredogörelse – detaljplan för Sjövik 1:7",
                  files: [(.pdf, "Samrådsredogörelse Sjövik 1-7.pdf"), (.xml, "Synpunkter sammanställning.xml")],
                  text: ["Under samrådet kom 21 yttranden in. Synpunkterna sammanfattas och kommenteras nedan."]),
            .init(type: "Protokollsutdrag", direction: .drawnUp, date: "2022-06-14", title: "Protokollsutdrag KS 2022-06-14 § 112",
                  files: [(.pdf, "Protokollsutdrag KS 2022-06-14 § 112.pdf")],
                  text: ["§ 112 Detaljplan för Sjövik 1:7. Kommunstyrelsen godkänner samrådsredogörelsen."]),
        ]
        b.addCase("KS 2022/88", title: "Detaljplan för Sjövik 1:7, bostäder vid strandängen", status: .open,
                  opened: "2022-03-01", classification: ("2.1", "Fysisk planering"), unit: "Mark- och exploateringsenheten",
                  officer: "Agnes Holmström", parties: [forening], records: plan)

        // 5. An ongoing procurement: tenders secret under OSL 19 kap. 3 §, organisations with
        //    organisation numbers, an older case number.
        b.addCase("KS 2023/5", title: "Upphandling av vinterväghållning 2023–2027", status: .open, opened: "2023-01-09",
                  classification: ("3.2", "Upphandling"), unit: "Ekonomienheten", officer: "Oskar Mäkinen",
                  olderNumber: "KS 2023-000005", parties: [transport, skog], records: [
            .init(type: "Tjänsteskrivelse", direction: .drawnUp, date: "2023-01-09", title: "Tjänsteskrivelse – upphandling av vinterväghållning",
                  files: [(.docx, "Förfrågningsunderlag vinterväghållning.docx")],
                  text: ["Upphandlingen omfattar snöröjning och halkbekämpning på kommunens gator 2023–2027."]),
            .init(type: "Anbud", direction: .incoming, date: "2023-02-14", title: "Anbud från Nordängs Transport AB",
                  sender: transport, secrecy: SecrecyPlan(legalReference: "OSL 19 kap. 3 §", explanation: "Anbud under pågående upphandling"),
                  files: [(.pdf, "Anbud Nordängs Transport.pdf"), (.xml, "Anbudsformulär Nordängs Transport.xml")],
                  text: ["Nordängs Transport AB lämnar härmed anbud på vinterväghållning enligt förfrågningsunderlaget."]),
            .init(type: "Anbud", direction: .incoming, date: "2023-02-15", title: "Anbud från Lövåsens Skog & Trädgård AB",
                  sender: skog, secrecy: SecrecyPlan(legalReference: "OSL 19 kap. 3 §", explanation: "Anbud under pågående upphandling"),
                  files: [(.pdf, "Anbud Lövåsens Skog & Trädgård.pdf")],
                  text: ["Vi lämnar anbud på samtliga delområden."]),
        ])
        return b
    }
}
