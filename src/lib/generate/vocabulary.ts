/**
 * The words the generator builds records from: countries (real ISO codes, in
 * a fixed order), the sector taxonomy (mirroring data/sectors.yaml, with how
 * common each sector is), institution templates, event series and the topics
 * summaries are made of. Nothing here is random; the generator draws from it.
 */
import { COUNTRY_CODES } from "../model/countries.js";
import type { ACTIONS, EVENT_KINDS, INSTITUTION_TYPES, STRENGTHS } from "../model/schema.js";

type InstitutionType = (typeof INSTITUTION_TYPES)[number];
type EventKind = (typeof EVENT_KINDS)[number];
export type Action = (typeof ACTIONS)[number];
export type Strength = (typeof STRENGTHS)[number];

/** Countries active in bilateral commissions first (with capitals), then every other code alphabetically. */
const PREFERRED: [code: string, capital: string][] = [
  ["PK", "Islamabad"],
  ["BY", "Minsk"],
  ["CN", "Beijing"],
  ["RU", "Moscow"],
  ["TR", "Ankara"],
  ["KZ", "Astana"],
  ["UZ", "Tashkent"],
  ["DE", "Berlin"],
  ["IN", "New Delhi"],
  ["AE", "Abu Dhabi"],
  ["SA", "Riyadh"],
  ["EG", "Cairo"],
  ["IR", "Tehran"],
  ["AZ", "Baku"],
  ["VN", "Hanoi"],
  ["BR", "Brasília"],
  ["ZA", "Pretoria"],
  ["ID", "Jakarta"],
  ["MY", "Kuala Lumpur"],
  ["GB", "London"],
  ["FR", "Paris"],
  ["IT", "Rome"],
  ["JP", "Tokyo"],
  ["KR", "Seoul"],
  ["US", "Washington"],
  ["NG", "Abuja"],
  ["ET", "Addis Ababa"],
  ["KE", "Nairobi"],
  ["MX", "Mexico City"],
  ["AR", "Buenos Aires"],
];

export const CAPITALS: ReadonlyMap<string, string> = new Map(PREFERRED);

/** Every country code in the order the generator takes them: `--countries 8` takes the first eight. */
export const COUNTRY_ORDER: readonly string[] = [
  ...PREFERRED.map(([code]) => code),
  ...[...COUNTRY_CODES].filter((code) => !CAPITALS.has(code)),
];

export interface SectorSpec {
  id: string;
  label: string;
  color: string;
  description: string;
  /** Relative frequency among commitments. */
  weight: number;
  /** Noun phrases summaries are built from (lower case, no commas). */
  topics: string[];
}

