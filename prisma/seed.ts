// Demo data: the facts of the two source texts (/work/shared/seeds) and DOMAIN.md as organizations,
// campaigns, actions, outcomes and the links between them, so a newcomer can find each fact in the app.
// Idempotent: if the demo admin exists it does nothing; otherwise it creates everything in one
// transaction (a failed run leaves nothing behind and can simply be repeated).
// Run: npx tsx prisma/seed.ts (or `prisma db seed`), with DATABASE_URL set.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import {
  DEMO_PASSWORD,
  makeAction,
  makeCampaign,
  makeLink,
  makeOrganization,
  makeOutcome,
  makeUser,
  type ActionOverrides,
  type FactoryDb,
  type OutcomeOverrides,
} from "./factories";
import { ensureVocabulary } from "./vocabulary";

const ADMIN_EMAIL = "admin@example.org";

const DEMO_USERS: { key: UserKey; email: string; name: string; role: Role }[] = [
  { key: "staff", email: "staff@example.org", name: "Olena Kovalenko", role: "STAFF" },
  { key: "manager", email: "manager@example.org", name: "Andrii Melnyk", role: "MANAGER" },
  { key: "auditor", email: "auditor@example.org", name: "Iryna Shevchenko", role: "AUDITOR" },
  { key: "admin", email: ADMIN_EMAIL, name: "Taras Bondar", role: "ADMIN" },
  { key: "second", email: "second.staff@example.org", name: "Maksym Tkachenko", role: "STAFF" },
];
type UserKey = "staff" | "manager" | "auditor" | "admin" | "second";

// Source citations used by several outcomes.
const UKRINFORM =
  "Ukrinform (via MENAFN): “The Office of the Ombudsman of Ukraine is working to expel the Russian Federation " +
  "from all international human rights institutions”, quoting D. Lubinets (Telegram), December 2024";
const UNN =
  "UNN: “Russia withdraws from the Convention against Torture: Ukrainian Foreign Ministry called it an admission " +
  "of crimes” (Kyiv, 2025)";

/** "YYYY-MM-DD" n days from today (UTC): keeps the "upcoming" follow-ups in the future whenever the seed runs. */
const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------
// Organizations: the hierarchy of DOMAIN.md. `key` only names the row inside this script.

type OrgSpec = {
  key: string;
  name: string;
  nameUk: string;
  acronym?: string;
  kind: string;
  country?: string;
  website?: string;
  notes?: string;
  children?: OrgSpec[];
};

