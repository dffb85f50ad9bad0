/// Word lists for realistic, clearly fictional Swedish municipal case data.
///
/// Names are common Swedish first and last names (chosen to carry å, ä, ö and é often); places,
/// property designations and companies are invented. Nothing here identifies a real person or a
/// real case. Arrays (not dictionaries) keep every pick deterministic.
enum Vocabulary {
    static let firstNames = [
        "Åsa", "Örjan", "Märta", "Sören", "Björn", "Ingrid", "Göran", "Mårten", "Åke", "Gunnel",
        "Kjell", "Ann-Sofie", "Jöns", "Linnéa", "Håkan", "Kerstin", "Elin", "Anders", "Maria", "Erik",
        "Karin", "Lars", "Annika", "Mohammed", "Fatima", "Emma", "Oskar", "Agnes", "Sixten", "Ylva",
        "Tove", "Bengt", "Gösta", "Britt-Marie", "Jörgen", "Lena", "Nils", "Sara", "Ahmed", "Leila",
        "Signe", "Ivar", "Märit", "Östen", "Astrid", "Torbjörn", "Hélène", "André", "Zeynep", "Pål",
    ]

    static let lastNames = [
        "Ödqvist", "Åberg", "Näslund", "Lindström", "Sjöberg", "Björk", "Öberg", "Ekström", "Hägg",
        "Strömberg", "Källström", "Bäckström", "Johansson", "Andersson", "Karlsson", "Nilsson",
        "Eriksson", "Persson", "Holmström", "Löfgren", "Wästberg", "Sandén", "Ståhl", "Forsén",
        "Åström", "Fält", "Grönlund", "Hedén", "Mäkinen", "Özdemir", "Sjögren", "Nyström", "Bergqvist",
        "Dahlén", "Lövgren", "Rönnqvist", "Söderberg", "Wikström", "Ängqvist", "Kärrman",
    ]

    static let streets = [
        "Storgatan", "Kyrkogatan", "Järnvägsgatan", "Ängsvägen", "Björkvägen", "Sjövägen",
        "Östra Vallgatan", "Skolgatan", "Hamngatan", "Älvgatan", "Lövåsvägen", "Kvarngatan",
    ]

    /// Invented localities with five-digit-looking postcodes in an unused pattern.
    static let postTowns = ["Sjöhult", "Älvåsen", "Norra Ängby", "Lillevik", "Björkö by", "Östra Kärr"]

    /// Invented property designations (trakt names); a number pair is appended.
    static let tracts = [
        "Björkängen", "Sjövik", "Ängshagen", "Östergården", "Källstorp", "Lövsången", "Mården",
        "Kronhjorten", "Tallåsen", "Gäddan", "Näckrosen", "Åkerlyckan",
    ]

    /// Invented companies and associations (never given a real organisation number).
    static let organisations = [
        "Väneviks Bygg AB", "Älvstrandens Fastigheter AB", "Trollåsens Miljökonsult AB",
        "Föreningen Ängsbacken", "Bostadsrättsföreningen Sjöudden", "Kärrets Måleri AB",
        "Östra Hamnens Båtklubb", "Lövåsens Skog & Trädgård AB", "Nordängs Transport AB",
    ]

    /// Authorities that send remisser and decisions (named only, never with a number).
    static let authorities = [
        "Länsstyrelsen i Västra Götalands län", "Trafikverket", "Skolinspektionen",
        "Förvaltningsrätten i Göteborg", "Mark- och miljödomstolen", "Lantmäterimyndigheten",
    ]

    static let units = [
        "Kommunledningskontoret", "Samhällsbyggnadsförvaltningen", "Ekonomienheten", "HR-enheten",
        "Kansliet", "Miljö- och hälsoskyddsenheten", "Mark- och exploateringsenheten",
    ]

    /// Diarieplan classification (code, text): an invented local plan in the common style.
    static let classifications: [(String, String)] = [
        ("1.1", "Ledning och styrning"), ("1.4", "Remisser och yttranden"), ("2.1", "Fysisk planering"),
        ("2.4", "Bygglov och tillsyn"), ("3.2", "Upphandling"), ("4.1", "Personaladministration"),
        ("5.1", "Ekonomi och budget"), ("6.3", "Överklaganden och rättsprocesser"),
        ("7.2", "Medborgarförslag och synpunkter"), ("8.1", "Miljö och hälsoskydd"),
    ]

    /// OSL provisions a municipal diarium meets (domain.md §3.5), spelled the common way.
    static let legalReferences = [
        "OSL 26 kap. 1 §", "OSL 21 kap. 3 §", "OSL 19 kap. 3 §", "OSL 39 kap. 3 §", "OSL 18 kap. 8 §",
        "OSL 32 kap. 1 §",
    ]