/** The sector taxonomy of data/sectors.yaml (ids, labels, colours), with weights: trade and industry common, sports rare. */
export const SECTORS: readonly SectorSpec[] = [
  {
    id: "political",
    label: "Diplomatic framework",
    color: "#79706e",
    description: "Declarations, treaties, joint statements, roadmaps and the machinery of follow-up meetings.",
    weight: 8,
    topics: [
      "a roadmap for bilateral cooperation",
      "regular political consultations",
      "a joint statement on strategic partnership",
      "the agenda of the next session",
      "consultations between the foreign ministries",
      "a treaty of friendship and cooperation",
    ],
  },
  {
    id: "trade",
    label: "Trade & investment",
    color: "#e15759",
    description: "Trade targets and roadmaps, trade promotion, business forums, investment and company deals.",
    weight: 15,
    topics: [
      "a bilateral trade target",
      "a joint trade roadmap",
      "trade missions to each other's markets",
      "e-commerce links between exporters",
      "a preferential trade arrangement",
      "support for small exporters",
      "a trade house in the capital",
      "protection of mutual investments",
    ],
  },
  {
    id: "industry",
    label: "Industry & machinery",
    color: "#4e79a7",
    description: "Joint assembly and manufacturing, industrial joint ventures and the industrial working group.",
    weight: 12,
    topics: [
      "joint assembly of tractors",
      "a plant for agricultural machinery",
      "assembly of electric buses",
      "an industrial joint venture",
      "supply of engines and spare parts",
      "production of tyres",
      "manufacture of power transformers",
    ],
  },
  {
    id: "agriculture",
    label: "Agriculture & food security",
    color: "#59a14f",
    description: "Crops and seeds, livestock, veterinary and plant protection, fisheries and food security.",
    weight: 11,
    topics: [
      "seed production",
      "veterinary cooperation",
      "exports of dairy products",
      "joint agricultural research",
      "plant protection and quarantine",
      "fisheries and aquaculture",
      "food security",
    ],
  },
  {
    id: "energy",
    label: "Energy",
    color: "#f28e2b",
    description: "Power generation and grids, energy equipment and cooperation between energy ministries.",
    weight: 7,
    topics: [
      "modernisation of the power grid",
      "a joint power project",
      "supply of energy equipment",
      "renewable energy pilots",
      "energy efficiency standards",
    ],
  },
  {
    id: "transport_logistics",
    label: "Transport & logistics",
    color: "#76b7b2",
    description: "Road transport, aviation, logistics services and connectivity.",
    weight: 6,
    topics: [
      "direct flights between the capitals",
      "road freight permits",
      "a logistics corridor",
      "rail freight services",
      "an air services agreement",
    ],
  },
  {
    id: "customs",
    label: "Customs",
    color: "#499894",
    description: "Cooperation between customs services, customs statistics and clearance.",
    weight: 3,
    topics: [
      "exchange of customs statistics",
      "simplified customs clearance",
      "mutual recognition of authorised operators",
      "electronic exchange of customs data",
    ],
  },
  {
    id: "banking_finance",
    label: "Banking & finance",
    color: "#b6992d",
    description: "Correspondent banking, export credit, leasing and inter-bank cooperation.",
    weight: 5,
    topics: [
      "correspondent banking relations",
      "export credit lines",
      "a leasing company for machinery",
      "settlements in national currencies",
      "cooperation between the central banks",
    ],
  },
  {
    id: "health_pharma",
    label: "Health & pharmaceuticals",
    color: "#ff9d9a",
    description: "Medicines, medical devices, drug regulation and registration, and health cooperation.",
    weight: 5,
    topics: [
      "registration of medicines",
      "joint production of vaccines",
      "supply of medical devices",
      "mutual recognition of GMP inspections",
      "training of doctors",
    ],
  },
  {
    id: "labour_migration",
    label: "Labour & migration",
    color: "#d37295",
    description: "Labour mobility, skilled workers, workers' rights and readmission of migrants.",
    weight: 3,
    topics: [
      "recruitment of skilled workers",
      "protection of migrant workers' rights",
      "a readmission agreement",
      "labour mobility",
      "pre-departure training for workers",
    ],
  },
  {
    id: "vocational_education",
    label: "Vocational education & skills",
    color: "#fabfd2",
    description: "Technical and vocational training, skills competitions and cooperation between training bodies.",
    weight: 3,
    topics: [
      "technical and vocational training",
      "exchange of training instructors",
      "joint skills competitions",
      "a vocational training centre",
    ],
  },
  {
    id: "culture_education",
    label: "Higher education & culture",
    color: "#b07aa1",
    description: "Universities, academic exchanges and cultural cooperation.",
    weight: 5,
    topics: [
      "student exchanges",
      "scholarships for students",
      "days of culture",
      "joint degree programmes",
      "cooperation between universities",
    ],
  },
  {
    id: "science_technology",
    label: "Science & technology",
    color: "#d4a6c8",
    description: "Academies of sciences, research councils, joint research and project competitions.",
    weight: 5,
    topics: [
      "joint research projects",
      "cooperation between the academies of sciences",
      "a joint technology park",
      "joint calls for research proposals",
    ],
  },
  {
    id: "standards",
    label: "Standards & accreditation",
    color: "#9d7660",
    description: "Standardisation, certification, quality control, metrology and accreditation.",
    weight: 3,
    topics: [
      "mutual recognition of certificates",
      "harmonisation of standards",
      "cooperation in metrology",
      "accreditation of laboratories",
    ],
  },
  {
    id: "environment",
    label: "Environment",
    color: "#8cd17d",
    description: "Environmental protection, climate and the agreements and action plans on them.",
    weight: 3,
    topics: ["climate adaptation", "protection of wetlands", "an environmental action plan", "air quality monitoring"],
  },
  {
    id: "disaster_management",
    label: "Disaster management",
    color: "#f1ce63",
    description: "Emergency response, fire-fighting and rescue equipment, training of rescuers.",
    weight: 1.5,
    topics: [
      "emergency response training",
      "supply of fire-fighting equipment",
      "joint rescue exercises",
      "early warning systems",
    ],
  },
  {
    id: "media",
    label: "Media & broadcasting",
    color: "#a0cbe8",
    description: "State broadcasters, news exchange and journalism.",
    weight: 1,
    topics: ["news exchange between agencies", "co-production of documentaries", "training of journalists"],
  },
  {
    id: "tourism",
    label: "Tourism",
    color: "#ffbe7d",
    description: "Tourism promotion, tourism exhibitions and forums.",
    weight: 2,
    topics: ["tourism promotion", "a joint tourism exhibition", "simplified visas for tourist groups"],
  },
  {
    id: "sports",
    label: "Sports",
    color: "#86bcb6",
    description: "Exchanges on sports facilities and competitions.",
    weight: 1,
    topics: [
      "exchanges between sports federations",
      "joint training camps for athletes",
      "cooperation on sports facilities",
    ],
  },
  {
    id: "textiles",
    label: "Textiles",
    color: "#bcbd22",
    description: "The textile industry and textile trade.",
    weight: 2,
    topics: ["supply of textile machinery", "trade in cotton yarn", "a joint textile venture"],
  },
  {
    id: "post_communications",
    label: "Post & communications",
    color: "#17becf",
    description: "Postal services and communications.",
    weight: 1.5,
    topics: ["postal services", "exchange of postal items", "telecommunications links"],
  },
  {
    id: "defence_security",
    label: "Defence & security",
    color: "#843c39",
    description: "Military-technical cooperation, defence production, interior ministries and police.",
    weight: 3,
    topics: ["military-technical cooperation", "joint counter-narcotics work", "police training", "defence production"],
  },
  {
    id: "justice_legal",
    label: "Justice & legal",
    color: "#6b6ecf",
    description: "Extradition, mutual legal assistance and anti-money-laundering information exchange.",
    weight: 2,
    topics: ["mutual legal assistance", "an extradition treaty", "exchange of information on money laundering"],
  },
  {
    id: "audit",
    label: "State audit",
    color: "#bab0ac",
    description: "Cooperation between supreme audit institutions.",
    weight: 1,
    topics: ["cooperation between supreme audit institutions", "joint audit training"],
  },
];