const ORGANIZATIONS: OrgSpec[] = [
  {
    key: "ganhri",
    name: "Global Alliance of National Human Rights Institutions",
    nameUk: "Глобальний альянс національних правозахисних установ",
    acronym: "GANHRI",
    kind: "NETWORK",
    website: "https://ganhri.org",
    children: [
      {
        key: "sca",
        name: "GANHRI Sub-Committee on Accreditation",
        nameUk: "Підкомітет з акредитації ГАНРІ",
        acronym: "SCA",
        kind: "NETWORK_BODY",
        notes: "Sits twice a year (around March and October); a recommendation may be challenged within about 28 days.",
      },
      { key: "ganhriBureau", name: "GANHRI Bureau", nameUk: "Бюро ГАНРІ", kind: "NETWORK_BODY" },
    ],
  },
  {
    key: "ennhri",
    name: "European Network of National Human Rights Institutions",
    nameUk: "Європейська мережа національних правозахисних установ",
    acronym: "ENNHRI",
    kind: "NETWORK",
    website: "https://ennhri.org",
    children: [
      { key: "ennhriBoard", name: "ENNHRI Board", nameUk: "Правління ENNHRI", kind: "NETWORK_BODY" },
      { key: "ennhriGA", name: "ENNHRI General Assembly", nameUk: "Генеральна асамблея ENNHRI", kind: "NETWORK_BODY" },
    ],
  },
  {
    key: "ioi",
    name: "International Ombudsman Institute",
    nameUk: "Міжнародний інститут омбудсмана",
    acronym: "IOI",
    kind: "NETWORK",
    website: "https://www.theioi.org",
    children: [
      { key: "ioiBoard", name: "IOI Board of Directors", nameUk: "Рада директорів Міжнародного інституту омбудсмана", kind: "NETWORK_BODY" },
      { key: "ioiEurope", name: "IOI European Region", nameUk: "Європейський регіон Міжнародного інституту омбудсмана", kind: "NETWORK_BODY" },
    ],
  },
  {
    key: "aom",
    name: "Association of Mediterranean Ombudsmen",
    nameUk: "Асоціація омбудсманів Середземномор'я",
    acronym: "AOM",
    kind: "NETWORK",
  },
  {
    key: "un",
    name: "United Nations",
    nameUk: "Організація Об'єднаних Націй",
    acronym: "UN",
    kind: "INTERGOVERNMENTAL",
    website: "https://www.un.org",
    children: [
      {
        key: "ohchr",
        name: "Office of the UN High Commissioner for Human Rights",
        nameUk: "Управління Верховного комісара ООН з прав людини",
        acronym: "OHCHR",
        kind: "UN_BODY",
        website: "https://www.ohchr.org",
      },
      { key: "hrc", name: "Human Rights Council", nameUk: "Рада ООН з прав людини", acronym: "HRC", kind: "UN_BODY" },
      {
        key: "upr",
        name: "Working Group on the Universal Periodic Review",
        nameUk: "Робоча група з Універсального періодичного огляду",
        acronym: "UPR WG",
        kind: "UN_BODY",
      },
      { key: "ccpr", name: "Human Rights Committee", nameUk: "Комітет ООН з прав людини", acronym: "CCPR", kind: "TREATY_BODY" },
      {
        key: "cescr",
        name: "Committee on Economic, Social and Cultural Rights",
        nameUk: "Комітет з економічних, соціальних і культурних прав",
        acronym: "CESCR",
        kind: "TREATY_BODY",
      },
      {
        key: "cerd",
        name: "Committee on the Elimination of Racial Discrimination",
        nameUk: "Комітет з ліквідації расової дискримінації",
        acronym: "CERD",
        kind: "TREATY_BODY",
      },
      {
        key: "cedaw",
        name: "Committee on the Elimination of Discrimination against Women",
        nameUk: "Комітет з ліквідації дискримінації щодо жінок",
        acronym: "CEDAW",
        kind: "TREATY_BODY",
      },
      { key: "cat", name: "Committee against Torture", nameUk: "Комітет проти катувань", acronym: "CAT", kind: "TREATY_BODY" },
      {
        key: "spt",
        name: "Subcommittee on Prevention of Torture",
        nameUk: "Підкомітет з попередження катувань",
        acronym: "SPT",
        kind: "TREATY_BODY",
      },
      { key: "crc", name: "Committee on the Rights of the Child", nameUk: "Комітет з прав дитини", acronym: "CRC", kind: "TREATY_BODY" },
      {
        key: "cmw",
        name: "Committee on Migrant Workers",
        nameUk: "Комітет із захисту прав усіх трудящих-мігрантів і членів їхніх сімей",
        acronym: "CMW",
        kind: "TREATY_BODY",
      },
      {
        key: "crpd",
        name: "Committee on the Rights of Persons with Disabilities",
        nameUk: "Комітет з прав осіб з інвалідністю",
        acronym: "CRPD",
        kind: "TREATY_BODY",
      },
      {
        key: "ced",
        name: "Committee on Enforced Disappearances",
        nameUk: "Комітет з питань насильницьких зникнень",
        acronym: "CED",
        kind: "TREATY_BODY",
      },
      {
        key: "specialProcedures",
        name: "Special Procedures of the Human Rights Council",
        nameUk: "Спеціальні процедури Ради ООН з прав людини",
        kind: "SPECIAL_PROCEDURE",
        children: [
          {
            key: "srTorture",
            name: "Special Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment",
            nameUk: "Спеціальний доповідач з питань катувань та інших жорстоких, нелюдських або таких, що принижують гідність, видів поводження і покарання",
            kind: "SPECIAL_PROCEDURE",
          },
        ],
      },
      {
        key: "hrmmu",
        name: "UN Human Rights Monitoring Mission in Ukraine",
        nameUk: "Моніторингова місія ООН з прав людини в Україні",
        acronym: "HRMMU",
        kind: "UN_BODY",
        country: "UA",
      },
      {
        key: "coi",
        name: "Independent International Commission of Inquiry on Ukraine",
        nameUk: "Незалежна міжнародна комісія з розслідування щодо України",
        kind: "UN_BODY",
      },
    ],
  },
  {
    key: "icrc",
    name: "International Committee of the Red Cross",
    nameUk: "Міжнародний комітет Червоного Хреста",
    acronym: "ICRC",
    kind: "HUMANITARIAN",
    website: "https://www.icrc.org",
    children: [
      {
        key: "cta",
        name: "ICRC Central Tracing Agency",
        nameUk: "Центральне агентство з розшуку МКЧХ",
        acronym: "CTA",
        kind: "HUMANITARIAN",
      },
    ],
  },
  {
    key: "coe",
    name: "Council of Europe",
    nameUk: "Рада Європи",
    acronym: "CoE",
    kind: "INTERGOVERNMENTAL",
    website: "https://www.coe.int",
    children: [
      {
        key: "cpt",
        name: "European Committee for the Prevention of Torture and Inhuman or Degrading Treatment or Punishment",
        nameUk: "Європейський комітет з питань запобігання катуванням чи нелюдському або такому, що принижує гідність, поводженню чи покаранню",
        acronym: "CPT",
        kind: "TREATY_BODY",
        notes: "Monitoring body of the European Convention for the Prevention of Torture (ECPT); visits places of detention, including unannounced.",
      },
      {
        key: "coeCommissioner",
        name: "Council of Europe Commissioner for Human Rights",
        nameUk: "Комісар Ради Європи з прав людини",
        kind: "INTERGOVERNMENTAL",
      },
      {
        key: "pace",
        name: "Parliamentary Assembly of the Council of Europe",
        nameUk: "Парламентська асамблея Ради Європи",
        acronym: "PACE",
        kind: "INTERGOVERNMENTAL",
      },
      {
        key: "coeCM",
        name: "Committee of Ministers of the Council of Europe",
        nameUk: "Комітет міністрів Ради Європи",
        kind: "INTERGOVERNMENTAL",
      },
    ],
  },
  {
    key: "osce",
    name: "Organization for Security and Co-operation in Europe",
    nameUk: "Організація з безпеки та співробітництва в Європі",
    acronym: "OSCE",
    kind: "INTERGOVERNMENTAL",
    children: [
      {
        key: "odihr",
        name: "OSCE Office for Democratic Institutions and Human Rights",
        nameUk: "Бюро ОБСЄ з демократичних інститутів і прав людини",
        acronym: "ODIHR",
        kind: "INTERGOVERNMENTAL",
      },
    ],
  },
  {
    key: "eu",
    name: "European Union institutions",
    nameUk: "Інституції Європейського Союзу",
    acronym: "EU",
    kind: "INTERGOVERNMENTAL",
    children: [
      { key: "ep", name: "European Parliament", nameUk: "Європейський парламент", kind: "INTERGOVERNMENTAL" },
      {
        key: "eeas",
        name: "European External Action Service",
        nameUk: "Європейська служба зовнішніх справ",
        acronym: "EEAS",
        kind: "INTERGOVERNMENTAL",
      },
    ],
  },
  {
    key: "mfa",
    name: "Ministry of Foreign Affairs of Ukraine",
    nameUk: "Міністерство закордонних справ України",
    acronym: "MFA",
    kind: "STATE_BODY",
    country: "UA",
    website: "https://mfa.gov.ua",
  },
  { key: "russia", name: "Russian Federation", nameUk: "Російська Федерація", kind: "STATE", country: "RU" },
  {
    key: "ruOmbudsman",
    name: "High Commissioner for Human Rights in the Russian Federation",
    nameUk: "Уповноважений з прав людини в Російській Федерації",
    kind: "NHRI",
    country: "RU",
    notes: "The Russian Ombudsman institution (headed by Tatyana Moskalkova during the network exclusions).",
  },
  {
    key: "uaOmbudsman",
    name: "Ukrainian Parliament Commissioner for Human Rights",
    nameUk: "Уповноважений Верховної Ради України з прав людини",
    kind: "NHRI",
    country: "UA",
    website: "https://ombudsman.gov.ua",
    notes: "Our own office.",
  },
];

