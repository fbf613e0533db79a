// Managers edit vocabularies: labels in both languages, order, retire/reactivate, new terms with a
// code; each change audited; everyone else is refused.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { auditRowsFor, expectAppError, makeActor, uniq } from "@/tests/support/fixtures";
import { listTerms, listVocabularyTerms } from "./queries";
import { createTerm, moveTerm, setTermActive, updateTermLabels } from "./mutations";

const newTerm = (code = uniq("JOINT_").toUpperCase()) => ({ vocabulary: "ACTION_TYPE", code, labelEn: `Joint letter ${code}`, labelUk: `Спільний лист ${code}` });

describe("[VOCABULARIES] editing", () => {
  it("a manager adds a term with a code and labels in both languages; it is offered at the end and audited", async () => {
    const manager = await makeActor("MANAGER");
    const input = { ...newTerm(), code: ` ${uniq("joint_")} ` }; // typed in lower case, with spaces
    const term = await createTerm({ actor: manager, input });
    expect(term.code).toBe(input.code.trim().toUpperCase());
    const terms = await listTerms("ACTION_TYPE");
    expect(terms.at(-1)?.id).toBe(term.id);
    const [row] = await auditRowsFor(term.id, "term.created");
    expect(row.after).toMatchObject({ vocabulary: "ACTION_TYPE", code: term.code, labelUk: input.labelUk });
  });

  it("refuses a code in use, a malformed code and blank labels, with a message per field", async () => {
    const manager = await makeActor("MANAGER");
    const taken = await expectAppError(createTerm({ actor: manager, input: { ...newTerm(), code: "SENT", vocabulary: "ACTION_STATUS" } }), "VALIDATION");
    expect(taken.fieldErrors).toEqual({ code: ["validation.termCodeTaken"] });
    const bad = await expectAppError(createTerm({ actor: manager, input: { ...newTerm("лист"), labelUk: " " } }), "VALIDATION");
    expect(bad.fieldErrors).toEqual({ code: ["validation.termCode"], labelUk: ["validation.required"] });
    const extra = await expectAppError(createTerm({ actor: manager, input: { ...newTerm(), active: false } }), "VALIDATION");
    expect(Object.keys(extra.fieldErrors ?? {})).not.toHaveLength(0);
  });

  it("a manager relabels a term; the audit row holds the labels before and after", async () => {
    const manager = await makeActor("MANAGER");
    const term = await createTerm({ actor: manager, input: newTerm() });
    const updated = await updateTermLabels({ actor: manager, id: term.id, input: { labelEn: "Joint appeal", labelUk: "Спільне звернення" } });
    expect(updated).toMatchObject({ code: term.code, labelEn: "Joint appeal", labelUk: "Спільне звернення" });
    const [row] = await auditRowsFor(term.id, "term.updated");
    expect(row.before).toEqual({ labelEn: term.labelEn, labelUk: term.labelUk });
    expect(row.after).toEqual({ labelEn: "Joint appeal", labelUk: "Спільне звернення" });
    // saving the same labels again changes nothing and writes no row
    await updateTermLabels({ actor: manager, id: term.id, input: { labelEn: "Joint appeal", labelUk: "Спільне звернення" } });
    expect(await auditRowsFor(term.id, "term.updated")).toHaveLength(1);
  });

  it("a manager moves a term up and down; first and last stay put", async () => {
    const manager = await makeActor("MANAGER");
    const a = await createTerm({ actor: manager, input: { ...newTerm(), vocabulary: "ORGANIZATION_KIND" } });
    const b = await createTerm({ actor: manager, input: { ...newTerm(), vocabulary: "ORGANIZATION_KIND" } });
    const order = async () => (await listTerms("ORGANIZATION_KIND", true)).map((t) => t.id).filter((id) => id === a.id || id === b.id);
    expect(await order()).toEqual([a.id, b.id]);
    await moveTerm({ actor: manager, id: b.id, input: { direction: "up" } });
    expect(await order()).toEqual([b.id, a.id]);
    await moveTerm({ actor: manager, id: b.id, input: { direction: "down" } });
    expect(await order()).toEqual([a.id, b.id]);
    const [row] = await auditRowsFor(b.id, "term.reordered");
    expect(row.after).toHaveProperty("position");
  });

  it("a retired term is no longer offered but still listed for the editor, and comes back when reactivated", async () => {
    const manager = await makeActor("MANAGER");
    const term = await createTerm({ actor: manager, input: newTerm() });
    await setTermActive({ actor: manager, id: term.id, input: { active: false } });
    expect((await listTerms("ACTION_TYPE")).some((t) => t.id === term.id)).toBe(false);
    const staff = await makeActor("STAFF");
    expect((await listVocabularyTerms({ actor: staff, vocabulary: "ACTION_TYPE" })).find((t) => t.id === term.id)?.active).toBe(false);
    await setTermActive({ actor: manager, id: term.id, input: { active: "true" } });
    expect((await listTerms("ACTION_TYPE")).some((t) => t.id === term.id)).toBe(true);
    expect((await auditRowsFor(term.id)).map((r) => r.event)).toEqual(expect.arrayContaining(["term.retired", "term.reactivated"]));
  });

  it("staff, auditors and administrators cannot change a vocabulary", async () => {
    const manager = await makeActor("MANAGER");
    const term = await createTerm({ actor: manager, input: newTerm() });
    for (const role of ["STAFF", "AUDITOR", "ADMIN"] as const) {
      const actor = await makeActor(role);
      await expectAppError(createTerm({ actor, input: newTerm() }), "FORBIDDEN");
      await expectAppError(updateTermLabels({ actor, id: term.id, input: { labelEn: "x", labelUk: "х" } }), "FORBIDDEN");
      await expectAppError(moveTerm({ actor, id: term.id, input: { direction: "up" } }), "FORBIDDEN");
      await expectAppError(setTermActive({ actor, id: term.id, input: { active: false } }), "FORBIDDEN");
    }
    expect((await db.term.findUniqueOrThrow({ where: { id: term.id } })).labelEn).toBe(term.labelEn);
  });

  it("an unknown term is not found", async () => {
    const manager = await makeActor("MANAGER");
    await expectAppError(updateTermLabels({ actor: manager, id: "nope", input: { labelEn: "x", labelUk: "х" } }), "NOT_FOUND");
  });
});