export const SECTOR_INDEX: ReadonlyMap<string, number> = new Map(SECTORS.map((s, i) => [s.id, i]));

export interface InstitutionTemplate {
  slug: string;
  /** Full name, given the country's name. */
  name: (country: string) => string;
  acronym?: string;
  type: InstitutionType;
  /** Sectors it is usually a party in. */
  sectors: string[];
  aliases?: (country: string) => string[];
}

/** Institutions every country gets first, in order of how often they appear in commitments. */
export const INSTITUTION_TEMPLATES: readonly InstitutionTemplate[] = [
  {
    slug: "government",
    name: (c) => `Government of ${c}`,
    type: "government",
    sectors: [],
    aliases: (c) => [c],
  },
  {
    slug: "mfa",
    name: (c) => `Ministry of Foreign Affairs (${c})`,
    acronym: "MFA",
    type: "ministry",
    sectors: ["political"],
    aliases: (c) => [`Foreign Ministry of ${c}`],
  },
  { slug: "mot", name: (c) => `Ministry of Trade (${c})`, acronym: "MoT", type: "ministry", sectors: ["trade"] },
  {
    slug: "moi",
    name: (c) => `Ministry of Industry (${c})`,
    acronym: "MoI",
    type: "ministry",
    sectors: ["industry", "textiles"],
  },
  {
    slug: "moa",
    name: (c) => `Ministry of Agriculture (${c})`,
    acronym: "MoA",
    type: "ministry",
    sectors: ["agriculture"],
  },
  {
    slug: "moe",
    name: (c) => `Ministry of Economy (${c})`,
    acronym: "MoE",
    type: "ministry",
    sectors: ["trade", "political", "banking_finance"],
  },
  { slug: "energy", name: (c) => `Ministry of Energy (${c})`, type: "ministry", sectors: ["energy"] },
  {
    slug: "cci",
    name: (c) => `Chamber of Commerce and Industry of ${c}`,
    acronym: "CCI",
    type: "chamber",
    sectors: ["trade", "industry"],
  },
  {
    slug: "transport",
    name: (c) => `Ministry of Transport (${c})`,
    type: "ministry",
    sectors: ["transport_logistics"],
  },
  {
    slug: "mof",
    name: (c) => `Ministry of Finance (${c})`,
    acronym: "MoF",
    type: "ministry",
    sectors: ["banking_finance", "audit"],
  },
  { slug: "health", name: (c) => `Ministry of Health (${c})`, type: "ministry", sectors: ["health_pharma"] },
  {
    slug: "education",
    name: (c) => `Ministry of Education (${c})`,
    type: "ministry",
    sectors: ["culture_education", "vocational_education"],
  },
  {
    slug: "nas",
    name: (c) => `National Academy of Sciences of ${c}`,
    acronym: "NAS",
    type: "academy",
    sectors: ["science_technology"],
  },
  { slug: "customs", name: (c) => `State Customs Committee (${c})`, type: "agency", sectors: ["customs"] },
  { slug: "central-bank", name: (c) => `Central Bank of ${c}`, type: "central_bank", sectors: ["banking_finance"] },
  {
    slug: "standards",
    name: (c) => `National Standards Institute (${c})`,
    acronym: "NSI",
    type: "regulator",
    sectors: ["standards"],
  },
  {
    slug: "labour",
    name: (c) => `Ministry of Labour (${c})`,
    type: "ministry",
    sectors: ["labour_migration", "vocational_education"],
  },
  {
    slug: "mod",
    name: (c) => `Ministry of Defence (${c})`,
    acronym: "MoD",
    type: "ministry",
    sectors: ["defence_security"],
  },
  {
    slug: "interior",
    name: (c) => `Ministry of Internal Affairs (${c})`,
    type: "ministry",
    sectors: ["defence_security", "justice_legal", "labour_migration"],
  },
  {
    slug: "emergencies",
    name: (c) => `Ministry of Emergency Situations (${c})`,
    type: "ministry",
    sectors: ["disaster_management"],
  },
  {
    slug: "culture",
    name: (c) => `Ministry of Culture (${c})`,
    type: "ministry",
    sectors: ["culture_education", "media", "tourism"],
  },
  {
    slug: "environment",
    name: (c) => `Ministry of Natural Resources and Environmental Protection (${c})`,
    type: "ministry",
    sectors: ["environment"],
  },
  { slug: "justice", name: (c) => `Ministry of Justice (${c})`, type: "ministry", sectors: ["justice_legal"] },
  {
    slug: "communications",
    name: (c) => `Ministry of Communications (${c})`,
    type: "ministry",
    sectors: ["post_communications", "media"],
  },
  {
    slug: "sport-tourism",
    name: (c) => `Ministry of Sport and Tourism (${c})`,
    type: "ministry",
    sectors: ["sports", "tourism"],
  },
  {
    slug: "president",
    name: (c) => `Office of the President of ${c}`,
    type: "head_of_state",
    sectors: ["political"],
  },
  { slug: "parliament", name: (c) => `National Assembly of ${c}`, type: "parliament", sectors: ["political"] },
  {
    slug: "investment",
    name: (c) => `Investment Promotion Agency (${c})`,
    acronym: "IPA",
    type: "agency",
    sectors: ["trade"],
  },
  {
    slug: "drap",
    name: (c) => `Drug Regulatory Authority (${c})`,
    acronym: "DRA",
    type: "regulator",
    sectors: ["health_pharma"],
  },
  {
    slug: "vocational",
    name: (c) => `Vocational Training Authority (${c})`,
    acronym: "VTA",
    type: "agency",
    sectors: ["vocational_education"],
  },
  {
    slug: "exim",
    name: (c) => `Export-Import Bank of ${c}`,
    acronym: "EXIM",
    type: "bank",
    sectors: ["banking_finance", "trade"],
  },
  { slug: "audit", name: (c) => `Supreme Audit Office (${c})`, type: "agency", sectors: ["audit"] },
  {
    slug: "broadcaster",
    name: (c) => `National Broadcasting Company (${c})`,
    type: "broadcaster",
    sectors: ["media"],
  },
  { slug: "post", name: (c) => `National Post (${c})`, type: "state_company", sectors: ["post_communications"] },
  {
    slug: "airline",
    name: (c) => `National Airline (${c})`,
    type: "state_company",
    sectors: ["transport_logistics", "tourism"],
  },
  {
    slug: "state-university",
    name: (c) => `State University (${c})`,
    type: "university",
    sectors: ["culture_education", "science_technology"],
  },
  {
    slug: "agri-research",
    name: (c) => `Agricultural Research Council (${c})`,
    type: "research_institute",
    sectors: ["agriculture", "science_technology"],
  },
  { slug: "tourism-board", name: (c) => `Tourism Board (${c})`, type: "agency", sectors: ["tourism"] },
  { slug: "olympic", name: (c) => `National Olympic Committee (${c})`, type: "other", sectors: ["sports"] },
  {
    slug: "railways",
    name: (c) => `State Railways (${c})`,
    type: "state_company",
    sectors: ["transport_logistics"],
  },
  { slug: "grid", name: (c) => `National Power Grid Company (${c})`, type: "state_company", sectors: ["energy"] },
  {
    slug: "textile-association",
    name: (c) => `Textile Manufacturers' Association (${c})`,
    type: "other",
    sectors: ["textiles"],
  },
  { slug: "news-agency", name: (c) => `National News Agency (${c})`, type: "broadcaster", sectors: ["media"] },
  {
    slug: "ndma",
    name: (c) => `National Disaster Management Authority (${c})`,
    acronym: "NDMA",
    type: "agency",
    sectors: ["disaster_management"],
  },
  {
    slug: "technical-university",
    name: (c) => `Technical University (${c})`,
    type: "university",
    sectors: ["vocational_education", "science_technology"],
  },
  {
    slug: "medical-university",
    name: (c) => `Medical University (${c})`,
    type: "university",
    sectors: ["health_pharma"],
  },
];