async function createOrganizations(db: FactoryDb): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const create = async (spec: OrgSpec, parentId: string | null) => {
    const { key, children, ...fields } = spec;
    ids[key] = (await makeOrganization(db, { ...fields, parentId })).id;
    for (const child of children ?? []) await create(child, ids[key]);
  };
  for (const spec of ORGANIZATIONS) await create(spec, null);
  return ids;
}

// ---------------------------------------------------------------------------------------------------

async function seed(db: FactoryDb) {
  await ensureVocabulary(db);

  const users = {} as Record<UserKey, string>;
  // The demo accounts sign in without a second factor (so that anyone can try the app at once); only
  // the seed sets this flag, the interface never does.
  for (const { key, ...u } of DEMO_USERS) users[key] = (await makeUser(db, { ...u, mfaExempt: true })).id;
  const { staff, manager, second } = users;

  const org = await createOrganizations(db);

  // --- Campaigns --------------------------------------------------------------------------------
  const isolation = (
    await makeCampaign(db, {
      title: "Remove the Russian Ombudsman institution from international networks",
      titleUk: "Виключення інституції російського омбудсмена з міжнародних мереж",
      goal:
        "Isolate the Russian Federation's Ombudsman institution from every international network and platform of " +
        "NHRIs and ombudsmen: it supports the aggression and does not protect Ukrainians in Russian custody.",
      status: "ACTIVE",
      priority: "HIGH",
      ownerId: manager,
      targetOrgId: org.ruOmbudsman,
      startDate: "2022-03-01",
    })
  ).id;
  const subCampaign = async (network: string, title: string, titleUk: string, goal: string, startDate: string, endDate: string) =>
    (
      await makeCampaign(db, {
        title,
        titleUk,
        goal,
        status: "ACHIEVED",
        priority: "HIGH",
        ownerId: manager,
        targetOrgId: org[network],
        parentId: isolation,
        startDate,
        endDate,
      })
    ).id;
  const ganhriCampaign = await subCampaign(
    "ganhri",
    "GANHRI: end the accreditation of the Russian Ombudsman institution",
    "ГАНРІ: позбавлення інституції російського омбудсмена акредитації",
    "The GANHRI SCA ends the Russian institution's A-status accreditation as an NHRI.",
    "2023-06-01",
    "2024-10-31",
  );
  const ennhriCampaign = await subCampaign(
    "ennhri",
    "ENNHRI: exclude the Russian Ombudsman institution",
    "ENNHRI: виключення інституції російського омбудсмена з мережі",
    "ENNHRI's General Assembly excludes the Russian institution from membership.",
    "2022-03-01",
    "2023-04-11",
  );
  const ioiCampaign = await subCampaign(
    "ioi",
    "IOI: revoke the membership of the Russian Ombudsman institution",
    "IOI: позбавлення інституції російського омбудсмена членства",
    "The IOI Board revokes the Russian institution's membership.",
    "2022-03-01",
    "2022-08-31",
  );
  const aomCampaign = await subCampaign(
    "aom",
    "AOM: exclude the Russian Ombudsman institution",
    "AOM: виключення інституції російського омбудсмена з Асоціації омбудсманів Середземномор'я",
    "The Association of Mediterranean Ombudsmen excludes the Russian institution.",
    "2024-03-01",
    "2024-10-31",
  );
  const monitoring = (
    await makeCampaign(db, {
      title: "Keep Russia under international monitoring of places of detention",
      titleUk: "Збереження міжнародного моніторингу місць несвободи в Росії",
      goal:
        "Keep independent monitors able to reach Ukrainians, military and civilian, held in Russian places of detention: " +
        "CPT visits under the European Convention for the Prevention of Torture (ECPT) and full ICRC access to prisoners of war.",
      status: "ACTIVE",
      priority: "HIGH",
      ownerId: manager,
      targetOrgId: org.russia,
      startDate: "2022-03-01",
    })
  ).id;

  // Most records are written by staff with the manager taking part; override per record.
  const action = async (o: ActionOverrides) =>
    (await makeAction(db, { createdById: staff, participantIds: [staff, manager], ...o })).id;
  const outcome = async (o: OutcomeOverrides) =>
    (await makeOutcome(db, { createdById: manager, confidentiality: "PUBLIC", ...o })).id;
  const link = (actionId: string, outcomeId: string, contribution: string, evidenceNote: string) =>
    makeLink(db, { actionId, outcomeId, contribution, evidenceNote, createdById: manager });

  // --- IOI: membership revoked, August 2022 ----------------------------------------------------
  const ioiRevoked = await outcome({
    title: "IOI Board revokes the membership of the Russian Ombudsman institution",
    type: "MEMBERSHIP_REVOKED",
    date: "2022-08-01",
    datePrecision: "MONTH",
    decidingBodyId: org.ioiBoard,
    subjectId: org.ruOmbudsman,
    statusBefore: "member",
    statusAfter: "revoked",
    sourceCitation: UKRINFORM,
    verification: "VERIFIED",
    summary: "The largest network of ombudsmen in the world ends the Russian institution's membership.",
    campaignIds: [isolation, ioiCampaign],
  });
  const ioiAppeal = await action({
    title: "Appeal to the IOI Board to revoke the membership of the Russian Ombudsman institution",
    type: "LETTER_APPEAL",
    date: "2022-04-19",
    status: "CLOSED",
    referenceNumber: "№ 2.1/9418-22",
    summary: "Asks the Board to review the membership of an institution that publicly supports the aggression against Ukraine.",
    responseSummary: "The IOI Secretary General acknowledged the appeal and put it before the Board.",
    responseDate: "2022-05-06",
    organizationIds: [org.ioiBoard],
    campaignIds: [isolation, ioiCampaign],
  });
  const ioiEvidence = await action({
    title: "Evidence package to the IOI on the Russian Ombudsman institution's conduct since 24 February 2022",
    type: "EVIDENCE_PACKAGE",
    date: "2022-06-15",
    status: "CLOSED",
    referenceNumber: "№ 2.1/13302-22",
    summary: "Public statements of the institution and documented cases of Ukrainians in Russian custody it did not act on.",
    organizationIds: [org.ioi, org.ioiBoard],
    campaignIds: [isolation, ioiCampaign],
  });
  await link(ioiAppeal, ioiRevoked, "DECISIVE", "The Secretariat's reply of 6 May 2022 confirms the Board took up the matter on our appeal.");
  await link(ioiEvidence, ioiRevoked, "CONTRIBUTORY", "Annexed to the appeal; the Board papers list it among the documents considered.");

  // --- ENNHRI: Board proposal 6 March 2023, exclusion by vote 11 April 2023 ----------------------
  const ennhriProposal = await outcome({
    title: "ENNHRI Board proposes to exclude the Russian Ombudsman institution",
    type: "RESOLUTION_ADOPTED",
    date: "2023-03-06",
    decidingBodyId: org.ennhriBoard,
    subjectId: org.ruOmbudsman,
    sourceCitation: "ENNHRI Board decision of 6 March 2023; " + UKRINFORM,
    verification: "VERIFIED",
    summary: "The Board refers the exclusion to an Extraordinary General Assembly.",
    campaignIds: [isolation, ennhriCampaign],
  });
  const ennhriExcluded = await outcome({
    title: "ENNHRI excludes the Russian Ombudsman institution",
    type: "MEMBERSHIP_EXCLUDED",
    date: "2023-04-11",
    decidingBodyId: org.ennhriGA,
    subjectId: org.ruOmbudsman,
    statusBefore: "member",
    statusAfter: "excluded",
    sourceCitation: "ENNHRI Extraordinary General Assembly, 11 April 2023; " + UKRINFORM,
    verification: "FINAL",
    summary: "Extraordinary General Assembly vote: 25 for, 0 against, 4 abstentions. The first expulsion in ENNHRI's history.",
    campaignIds: [isolation, ennhriCampaign],
  });
  const ennhriLetter = await action({
    title: "Letter to the ENNHRI Board calling for the exclusion of the Russian Ombudsman institution",
    type: "LETTER_APPEAL",
    date: "2023-01-24",
    status: "RESPONSE_RECEIVED",
    referenceNumber: "№ 2.1/1187-23",
    responseSummary: "The ENNHRI Chair confirmed the Board would consider the matter at its March 2023 meeting.",
    responseDate: "2023-02-09",
    organizationIds: [org.ennhriBoard],
    campaignIds: [isolation, ennhriCampaign],
  });
  const ennhriSpeech = await action({
    title: "Statement to the ENNHRI Extraordinary General Assembly on the Russian Ombudsman institution",
    type: "SPEECH_STATEMENT",
    date: "2023-04-11",
    status: "CLOSED",
    confidentiality: "PUBLIC",
    summary: "The Commissioner's statement in support of the Board's proposal before the vote.",
    organizationIds: [org.ennhriGA],
    campaignIds: [isolation, ennhriCampaign],
  });
  const ennhriVote = await action({
    title: "Vote for the exclusion of the Russian Ombudsman institution at the ENNHRI Extraordinary General Assembly",
    type: "NETWORK_MOTION_VOTE",
    date: "2023-04-11",
    status: "CLOSED",
    confidentiality: "PUBLIC",
    summary: "Voted for the Board's proposal. Result: 25 for, 0 against, 4 abstentions.",
    organizationIds: [org.ennhriGA],
    campaignIds: [isolation, ennhriCampaign],
  });
  await link(ennhriLetter, ennhriProposal, "DECISIVE", "The Board's agenda for 6 March 2023 lists our letter of 24 January 2023.");
  await link(ennhriLetter, ennhriExcluded, "CONTRIBUTORY", "Started the procedure that ended in the General Assembly vote.");
  await link(ennhriSpeech, ennhriExcluded, "CONTRIBUTORY", "Statement delivered before the vote; see the General Assembly minutes.");
  await link(ennhriVote, ennhriExcluded, "CONTRIBUTORY", "Our vote was one of 25 in favour.");

  // --- GANHRI SCA: no longer accredited from October 2024 ----------------------------------------
  const ganhriRemoved = await outcome({
    title: "GANHRI SCA: Russian Ombudsman institution no longer accredited",
    type: "ACCREDITATION_REMOVED",
    date: "2024-10-01",
    datePrecision: "MONTH",
    decidingBodyId: org.sca,
    subjectId: org.ruOmbudsman,
    statusBefore: "A",
    statusAfter: "none",
    sourceCitation: UKRINFORM,
    verification: "VERIFIED",
    summary:
      "Decided by the SCA at its autumn 2024 session on the information provided by the office. From October 2024 the " +
      "Russian institution is no longer an accredited NHRI; 118 accredited NHRIs remain on GANHRI's list.",
    campaignIds: [isolation, ganhriCampaign],
  });
  const ganhriBureauLetter = await action({
    title: "Letter to the GANHRI Bureau on the independence of the Russian Ombudsman institution",
    type: "LETTER_APPEAL",
    date: "2024-03-12",
    status: "RESPONSE_RECEIVED",
    referenceNumber: "№ 2.1/4127-24",
    responseSummary: "The GANHRI Secretariat advised submitting third-party information to the SCA before its autumn 2024 session.",
    responseDate: "2024-04-02",
    organizationIds: [org.ganhriBureau],
    campaignIds: [isolation, ganhriCampaign],
  });
  const ganhriMeeting = await action({
    title: "Meeting with the GANHRI Secretariat on the SCA review of the Russian Ombudsman institution",
    type: "DIPLOMATIC_MEETING",
    date: "2024-06-20",
    status: "CLOSED",
    summary: "Geneva. Procedure and timing for third-party information to the SCA.",
    organizationIds: [org.ganhri],
    campaignIds: [isolation, ganhriCampaign],
  });
  const scaSubmission = await action({
    title: "Third-party information to the GANHRI SCA on the Russian Ombudsman institution",
    type: "SCA_THIRD_PARTY_SUBMISSION",
    date: "2024-09-01",
    datePrecision: "MONTH",
    status: "CLOSED",
    referenceNumber: "№ 2.1/15632-24",
    summary:
      "Evidence that the institution does not meet the Paris Principles: it supports the aggression, lacks independence " +
      "and does not protect Ukrainian civilians and prisoners of war in Russian custody.",
    responseSummary: "The SCA considered the information at its October 2024 session; the institution lost its accreditation.",
    responseDate: "2024-11-15",
    organizationIds: [org.sca],
    campaignIds: [isolation, ganhriCampaign],
  });
  await link(
    scaSubmission,
    ganhriRemoved,
    "DECISIVE",
    "The Commissioner (Telegram, reported by Ukrinform): the SCA decided “based on the information provided by the office at its fall session”.",
  );
  await link(ganhriBureauLetter, ganhriRemoved, "CONTRIBUTORY", "The Secretariat's reply of 2 April 2024 set up the third-party submission.");
  await link(ganhriMeeting, ganhriRemoved, "UNCLEAR", "Meeting notes only; nothing on record shows it reached the SCA.");

  // --- AOM: exclusion, October 2024 (reported by the Commissioner) -------------------------------
  const aomExcluded = await outcome({
    title: "AOM excludes the Russian Ombudsman institution",
    type: "MEMBERSHIP_EXCLUDED",
    date: "2024-10-01",
    datePrecision: "MONTH",
    decidingBodyId: org.aom,
    subjectId: org.ruOmbudsman,
    statusBefore: "member",
    statusAfter: "excluded",
    sourceCitation: UKRINFORM,
    verification: "REPORTED",
    summary: "“By joint efforts, we expelled the Russian Ombudsman from the Association of Mediterranean Ombudsmen” (the Commissioner).",
    campaignIds: [isolation, aomCampaign],
  });
  const aomLetter = await action({
    title: "Letter to the AOM President calling for the exclusion of the Russian Ombudsman institution",
    type: "LETTER_APPEAL",
    date: "2024-05-14",
    status: "RESPONSE_RECEIVED",
    referenceNumber: "№ 2.1/7781-24",
    responseSummary: "The AOM President replied that the Board would put the question to the members.",
    responseDate: "2024-06-03",
    organizationIds: [org.aom],
    campaignIds: [isolation, aomCampaign],
  });
  const aomJoint = await action({
    title: "Joint letter with partner ombudsman institutions to the AOM on the Russian Ombudsman institution",
    type: "JOINT_STATEMENT",
    date: "2024-09-10",
    status: "CLOSED",
    referenceNumber: "№ 2.1/14518-24",
    organizationIds: [org.aom],
    campaignIds: [isolation, aomCampaign],
  });
  await link(aomLetter, aomExcluded, "CONTRIBUTORY", "Opened the question within the AOM; reply of 3 June 2024 on file.");
  await link(aomJoint, aomExcluded, "CONTRIBUTORY", "The Commissioner speaks of “joint efforts”; the co-signatories' letters are on file.");

  // --- The Commissioner's own standing: board elections ------------------------------------------
  const ioiElected = await outcome({
    title: "Commissioner elected to the Board of Directors of the IOI European Region",
    type: "ELECTED_TO_BOARD",
    date: "2024-01-01",
    datePrecision: "MONTH",
    decidingBodyId: org.ioiEurope,
    subjectId: org.uaOmbudsman,
    statusBefore: "not a board member",
    statusAfter: "board member",
    sourceCitation: UKRINFORM,
    verification: "VERIFIED",
  });
  const ennhriElected = await outcome({
    title: "Commissioner elected to the ENNHRI Board",
    type: "ELECTED_TO_BOARD",
    date: "2024-10-01",
    datePrecision: "ESTIMATED",
    decidingBodyId: org.ennhriGA,
    subjectId: org.uaOmbudsman,
    statusBefore: "not a board member",
    statusAfter: "board member",
    sourceCitation: UKRINFORM,
    verification: "REPORTED",
    summary: "“In the fall of the same year [2024], my colleagues elected me to the Board of ENNHRI” (the Commissioner). Exact date to confirm.",
  });
  const ioiNomination = await action({
    title: "Nomination of the Commissioner for the Board of the IOI European Region",
    type: "LETTER_APPEAL",
    date: "2023-11-20",
    status: "CLOSED",
    referenceNumber: "№ 2.1/19044-23",
    organizationIds: [org.ioiEurope],
    participantIds: [manager],
    createdById: manager,
  });
  const ennhriCandidacy = await action({
    title: "Candidacy of the Commissioner for the ENNHRI Board",
    type: "LETTER_APPEAL",
    date: "2024-09-01",
    datePrecision: "MONTH",
    status: "CLOSED",
    referenceNumber: "№ 2.1/13977-24",
    organizationIds: [org.ennhri],
    participantIds: [manager],
    createdById: manager,
  });
  await link(ioiNomination, ioiElected, "DECISIVE", "No election without the nomination; the European Region's acknowledgement is on file.");
  await link(ennhriCandidacy, ennhriElected, "DECISIVE", "The candidacy letter and ENNHRI's list of candidates are on file.");

  // --- Appeals to the UN and the ICRC after Ukrainian prisoners of war were shot ------------------
  await action({
    title: "Appeal to the UN after Russian forces shot a group of Ukrainian prisoners of war",
    type: "LETTER_APPEAL",
    date: "2024-12-01",
    datePrecision: "ESTIMATED",
    status: "AWAITING_RESPONSE",
    confidentiality: "PUBLIC",
    referenceNumber: "№ 2.1/22314-24",
    summary: "Calls on the UN to record and condemn the execution of prisoners of war, a grave breach of the Geneva Conventions.",
    // Written in English for the UN; the Ukrainian version is for the office's own report.
    titleTranslation: "Звернення до ООН після розстрілу російськими військовими групи українських військовополонених",
    summaryTranslation:
      "Закликає ООН зафіксувати й засудити страту військовополонених — тяжке порушення Женевських конвенцій.",
    followUpDue: "2025-02-15", // long overdue
    organizationIds: [org.ohchr, org.hrmmu, org.srTorture],
  });
  await action({
    title: "Appeal to the ICRC after Russian forces shot a group of Ukrainian prisoners of war",
    type: "ICRC_REQUEST",
    date: "2024-12-01",
    datePrecision: "ESTIMATED",
    status: "RESPONSE_RECEIVED",
    confidentiality: "PUBLIC",
    referenceNumber: "№ 2.1/22315-24",
    titleTranslation: "Звернення до МКЧХ після розстрілу російськими військовими групи українських військовополонених",
    responseSummary: "The ICRC acknowledged the appeal and said it raises such allegations in its confidential dialogue with the parties.",
    responseDate: "2025-01-20",
    organizationIds: [org.icrc],
    campaignIds: [monitoring],
  });
  await action({
    title: "Witness statements on the shooting of prisoners of war delivered to the UN Commission of Inquiry",
    type: "EVIDENCE_PACKAGE",
    date: "2025-01-15",
    status: "CLOSED",
    confidentiality: "RESTRICTED", // identifies witnesses
    referenceNumber: "№ 2.1/611-25",
    organizationIds: [org.coi],
  });
  await action({
    title: "Reminder to the UN HRMMU on the appeal about shot prisoners of war",
    needsTranslation: true, // a draft: its Ukrainian version for the file is still to be written
    type: "FOLLOW_UP_REMINDER",
    date: daysFromToday(0),
    status: "DRAFT",
    organizationIds: [org.hrmmu],
    participantIds: [staff],
  });

  // --- Russia's denunciation of the ECPT (the second source text) --------------------------------
  // The withdrawal itself is not something the office's actions led to: no links.
  await outcome({
    title: "Russian government proposes to denounce the European Convention for the Prevention of Torture",
    type: "TREATY_WITHDRAWAL_INITIATED",
    date: "2025-09-01",
    datePrecision: "ESTIMATED",
    decidingBodyId: org.russia,
    subjectId: org.russia,
    sourceCitation: UNN,
    verification: "REPORTED",
    summary: "Would remove the CPT's regular and unannounced visits to places of detention in Russia.",
    campaignIds: [monitoring],
  });
  await outcome({
    title: "Russia: law on the denunciation of the European Convention for the Prevention of Torture signed",
    type: "TREATY_WITHDRAWAL_SIGNED",
    date: "2025-09-29",
    decidingBodyId: org.russia,
    subjectId: org.russia,
    statusBefore: "party",
    statusAfter: "withdrawal pending (effective 12 months after notification)",
    sourceCitation: "News reports of the signature, 29 September 2025; " + UNN,
    verification: "REPORTED",
    summary:
      "Takes effect 12 months after the Council of Europe's Secretary General is notified; the CPT's unannounced visits " +
      "to places of detention in Russia end with it.",
    campaignIds: [monitoring],
  });
  const mfaStatement = await outcome({
    title: "Ukraine's Foreign Ministry: Russia's withdrawal from the ECPT is an admission of crimes",
    type: "RESOLUTION_ADOPTED",
    date: "2025-09-01",
    datePrecision: "ESTIMATED",
    decidingBodyId: org.mfa,
    subjectId: org.russia,
    sourceCitation: UNN,
    verification: "VERIFIED",
    summary:
      "The MFA calls the withdrawal an admission of crimes and a wish to avoid responsibility, recalls that Russia denies " +
      "the Red Cross full access to prisoners of war, and calls on the international community to react through " +
      "international mechanisms and sanctions.",
    campaignIds: [monitoring],
  });
  await action({
    title: "Public statement: Russia's withdrawal from the ECPT puts Ukrainians in Russian detention at risk",
    type: "PUBLIC_STATEMENT_MEDIA",
    date: "2025-09-01",
    datePrecision: "ESTIMATED",
    status: "CLOSED",
    confidentiality: "PUBLIC",
    summary:
      "The Commissioner: withdrawal could remove pressure mechanisms applied to Russia and puts Ukrainians, military and " +
      "civilian, held in Russian places of detention at risk.",
    campaignIds: [monitoring],
  });
  const mfaLetter = await action({
    title: "Letter to the Ministry of Foreign Affairs on an international response to Russia's withdrawal from the ECPT",
    type: "LETTER_APPEAL",
    date: "2025-09-01",
    datePrecision: "ESTIMATED",
    status: "RESPONSE_RECEIVED",
    referenceNumber: "№ 2.1/15208-25",
    responseSummary: "The Ministry shared its statement and its plans to raise the matter in the Committee of Ministers.",
    responseDate: "2025-10-06",
    organizationIds: [org.mfa],
    campaignIds: [monitoring],
  });
  await link(mfaLetter, mfaStatement, "UNCLEAR", "The statement followed our letter but does not refer to it.");
  await action({
    title: "Request to the CPT on the protection of Ukrainians in Russian places of detention after the ECPT denunciation",
    type: "CPT_SPT_REQUEST",
    date: "2025-10-14",
    status: "AWAITING_RESPONSE",
    referenceNumber: "№ 2.1/18452-25",
    followUpDue: "2025-12-15", // overdue
    organizationIds: [org.cpt],
    campaignIds: [monitoring],
  });
  await action({
    title: "Appeal to the Council of Europe Committee of Ministers on Russia's denunciation of the ECPT",
    type: "LETTER_APPEAL",
    date: "2025-10-20",
    status: "SENT",
    referenceNumber: "№ 2.1/18890-25",
    followUpDue: daysFromToday(10),
    organizationIds: [org.coeCM, org.coeCommissioner],
    campaignIds: [monitoring],
  });
  await action({
    title: "Request to the ICRC for access to Ukrainian prisoners of war in Russian places of detention",
    type: "ICRC_REQUEST",
    date: daysFromToday(-30),
    status: "AWAITING_RESPONSE",
    referenceNumber: "№ 2.1/17406-26",
    followUpDue: daysFromToday(14),
    organizationIds: [org.icrc],
    campaignIds: [monitoring],
  });
  await action({
    title: "Meeting with the CPT Bureau on monitoring options after Russia's withdrawal from the ECPT",
    type: "DIPLOMATIC_MEETING",
    date: daysFromToday(21),
    status: "PLANNED",
    organizationIds: [org.cpt],
    campaignIds: [monitoring],
  });

  // Restricted records: one that staff@ takes part in, one only second.staff@ can see (besides managers
  // and auditors), so the access rules can be demonstrated.
  await action({
    title: "ICRC Central Tracing Agency: request for information on named Ukrainian prisoners of war",
    type: "ICRC_REQUEST",
    date: "2026-08-18",
    status: "SENT",
    confidentiality: "RESTRICTED",
    referenceNumber: "№ 2.1/14021-26",
    summary: "A list of servicemen whose families report them held in Russian custody; names in the restricted annex.",
    followUpDue: "2026-10-01", // overdue
    organizationIds: [org.cta],
    campaignIds: [monitoring],
    participantIds: [staff],
  });
  await action({
    title: "Confidential briefing to the UN SPT on Ukrainian civilians held incommunicado in Russia",
    type: "CPT_SPT_REQUEST",
    date: "2026-07-09",
    status: "IN_PROGRESS",
    confidentiality: "RESTRICTED",
    summary: "Drafted with sources who must not be identified; share only with the participants.",
    followUpDue: daysFromToday(7),
    organizationIds: [org.spt],
    campaignIds: [monitoring],
    createdById: second,
    participantIds: [second],
  });

  // --- 2024 meetings and foreign visits: a sample of the "over 400 meetings and more than 100 foreign
  // visits" of the year (the GANHRI Secretariat meeting above is one more) ---------------------------
  const meetingsAndVisits: ActionOverrides[] = [
    {
      title: "Meeting with the Head of the UN HRMMU on prisoners of war",
      type: "DIPLOMATIC_MEETING",
      date: "2024-02-14",
      organizationIds: [org.hrmmu],
    },
    {
      title: "Visit to Geneva: 55th session of the Human Rights Council",
      type: "FOREIGN_VISIT",
      date: "2024-03-04",
      organizationIds: [org.hrc, org.ohchr],
    },
    {
      title: "Meeting with the ICRC Head of Delegation in Ukraine on access to prisoners of war",
      type: "DIPLOMATIC_MEETING",
      date: "2024-05-22",
      organizationIds: [org.icrc],
      campaignIds: [monitoring],
    },
    {
      title: "Visit to Strasbourg: meetings at the Council of Europe and PACE",
      type: "FOREIGN_VISIT",
      date: "2024-06-24",
      organizationIds: [org.coe, org.pace, org.coeCommissioner],
    },
    {
      title: "Meeting with the Council of Europe Commissioner for Human Rights",
      type: "DIPLOMATIC_MEETING",
      date: "2024-06-25",
      organizationIds: [org.coeCommissioner],
    },
    {
      title: "Visit to Brussels: meetings with EU institutions on prisoners of war and deported children",
      type: "FOREIGN_VISIT",
      date: "2024-09-17",
      organizationIds: [org.ep, org.eeas],
    },
    {
      title: "Meeting with OSCE/ODIHR on conditions of detention of Ukrainian civilians",
      type: "DIPLOMATIC_MEETING",
      date: "2024-10-08",
      organizationIds: [org.odihr],
      campaignIds: [monitoring],
    },
    {
      title: "Visit to Geneva: meetings with the ICRC Central Tracing Agency and OHCHR",
      type: "FOREIGN_VISIT",
      date: "2024-11-12",
      organizationIds: [org.icrc, org.cta, org.ohchr],
      campaignIds: [monitoring],
    },
  ];
  for (const m of meetingsAndVisits) {
    await action({ status: "CLOSED", participantIds: [manager], createdById: manager, ...m });
  }
}

async function main() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
  try {
    if (await db.user.findUnique({ where: { email: ADMIN_EMAIL }, select: { id: true } })) {
      console.log("demo data already present");
      return;
    }
    // One transaction: all or nothing. Generous timeout: password hashing and ~200 inserts.
    await db.$transaction((tx) => seed(tx), { timeout: 120_000, maxWait: 10_000 });

    const counts = await Promise.all([
      db.term.count(),
      db.user.count(),
      db.organization.count(),
      db.campaign.count(),
      db.action.count(),
      db.outcome.count(),
      db.actionOutcomeLink.count(),
    ]);
    const [terms, users, organizations, campaigns, actions, outcomes, links] = counts;
    console.log(
      `Seeded: ${terms} terms, ${users} users, ${organizations} organizations, ${campaigns} campaigns, ` +
        `${actions} actions, ${outcomes} outcomes, ${links} links.`,
    );
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    console.table(DEMO_USERS.map(({ email, name, role }) => ({ email, name, role })));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
