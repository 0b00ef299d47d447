"""The seeded India–Japan question bank, written from the two articles under ``sources/``.

Every fact quotes its source word for word; every question cites at least one fact. Where the
two articles disagree (the name of the 2014 upgrade), the bank says so instead of picking one.
Questions are keyed here by ``key`` only so quizzes can list them; the database knows a
question by its stem.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

GEG = "geg365-india-japan-2025"
VISION = "visionias-india-japan-partnership"

LETTERS = "ABCD"


@dataclass(frozen=True)
class SourceSpec:
    slug: str
    title: str
    publisher: str
    published_on: datetime.date | None
    dates: str


@dataclass(frozen=True)
class TopicSpec:
    slug: str
    name: str


@dataclass(frozen=True)
class FactSpec:
    label: str
    source: str
    statement: str
    quote: str


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    topic: str
    difficulty: int
    stem: str
    options: tuple[str, str, str, str]
    answer: str  # the letter of the correct option, in display order
    explanation: str
    facts: tuple[str, ...]

    @property
    def correct_index(self) -> int:
        return LETTERS.index(self.answer)


@dataclass(frozen=True)
class QuizSpec:
    slug: str
    title: str
    description: str
    questions: tuple[str, ...]
    negative_mark: str = "0"
    feedback_mode: str = "each"
    shuffle_questions: bool = False
    shuffle_options: bool = False
    seconds_per_question: int = 19


SOURCES = (
    SourceSpec(
        slug=GEG,
        title="India Japan Relations In 2025 Bilateral Meeting And Strategic Cooperation",
        publisher="Government Exam Guru (GEG365 UPSC International Relation series)",
        published_on=None,
        dates="2025",
    ),
    SourceSpec(
        slug=VISION,
        title="India-Japan Partnership (Current Affairs)",
        publisher="Vision IAS",
        published_on=datetime.date(2025, 10, 4),
        dates="posted 04 Oct 2025, updated 08 Oct 2025",
    ),
)

TOPICS = (
    TopicSpec("economy", "Economy"),
    TopicSpec("defence-security", "Defence & Security"),
    TopicSpec("science-space", "Science & Space"),
    TopicSpec("multilateral-order", "Multilateral Order"),
    TopicSpec("connectivity-development", "Connectivity & Development"),
    TopicSpec("energy", "Energy"),
    TopicSpec("strategic-partnership", "Strategic Partnership"),
)

FACTS = (
    # Economy
    FactSpec(
        "CEPA 2011",
        GEG,
        "The India–Japan Comprehensive Economic Partnership Agreement (CEPA) was implemented "
        "in 2011.",
        "The Comprehensive Economic Partnership Agreement (CEPA), implemented in 2011, has been "
        "a significant driver of economic cooperation between India and Japan.",
    ),
    FactSpec(
        "CEPA coverage",
        VISION,
        "CEPA came into effect in 2011 and covers trade in goods and services, movement of "
        "natural persons, investments and IPR.",
        "India-Japan Comprehensive Economic Partnership Agreement (CEPA) came into effect in 2011 "
        "and covers trade in goods and services, movement of natural persons, investments, IPR, "
        "etc.",
    ),
    FactSpec(
        "CEPA aims",
        GEG,
        "CEPA aims to reduce tariffs, promote investment and facilitate trade in goods and "
        "services.",
        "The CEPA aims to reduce tariffs, promote investment, and facilitate trade in goods and "
        "services.",
    ),
    FactSpec(
        "Trade FY 2023-24",
        VISION,
        "India–Japan bilateral trade totalled US$ 22.85 billion in FY 2023-24.",
        "Bilateral Trade totalled US$ 22.85 billion during FY 2023-24",
    ),
    FactSpec(
        "Exports Japan to India FY 2023-24",
        VISION,
        "Japan's exports to India were US$ 17.69 billion in FY 2023-24, most of the bilateral "
        "trade.",
        "with exports from Japan to India at US$ 17.69 billion.",
    ),
    FactSpec(
        "Trade composition",
        VISION,
        "India imports nuclear reactors, copper and electrical machinery from Japan and exports "
        "organic chemicals, vehicles and nuclear reactors to it.",
        "India's primary imports include nuclear reactors, copper, electrical machinery, etc., "
        "while exports include organic chemicals, vehicles, nuclear reactor, etc.",
    ),
    FactSpec(
        "IJICP 2021",
        VISION,
        "The India-Japan Industrial Competitiveness Partnership (IJICP) was launched in 2021.",
        "India-Japan Industrial Competitiveness Partnership (IJICP) was launched in 2021 to "
        "enhance India's industrial competitiveness.",
    ),
    FactSpec(
        "Economic Security Initiative",
        VISION,
        "The 2025 Economic Security Initiative promotes supply chain resilience in strategic "
        "sectors such as semiconductors, clean energy and telecom.",
        "Economic Security Initiative: To promote supply chain resilience in strategic sectors "
        "such as semiconductors, clean energy, telecom, as well as new and emerging technologies.",
    ),
    FactSpec(
        "Japan among largest investors",
        GEG,
        "Japan is one of India's largest investors and a major source of development assistance.",
        "Japan is one of India’s largest investors and a major source of development assistance.",
    ),
    FactSpec(
        "SME Forum",
        VISION,
        "An India–Japan SMEs Forum was among the outcomes of the 2025 visit.",
        "India - Japan Small and Medium Enterprises (SMEs) Forum",
    ),
    FactSpec(
        "AI initiative",
        VISION,
        "An India–Japan AI initiative was among the outcomes of the 2025 visit.",
        "India - Japan AI initiative",
    ),
    FactSpec(
        "Human Resource Exchange",
        VISION,
        "An Action Plan for India–Japan Human Resource Exchange was among the outcomes of the "
        "2025 visit.",
        "Action Plan for India - Japan Human Resource Exchange",
    ),
    # Connectivity and development
    FactSpec(
        "AAGC 2017",
        VISION,
        "India and Japan jointly established the Asia-Africa Growth Corridor (AAGC) in 2017 for "
        "development in Africa.",
        "Asia-Africa Growth Corridor (AAGC) was jointly established (in 2017) by India-Japan to "
        "further democratic, sustainable, and inclusive development in Africa.",
    ),
    FactSpec(
        "AAGC connectivity",
        GEG,
        "GEG365 lists connectivity through the AAGC among the key areas of India–Japan "
        "collaboration.",
        "Key areas of collaboration include connectivity through the Asia-Africa Growth Corridor "
        "(AAGC)",
    ),
    FactSpec(
        "Africa initiative",
        VISION,
        "India and Japan have also launched a Cooperation Initiative for Sustainable Economic "
        "Development in Africa.",
        "Japan-India Cooperation Initiative for Sustainable Economic Development in Africa has "
        "also been launched.",
    ),
    FactSpec(
        "MAHSR",
        VISION,
        "The Mumbai-Ahmedabad High Speed Rail (MAHSR) is the flagship project of India–Japan "
        "development cooperation.",
        "Development Cooperation: For e.g. Mumbai-Ahmedabad High Speed Rail (MAHSR) flagship "
        "project",
    ),
    FactSpec(
        "MAHSR Japanese technology",
        GEG,
        "The Mumbai-Ahmedabad High-Speed Rail is supported by Japanese technology and financing.",
        "This project, supported by Japanese technology and financing, represents a major upgrade "
        "to India’s infrastructure",
    ),
    FactSpec(
        "Largest bilateral donor",
        GEG,
        "Japan remains India's largest bilateral donor.",
        "Japan remains India’s largest bilateral donor, supporting major projects like the "
        "Mumbai-Ahmedabad High-Speed Rail.",
    ),
    FactSpec(
        "Act East Forum",
        VISION,
        "The India Japan Act East Forum is a platform for collaboration on the development of "
        "India's Northeast.",
        "India Japan Act East Forum provides a platform for India-Japan collaboration for the "
        'development of India\'s Northeast under Indiaʼs "Act East Policy" and Japanʼs '
        '"Vision of a Free and Open Indo-Pacific".',
    ),
    FactSpec(
        "State-Prefecture pairs",
        VISION,
        "State-Prefecture partnerships pair Andhra Pradesh with Toyama, Tamil Nadu with Ehime, "
        "Uttar Pradesh with Yamanashi and Gujarat with Shizuoka.",
        "State-Prefecture partnerships have been established between Andhra Pradesh and Toyama, "
        "Tamil Nadu and Ehime, Uttar Pradesh and Yamanashi, Gujarat and Shizuoka.",
    ),
    FactSpec(
        "Next-Generation Mobility Partnership",
        VISION,
        "The 2025 Next-Generation Mobility Partnership covers railways, aviation and roads, with "
        "a focus on Make-in-India.",
        "Next-Generation Mobility Partnership: (railways, aviation, roads etc., with a focus on "
        "Make-in-India).",
    ),
    FactSpec(
        "DiGi Framework",
        GEG,
        "The DiGi Framework for India's digital infrastructure was initiated by the U.S., Japan "
        "and South Korea.",
        "The Digital Infrastructure Growth Initiative for India Framework (DiGi Framework), "
        "initiated by the U.S., Japan, and South Korea, is another significant development.",
    ),
    FactSpec(
        "DiGi broadband",
        GEG,
        "The DiGi Framework is to help India expand its broadband network and digital "
        "connectivity.",
        "The DiGi Framework will help India to expand its broadband network, improve digital "
        "connectivity, and promote the adoption of digital technologies.",
    ),
    # Defence and security
    FactSpec(
        "ACSA",
        GEG,
        "The Acquisition and Cross-Servicing Agreement (ACSA) provides for reciprocal supplies, "
        "services and logistical support between the two armed forces.",
        "the Acquisition and Cross-Servicing Agreement (ACSA), which facilitates reciprocal "
        "provision of supplies, services, and logistical support between their armed forces.",
    ),
    FactSpec(
        "ACSA joint exercises",
        GEG,
        "ACSA enhances the two countries' ability to conduct joint military exercises.",
        "The ACSA enhances their ability to conduct joint military exercises, share intelligence, "
        "and coordinate on security matters.",
    ),
    FactSpec(
        "Shinyuu Maitri",
        GEG,
        "GEG365 names Dharma Guardian, Shinyuu Maitri and JIMEX as India–Japan joint exercises.",
        "These exercises, which include “Dharma Guardian,” “Shinyuu Maitri,” and “JIMEX,” "
        "provide valuable opportunities for the armed forces of both countries to train together",
    ),
    FactSpec(
        "JIMEX",
        VISION,
        "JIMEX is a bilateral India–Japan exercise.",
        "Both countries participate in bilateral exercises like JIMEX and Dharma Guardian",
    ),
    FactSpec(
        "Dharma Guardian",
        GEG,
        "Dharma Guardian is one of the India–Japan joint military exercises.",
        "These exercises, which include “Dharma Guardian,”",
    ),
    FactSpec(
        "MILAN and MALABAR",
        VISION,
        "India and Japan both take part in the multilateral exercises MILAN and MALABAR.",
        "and in multilateral exercises like MILAN and MALABAR.",
    ),
    FactSpec(
        "Exercise scenarios",
        GEG,
        "India–Japan exercises range from counter-terrorism to maritime security patrols.",
        "The exercises cover a wide range of scenarios, from counter-terrorism operations to "
        "maritime security patrols",
    ),
    FactSpec(
        "2015 defence pacts",
        VISION,
        "Pacts signed in 2015 cover defence equipment transfer and protection of classified "
        "information.",
        "2015 pacts on defense equipment transfer and protection of classified information.",
    ),
    FactSpec(
        "Joint Declaration on Security Cooperation 2025",
        VISION,
        "A 2025 Joint Declaration on Security Cooperation is among the key security agreements.",
        "Key agreements include 2025 Joint Declaration on Security Cooperation",
    ),
    FactSpec(
        "2+2 Dialogue",
        VISION,
        "The 2+2 Ministerial Dialogue brings together both countries' defence and foreign "
        "affairs ministers.",
        "2+2 Ministerial Dialogues between both countries' defence and foreign affairs ministers.",
    ),
    # Multilateral order and the Indo-Pacific
    FactSpec(
        "FOIP",
        GEG,
        "Japan's FOIP vision stresses a region free from coercion, governed by the rule of law "
        "and open to trade and investment.",
        "The FOIP vision, championed by Japan, emphasizes the importance of a region that is free "
        "from coercion, governed by the rule of law, and open to trade and investment.",
    ),
    FactSpec(
        "FOIP–IPOI convergence",
        GEG,
        "Japan's FOIP and India's IPOI share common goals.",
        'Japan\'s "Free and Open Indo-Pacific" (FOIP) vision and India\'s "Indo-Pacific Oceans '
        'Initiative" (IPOI) share common goals',
    ),
    FactSpec(
        "IPOI",
        GEG,
        "India's Indo-Pacific Oceans Initiative (IPOI) is designed to be inclusive.",
        "The IPOI is designed to be inclusive, bringing together a wide range of partners to "
        "address the complex challenges facing the Indo-Pacific region.",
    ),
    FactSpec(
        "IPOI seven pillars",
        GEG,
        "IPOI offers a framework for cooperation across seven pillars, from maritime security to "
        "capacity building for shared prosperity.",
        "India’s IPOI, on the other hand, offers a comprehensive framework for cooperation across "
        "seven pillars: maritime security, disaster risk reduction and management, marine "
        "resources, capacity building and resource sharing, trade connectivity and maritime "
        "transport, science, technology and academic cooperation, and capacity building for "
        "shared prosperity.",
    ),
    FactSpec(
        "QUAD",
        VISION,
        "Through QUAD, India and Japan coordinate on maritime security, critical technologies and "
        "resilient supply chains.",
        "Through QUAD, they coordinate on maritime security, critical technologies, and resilient "
        "supply chains, countering unilateralism in the Indo-Pacific.",
    ),
    FactSpec(
        "G4",
        VISION,
        "India and Japan cooperate in the G4 on UNSC reform and back each other for permanent "
        "seats.",
        "They cooperate closely in G4 on UNSC reforms and support each other's candidacy for a "
        "permanent seat in a reformed UNSC.",
    ),
    FactSpec(
        "SCRI",
        VISION,
        "India and Japan work with Australia in the Supply Chain Resilience Initiative.",
        "Both nations collaborate with Australia in the Supply Chain Resilience Initiative to "
        "diversify supply chains and reduce over-reliance on a single country.",
    ),
    FactSpec(
        "G-7 Apulia",
        GEG,
        "GEG365 reports the Prime Ministers' bilateral meeting on the sidelines of the G-7 "
        "Summit in Apulia, Italy.",
        "held on the sidelines of the G-7 Summit in Apulia, Italy.",
    ),
    FactSpec(
        "China factor",
        GEG,
        "Both India and Japan are concerned about China's assertive behaviour.",
        "Both India and Japan are concerned about China’s assertive behavior and its impact on "
        "regional stability.",
    ),
    FactSpec(
        "Strategic autonomy",
        VISION,
        "Japan relies on the US-led alliance system, while India follows strategic autonomy.",
        "While Japan addresses Chinese assertiveness and unilateralism through the US-led "
        "alliance system, India follows a non-aligned, strategic autonomy approach balancing ties "
        "with the US, Russia, and the Global South.",
    ),
    # Strategic partnership
    FactSpec(
        "SGSP 2014",
        GEG,
        "GEG365 names the 2014 upgrade the “Special Global and Strategic Partnership” (SGSP).",
        "culminating in the establishment of the “Special Global and Strategic Partnership” "
        "(SGSP) in 2014.",
    ),
    FactSpec(
        "SGSP 2014 (summary)",
        GEG,
        "GEG365's summary also says the partnership was elevated to a 'Special Global and "
        "Strategic Partnership' in 2014.",
        "This partnership, elevated to a 'Special Global and Strategic Partnership' in 2014",
    ),
    FactSpec(
        "SSGP 2014 (Vision IAS naming)",
        VISION,
        "Vision IAS names the 2014 upgrade the “Special Strategic and Global Partnership”.",
        "Current status: Upgraded to Special Strategic and Global Partnership in 2014",
    ),
    FactSpec(
        "Joint Vision 2025",
        VISION,
        "The 2025 Joint Vision for the Next Decade is a 10-year prioritisation in eight lines of "
        "effort.",
        "India - Japan Joint Vision for the Next Decade: A 10-year strategic prioritization for "
        "economic and functional cooperation in eight lines of effort",
    ),
    FactSpec(
        "Joint Vision lines of effort",
        VISION,
        "Named lines of effort include Economic Partnership, Economic Security, Mobility, "
        "Ecological Sustainability and State-Prefecture Engagements.",
        "viz., Economic Partnership, Economic Security, Mobility, Ecological Sustainability, "
        "State-Prefecture Engagements, etc.",
    ),
    # Science, space and energy
    FactSpec(
        "LUPEX",
        GEG,
        "The Lunar Polar Exploration Mission (LUPEX) is a joint ISRO–JAXA project.",
        "The Lunar Polar Exploration Mission (LUPEX), a joint project between the Indian Space "
        "Research Organisation (ISRO) and the Japan Aerospace Exploration Agency (JAXA), is a "
        "prime example of this collaboration.",
    ),
    FactSpec(
        "LUPEX lunar south pole",
        GEG,
        "LUPEX will deploy a lander and rover to the lunar south pole.",
        "This mission will involve the deployment of a lander and rover to the lunar south pole "
        "to conduct scientific experiments and collect data.",
    ),
    FactSpec(
        "LUPEX water ice",
        GEG,
        "LUPEX aims to explore the lunar poles, believed to hold resources including water ice.",
        "The LUPEX mission aims to explore the lunar poles, which are believed to contain "
        "valuable resources, including water ice.",
    ),
    FactSpec(
        "Chandrayaan 5",
        VISION,
        "In 2025 India and Japan agreed to cooperate on the Joint Lunar Polar Exploration "
        "Mission, Chandrayaan 5.",
        "Agreement for cooperation between India and Japan on Joint Lunar Polar Exploration "
        "Mission (Chandrayaan 5).",
    ),
    FactSpec(
        "CEP",
        GEG,
        "The India-Japan Clean Energy Partnership (CEP) promotes cooperation in clean energy "
        "technologies.",
        "India and Japan have established the India-Japan Clean Energy Partnership (CEP) to "
        "promote cooperation in clean energy technologies and initiatives.",
    ),
    FactSpec(
        "CEP renewables",
        GEG,
        "Under the CEP, Japan is investing in solar, wind and other renewable energy projects in "
        "India.",
        "Japan is investing in solar, wind, and other renewable energy projects in India",
    ),
    FactSpec(
        "Civil nuclear agreement",
        GEG,
        "India and Japan have an agreement on the peaceful uses of nuclear energy.",
        "This agreement facilitates the transfer of nuclear technology, equipment, and materials "
        "for peaceful purposes",
    ),
    FactSpec(
        "NPT concern",
        VISION,
        "Japan restricts nuclear technology transfers because India has not signed the NPT.",
        "Despite concerns like Japan's restrictions on nuclear technology transfers due to "
        "India's non-signatory status to the NPT",
    ),
)


def _statements(intro: str, statements: list[str], ask: str) -> str:
    """A UPSC-style multi-statement stem: intro, numbered statements, then the question."""
    numbered = "\n".join(f"{n}. {text}" for n, text in enumerate(statements, start=1))
    return f"{intro}\n\n{numbered}\n\n{ask}"


_WHICH_STATEMENTS = "Which of the statements given above is/are correct?"
_WHICH_PAIRS = "Which of the pairs given above is/are correctly matched?"

QUESTIONS = (
    # ------------------------------------------------------------------ Economy
    QuestionSpec(
        key="cepa-year",
        topic="economy",
        difficulty=1,
        stem="In which year did the India–Japan Comprehensive Economic Partnership Agreement "
        "(CEPA) come into effect?",
        options=("2008", "2011", "2014", "2017"),
        answer="B",
        explanation=(
            "Both sources agree on **2011**: GEG365 says CEPA was “implemented in 2011” and "
            "Vision IAS says it “came into effect in 2011”. 2014 is the year of the upgrade to a "
            "Special Strategic and Global Partnership and 2017 the year the AAGC was "
            "established, which is why those years tempt."
        ),
        facts=("CEPA 2011", "CEPA coverage"),
    ),
    QuestionSpec(
        key="cepa-coverage",
        topic="economy",
        difficulty=2,
        stem=_statements(
            "Consider the following statements about the India–Japan Comprehensive Economic "
            "Partnership Agreement (CEPA):",
            [
                "It covers trade in goods and services and the movement of natural persons.",
                "It covers investments and intellectual property rights (IPR).",
                "It was signed as part of the 2025 Joint Vision for the Next Decade.",
            ],
            _WHICH_STATEMENTS,
        ),
        options=("1 and 2 only", "1 only", "2 and 3 only", "1, 2 and 3"),
        answer="A",
        explanation=(
            "Vision IAS says CEPA “covers trade in goods and services, movement of natural "
            "persons, investments, IPR, etc.”, so statements 1 and 2 are correct. Statement 3 is "
            "wrong: CEPA came into effect in 2011, fourteen years before the 2025 Joint Vision."
        ),
        facts=("CEPA coverage", "Joint Vision 2025"),
    ),
    QuestionSpec(
        key="cepa-aims",
        topic="economy",
        difficulty=1,
        stem="According to GEG365, which one of the following is an aim of the India–Japan "
        "Comprehensive Economic Partnership Agreement (CEPA)?",
        options=(
            "To set up a common currency for Indo-Pacific trade",
            "To coordinate both countries' positions on UNSC reform",
            "To provide reciprocal logistical support between the armed forces",
            "To reduce tariffs, promote investment and facilitate trade in goods and services",
        ),
        answer="D",
        explanation=(
            "GEG365: “The CEPA aims to reduce tariffs, promote investment, and facilitate trade "
            "in goods and services.” Reciprocal logistical support is the job of the ACSA, and "
            "UNSC reform is pursued through the G4, not CEPA."
        ),
        facts=("CEPA aims", "ACSA", "G4"),
    ),
    QuestionSpec(
        key="trade-total",
        topic="economy",
        difficulty=2,
        stem="According to Vision IAS, India–Japan bilateral trade in FY 2023-24 totalled about:",
        options=(
            "US$ 12.50 billion",
            "US$ 17.69 billion",
            "US$ 22.85 billion",
            "US$ 31.20 billion",
        ),
        answer="C",
        explanation=(
            "Vision IAS: “Bilateral Trade totalled US$ 22.85 billion during FY 2023-24”. The "
            "tempting US$ 17.69 billion is only one part of it, the exports from Japan to India."
        ),
        facts=("Trade FY 2023-24", "Exports Japan to India FY 2023-24"),
    ),
    QuestionSpec(
        key="trade-balance",
        topic="economy",
        difficulty=3,
        stem=_statements(
            "Consider the following statements about India–Japan trade in FY 2023-24, as "
            "reported by Vision IAS:",
            [
                "Bilateral trade totalled US$ 22.85 billion.",
                "India's exports to Japan were larger than Japan's exports to India.",
                "Exports from Japan to India stood at US$ 17.69 billion.",
            ],
            "Which of the statements given above are correct?",
        ),
        options=("1 and 2 only", "2 and 3 only", "1, 2 and 3", "1 and 3 only"),
        answer="D",
        explanation=(
            "Vision IAS gives total trade of US$ 22.85 billion, of which US$ 17.69 billion were "
            "exports from Japan to India, so statements 1 and 3 are correct. That leaves only "
            "about US$ 5.16 billion of Indian exports to Japan: the trade is heavily in Japan's "
            "favour, so statement 2 is wrong."
        ),
        facts=("Trade FY 2023-24", "Exports Japan to India FY 2023-24"),
    ),
    QuestionSpec(
        key="trade-composition",
        topic="economy",
        difficulty=3,
        stem="Which one of the following does Vision IAS list among India's primary exports "
        "to Japan?",
        options=("Copper", "Organic chemicals", "Electrical machinery", "Semiconductors"),
        answer="B",
        explanation=(
            "Vision IAS: India's “exports include organic chemicals, vehicles, nuclear reactor, "
            "etc.” Copper and electrical machinery are in the same sentence, but as India's "
            "*imports* from Japan; semiconductors appear only as a sector of the Economic "
            "Security Initiative."
        ),
        facts=("Trade composition", "Economic Security Initiative"),
    ),
    QuestionSpec(
        key="ijicp",
        topic="economy",
        difficulty=1,
        stem="Which of the following was launched in 2021 to enhance India's industrial "
        "competitiveness?",
        options=(
            "India-Japan Industrial Competitiveness Partnership (IJICP)",
            "India-Japan Clean Energy Partnership (CEP)",
            "Digital Infrastructure Growth Initiative for India (DiGi) Framework",
            "Supply Chain Resilience Initiative (SCRI)",
        ),
        answer="A",
        explanation=(
            "Vision IAS: the IJICP “was launched in 2021 to enhance India's industrial "
            "competitiveness”. The CEP is about clean energy, the DiGi Framework about digital "
            "infrastructure (with the U.S. and South Korea) and the SCRI about supply chains "
            "(with Australia)."
        ),
        facts=("IJICP 2021", "CEP", "DiGi Framework", "SCRI"),
    ),
    QuestionSpec(
        key="economic-security-initiative",
        topic="economy",
        difficulty=2,
        stem="The Economic Security Initiative agreed during the Indian Prime Minister's 2025 "
        "visit to Japan mainly aims to:",
        options=(
            "reduce tariffs on goods and services under a renegotiated CEPA",
            "develop India's Northeast under the Act East Policy",
            "expand India's broadband network with U.S. and South Korean support",
            "promote supply chain resilience in strategic sectors such as semiconductors, clean "
            "energy and telecom",
        ),
        answer="D",
        explanation=(
            "Vision IAS: the initiative is “To promote supply chain resilience in strategic "
            "sectors such as semiconductors, clean energy, telecom, as well as new and emerging "
            "technologies.” India's Northeast is the Act East Forum's field, and broadband is "
            "what GEG365 expects of the DiGi Framework."
        ),
        facts=("Economic Security Initiative", "Act East Forum", "DiGi broadband"),
    ),
    QuestionSpec(
        key="largest-donor",
        topic="connectivity-development",
        difficulty=1,
        stem="According to GEG365, which one of the following describes Japan's place in "
        "India's development finance?",
        options=(
            "India's largest bilateral donor",
            "India's largest multilateral lender",
            "India's second-largest bilateral donor after the United States",
            "A donor that funds only projects in India's Northeast",
        ),
        answer="A",
        explanation=(
            "GEG365: “Japan remains India’s largest bilateral donor, supporting major projects "
            "like the Mumbai-Ahmedabad High-Speed Rail.” It also calls Japan “one of India’s "
            "largest investors”. Japan is a single country, so it is a *bilateral* donor, and "
            "its projects range well beyond the Northeast."
        ),
        facts=("Largest bilateral donor", "Japan among largest investors"),
    ),
    QuestionSpec(
        key="launch-years-pairs",
        topic="economy",
        difficulty=3,
        stem=_statements(
            "Consider the following pairs (initiative — year, as given in the sources):",
            [
                "Comprehensive Economic Partnership Agreement (CEPA) — 2011",
                "Asia-Africa Growth Corridor (AAGC) — 2014",
                "Industrial Competitiveness Partnership (IJICP) — 2021",
            ],
            _WHICH_PAIRS,
        ),
        options=("1 and 3 only", "1 only", "2 and 3 only", "1, 2 and 3"),
        answer="A",
        explanation=(
            "CEPA came into effect in 2011 and the IJICP was launched in 2021, so pairs 1 and 3 "
            "are right. The AAGC was established in **2017** (Vision IAS); 2014 is the year of "
            "the Special Strategic and Global Partnership."
        ),
        facts=("CEPA 2011", "AAGC 2017", "IJICP 2021", "SSGP 2014 (Vision IAS naming)"),
    ),
    QuestionSpec(
        key="visit-outcomes-not",
        topic="strategic-partnership",
        difficulty=2,
        stem="Which one of the following was NOT among the outcomes of the Indian Prime "
        "Minister's 2025 visit to Japan listed by Vision IAS?",
        options=(
            "India - Japan AI initiative",
            "India - Japan Small and Medium Enterprises (SMEs) Forum",
            "Comprehensive Economic Partnership Agreement (CEPA)",
            "Action Plan for India - Japan Human Resource Exchange",
        ),
        answer="C",
        explanation=(
            "Vision IAS lists the AI initiative, the SMEs Forum and the Human Resource Exchange "
            "action plan among the visit's “Other outcomes”. CEPA is much older: it came into "
            "effect in 2011."
        ),
        facts=("AI initiative", "SME Forum", "Human Resource Exchange", "CEPA coverage"),
    ),
    # ------------------------------------------------- Connectivity & Development
    QuestionSpec(
        key="mobility-partnership",
        topic="connectivity-development",
        difficulty=2,
        stem="The Next-Generation Mobility Partnership announced during the 2025 India–Japan "
        "summit focuses on:",
        options=(
            "student visas and the movement of skilled workers",
            "railways, aviation and roads, with a focus on Make-in-India",
            "electric-vehicle subsidies for Japanese buyers",
            "port development along the Asia-Africa Growth Corridor",
        ),
        answer="B",
        explanation=(
            "Vision IAS: “Next-Generation Mobility Partnership: (railways, aviation, roads etc., "
            "with a focus on Make-in-India).” The movement of people is covered by a separate "
            "outcome, the Action Plan for Human Resource Exchange."
        ),
        facts=("Next-Generation Mobility Partnership", "Human Resource Exchange"),
    ),
    QuestionSpec(
        key="aagc-year",
        topic="connectivity-development",
        difficulty=1,
        stem="The Asia-Africa Growth Corridor (AAGC) was jointly established by India and "
        "Japan in:",
        options=("2011", "2014", "2017", "2021"),
        answer="C",
        explanation=(
            "Vision IAS: the AAGC “was jointly established (in 2017) by India-Japan”. 2011 is "
            "the CEPA year, 2014 the partnership upgrade and 2021 the launch of the IJICP."
        ),
        facts=("AAGC 2017",),
    ),
    QuestionSpec(
        key="aagc-statements",
        topic="connectivity-development",
        difficulty=2,
        stem=_statements(
            "Consider the following statements about the Asia-Africa Growth Corridor (AAGC):",
            [
                "It was jointly established by India and Japan.",
                "It aims to further democratic, sustainable and inclusive development in Africa.",
                "It was launched in 2014 together with the Special Strategic and Global "
                "Partnership.",
            ],
            _WHICH_STATEMENTS,
        ),
        options=("1 and 2 only", "2 only", "1 and 3 only", "1, 2 and 3"),
        answer="A",
        explanation=(
            "Vision IAS: the AAGC “was jointly established (in 2017) by India-Japan to further "
            "democratic, sustainable, and inclusive development in Africa”, so statements 1 and "
            "2 are correct. Statement 3 confuses it with the 2014 partnership upgrade; GEG365 "
            "lists the AAGC under connectivity."
        ),
        facts=("AAGC 2017", "AAGC connectivity"),
    ),
    QuestionSpec(
        key="africa-initiative",
        topic="connectivity-development",
        difficulty=3,
        stem="Besides the AAGC, which initiative for Africa does Vision IAS say India and "
        "Japan have launched together?",
        options=(
            "Tokyo International Conference on African Development (TICAD)",
            "India-Africa Forum Summit",
            "Partnership for Global Infrastructure and Investment (PGII)",
            "Japan-India Cooperation Initiative for Sustainable Economic Development in Africa",
        ),
        answer="D",
        explanation=(
            "Vision IAS: “Japan-India Cooperation Initiative for Sustainable Economic "
            "Development in Africa has also been launched.” TICAD is Japan's own conference, the "
            "India-Africa Forum Summit is India's, and the PGII is a G-7 scheme: none is a joint "
            "India–Japan initiative."
        ),
        facts=("Africa initiative", "AAGC 2017"),
    ),
    QuestionSpec(
        key="mahsr-flagship",
        topic="connectivity-development",
        difficulty=1,
        stem="Which project does Vision IAS name as the flagship project of India–Japan "
        "development cooperation?",
        options=(
            "Delhi-Mumbai Industrial Corridor",
            "Western Dedicated Freight Corridor",
            "Mumbai-Ahmedabad High Speed Rail (MAHSR)",
            "Chennai-Bengaluru Industrial Corridor",
        ),
        answer="C",
        explanation=(
            "Vision IAS: “Development Cooperation: For e.g. Mumbai-Ahmedabad High Speed Rail "
            "(MAHSR) flagship project”. GEG365 likewise calls it “a flagship initiative”. The "
            "other corridors are real infrastructure projects, but neither source names them."
        ),
        facts=("MAHSR", "MAHSR Japanese technology"),
    ),
    QuestionSpec(
        key="mahsr-support",
        topic="connectivity-development",
        difficulty=2,
        stem="According to GEG365, the Mumbai-Ahmedabad High-Speed Rail project is supported by:",
        options=(
            "Japanese technology and financing",
            "a World Bank loan and European rolling stock",
            "the DiGi Framework of the U.S., Japan and South Korea",
            "Indian Railways' own resources alone",
        ),
        answer="A",
        explanation=(
            "GEG365: the project is “supported by Japanese technology and financing” and Japan, "
            "“India’s largest bilateral donor”, supports it. The DiGi Framework concerns digital "
            "infrastructure, not railways."
        ),
        facts=("MAHSR Japanese technology", "Largest bilateral donor", "DiGi Framework"),
    ),
    QuestionSpec(
        key="act-east-forum",
        topic="connectivity-development",
        difficulty=2,
        stem="The India Japan Act East Forum provides a platform for India–Japan collaboration "
        "for the development of:",
        options=(
            "the Andaman and Nicobar Islands",
            "India's coastal economic zones",
            "the east coast of Africa",
            "India's Northeast",
        ),
        answer="D",
        explanation=(
            "Vision IAS: the Forum is for “the development of India's Northeast under Indiaʼs "
            '"Act East Policy" and Japanʼs "Vision of a Free and Open Indo-Pacific"”. Africa '
            "is the field of the AAGC, not of the Act East Forum."
        ),
        facts=("Act East Forum", "AAGC 2017"),
    ),
    QuestionSpec(
        key="state-prefecture-match",
        topic="connectivity-development",
        difficulty=3,
        stem="Which one of the following pairs (Indian State — Japanese Prefecture) is "
        "correctly matched under the State-Prefecture partnerships listed by Vision IAS?",
        options=(
            "Andhra Pradesh — Ehime",
            "Tamil Nadu — Toyama",
            "Uttar Pradesh — Yamanashi",
            "Gujarat — Yamanashi",
        ),
        answer="C",
        explanation=(
            "Vision IAS pairs “Andhra Pradesh and Toyama, Tamil Nadu and Ehime, Uttar Pradesh "
            "and Yamanashi, Gujarat and Shizuoka”. The distractors swap the prefectures of "
            "Andhra Pradesh and Tamil Nadu, and give Gujarat Uttar Pradesh's partner."
        ),
        facts=("State-Prefecture pairs",),
    ),
    QuestionSpec(
        key="state-prefecture-pairs",
        topic="connectivity-development",
        difficulty=3,
        stem=_statements(
            "Consider the following pairs (Indian State — Japanese Prefecture):",
            ["Gujarat — Shizuoka", "Tamil Nadu — Ehime", "Andhra Pradesh — Yamanashi"],
            _WHICH_PAIRS,
        ),
        options=("1 only", "1 and 2 only", "2 and 3 only", "1, 2 and 3"),
        answer="B",
        explanation=(
            "Vision IAS pairs Gujarat with Shizuoka and Tamil Nadu with Ehime, so pairs 1 and 2 "
            "are right. Andhra Pradesh is paired with **Toyama**; Yamanashi is Uttar Pradesh's "
            "partner. State-Prefecture Engagements are one of the Joint Vision's lines of effort."
        ),
        facts=("State-Prefecture pairs", "Joint Vision lines of effort"),
    ),
    QuestionSpec(
        key="digi-partners",
        topic="connectivity-development",
        difficulty=2,
        stem="The Digital Infrastructure Growth Initiative for India (DiGi) Framework was "
        "initiated by:",
        options=(
            "the U.S., Japan and South Korea",
            "Japan, India and Australia",
            "the four QUAD countries",
            "the G-7 at its Apulia summit",
        ),
        answer="A",
        explanation=(
            "GEG365: the DiGi Framework was “initiated by the U.S., Japan, and South Korea”. "
            "Japan, India and Australia is the line-up of the Supply Chain Resilience "
            "Initiative, a common confusion."
        ),
        facts=("DiGi Framework", "SCRI"),
    ),
    QuestionSpec(
        key="digi-aim",
        topic="connectivity-development",
        difficulty=2,
        stem="According to GEG365, the DiGi Framework will help India to:",
        options=(
            "expand its broadband network and improve digital connectivity",
            "build a high-speed rail link between Mumbai and Ahmedabad",
            "land a rover near the lunar south pole",
            "diversify supply chains away from a single country with Australia",
        ),
        answer="A",
        explanation=(
            "GEG365: “The DiGi Framework will help India to expand its broadband network, "
            "improve digital connectivity, and promote the adoption of digital technologies.” "
            "The other options describe the MAHSR, LUPEX and the SCRI."
        ),
        facts=("DiGi broadband", "MAHSR", "LUPEX lunar south pole", "SCRI"),
    ),
    # ------------------------------------------------------ Defence & Security
    QuestionSpec(
        key="acsa",
        topic="defence-security",
        difficulty=1,
        stem="The India–Japan Acquisition and Cross-Servicing Agreement (ACSA) mainly provides "
        "for:",
        options=(
            "joint production of fighter aircraft",
            "transfer of civil nuclear technology",
            "reciprocal provision of supplies, services and logistical support between the "
            "armed forces",
            "sharing of satellite navigation signals",
        ),
        answer="C",
        explanation=(
            "GEG365: the ACSA “facilitates reciprocal provision of supplies, services, and "
            "logistical support between their armed forces”. Nuclear technology is covered by "
            "the separate agreement on the peaceful uses of nuclear energy."
        ),
        facts=("ACSA", "Civil nuclear agreement"),
    ),
    QuestionSpec(
        key="acsa-statements",
        topic="defence-security",
        difficulty=2,
        stem=_statements(
            "Consider the following statements about the India–Japan Acquisition and "
            "Cross-Servicing Agreement (ACSA), as described by GEG365:",
            [
                "It facilitates reciprocal provision of supplies, services and logistical "
                "support between the armed forces.",
                "It enhances the two countries' ability to conduct joint military exercises.",
                "It is a trilateral agreement that includes the United States.",
            ],
            _WHICH_STATEMENTS,
        ),
        options=("1 only", "2 and 3 only", "1, 2 and 3", "1 and 2 only"),
        answer="D",
        explanation=(
            "GEG365 says the ACSA provides reciprocal supplies, services and logistical support "
            "and “enhances their ability to conduct joint military exercises”, so 1 and 2 are "
            "correct. It is a bilateral India–Japan agreement, so statement 3 is wrong."
        ),
        facts=("ACSA", "ACSA joint exercises"),
    ),
    QuestionSpec(
        key="exercise-not-india-japan",
        topic="defence-security",
        difficulty=2,
        stem="Which one of the following exercises is NOT named in either source as one in "
        "which India and Japan take part?",
        options=("JIMEX", "Dharma Guardian", "Yudh Abhyas", "MALABAR"),
        answer="C",
        explanation=(
            "Vision IAS names JIMEX and Dharma Guardian as bilateral exercises and MALABAR as a "
            "multilateral one; GEG365 adds Shinyuu Maitri. Yudh Abhyas is an India–US army "
            "exercise and appears in neither source."
        ),
        facts=("JIMEX", "Dharma Guardian", "MILAN and MALABAR", "Shinyuu Maitri"),
    ),
    QuestionSpec(
        key="milan-malabar",
        topic="defence-security",
        difficulty=2,
        stem="According to Vision IAS, MILAN and MALABAR are:",
        options=(
            "multilateral exercises in which both India and Japan participate",
            "bilateral India–Japan army exercises",
            "India–Japan coast guard search-and-rescue drills",
            "QUAD working groups on critical technologies",
        ),
        answer="A",
        explanation=(
            "Vision IAS: both countries take part “in bilateral exercises like JIMEX and Dharma "
            "Guardian, and in multilateral exercises like MILAN and MALABAR.” The bilateral "
            "ones are JIMEX and Dharma Guardian."
        ),
        facts=("MILAN and MALABAR", "JIMEX"),
    ),
    QuestionSpec(
        key="exercises-statements",
        topic="defence-security",
        difficulty=2,
        stem=_statements(
            "Consider the following statements about India–Japan military exercises:",
            [
                "JIMEX and Dharma Guardian are bilateral exercises between India and Japan.",
                "MALABAR is a bilateral India–Japan exercise.",
                "GEG365 names Shinyuu Maitri among the joint exercises of the two countries.",
            ],
            _WHICH_STATEMENTS,
        ),
        options=("1 only", "1 and 3 only", "2 and 3 only", "1, 2 and 3"),
        answer="B",
        explanation=(
            "Statements 1 and 3 are correct: Vision IAS calls JIMEX and Dharma Guardian "
            "bilateral exercises, and GEG365 lists “Dharma Guardian,” “Shinyuu Maitri,” and "
            "“JIMEX”. Statement 2 is wrong: Vision IAS counts MALABAR, like MILAN, among "
            "*multilateral* exercises."
        ),
        facts=("JIMEX", "Shinyuu Maitri", "MILAN and MALABAR"),
    ),
    QuestionSpec(
        key="exercise-scenarios",
        topic="defence-security",
        difficulty=1,
        stem="According to GEG365, the scenarios covered by India–Japan joint exercises range "
        "from:",
        options=(
            "counter-terrorism operations to maritime security patrols",
            "cyber defence to space situational awareness",
            "disaster relief to nuclear deterrence",
            "peacekeeping to missile defence",
        ),
        answer="A",
        explanation=(
            "GEG365: “The exercises cover a wide range of scenarios, from counter-terrorism "
            "operations to maritime security patrols”. It names the exercises as Dharma "
            "Guardian, Shinyuu Maitri and JIMEX."
        ),
        facts=("Exercise scenarios", "Dharma Guardian"),
    ),
    QuestionSpec(
        key="2015-pacts",
        topic="defence-security",
        difficulty=3,
        stem="According to Vision IAS, the 2015 India–Japan defence pacts concerned:",
        options=(
            "reciprocal logistics support and joint exercises",
            "defence equipment transfer and protection of classified information",
            "civil nuclear cooperation and NPT safeguards",
            "maritime domain awareness and undersea cables",
        ),
        answer="B",
        explanation=(
            "Vision IAS lists the “2015 pacts on defense equipment transfer and protection of "
            "classified information”. Reciprocal logistics support is the ACSA, a separate "
            "agreement described by GEG365."
        ),
        facts=("2015 defence pacts", "ACSA"),
    ),
    QuestionSpec(
        key="two-plus-two",
        topic="defence-security",
        difficulty=1,
        stem="The India–Japan 2+2 Ministerial Dialogue brings together the two countries':",
        options=(
            "finance and commerce ministers",
            "prime ministers and foreign ministers",
            "national security advisers and defence secretaries",
            "defence and foreign affairs ministers",
        ),
        answer="D",
        explanation=(
            "Vision IAS: “2+2 Ministerial Dialogues between both countries' defence and foreign "
            "affairs ministers.” The format is ministerial, which rules out officials such as "
            "national security advisers and defence secretaries."
        ),
        facts=("2+2 Dialogue",),
    ),
    QuestionSpec(
        key="joint-declaration-2025",
        topic="defence-security",
        difficulty=2,
        stem="Which security document does Vision IAS list among the key India–Japan "
        "agreements with the year 2025?",
        options=(
            "Acquisition and Cross-Servicing Agreement",
            "Agreement on the transfer of defence equipment",
            "Joint Declaration on Security Cooperation",
            "Agreement on the protection of classified information",
        ),
        answer="C",
        explanation=(
            "Vision IAS: “Key agreements include 2025 Joint Declaration on Security "
            "Cooperation”, which also appears among the outcomes of the 2025 visit. The pacts on "
            "defence equipment transfer and classified information date from 2015."
        ),
        facts=("Joint Declaration on Security Cooperation 2025", "2015 defence pacts"),
    ),
    # --------------------------------------------------- Multilateral Order
    QuestionSpec(
        key="foip-ipoi",
        topic="multilateral-order",
        difficulty=1,
        stem="GEG365 describes India's Indo-Pacific Oceans Initiative (IPOI) as aligned with "
        "which Japanese vision?",
        options=(
            "Partnership for Quality Infrastructure",
            "Free and Open Indo-Pacific (FOIP)",
            "Act East Policy",
            "Security and Growth for All in the Region (SAGAR)",
        ),
        answer="B",
        explanation=(
            "GEG365: Japan's “Free and Open Indo-Pacific” (FOIP) vision and India's "
            "“Indo-Pacific Oceans Initiative” (IPOI) “share common goals”. The Act East Policy "
            "and SAGAR are Indian, not Japanese, policies."
        ),
        facts=("FOIP–IPOI convergence", "Act East Forum"),
    ),
    QuestionSpec(
        key="foip-vision",
        topic="multilateral-order",
        difficulty=2,
        stem="As described by GEG365, Japan's Free and Open Indo-Pacific (FOIP) vision "
        "emphasises a region that is:",
        options=(
            "organised around a single Indo-Pacific trade bloc with a common tariff",
            "neutral between all military alliances",
            "managed jointly by the littoral states to the exclusion of outside powers",
            "free from coercion, governed by the rule of law, and open to trade and investment",
        ),
        answer="D",
        explanation=(
            "GEG365: FOIP “emphasizes the importance of a region that is free from coercion, "
            "governed by the rule of law, and open to trade and investment.” Openness to outside "
            "trade and investment rules out the exclusive or bloc-based options."
        ),
        facts=("FOIP",),
    ),
    QuestionSpec(
        key="ipoi-pillar-count",
        topic="multilateral-order",
        difficulty=2,
        stem="India's Indo-Pacific Oceans Initiative (IPOI) offers a framework for cooperation "
        "across how many pillars?",
        options=("Five", "Six", "Seven", "Eight"),
        answer="C",
        explanation=(
            "GEG365: the IPOI “offers a comprehensive framework for cooperation across seven "
            "pillars”. Eight is tempting because the 2025 Joint Vision has eight *lines of "
            "effort*, a different framework."
        ),
        facts=("IPOI seven pillars", "Joint Vision 2025"),
    ),
    QuestionSpec(
        key="ipoi-pillar-not",
        topic="multilateral-order",
        difficulty=3,
        stem="Which one of the following is NOT among the seven pillars of India's Indo-Pacific "
        "Oceans Initiative (IPOI) listed by GEG365?",
        options=(
            "Disaster risk reduction and management",
            "Nuclear non-proliferation",
            "Trade connectivity and maritime transport",
            "Science, technology and academic cooperation",
        ),
        answer="B",
        explanation=(
            "GEG365 lists the pillars as maritime security; disaster risk reduction and "
            "management; marine resources; capacity building and resource sharing; trade "
            "connectivity and maritime transport; science, technology and academic cooperation; "
            "and capacity building for shared prosperity. Nuclear non-proliferation is not one."
        ),
        facts=("IPOI seven pillars", "IPOI"),
    ),
    QuestionSpec(
        key="quad",
        topic="multilateral-order",
        difficulty=2,
        stem="According to Vision IAS, India and Japan coordinate through QUAD on:",
        options=(
            "UNSC reform and permanent membership",
            "development in Africa",
            "maritime security, critical technologies and resilient supply chains",
            "digital infrastructure in India with South Korea",
        ),
        answer="C",
        explanation=(
            "Vision IAS: “Through QUAD, they coordinate on maritime security, critical "
            "technologies, and resilient supply chains, countering unilateralism in the "
            "Indo-Pacific.” UNSC reform is pursued in the G4, and Africa through the AAGC."
        ),
        facts=("QUAD", "G4"),
    ),
    QuestionSpec(
        key="g4",
        topic="multilateral-order",
        difficulty=1,
        stem="India and Japan cooperate on reform of the UN Security Council, and support each "
        "other's candidacy for a permanent seat, through the:",
        options=("G-7", "QUAD", "Supply Chain Resilience Initiative", "G4"),
        answer="D",
        explanation=(
            "Vision IAS: “They cooperate closely in G4 on UNSC reforms and support each other's "
            "candidacy for a permanent seat in a reformed UNSC.” QUAD, by contrast, is about "
            "maritime security, critical technologies and supply chains."
        ),
        facts=("G4", "QUAD"),
    ),
    QuestionSpec(
        key="scri",
        topic="multilateral-order",
        difficulty=2,
        stem="In the Supply Chain Resilience Initiative (SCRI), India and Japan collaborate with:",
        options=("the United States", "South Korea", "France", "Australia"),
        answer="D",
        explanation=(
            "Vision IAS: “Both nations collaborate with Australia in the Supply Chain Resilience "
            "Initiative”. The U.S. and South Korea tempt because they join Japan in the DiGi "
            "Framework, a different initiative."
        ),
        facts=("SCRI", "DiGi Framework"),
    ),
    QuestionSpec(
        key="groupings-pairs",
        topic="multilateral-order",
        difficulty=3,
        stem=_statements(
            "Consider the following pairs (grouping — what India and Japan cooperate on "
            "through it):",
            [
                "G4 — reform of the UN Security Council",
                "QUAD — maritime security, critical technologies and resilient supply chains",
                "SCRI — digital infrastructure in India, with South Korea",
            ],
            _WHICH_PAIRS,
        ),
        options=("1 only", "2 and 3 only", "1 and 2 only", "1, 2 and 3"),
        answer="C",
        explanation=(
            "Vision IAS supports pairs 1 and 2. Pair 3 is wrong: the SCRI is with **Australia** "
            "and is about diversifying supply chains; digital infrastructure with South Korea "
            "(and the U.S.) is the DiGi Framework, per GEG365."
        ),
        facts=("G4", "QUAD", "SCRI", "DiGi Framework"),
    ),
    QuestionSpec(
        key="g7-apulia",
        topic="strategic-partnership",
        difficulty=1,
        stem="According to GEG365, the India–Japan Prime Ministers' bilateral meeting it "
        "reports was held on the sidelines of the G-7 Summit in:",
        options=("Hiroshima, Japan", "Elmau, Germany", "Cornwall, United Kingdom", "Apulia, Italy"),
        answer="D",
        explanation=(
            "GEG365 places the meeting “on the sidelines of the G-7 Summit in Apulia, Italy.” "
            "Note that GEG365 files it under 2025, while the Apulia summit itself was held in "
            "June 2024; Hiroshima hosted the G-7 in 2023."
        ),
        facts=("G-7 Apulia",),
    ),
    QuestionSpec(
        key="china-factor",
        topic="multilateral-order",
        difficulty=2,
        stem="Which factor does GEG365 identify as significantly shaping the India–Japan "
        "relationship in the Indo-Pacific?",
        options=(
            "The expansion of BRICS",
            "The rise of China and its growing influence in the region",
            "The European Union's Global Gateway strategy",
            "Russia's role in Arctic shipping routes",
        ),
        answer="B",
        explanation=(
            "GEG365: “The rise of China and its growing influence in the region is a significant "
            "factor”, and “Both India and Japan are concerned about China’s assertive behavior”. "
            "Vision IAS agrees that Japan addresses “Chinese assertiveness” through the US-led "
            "alliance system."
        ),
        facts=("China factor", "Strategic autonomy"),
    ),
    QuestionSpec(
        key="strategic-autonomy",
        topic="multilateral-order",
        difficulty=3,
        stem=_statements(
            "Consider the following statements drawn from Vision IAS's conclusion:",
            [
                "Japan addresses Chinese assertiveness and unilateralism through the US-led "
                "alliance system.",
                "India follows a non-aligned, strategic autonomy approach balancing ties with "
                "the US, Russia and the Global South.",
                "India's non-signatory status to the NPT has led Japan to restrict nuclear "
                "technology transfers.",
            ],
            _WHICH_STATEMENTS,
        ),
        options=("1 only", "1 and 2 only", "2 and 3 only", "1, 2 and 3"),
        answer="D",
        explanation=(
            "All three are in Vision IAS's conclusion: it contrasts Japan's reliance on “the "
            "US-led alliance system” with India's “non-aligned, strategic autonomy approach”, "
            "and it names “Japan's restrictions on nuclear technology transfers due to India's "
            "non-signatory status to the NPT” as a concern."
        ),
        facts=("Strategic autonomy", "NPT concern"),
    ),
    # ------------------------------------------------ Strategic Partnership
    QuestionSpec(
        key="sgsp-year",
        topic="strategic-partnership",
        difficulty=1,
        stem="In which year was the India–Japan relationship upgraded to a Special Strategic "
        "and Global Partnership?",
        options=("2006", "2011", "2014", "2017"),
        answer="C",
        explanation=(
            "Both sources give **2014**: Vision IAS says “Upgraded to Special Strategic and "
            "Global Partnership in 2014”, and GEG365 dates its “Special Global and Strategic "
            "Partnership” (SGSP) to 2014 too. 2011 is the CEPA year and 2017 the AAGC year."
        ),
        facts=("SGSP 2014", "SSGP 2014 (Vision IAS naming)"),
    ),
    QuestionSpec(
        key="sgsp-naming",
        topic="strategic-partnership",
        difficulty=3,
        stem="The two source articles name the 2014 upgrade of India–Japan ties differently. "
        "Which one of the following correctly states the difference?",
        options=(
            "GEG365 calls it the “Special Strategic and Global Partnership”; Vision IAS calls it "
            "the “Special Global and Strategic Partnership”.",
            "GEG365 calls it the “Special Global and Strategic Partnership”; Vision IAS calls it "
            "the “Special Strategic and Global Partnership”.",
            "Both use the same name, but GEG365 dates the upgrade to 2011 and Vision IAS to 2014.",
            "GEG365 calls it a “Strategic and Global Partnership”; Vision IAS calls it a "
            "“Global Partnership”.",
        ),
        answer="B",
        explanation=(
            "GEG365 writes “Special Global and Strategic Partnership” (SGSP), both in its "
            "summary and its body; Vision IAS writes “Special Strategic and Global Partnership”. "
            "The sources agree on the year, 2014; only the word order differs. The two "
            "governments' own 2014 Tokyo Declaration uses Vision IAS's order."
        ),
        facts=("SGSP 2014", "SGSP 2014 (summary)", "SSGP 2014 (Vision IAS naming)"),
    ),
    QuestionSpec(
        key="joint-vision",
        topic="strategic-partnership",
        difficulty=2,
        stem="The India–Japan Joint Vision for the Next Decade (2025) sets a strategic "
        "prioritisation for how many years, in how many lines of effort?",
        options=(
            "5 years, seven lines of effort",
            "10 years, seven lines of effort",
            "10 years, eight lines of effort",
            "15 years, eight lines of effort",
        ),
        answer="C",
        explanation=(
            "Vision IAS: “A 10-year strategic prioritization for economic and functional "
            "cooperation in eight lines of effort”. Seven is the number of IPOI pillars, which "
            "makes “10 years, seven lines of effort” the tempting distractor."
        ),
        facts=("Joint Vision 2025", "IPOI seven pillars"),
    ),
    QuestionSpec(
        key="joint-vision-lines-not",
        topic="strategic-partnership",
        difficulty=3,
        stem="Which one of the following is NOT named by Vision IAS among the lines of effort of "
        "the India–Japan Joint Vision for the Next Decade?",
        options=(
            "Nuclear Disarmament",
            "Economic Security",
            "Ecological Sustainability",
            "State-Prefecture Engagements",
        ),
        answer="A",
        explanation=(
            "Vision IAS names “Economic Partnership, Economic Security, Mobility, Ecological "
            "Sustainability, State-Prefecture Engagements, etc.” Nuclear disarmament is not "
            "among them; the only nuclear issue Vision IAS raises is Japan's restriction on "
            "technology transfers."
        ),
        facts=("Joint Vision lines of effort", "NPT concern"),
    ),
    # -------------------------------------------------------------- Energy
    QuestionSpec(
        key="cep",
        topic="energy",
        difficulty=1,
        stem="Which India–Japan initiative was established to promote cooperation in clean "
        "energy technologies and initiatives?",
        options=(
            "Comprehensive Economic Partnership Agreement (CEPA)",
            "Clean Energy Partnership (CEP)",
            "Industrial Competitiveness Partnership (IJICP)",
            "Supply Chain Resilience Initiative (SCRI)",
        ),
        answer="B",
        explanation=(
            "GEG365: India and Japan “have established the India-Japan Clean Energy Partnership "
            "(CEP) to promote cooperation in clean energy technologies and initiatives.” Do not "
            "confuse the CEP with CEPA, the 2011 trade and investment agreement."
        ),
        facts=("CEP", "CEPA 2011"),
    ),
    QuestionSpec(
        key="cep-renewables",
        topic="energy",
        difficulty=2,
        stem="According to GEG365, under the India-Japan Clean Energy Partnership Japan is "
        "investing in:",
        options=(
            "coal gasification plants in India",
            "oil and gas exploration in the Bay of Bengal",
            "solar, wind and other renewable energy projects in India",
            "only nuclear power plants in India",
        ),
        answer="C",
        explanation=(
            "GEG365: “Japan is investing in solar, wind, and other renewable energy projects in "
            "India”, which helps reduce India's dependence on fossil fuels. Nuclear energy is a "
            "separate strand of cooperation, under its own agreement."
        ),
        facts=("CEP renewables", "Civil nuclear agreement"),
    ),
    QuestionSpec(
        key="nuclear-statements",
        topic="energy",
        difficulty=2,
        stem=_statements(
            "Consider the following statements about India–Japan nuclear cooperation:",
            [
                "GEG365 says an agreement between the two countries facilitates the transfer "
                "of nuclear technology, equipment and materials for peaceful purposes.",
                "Vision IAS notes Japan's restrictions on nuclear technology transfers.",
                "Vision IAS ties those restrictions to India's non-signatory status to the NPT.",
            ],
            _WHICH_STATEMENTS,
        ),
        options=("1 only", "1 and 2 only", "2 and 3 only", "1, 2 and 3"),
        answer="D",
        explanation=(
            "All three are correct. GEG365 says the agreement “facilitates the transfer of "
            "nuclear technology, equipment, and materials for peaceful purposes”, while Vision "
            "IAS notes “Japan's restrictions on nuclear technology transfers due to India's "
            "non-signatory status to the NPT” — the two sources stress different sides."
        ),
        facts=("Civil nuclear agreement", "NPT concern"),
    ),
    QuestionSpec(
        key="npt-concern",
        topic="energy",
        difficulty=2,
        stem="Vision IAS cites which concern as the reason for Japan's restrictions on nuclear "
        "technology transfers to India?",
        options=(
            "India's non-signatory status to the NPT",
            "India's non-signatory status to the CTBT",
            "Japan's non-membership of the Nuclear Suppliers Group",
            "The absence of any India–Japan civil nuclear agreement",
        ),
        answer="A",
        explanation=(
            "Vision IAS: “Japan's restrictions on nuclear technology transfers due to India's "
            "non-signatory status to the NPT”. There is an India–Japan agreement on the peaceful "
            "uses of nuclear energy (GEG365), so the last option is wrong, and the CTBT is not "
            "mentioned."
        ),
        facts=("NPT concern", "Civil nuclear agreement"),
    ),
    # ------------------------------------------------------ Science & Space
    QuestionSpec(
        key="lupex-agencies",
        topic="science-space",
        difficulty=1,
        stem="The Lunar Polar Exploration Mission (LUPEX) is a joint project between:",
        options=("ISRO and NASA", "JAXA and ESA", "ISRO and CNES", "ISRO and JAXA"),
        answer="D",
        explanation=(
            "GEG365: LUPEX is “a joint project between the Indian Space Research Organisation "
            "(ISRO) and the Japan Aerospace Exploration Agency (JAXA)”. Vision IAS reports the "
            "2025 agreement on the same mission, which India calls Chandrayaan 5."
        ),
        facts=("LUPEX", "Chandrayaan 5"),
    ),
    QuestionSpec(
        key="lupex-target",
        topic="science-space",
        difficulty=2,
        stem="According to GEG365, LUPEX will deploy a lander and rover to:",
        options=(
            "the lunar north pole",
            "the lunar south pole",
            "the Moon's equatorial maria",
            "the far side of the Moon near the equator",
        ),
        answer="B",
        explanation=(
            "GEG365: the mission “will involve the deployment of a lander and rover to the lunar "
            "south pole”. The poles interest both agencies because they are believed to hold "
            "water ice."
        ),
        facts=("LUPEX lunar south pole", "LUPEX water ice"),
    ),
    QuestionSpec(
        key="chandrayaan-5",
        topic="science-space",
        difficulty=2,
        stem="During the Indian Prime Minister's 2025 visit, India and Japan agreed to cooperate "
        "on the Joint Lunar Polar Exploration Mission, which Vision IAS identifies as:",
        options=("Chandrayaan 3", "Chandrayaan 4", "Chandrayaan 5", "Mangalyaan 2"),
        answer="C",
        explanation=(
            "Vision IAS: “Agreement for cooperation between India and Japan on Joint Lunar Polar "
            "Exploration Mission (Chandrayaan 5).” GEG365 calls the same ISRO–JAXA mission "
            "LUPEX."
        ),
        facts=("Chandrayaan 5", "LUPEX"),
    ),
    QuestionSpec(
        key="lupex-statements",
        topic="science-space",
        difficulty=3,
        stem=_statements(
            "Consider the following statements about the Lunar Polar Exploration Mission (LUPEX):",
            [
                "It is a joint project of ISRO and JAXA.",
                "It aims to explore the lunar poles, which are believed to contain water ice.",
                "It is a trilateral mission with the U.S. and South Korea.",
            ],
            _WHICH_STATEMENTS,
        ),
        options=("1 and 2 only", "2 only", "1 and 3 only", "1, 2 and 3"),
        answer="A",
        explanation=(
            "GEG365 supports 1 and 2: LUPEX is an ISRO–JAXA project that “aims to explore the "
            "lunar poles, which are believed to contain valuable resources, including water "
            "ice.” Statement 3 borrows the partners of the DiGi Framework; LUPEX is bilateral."
        ),
        facts=("LUPEX", "LUPEX water ice", "DiGi Framework"),
    ),
)


QUIZZES = (
    QuizSpec(
        slug="economy-connectivity",
        title="Economy & Connectivity",
        description=(
            "CEPA, trade figures, the IJICP and the Economic Security Initiative, and the "
            "corridors, railways and partnerships that connect India and Japan. Feedback after "
            "each question."
        ),
        questions=(
            "cepa-year",
            "cepa-coverage",
            "cepa-aims",
            "trade-total",
            "trade-balance",
            "trade-composition",
            "ijicp",
            "economic-security-initiative",
            "largest-donor",
            "aagc-year",
            "mahsr-flagship",
            "act-east-forum",
            "state-prefecture-match",
            "mobility-partnership",
            "launch-years-pairs",
        ),
    ),
    QuizSpec(
        slug="defence-indo-pacific",
        title="Defence, Security & the Indo-Pacific",
        description=(
            "ACSA, joint exercises and security pacts, and how FOIP, IPOI, QUAD, G4 and the "
            "SCRI place India and Japan in the Indo-Pacific. Options are shuffled on each "
            "attempt."
        ),
        questions=(
            "acsa",
            "acsa-statements",
            "exercise-not-india-japan",
            "exercises-statements",
            "2015-pacts",
            "two-plus-two",
            "joint-declaration-2025",
            "foip-ipoi",
            "ipoi-pillar-not",
            "quad",
            "g4",
            "scri",
            "groupings-pairs",
            "strategic-autonomy",
            "china-factor",
        ),
        shuffle_options=True,
    ),
    QuizSpec(
        slug="science-technology-energy",
        title="Science, Technology & Energy",
        description=(
            "LUPEX and Chandrayaan 5, the DiGi Framework, the Clean Energy Partnership and "
            "civil nuclear cooperation. Feedback after each question."
        ),
        questions=(
            "lupex-agencies",
            "lupex-target",
            "chandrayaan-5",
            "lupex-statements",
            "digi-partners",
            "digi-aim",
            "cep",
            "cep-renewables",
            "nuclear-statements",
            "npt-concern",
            "economic-security-initiative",
        ),
    ),
    QuizSpec(
        slug="india-japan-relations",
        title="India–Japan Relations",
        description=(
            "Twenty questions across the whole partnership, marked UPSC style: a wrong answer "
            "costs a third of a mark. Answers and explanations are shown at the end."
        ),
        questions=(
            "sgsp-year",
            "sgsp-naming",
            "cepa-year",
            "trade-balance",
            "ijicp",
            "joint-vision",
            "economic-security-initiative",
            "state-prefecture-pairs",
            "aagc-statements",
            "africa-initiative",
            "mahsr-support",
            "digi-partners",
            "acsa",
            "exercises-statements",
            "foip-vision",
            "ipoi-pillar-count",
            "scri",
            "g4",
            "chandrayaan-5",
            "cep",
        ),
        negative_mark="1/3",
        feedback_mode="end",
    ),
    QuizSpec(
        slug="quick-five",
        title="Quick Five",
        description="Five quick questions on India–Japan relations, with feedback after each.",
        questions=("cepa-year", "aagc-year", "lupex-agencies", "ijicp", "sgsp-year"),
    ),
)


def problems() -> list[str]:
    """What is wrong with the bank's own structure (empty when it is sound)."""
    found = []
    labels = [fact.label for fact in FACTS]
    keys = [question.key for question in QUESTIONS]
    stems = [question.stem for question in QUESTIONS]
    for name, values in (("fact label", labels), ("question key", keys), ("stem", stems)):
        repeated = sorted({value for value in values if values.count(value) > 1})
        found += [f"duplicate {name}: {value!r}" for value in repeated]
    sources = {source.slug for source in SOURCES}
    topics = {topic.slug for topic in TOPICS}
    for fact in FACTS:
        if fact.source not in sources:
            found.append(f"fact {fact.label!r}: unknown source {fact.source!r}")
    for question in QUESTIONS:
        where = f"question {question.key!r}"
        if len(question.options) != len(LETTERS) or len(set(question.options)) != len(LETTERS):
            found.append(f"{where}: needs {len(LETTERS)} distinct options")
        if question.answer not in LETTERS:
            found.append(f"{where}: answer must be one of {', '.join(LETTERS)}")
        if question.topic not in topics:
            found.append(f"{where}: unknown topic {question.topic!r}")
        if not question.facts:
            found.append(f"{where}: cites no fact")
        unknown = [label for label in question.facts if label not in labels]
        found += [f"{where}: unknown fact {label!r}" for label in unknown]
    for quiz in QUIZZES:
        if len(set(quiz.questions)) != len(quiz.questions):
            found.append(f"quiz {quiz.slug!r}: lists a question twice")
        unknown = [key for key in quiz.questions if key not in keys]
        found += [f"quiz {quiz.slug!r}: unknown question {key!r}" for key in unknown]
    return found