/** Companies fill the rest: a place-like prefix and a line of business. */
export const COMPANY_PREFIXES = [
  "Northern",
  "Southern",
  "Eastern",
  "Western",
  "Central",
  "United",
  "Capital",
  "Coastal",
  "Highland",
  "Riverside",
  "Golden",
  "Union",
] as const;

export const COMPANY_LINES: readonly { name: string; slug: string; type: InstitutionType; sectors: string[] }[] = [
  { name: "Tractor Works", slug: "tractor", type: "state_company", sectors: ["industry", "agriculture"] },
  { name: "Machine-Building Plant", slug: "machinery", type: "company", sectors: ["industry"] },
  { name: "Textile Mills", slug: "textile", type: "company", sectors: ["textiles"] },
  { name: "Pharmaceuticals", slug: "pharma", type: "company", sectors: ["health_pharma"] },
  { name: "Agro Holding", slug: "agro", type: "company", sectors: ["agriculture"] },
  { name: "Power Engineering", slug: "power", type: "company", sectors: ["energy"] },
  { name: "Logistics", slug: "logistics", type: "company", sectors: ["transport_logistics"] },
  { name: "Commercial Bank", slug: "bank", type: "bank", sectors: ["banking_finance"] },
  { name: "Telecom", slug: "telecom", type: "company", sectors: ["post_communications"] },
  { name: "Steel Works", slug: "steel", type: "company", sectors: ["industry"] },
  { name: "Dairy Products", slug: "dairy", type: "company", sectors: ["agriculture"] },
  { name: "Media Group", slug: "media", type: "company", sectors: ["media"] },
  {
    name: "Bus and Truck Works",
    slug: "vehicles",
    type: "state_company",
    sectors: ["industry", "transport_logistics"],
  },
  { name: "Fertiliser Plant", slug: "fertiliser", type: "company", sectors: ["agriculture", "industry"] },
  { name: "Trading House", slug: "trading", type: "company", sectors: ["trade"] },
  { name: "Construction", slug: "construction", type: "company", sectors: ["industry", "energy"] },
];

