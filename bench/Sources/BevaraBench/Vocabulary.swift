/// Swedish words for synthetic cases: names, places, case and record wording, and the building
/// blocks of document text. Common names and words come first: picks are Zipf-weighted.
enum Vocabulary {
    static let firstNames = [
        "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Kerstin", "Per", "Lena", "Karl", "Ingrid",
        "Nils", "Birgitta", "Jan", "Marie", "Hans", "Sara", "Mikael", "Åsa", "Björn", "Märta", "Sören", "Åke", "Tove",
        "Fatima", "Ahmed", "Elin", "Oskar", "Linnéa", "Gustav", "Sofia", "Axel", "Ebba", "Olof", "Ulla", "Göran",
        "Agneta", "Mohammed", "Zeynep", "Jörgen", "Helén", "Rune", "Signe", "Torbjörn", "Majvor", "Östen", "Ylva",
        "Leila", "Emil", "Wilma", "Hugo", "Alma", "Noah", "Saga", "Vera", "Love", "Ines", "Malte",
    ]
    static let surnames = [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson",
        "Magnusson", "Lindström", "Olofsson", "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg",
        "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Ali", "Forsberg", "Sjöberg",
        "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson",
        "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson",
        "Löfgren", "Söderberg", "Nyberg", "Blomqvist", "Claesson", "Nordström", "Mårtensson", "Lundgren", "Ödqvist",
        "Näslund", "Åberg", "Özdemir", "Sjögren", "Rönnqvist", "Ström", "Hedlund", "Dahlberg", "Hellström", "Sundberg",
        "Sjöström", "Abrahamsson", "Martinsson", "Öberg", "Andreasson", "Strand", "Ekström", "Hassan", "Mohamed",
        "Åkesson", "Hedström", "Lindholm", "Holmgren", "Nordin", "Dahl", "Söderström", "Bäckström", "Kjellberg",
    ]
    static let places = [
        "Sjövik", "Björkängen", "Kronhjorten", "Tärnan", "Vassbotten", "Nordkroken", "Öxnered", "Frändefors", "Brålanda",
        "Vänersnäs", "Halvorstorp", "Onsjö", "Torpa", "Blåsut", "Nygårds", "Restad", "Granbacken", "Lunden", "Skräcklan",
        "Dalboängen", "Överby", "Lextorp", "Sylte", "Hjortmossen", "Kobergsvägen", "Ekeby", "Åsaka", "Grästorp", "Lilleskog",
        "Nordviksholmen", "Ljungskile", "Herrestad", "Kärnsjön", "Fjällbacka", "Östebo", "Häggeberg", "Tunhem", "Rånnum",
    ]
    static let companies = [
        "Byggfirma", "Entreprenad", "Fastigheter", "Transport", "Mark & Anläggning", "Elinstallationer", "VVS", "Måleri",
        "Restaurang", "Café", "Livs", "Åkeri", "Snickeri", "Takläggning", "Konsult", "Städ", "Trädgård", "Hotell",
    ]