    static let secrecyExplanations = [
        "Uppgifter om enskilds personliga förhållanden", "Skyddade personuppgifter",
        "Anbud under pågående upphandling", "Uppgifter om säkerhets- och bevakningsåtgärder",
        "Uppgifter om enskilds hälsa",
    ]

    static let subjects = [
        "gång- och cykelväg längs Älvgatan", "ny förskola i Norra Ängby", "parkeringsavgifter i centrum",
        "belysning på Sjövägen", "hastighetsbegränsning vid Kvarnskolan", "lekplats i Björkängen",
        "ändrade öppettider för återvinningscentralen", "översiktsplan för Lillevik",
        "renovering av simhallen", "bredband på landsbygden", "skötsel av strandängarna",
        "trafiksäkerhet vid Östra Vallgatan", "kollektivtrafik till Älvåsen", "vägbelysning i Östra Kärr",
    ]

    static let services = [
        "städtjänster", "vinterväghållning", "skolskjuts", "IT-konsulttjänster", "livsmedel",
        "ramavtal för markentreprenad", "tolktjänster",
    ]

    /// Case-type templates; `{}` placeholders are filled by the synthesiser.
    enum CaseKind: CaseIterable {
        case bygglov, remiss, medborgarforslag, overklagande, upphandling, detaljplan, tillsyn,
             utlamnande, skadestand, budget, fastighetsforsaljning, anstallning, motion, synpunkt

        var classificationIndex: Int {
            switch self {
            case .bygglov, .tillsyn: return 3
            case .remiss: return 1
            case .medborgarforslag, .synpunkt: return 8
            case .overklagande, .skadestand: return 7
            case .upphandling: return 4
            case .detaljplan, .fastighetsforsaljning: return 2
            case .utlamnande, .motion: return 0
            case .budget: return 6
            case .anstallning: return 5
            }
        }

        /// The OSL reference that fits a secret record in this kind of case.
        var legalReference: String {
            switch self {
            case .upphandling: return "OSL 19 kap. 3 §"
            case .anstallning: return "OSL 39 kap. 3 §"
            case .overklagande, .skadestand, .synpunkt: return "OSL 26 kap. 1 §"
            case .tillsyn: return "OSL 32 kap. 1 §"
            case .budget, .detaljplan: return "OSL 18 kap. 8 §"
            default: return "OSL 21 kap. 3 §"
            }
        }
    }

    /// Short sentences of municipal prose for document bodies and filler text.
    static let sentences = [
        "Ärendet har beretts av kommunledningskontoret.",
        "Sökanden har inkommit med kompletterande handlingar.",
        "Förvaltningen bedömer att åtgärden är förenlig med gällande detaljplan.",
        "Kommunstyrelsen föreslås besluta i enlighet med förvaltningens förslag.",
        "Yttrandet ska ha kommit in senast den sista i månaden.",
        "Synpunkter har lämnats av berörda grannar.",
        "Beslutet kan överklagas hos förvaltningsrätten inom tre veckor.",
        "Kostnaden ryms inom den beslutade budgetramen för året.",
        "Samråd har skett med miljö- och hälsoskyddsenheten.",
        "Handlingarna har kontrollerats och bedöms vara kompletta.",
        "Förslaget har stämts av med de fackliga organisationerna.",
        "Tomten är belägen inom sammanhållen bebyggelse.",
        "Åtgärden bedöms inte medföra betydande olägenhet för omgivningen.",
        "Översiktsplanen anger området som lämpligt för bostäder.",
        "Frågan har tidigare behandlats av kommunfullmäktige.",
        "Förvaltningen föreslår att medborgarförslaget ska anses besvarat.",
        "Ansökan saknar situationsplan och fasadritningar.",
        "Sökanden ombeds komplettera ansökan inom fyra veckor.",
        "Det finns inga särskilda skäl att avvika från riktlinjerna.",
        "Ärendet återremitteras för ytterligare utredning.",
        "Protokollet justeras av ordföranden och en utsedd justerare.",
        "Upphandlingen genomförs som ett förenklat förfarande.",
        "Tilldelningsbeslut meddelas samtliga anbudsgivare.",
        "Skadan anmäldes till försäkringsbolaget i början av året.",
        "Kommunen ersätter inte skador som beror på normalt slitage.",
        "Läs mer om hur kommunen hanterar personuppgifter på webbplatsen.",
        "Vägföreningen ansvarar för driften av den enskilda vägen.",
        "Närmare upplysningar lämnas av handläggaren.",
        "Beslutet fattas med stöd av delegation från kommunstyrelsen.",
        "Kvittens på mottagen handling skickas till avsändaren.",
    ]

    /// ASCII-only words used where text must end at an exact byte count.
    static let asciiWords = [
        "kommun", "beslut", "ansokan", "bygglov", "yttrande", "remiss", "protokoll", "handling",
        "samrad", "planering", "arende", "underlag", "bilaga", "utredning", "detaljplan", "tillsyn",
    ]
}