export interface SeriesSpec {
  slug: string;
  kind: EventKind;
  /** Series name, given the pair "A–B". */
  name: (pair: string) => string;
  /** Sector most of its commitments are in, if any. */
  sector?: string;
  /** Share of events. */
  weight: number;
  /** Relative number of commitments per event. */
  size: number;
}

/** What each sector's working group is called ("Working Group on Trade"). */
const WORKING_GROUPS: Record<string, string> = {
  trade: "Trade",
  industry: "Industrial Cooperation",
  agriculture: "Agriculture",
  energy: "Energy",
  transport_logistics: "Transport",
  customs: "Customs Cooperation",
  banking_finance: "Banking and Finance",
  health_pharma: "Health and Pharmaceuticals",
  labour_migration: "Labour Migration",
  vocational_education: "Vocational Training",
  culture_education: "Education and Culture",
  science_technology: "Science and Technology",
  standards: "Standardisation",
  environment: "Environmental Protection",
  disaster_management: "Emergency Situations",
  media: "Media",
  tourism: "Tourism",
  sports: "Sports",
  textiles: "Textiles",
  post_communications: "Communications",
  defence_security: "Security",
  justice_legal: "Legal Cooperation",
  audit: "State Audit",
};

/**
 * Recurring meetings of a country pair; sessions are numbered within each: a
 * joint commission, a working group per sector (busier sectors meet more),
 * and business and investment forums.
 */
