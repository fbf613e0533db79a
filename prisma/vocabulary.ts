// The controlled vocabularies the app ships with. Codes are stable (the app, URLs and exports rely on
// them); labels and order are data that managers may change later in the app. Used by the seed, the
// test factories and e2e setup, so it imports nothing from lib/ (that code only runs inside Next).
import type { PrismaClient } from "../generated/prisma/client";
import type { Vocabulary } from "../generated/prisma/enums";

export type VocabularyTerm = {
  vocabulary: Vocabulary;
  code: string;
  labelEn: string;
  labelUk: string;
  category?: string;
  sortOrder: number;
};

/** Anything with a `term` delegate: the app's client (with its `omit`), a plain client or a transaction. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- accept any `omit` configuration of the client
export type VocabularyDb = Pick<PrismaClient<never, any>, "term">;

type TermSpec = [code: string, labelEn: string, labelUk: string, category?: string];

// sortOrder follows the order written here, in steps of 10 so a manager can slot terms in between.
const terms = (vocabulary: Vocabulary, specs: TermSpec[]): VocabularyTerm[] =>
  specs.map(([code, labelEn, labelUk, category], i) => ({
    vocabulary,
    code,
    labelEn,
    labelUk,
    ...(category ? { category } : {}),
    sortOrder: (i + 1) * 10,
  }));

export const VOCABULARY_TERMS: readonly VocabularyTerm[] = [
  ...terms("ACTION_STATUS", [
    ["DRAFT", "Draft", "Чернетка"],
    ["PLANNED", "Planned", "Заплановано"],
    ["IN_PROGRESS", "In progress", "У роботі"],
    ["SENT", "Sent", "Надіслано"],
    ["AWAITING_RESPONSE", "Awaiting response", "Очікує відповіді"],
    ["RESPONSE_RECEIVED", "Response received", "Відповідь отримано"],
    ["CLOSED", "Closed", "Закрито"],
  ]),

  ...terms("CAMPAIGN_STATUS", [
    ["ACTIVE", "Active", "Активна"],
    ["PAUSED", "Paused", "Призупинена"],
    ["ACHIEVED", "Achieved", "Мети досягнуто"],
    ["PARTLY_ACHIEVED", "Partly achieved", "Мети досягнуто частково"],
    ["NOT_ACHIEVED", "Not achieved", "Мети не досягнуто"],
    ["CLOSED", "Closed", "Закрита"],
  ]),

  ...terms("VERIFICATION", [
    ["REPORTED", "Reported (not yet confirmed)", "Повідомлено (не підтверджено)"],
    ["VERIFIED", "Verified", "Підтверджено"],
    ["FINAL", "Final / in effect", "Остаточно / набуло чинності"],
    ["SUPERSEDED", "Superseded", "Втратило актуальність"],
  ]),

  ...terms("CONTRIBUTION", [
    ["DECISIVE", "Decisive", "Вирішальний внесок"],
    ["CONTRIBUTORY", "Contributory", "Частковий внесок"],
    ["UNCLEAR", "Unclear", "Внесок не визначено"],
  ]),

  // Categories: dashboards count meetings and visits separately, so those two each have their own.
  ...terms("ACTION_TYPE", [
    ["SCA_THIRD_PARTY_SUBMISSION", "Third-party submission to the GANHRI SCA", "Подання третьої сторони до ПКА ГАНРІ", "submission"],
    ["ACCREDITATION_SUBMISSION", "Own accreditation submission", "Подання щодо власної акредитації", "submission"],
    ["UPR_STAKEHOLDER_REPORT", "UPR stakeholder report", "Доповідь зацікавленої сторони для УПО", "submission"],
    [
      "TREATY_BODY_REPORT",
      "Treaty-body parallel report or follow-up information",
      "Альтернативна доповідь або інформація про подальші заходи для договірного органу",
      "submission",
    ],
    [
      "SPECIAL_PROCEDURES_REQUEST",
      "Special Procedures request (urgent appeal, allegation letter)",
      "Звернення до спеціальних процедур ООН (термінове звернення, повідомлення про порушення)",
      "appeal",
    ],
    ["LETTER_APPEAL", "Letter or appeal", "Лист або звернення", "appeal"],
    ["DIPLOMATIC_MEETING", "Diplomatic or bilateral meeting", "Дипломатична або двостороння зустріч", "meeting"],
    ["FOREIGN_VISIT", "Foreign visit", "Закордонний візит", "visit"],
    [
      "SPEECH_STATEMENT",
      "Speech or statement (HRC, PACE, network General Assembly)",
      "Виступ або заява (Рада ООН з прав людини, ПАРЄ, Генеральна асамблея мережі)",
      "statement",
    ],
    ["NETWORK_MOTION_VOTE", "Motion or vote in a network", "Пропозиція або голосування в мережі", "other"],
    ["JOINT_STATEMENT", "Joint statement", "Спільна заява", "statement"],
    ["ICRC_REQUEST", "Request to the ICRC (access, tracing, exchange)", "Звернення до МКЧХ (доступ, розшук, обмін)", "appeal"],
    ["CPT_SPT_REQUEST", "Request to the CPT or SPT", "Звернення до ЄКЗК або ППК ООН", "appeal"],
    ["PUBLIC_STATEMENT_MEDIA", "Public statement or media", "Публічна заява або комунікація зі ЗМІ", "statement"],
    ["EVIDENCE_PACKAGE", "Evidence package delivered", "Передано пакет доказів", "submission"],
    ["FOLLOW_UP_REMINDER", "Follow-up or reminder", "Повторний лист або нагадування", "other"],
  ]),

  ...terms("OUTCOME_TYPE", [
    // Accreditation (GANHRI SCA)
    ["SCA_SPECIAL_REVIEW_OPENED", "SCA special review opened", "ПКА розпочав спеціальний перегляд", "accreditation"],
    ["SCA_DEFERRED", "SCA review deferred", "ПКА відклав розгляд", "accreditation"],
    ["ACCREDITATION_KEPT", "Accreditation status kept", "Статус акредитації збережено", "accreditation"],
    ["DOWNGRADE_RECOMMENDED", "Downgrade recommended", "Рекомендовано знизити статус акредитації", "accreditation"],
    ["ACCREDITATION_DOWNGRADED", "Accreditation downgraded", "Статус акредитації знижено", "accreditation"],
    ["ACCREDITATION_REMOVED", "Accreditation removed", "Акредитацію скасовано", "accreditation"],
    ["ACCREDITATION_SUSPENDED", "Accreditation suspended", "Акредитацію призупинено", "accreditation"],
    ["ACCREDITATION_LAPSED", "Accreditation lapsed", "Строк акредитації сплив", "accreditation"],
    ["ACCREDITATION_CHALLENGE_LODGED", "Challenge to an SCA recommendation lodged", "Подано оскарження рекомендації ПКА", "accreditation"],
    ["ACCREDITATION_CHALLENGE_DECIDED", "Challenge to an SCA recommendation decided", "Ухвалено рішення щодо оскарження рекомендації ПКА", "accreditation"],
    // Network membership
    ["MEMBERSHIP_SUSPENDED", "Membership suspended", "Членство призупинено", "membership"],
    ["MEMBERSHIP_EXCLUDED", "Excluded from membership", "Виключено зі складу членів", "membership"],
    ["MEMBERSHIP_REVOKED", "Membership revoked", "Членство анульовано", "membership"],
    ["MEMBERSHIP_WITHDREW", "Withdrew from membership", "Вихід зі складу членів", "membership"],
    // Treaty participation
    ["TREATY_WITHDRAWAL_INITIATED", "Treaty withdrawal initiated", "Ініційовано вихід із договору", "treaty"],
    ["TREATY_WITHDRAWAL_APPROVED", "Treaty withdrawal approved by parliament", "Вихід із договору схвалено парламентом", "treaty"],
    ["TREATY_WITHDRAWAL_SIGNED", "Treaty withdrawal signed into law", "Підписано закон про вихід із договору", "treaty"],
    ["TREATY_WITHDRAWAL_DEPOSITED", "Notice of withdrawal deposited", "Повідомлення про денонсацію передано депозитарію", "treaty"],
    ["TREATY_WITHDRAWAL_EFFECTIVE", "Treaty withdrawal effective", "Вихід із договору набув чинності", "treaty"],
    ["TREATY_RATIFICATION", "Treaty ratified", "Договір ратифіковано", "treaty"],
    // UN bodies
    ["UN_COMMUNICATION_SENT", "UN communication sent to the state", "Орган ООН надіслав повідомлення державі", "un"],
    ["UN_STATE_REPLIED", "State replied to the UN", "Держава надала відповідь органу ООН", "un"],
    [
      "UN_CITED_IN_REPORT",
      "Cited in a UN report or concluding observations",
      "Враховано в доповіді або заключних зауваженнях органу ООН",
      "un",
    ],
    ["UN_FOLLOW_UP_GRADED", "UN follow-up graded (A–E)", "Орган ООН оцінив виконання рекомендацій (A–E)", "un"],
    // ICRC
    ["ICRC_VISIT_GRANTED", "ICRC visit granted", "МКЧХ надано доступ для відвідування", "icrc"],
    ["ICRC_VISIT_DENIED", "ICRC visit denied", "МКЧХ відмовлено в доступі", "icrc"],
    ["ICRC_VISIT_HELD", "ICRC visit held", "МКЧХ здійснив відвідування", "icrc"],
    ["ICRC_INFORMATION_PROVIDED", "Information provided by the ICRC", "МКЧХ надав інформацію", "icrc"],
    ["ICRC_EXCHANGE_REPATRIATION", "Exchange or repatriation", "Обмін або репатріація", "icrc"],
    // CPT
    ["CPT_VISIT_HELD", "CPT visit held", "ЄКЗК здійснив візит", "cpt"],
    ["CPT_PUBLIC_STATEMENT", "CPT public statement", "Публічна заява ЄКЗК", "cpt"],
    // The office's own standing
    ["ELECTED_TO_BOARD", "Elected to a board", "Обрано до складу правління", "standing"],
    // Other
    ["RESOLUTION_ADOPTED", "Resolution or statement adopted", "Ухвалено резолюцію або заяву", "other"],
    ["NO_RESPONSE", "No response", "Відповіді не отримано", "other"],
  ]),

  ...terms("ORGANIZATION_KIND", [
    ["NETWORK", "Network of NHRIs or ombudsmen", "Мережа правозахисних установ або омбудсманів"],
    ["NETWORK_BODY", "Body of a network", "Орган мережі"],
    ["UN_BODY", "UN body", "Орган ООН"],
    ["TREATY_BODY", "Treaty body", "Договірний орган"],
    ["SPECIAL_PROCEDURE", "UN Special Procedure", "Спеціальна процедура ООН"],
    ["INTERGOVERNMENTAL", "Intergovernmental organization or body", "Міжурядова організація або її орган"],
    ["HUMANITARIAN", "Humanitarian organization", "Гуманітарна організація"],
    ["STATE", "State", "Держава"],
    ["STATE_BODY", "State body", "Державний орган"],
    ["NHRI", "NHRI or ombudsman institution", "Національна правозахисна установа або омбудсман"],
    ["NGO", "Non-governmental organization", "Громадська організація"],
    ["MEDIA", "Media", "ЗМІ"],
    ["OTHER", "Other", "Інше"],
  ]),
];

const keyOf = (t: { vocabulary: Vocabulary; code: string }) => `${t.vocabulary}:${t.code}`;

/**
 * Makes sure every term above exists. Idempotent and safe to run concurrently (e.g. parallel test
 * workers): missing terms are inserted with ON CONFLICT DO NOTHING, and existing ones only get their
 * sortOrder/category realigned; labels (and `active`) are never overwritten, since managers may have
 * edited them in the app.
 */
export async function ensureVocabulary(db: VocabularyDb): Promise<void> {
  await db.term.createMany({
    data: VOCABULARY_TERMS.map((t) => ({ ...t, category: t.category ?? null })),
    skipDuplicates: true,
  });
  const existing = await db.term.findMany({
    where: { vocabulary: { in: [...new Set(VOCABULARY_TERMS.map((t) => t.vocabulary))] } },
    select: { id: true, vocabulary: true, code: true, category: true, sortOrder: true },
  });
  const byKey = new Map(existing.map((t) => [keyOf(t), t]));
  for (const t of VOCABULARY_TERMS) {
    const row = byKey.get(keyOf(t));
    const category = t.category ?? null;
    if (row && (row.sortOrder !== t.sortOrder || row.category !== category)) {
      await db.term.update({ where: { id: row.id }, data: { sortOrder: t.sortOrder, category } });
    }
  }
}
