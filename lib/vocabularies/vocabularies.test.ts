// Vocabularies: terms are data managers may retire; a retired or unknown code is a field error.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAction } from "@/lib/actions/mutations";
import { expectAppError, makeActor, uniq } from "@/tests/support/fixtures";
import { actionInput } from "@/tests/support/inputs";
import { listTerms, termIdByCode } from "./queries";
import { termLabel } from "./vocabularies";

describe("[VOCABULARIES]", () => {
  it("resolves a code to its term and refuses unknown codes as a field error", async () => {
    const id = await db.$transaction((tx) => termIdByCode(tx, "CONTRIBUTION", "DECISIVE", "contribution"));
    expect((await db.term.findUniqueOrThrow({ where: { id } })).code).toBe("DECISIVE");
    const err = await expectAppError(
      db.$transaction((tx) => termIdByCode(tx, "CONTRIBUTION", "HUGE", "contribution")),
      "VALIDATION",
    );
    expect(err.fieldErrors).toEqual({ contribution: ["validation.choose"] });
  });

  it("a retired action type can no longer be chosen, and is listed only when asked for", async () => {
    const code = uniq("RETIRED_").toUpperCase();
    await db.term.create({
      data: {
        vocabulary: "ACTION_TYPE",
        code,
        labelEn: "Retired type",
        labelUk: "Застарілий тип",
        active: false,
        sortOrder: 9999,
      },
    });
    const staff = await makeActor("STAFF");
    const err = await expectAppError(createAction({ actor: staff, input: actionInput({ type: code }) }), "VALIDATION");
    expect(err.fieldErrors).toEqual({ type: ["validation.choose"] });
    expect((await listTerms("ACTION_TYPE")).some((t) => t.code === code)).toBe(false);
    expect((await listTerms("ACTION_TYPE", true)).some((t) => t.code === code)).toBe(true);
  });

  it("lists terms in their display order", async () => {
    const codes = (await listTerms("ACTION_STATUS")).map((t) => t.code);
    expect(codes.indexOf("DRAFT")).toBeLessThan(codes.indexOf("SENT"));
    expect(codes.indexOf("SENT")).toBeLessThan(codes.indexOf("CLOSED"));
  });

  it("labels a term in Ukrainian or English, falling back to English", () => {
    expect(termLabel({ labelEn: "Sent", labelUk: "Надіслано" }, "uk")).toBe("Надіслано");
    expect(termLabel({ labelEn: "Sent", labelUk: "Надіслано" }, "en")).toBe("Sent");
    expect(termLabel({ labelEn: "Sent", labelUk: "" }, "uk")).toBe("Sent");
  });
});