const WORKING_GROUP_WEIGHT = SECTORS.filter((s) => WORKING_GROUPS[s.id]).reduce((sum, s) => sum + s.weight, 0);

export const SERIES: readonly SeriesSpec[] = [
  { slug: "jc", kind: "commission_session", name: (p) => `${p} Joint Commission`, weight: 15, size: 3 },
  ...SECTORS.filter((s) => WORKING_GROUPS[s.id]).map(
    (s): SeriesSpec => ({
      slug: `wg-${s.id.replace(/_/g, "-")}`,
      kind: "working_group",
      name: (p) => `${p} Working Group on ${WORKING_GROUPS[s.id]}`,
      sector: s.id,
      weight: (30 * s.weight) / WORKING_GROUP_WEIGHT,
      size: 1.5,
    }),
  ),
  { slug: "bf", kind: "business_forum", name: (p) => `${p} Business Forum`, sector: "trade", weight: 9, size: 1 },
  {
    slug: "if",
    kind: "business_forum",
    name: (p) => `${p} Investment Forum`,
    sector: "trade",
    weight: 6,
    size: 1,
  },
];

export interface OneOffSpec {
  slug: string;
  kind: EventKind;
  /** Title, given the host country and the guest country. */
  title: (host: string, guest: string) => string;
  weight: number;
  size: number;
}

/** Events outside any series: visits, meetings, reports. */
export const ONE_OFFS: readonly OneOffSpec[] = [
  {
    slug: "state-visit",
    kind: "state_visit",
    title: (h, g) => `State visit of the President of ${g} to ${h}`,
    weight: 5,
    size: 2,
  },
  {
    slug: "official-visit",
    kind: "official_visit",
    title: (h, g) => `Official visit of the Prime Minister of ${g} to ${h}`,
    weight: 7,
    size: 1.5,
  },
  {
    slug: "minister-visit",
    kind: "ministerial_visit",
    title: (h, g) => `Visit of a minister of ${g} to ${h}`,
    weight: 12,
    size: 0.8,
  },
  {
    slug: "delegation",
    kind: "delegation_visit",
    title: (h, g) => `Visit of a delegation from ${g} to ${h}`,
    weight: 7,
    size: 0.6,
  },
  {
    slug: "leaders",
    kind: "leaders_meeting",
    title: (h, g) => `Talks between the leaders of ${h} and ${g}`,
    weight: 3,
    size: 1.2,
  },
  {
    slug: "sideline",
    kind: "sideline_meeting",
    title: (h, g) => `Meeting of ${h} and ${g} officials on the sidelines of a summit`,
    weight: 3,
    size: 0.5,
  },
  {
    slug: "parliament",
    kind: "parliamentary",
    title: (h, g) => `Meeting of the ${h}–${g} parliamentary friendship groups`,
    weight: 2,
    size: 0.5,
  },
  {
    slug: "report",
    kind: "report",
    title: (h, g) => `Report on cooperation between ${h} and ${g}`,
    weight: 1,
    size: 0.5,
  },
];

/** Ministries whose heads co-chair the joint commissions. */
export const CO_CHAIR_OFFICES = [
  "Minister of Trade",
  "Minister of Industry",
  "Minister of Economy",
  "Minister of Foreign Affairs",
  "Minister of Agriculture",
  "Deputy Prime Minister",
  "Minister of Energy",
  "Minister of Finance",
] as const;

export interface ActionSpec {
  action: Action;
  weight: number;
  /** Strengths it takes, with weights. */
  strengths: [Strength, number][];
  /** Sentence opening, given the topic and the country that acts. */
  sentence: (topic: string, country: string) => string;
}