    /// Per diarium: case title templates; `{f}` a property, `{p}` a place, `{c}` a company, `{w}` a theme.
    static let diaria: [(prefix: String, weight: Int, templates: [String])] = [
        ("KS", 4, ["Medborgarförslag om {w} i {p}", "Upphandling av {w}", "Remiss: {w}", "Detaljplan för {p}",
                   "Motion om {w}", "Markanvisning, {f}", "Begäran om utdrag ur allmän handling", "Överklagande av beslut om {w}"]),
        ("BN", 5, ["Bygglov för nybyggnad av enbostadshus, {f}", "Bygglov för tillbyggnad av fritidshus, {f}",
                   "Strandskyddsdispens för brygga, {f}", "Rivningslov för ekonomibyggnad, {f}", "Förhandsbesked, {f}",
                   "Anmälan om eldstad, {f}", "Olovligt byggande, {f}", "Bygglov för skylt, {c}"]),
        ("SN", 3, ["Ansökan om bostadsanpassningsbidrag, {f}", "Färdtjänst, ansökan", "Klagomål på äldreomsorgen i {p}",
                   "Serveringstillstånd, {c}", "Lex Sarah-rapport, {p}", "Ansökan om ekonomiskt bistånd"]),
        ("BUN", 3, ["Skolskjuts, {p}", "Ansökan om plats i förskola, {p}", "Klagomål på {w} vid {p} skola",
                    "Tillsyn av fristående förskola, {c}", "Skolval inför läsåret, {p}"]),
        ("MHN", 3, ["Tillsyn enligt livsmedelslagen, {c}", "Anmälan om värmepump, {f}", "Klagomål på buller, {f}",
                    "Ansökan om enskilt avlopp, {f}", "Förorenad mark, {f}", "Registrering av livsmedelsanläggning, {c}"]),
    ]
    static let themes = [
        "vägbelysning", "gång- och cykelväg", "lekplats", "snöröjning", "skolskjuts", "kollektivtrafik", "förskola",
        "äldreomsorg", "badplats", "hundrastgård", "parkering", "bredband", "vindkraft", "återvinningsstation",
        "hastighetsdämpning", "dagvatten", "fiberutbyggnad", "konstgräsplan", "bibliotek", "räddningstjänst",
    ]
    /// Record types with their direction.
    static let recordTypes: [(type: String, direction: String)] = [
        ("Ansökan", "incoming"), ("Kvittens", "outgoing"), ("Komplettering", "incoming"), ("Yttrande", "incoming"),
        ("Tjänsteskrivelse", "other"), ("Beslut", "outgoing"), ("Protokollsutdrag", "other"), ("Delgivningskvitto", "incoming"),
        ("Underrättelse", "outgoing"), ("Skrivelse", "incoming"), ("Foto", "incoming"), ("Ritning", "incoming"),
    ]
    static let legalReferences = ["OSL 26 kap. 1 §", "OSL 21 kap. 3 §", "OSL 23 kap. 1 §", "OSL 31 kap. 16 §", "OSL 18 kap. 8 §"]

    /// Building blocks of document text: whole words and compound parts (`bygg` + `lov`).
    static let words = [
        "och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "inte", "om", "ett", "kommunen",
        "enligt", "beslut", "ansökan", "fastigheten", "nämnden", "sökanden", "handläggare", "ärendet", "bedömning",
        "förvaltningen", "yttrande", "tidigare", "vidare", "därför", "gällande", "inkom", "kompletterande", "handlingar",
        "överklagas", "länsstyrelsen", "förvaltningsrätten", "avgift", "kronor", "datum", "underskrift", "bilaga",
        "plan- och bygglagen", "miljöbalken", "kommunallagen", "socialtjänstlagen", "skollagen", "livsmedelslagen",
        "sammanträde", "protokoll", "paragraf", "ordförande", "justerare", "sekreterare", "delegationsbeslut",
        "grannehörande", "situationsplan", "fasadritning", "planbestämmelser", "prickmark", "byggnadshöjd",
        "strandskydd", "allmänhetens", "tillträde", "växt- och djurliv", "särskilda", "skäl", "dispens", "avslag",
        "bifall", "villkor", "startbesked", "slutbesked", "kontrollplan", "sakkunnig", "tillgänglighet", "brandskydd",
        "elevens", "vårdnadshavare", "avstånd", "hållplats", "trafiksäkerhet", "rektor", "placering", "omsorg",
        "hemtjänst", "biståndsbedömning", "insats", "genomförandeplan", "avvikelse", "utredning", "åtgärder",
        "inspektion", "provtagning", "egenkontroll", "märkning", "spårbarhet", "rengöring", "temperatur", "föreläggande",
    ]
    static let compoundHeads = [
        "bygg", "miljö", "skol", "förskole", "äldre", "vatten", "avlopps", "väg", "gatu", "park", "trafik", "fastighets",
        "plan", "mark", "kultur", "fritids", "social", "barn", "familje", "energi", "avfalls", "livsmedels", "hälso",
        "brand", "bostads", "kommun", "region", "lands", "detalj", "över", "under", "sam", "om", "an", "till",
    ]
    static let compoundTails = [
        "lov", "nämnd", "förvaltning", "kontor", "plan", "taxa", "avgift", "beslut", "ärende", "ansökan", "anmälan",
        "tillsyn", "skydd", "frågor", "område", "program", "strategi", "samråd", "granskning", "utredning", "rapport",
        "bidrag", "tjänst", "verksamhet", "enhet", "ansvar", "handläggning", "prövning", "besiktning", "åtgärd",
    ]
}
