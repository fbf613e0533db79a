// Integration tests: each person's interface language is saved on their account (and audited when it
// changes), and the language fields of actions and outcomes go through the domain functions.
import { describe, expect, it } from "vitest";
import { createAction, updateAction } from "@/lib/actions/mutations";
import { getAction, getActionForEdit } from "@/lib/actions/queries";
import { db } from "@/lib/db";
import { actionColumns } from "@/lib/exports/columns";
import { exportTexts } from "@/lib/exports/i18n";
import { createOutcome } from "@/lib/outcomes/mutations";
import { getOutcome } from "@/lib/outcomes/queries";
import { auditRowsFor, expectAppError, makeActor, uniq } from "@/tests/support/fixtures";
import { actionInput, outcomeInput } from "@/tests/support/inputs";
import { updateOwnLocale } from "./mutations";

describe("[LOCALE] the language saved per user", () => {
  it("is English for a new account", async () => {
    const staff = await makeActor("STAFF");
    expect((await db.user.findUniqueOrThrow({ where: { id: staff.id } })).locale).toBe("en");
  });

  it("a person switches to Ukrainian: saved on the account and audited as user.locale_changed", async () => {
    const staff = await makeActor("STAFF");
    expect(await updateOwnLocale({ actor: staff, input: { locale: "uk" } })).toEqual({ locale: "uk", changed: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: staff.id } })).locale).toBe("uk");
    const [row] = await auditRowsFor(staff.id, "user.locale_changed");
    expect(row).toMatchObject({ actorId: staff.id, entity: "User", before: { locale: "en" }, after: { locale: "uk" } });

    // choosing the same language again changes nothing and writes nothing
    expect(await updateOwnLocale({ actor: staff, input: { locale: "uk" } })).toEqual({ locale: "uk", changed: false });
    expect(await auditRowsFor(staff.id, "user.locale_changed")).toHaveLength(1);

    await updateOwnLocale({ actor: staff, input: { locale: "en" } });
    expect((await auditRowsFor(staff.id, "user.locale_changed")).map((r) => r.after)).toEqual([
      { locale: "uk" },
      { locale: "en" },
    ]);
  });

  it("every role may choose its own language; it never touches anyone else's", async () => {
    for (const role of ["STAFF", "MANAGER", "AUDITOR", "ADMIN"] as const) {
      const [me, other] = [await makeActor(role), await makeActor("STAFF")];
      await updateOwnLocale({ actor: me, input: { locale: "uk" } });
      expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).locale).toBe("uk");
      expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).locale).toBe("en");
    }
  });

  it("refuses a language the interface does not speak, and a deactivated account", async () => {
    const staff = await makeActor("STAFF");
    const err = await expectAppError(updateOwnLocale({ actor: staff, input: { locale: "de" } }), "VALIDATION");
    expect(err.fieldErrors).toEqual({ locale: ["validation.choose"] });
    const gone = await makeActor("STAFF", { active: false });
    await expectAppError(updateOwnLocale({ actor: gone, input: { locale: "uk" } }), "UNAUTHENTICATED");
    // the database keeps the last word too
    await expect(db.user.update({ where: { id: staff.id }, data: { locale: "de" } })).rejects.toThrow();
  });
});

describe("[LANGUAGES] the language of a record and its translation", () => {
  it("an action written in Ukrainian, with an English translation and the queue flag from a checkbox", async () => {
    const staff = await makeActor("STAFF");
    const title = `Звернення до МКЧХ щодо військовополонених ${uniq()}`;
    const { id } = await createAction({
      actor: staff,
      input: actionInput({
        title,
        summary: "Просимо забезпечити доступ до військовополонених.",
        originalLanguage: "uk",
        titleTranslation: "Appeal to the ICRC on prisoners of war",
        summaryTranslation: "",
        needsTranslation: "on",
      }),
    });
    const a = await getAction({ actor: staff, id });
    expect(a).toMatchObject({
      title,
      originalLanguage: "uk",
      titleTranslation: "Appeal to the ICRC on prisoners of war",
      summaryTranslation: null,
      needsTranslation: true,
    });
    expect((await getActionForEdit({ actor: staff, id })).values).toMatchObject({
      originalLanguage: "uk",
      titleTranslation: "Appeal to the ICRC on prisoners of war",
      summaryTranslation: "",
      needsTranslation: true,
    });
    const [created] = await auditRowsFor(id, "action.created");
    expect(created.after).toMatchObject({
      originalLanguage: "uk",
      titleTranslation: "Appeal to the ICRC on prisoners of war",
      summaryTranslation: null,
      needsTranslation: true,
    });

    // the translation is written: the flag comes off (an unticked box sends nothing)
    await updateAction({
      actor: staff,
      id,
      input: actionInput({
        title,
        summary: "Просимо забезпечити доступ до військовополонених.",
        originalLanguage: "uk",
        titleTranslation: "Appeal to the ICRC on prisoners of war",
        summaryTranslation: "We ask for access to the prisoners of war.",
      }),
    });
    const [updated] = await auditRowsFor(id, "action.updated");
    expect({ before: updated.before, after: updated.after }).toEqual({
      before: { summaryTranslation: null, needsTranslation: true },
      after: { summaryTranslation: "We ask for access to the prisoners of war.", needsTranslation: false },
    });
  });

  it("an outcome keeps its language and translation; an unknown language is a field error", async () => {
    const staff = await makeActor("STAFF");
    const { id } = await createOutcome({
      actor: staff,
      input: outcomeInput({
        originalLanguage: "en",
        titleTranslation: "Інституцію російського омбудсмана позбавлено акредитації",
      }),
    });
    expect(await getOutcome({ actor: staff, id })).toMatchObject({
      originalLanguage: "en",
      titleTranslation: "Інституцію російського омбудсмана позбавлено акредитації",
      needsTranslation: false,
    });
    await expectAppError(createOutcome({ actor: staff, input: outcomeInput({ originalLanguage: "de" }) }), "VALIDATION");
  });
});

describe("[LANGUAGES] exports in the requester's language", () => {
  it("headers and vocabulary labels in Ukrainian, record text as written", async () => {
    const ctx = { ...exportTexts("uk"), baseUrl: "https://tracker.example.org" };
    const columns = actionColumns(ctx);
    expect(columns.map((c) => c.header)).toEqual([
      "Назва",
      "Вихідний номер",
      "Тип",
      "Дата",
      "Точність дати",
      "Статус",
      "Органи-адресати",
      "Контрольний строк",
      "Результати",
      "Рівень доступу",
      "Посилання",
    ]);
    const term = { code: "LETTER_APPEAL", labelEn: "Letter or appeal", labelUk: "Лист або звернення" };
    const type = columns.find((c) => c.header === "Тип")!;
    expect(type.value({ type: term } as never)).toBe("Лист або звернення");
    expect(actionColumns({ ...exportTexts("en"), baseUrl: "" })[0].header).toBe("Title");
  });
});