export const ACTION_SPECS: readonly ActionSpec[] = [
  {
    action: "agreed",
    weight: 30,
    strengths: [
      ["intent", 7],
      ["firm", 3],
    ],
    sentence: (t) => `The sides agreed on ${t}`,
  },
  {
    action: "committed",
    weight: 15,
    strengths: [
      ["firm", 8],
      ["intent", 2],
    ],
    sentence: (t, c) => `${c} committed to support ${t}`,
  },
  {
    action: "signed",
    weight: 15,
    strengths: [["firm", 1]],
    sentence: (t) => `A memorandum on ${t} was signed`,
  },
  {
    action: "will_sign",
    weight: 8,
    strengths: [
      ["intent", 7],
      ["firm", 3],
    ],
    sentence: (t) => `The sides will sign an agreement on ${t}`,
  },
  {
    action: "explore",
    weight: 12,
    strengths: [
      ["exploratory", 9],
      ["intent", 1],
    ],
    sentence: (t) => `The sides agreed to explore ${t}`,
  },
  {
    action: "renew",
    weight: 4,
    strengths: [
      ["firm", 8],
      ["intent", 2],
    ],
    sentence: (t) => `The agreement on ${t} was renewed`,
  },
  {
    action: "implement",
    weight: 8,
    strengths: [
      ["firm", 8],
      ["intent", 2],
    ],
    sentence: (t) => `A plan for ${t} is to be implemented`,
  },
  {
    action: "host",
    weight: 4,
    strengths: [
      ["intent", 7],
      ["firm", 3],
    ],
    sentence: (t, c) => `${c} will host talks on ${t}`,
  },
  {
    action: "facilitate",
    weight: 4,
    strengths: [
      ["intent", 7],
      ["firm", 3],
    ],
    sentence: (t, c) => `${c} will facilitate ${t}`,
  },
];

/** Endings that follow a comma (so summaries exercise CSV quoting). */
export const CLAUSES = [
  ", with a first review at the next session",
  ", subject to funding from both sides",
  ", building on talks held earlier",
  ", with officials to report back within six months",
  ", starting with a pilot in one region",
  ", as proposed by the business community",
] as const;

export const TARGET_NOTES = [
  "During the next visit of the head of government",
  "Before the next session of the commission",
  "Once the budget for the project is approved",
  "Within the current five-year plan",
] as const;

export const COMMITMENT_NOTES = [
  "The date is inferred from the publication date of the source.",
  "Sources differ on which ministry leads this work.",
  "Reported by one source only.",
  'The source calls it a "roadmap"; no text has been published.',
  "The wording suggests intent rather than a firm promise.",
  "The amount involved was not disclosed, and later reports are silent.",
] as const;

/** A note over two lines: rare, but CSV readers must handle line breaks inside quotes. */
export const MULTILINE_NOTE = "Two sources report this differently.\nThe later one, a ministry statement, is followed.";

export const EVENT_NOTES = [
  "The exact dates of the meeting are not given in the sources.",
  "Only one side reported the meeting.",
  "The venue is reported differently in two sources.",
] as const;

export const INSTITUTION_NOTES = [
  "Sources use several names for this body; the official name is given.",
  "The body was reorganised during the period covered.",
] as const;

export const UPDATE_SENTENCES: Record<"in_progress" | "done" | "stalled" | "dropped", ((t: string) => string)[]> = {
  in_progress: [
    (t) => `Officials reported that work on ${t} had started.`,
    (t) => `A working group on ${t} met for the first time.`,
    (t) => `Draft texts on ${t} were exchanged, and talks continue.`,
  ],
  done: [
    (t) => `The agreement on ${t} was signed.`,
    (t) => `Work on ${t} was reported complete.`,
    (t) => `The first results of the work on ${t} were presented.`,
  ],
  stalled: [
    (t) => `No progress on ${t} was reported at the following meeting.`,
    (t) => `Talks on ${t} were put on hold.`,
  ],
  dropped: [(t) => `The plan for ${t} was abandoned.`, (t) => `Neither side has pursued ${t} since.`],
};

export const PUBLISHERS = [
  (c: string) => `Ministry of Foreign Affairs (${c})`,
  (c: string) => `${c} News Agency`,
  (c: string) => `Press Office of the Government of ${c}`,
  () => "The Daily Chronicle",
  () => "Business Herald",
  () => "Regional Times",
] as const;

export const OTHER_LANGUAGES = ["ru", "de", "fr", "ar", "zh", "es", "tr"] as const;

const ORDINAL_SUFFIX = ["th", "st", "nd", "rd"];
export function ordinal(n: number): string {
  const v = n % 100;
  return `${n}${ORDINAL_SUFFIX[(v - 20) % 10] ?? ORDINAL_SUFFIX[v] ?? ORDINAL_SUFFIX[0]}`;
}
