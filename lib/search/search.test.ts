// Integration tests: the lists' search finds Ukrainian words in any inflected form, names in either
// alphabet, and text in translations and counterpart names; the "needs translation" filter.
import { describe, expect, it } from "vitest";
import { findActions, searchActionsForLink } from "@/lib/actions/queries";
import { db } from "@/lib/db";
import { findCampaigns } from "@/lib/campaigns/queries";
import { findOrganizations } from "@/lib/organizations/queries";
import { findOutcomes, searchOutcomesForLink } from "@/lib/outcomes/queries";
import { makeAction, makeCampaign, makeOrganization, makeOutcome } from "@/prisma/factories";
import { makeActor, makeActors, uniq } from "@/tests/support/fixtures";

const ids = (page: { rows: { id: string }[] }) => page.rows.map((r) => r.id).sort();
const sorted = (...xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe("[SEARCH] Ukrainian inflections", () => {
  async function setup() {
    const staff = await makeActor("STAFF");
    const tok = uniq("srch");
    const a = (o: Parameters<typeof makeAction>[1]) => makeAction(db, { createdById: staff.id, ...o });
    const genitive = await a({ title: `Звернення до МКЧХ щодо військовополонених ${tok}`, originalLanguage: "uk" });
    const inTranslation = await a({
      title: `Letter to OHCHR on the POWs ${tok}`,
      titleTranslation: "Лист до УВКПЛ щодо допомоги військовополоненим",
    });
    const inSummary = await a({
      title: `Заява ${tok}`,
      originalLanguage: "uk",
      summary: "Кожен український військовополонений має право на захист.",
    });
    const inSummaryTranslation = await a({ title: `Statement ${tok}`, summaryTranslation: "Про обмін військовополоненими." });
    const unrelated = await a({ title: `Візит до Женеви ${tok}`, originalLanguage: "uk" });
    return { staff, tok, genitive, inTranslation, inSummary, inSummaryTranslation, unrelated };
  }

  it.each(["військовополонені", "військовополонених", "військовополоненим", "ВІЙСЬКОВОПОЛОНЕНІ"])(
    "a search for “%s” finds every form, in titles, summaries and their translations",
    async (word) => {
      const s = await setup();
      const page = await findActions({ actor: s.staff, params: { q: `${word} ${s.tok}` } });
      expect(ids(page)).toEqual(sorted(s.genitive, s.inTranslation, s.inSummary, s.inSummaryTranslation));
    },
  );

  it("ANDs the words: each must match, in any form", async () => {
    const s = await setup();
    expect(ids(await findActions({ actor: s.staff, params: { q: `зверненнями військовополоненого ${s.tok}` } }))).toEqual(
      sorted(s.genitive),
    );
    expect(ids(await findActions({ actor: s.staff, params: { q: `Женева ${s.tok}` } }))).toEqual(sorted(s.unrelated));
  });

  it("the link picker finds an action by an inflected word of its title or translation", async () => {
    const s = await setup();
    const found = (await searchActionsForLink({ actor: s.staff, q: `військовополонені ${s.tok}` })).map((r) => r.id).sort();
    expect(found).toEqual(sorted(s.genitive, s.inTranslation));
  });

  it("restricted records stay out of the search for those outside their scope", async () => {
    const { staff, otherStaff } = await makeActors();
    const tok = uniq("srch");
    const secret = await makeAction(db, {
      createdById: staff.id,
      title: `Конфіденційне звернення щодо військовополонених ${tok}`,
      confidentiality: "RESTRICTED",
    });
    expect(ids(await findActions({ actor: staff, params: { q: `військовополонені ${tok}` } }))).toEqual([secret.id]);
    expect((await findActions({ actor: otherStaff, params: { q: `військовополонені ${tok}` } })).total).toBe(0);
  });

  it("finds outcomes by inflected words and in their translations", async () => {
    const staff = await makeActor("STAFF");
    const tok = uniq("srch");
    const uk = await makeOutcome(db, {
      createdById: staff.id,
      title: `Обмін військовополоненими ${tok}`,
      originalLanguage: "uk",
    });
    const en = await makeOutcome(db, {
      createdById: staff.id,
      title: `POW exchange ${tok}`,
      titleTranslation: "Повернення військовополонених",
    });
    await makeOutcome(db, { createdById: staff.id, title: `Ухвалено резолюцію ${tok}`, originalLanguage: "uk" });
    expect(ids(await findOutcomes({ actor: staff, params: { q: `військовополонені ${tok}` } }))).toEqual(sorted(uk, en));
    expect((await searchOutcomesForLink({ actor: staff, q: `військовополонений ${tok}` })).map((r) => r.id).sort()).toEqual(
      sorted(uk, en),
    );
  });
});

describe("[SEARCH] names in either alphabet", () => {
  it("“Lubinets” finds Лубінець in any case form, and “Лубінець” finds Lubinets", async () => {
    const staff = await makeActor("STAFF");
    const tok = uniq("srch");
    const a = (title: string, originalLanguage: "uk" | "en" = "en") =>
      makeAction(db, { createdById: staff.id, title, originalLanguage });
    const latin = await a(`Meeting with Commissioner Lubinets ${tok}`);
    const nominative = await a(`Виступ Дмитра Лубінця ${tok}`, "uk");
    const instrumental = await a(`Зустріч із Лубінцем ${tok}`, "uk");
    await a(`Meeting with the ICRC ${tok}`);
    const all = sorted(latin, nominative, instrumental);
    expect(ids(await findActions({ actor: staff, params: { q: `Lubinets ${tok}` } }))).toEqual(all);
    expect(ids(await findActions({ actor: staff, params: { q: `Лубінець ${tok}` } }))).toEqual(all);
    expect(ids(await findActions({ actor: staff, params: { q: `лубінця ${tok}` } }))).toEqual(all);
  });

  it("“Kovalenko” finds Коваленко and Коваленка", async () => {
    const staff = await makeActor("STAFF");
    const tok = uniq("srch");
    const a = await makeAction(db, { createdById: staff.id, title: `Лист Олени Коваленко ${tok}`, originalLanguage: "uk" });
    const b = await makeAction(db, {
      createdById: staff.id,
      title: `Доповідь для пана Коваленка ${tok}`,
      originalLanguage: "uk",
    });
    expect(ids(await findActions({ actor: staff, params: { q: `Kovalenko ${tok}` } }))).toEqual(sorted(a, b));
  });

  it("searches counterpart names in both languages, inflected", async () => {
    const staff = await makeActor("STAFF");
    const tok = uniq("srch");
    const icrc = await makeOrganization(db, {
      name: `International Committee of the Red Cross ${tok}`,
      nameUk: `Міжнародний комітет Червоного Хреста ${tok}`,
      acronym: null,
    });
    const action = await makeAction(db, { createdById: staff.id, title: `Letter ${uniq()}`, organizationIds: [icrc.id] });
    expect(ids(await findActions({ actor: staff, params: { q: `Червоному Хресту ${tok}` } }))).toEqual([action.id]);
    expect(ids(await findActions({ actor: staff, params: { q: `Red Cross ${tok}` } }))).toEqual([action.id]);
  });
});

describe("[SEARCH] organizations and campaigns", () => {
  it("the organizations list finds a body by an inflected word of its Ukrainian name, or in Latin letters", async () => {
    const staff = await makeActor("STAFF");
    const tok = uniq("srch");
    const office = await makeOrganization(db, {
      name: `Ukrainian Parliament Commissioner for Human Rights ${tok}`,
      nameUk: `Уповноважений Верховної Ради України з прав людини ${tok}`,
      acronym: null,
    });
    await makeOrganization(db, { name: `Council of Europe ${tok}`, nameUk: `Рада Європи ${tok}`, acronym: null });
    for (const q of [`Уповноваженого ${tok}`, `Верховна Рада ${tok}`, `Upovnovazhenyi ${tok}`, `human rights ${tok}`])
      expect(ids(await findOrganizations({ actor: staff, params: { q } })), q).toEqual([office.id]);
  });

  it("the campaigns list finds a campaign by an inflected word of either title", async () => {
    const staff = await makeActor("STAFF");
    const tok = uniq("srch");
    const campaign = await makeCampaign(db, {
      title: `Release of prisoners of war ${tok}`,
      titleUk: `Звільнення військовополонених ${tok}`,
    });
    await makeCampaign(db, { title: `Networks ${tok}`, titleUk: `Мережі ${tok}` });
    for (const q of [`військовополонені ${tok}`, `звільненню ${tok}`, `prisoners ${tok}`])
      expect(ids(await findCampaigns({ actor: staff, params: { q } })), q).toEqual([campaign.id]);
  });
});

describe("[SEARCH] the translation queue", () => {
  it("?needsTranslation=1 lists only the flagged actions and outcomes, and combines with the other filters", async () => {
    const staff = await makeActor("STAFF");
    const tok = uniq("queue");
    const flagged = await makeAction(db, {
      createdById: staff.id,
      title: `Звернення ${tok}`,
      originalLanguage: "uk",
      needsTranslation: true,
      type: "DIPLOMATIC_MEETING",
    });
    const flaggedLetter = await makeAction(db, {
      createdById: staff.id,
      title: `Лист ${tok}`,
      originalLanguage: "uk",
      needsTranslation: true,
      type: "LETTER_APPEAL",
    });
    await makeAction(db, { createdById: staff.id, title: `Translated ${tok}`, titleTranslation: "Перекладено" });
    expect(ids(await findActions({ actor: staff, params: { q: tok, needsTranslation: "1" } }))).toEqual(
      sorted(flagged, flaggedLetter),
    );
    expect((await findActions({ actor: staff, params: { q: tok } })).total).toBe(3);
    expect(ids(await findActions({ actor: staff, params: { q: tok, needsTranslation: "1", type: "LETTER_APPEAL" } }))).toEqual(
      sorted(flaggedLetter),
    );
    // anything but "1" is no filter, not an error
    expect((await findActions({ actor: staff, params: { q: tok, needsTranslation: "yes" } })).total).toBe(3);

    const outcome = await makeOutcome(db, {
      createdById: staff.id,
      title: `Результат ${tok}`,
      originalLanguage: "uk",
      needsTranslation: true,
    });
    await makeOutcome(db, { createdById: staff.id, title: `Outcome ${tok}` });
    const page = await findOutcomes({ actor: staff, params: { q: tok, needsTranslation: "1" } });
    expect(ids(page)).toEqual([outcome.id]);
    expect(page.rows[0]).toMatchObject({ needsTranslation: true, originalLanguage: "uk", titleTranslation: null });
  });
});
