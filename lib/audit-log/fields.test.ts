import { describe, expect, it } from "vitest";
import { collectRefs, emptyWanted, fieldChanges, type Resolver } from "./fields";

const resolve: Resolver = {
  term: (vocabulary, code) =>
    code === "SENT"
      ? { type: "term", code, labelEn: "Sent", labelUk: "Надіслано" }
      : { type: "unknown", value: `${vocabulary}:${code}` },
  record: (entity, id) =>
    id === "secret" ? { type: "hidden" } : { type: "record", entity, id, label: `${entity} ${id}`, href: `/x/${id}` },
};

describe("fieldChanges", () => {
  it("an update: only the fields that differ, in the entity's order, terms resolved", () => {
    const changes = fieldChanges(
      "Action",
      { title: "A", status: "DRAFT", date: "2024-01-01" },
      { title: "B", status: "SENT", date: "2024-01-01" },
      resolve,
    );
    expect(changes.map((c) => c.field)).toEqual(["title", "status"]);
    expect(changes[1]).toEqual({
      field: "status",
      before: { kind: "ref", ref: { type: "unknown", value: "ACTION_STATUS:DRAFT" } },
      after: { kind: "ref", ref: { type: "term", code: "SENT", labelEn: "Sent", labelUk: "Надіслано" } },
    });
  });

  it("lists say what was added and removed", () => {
    const [c] = fieldChanges("Action", { organizationIds: ["a", "b"] }, { organizationIds: ["b", "c"] }, resolve);
    expect(c.added).toEqual([{ type: "record", entity: "Organization", id: "c", label: "Organization c", href: "/x/c" }]);
    expect(c.removed).toEqual([{ type: "record", entity: "Organization", id: "a", label: "Organization a", href: "/x/a" }]);
  });

  it("a creation lists the fields that have a value; dates, enums and unknown fields keep their kind", () => {
    const changes = fieldChanges(
      "Action",
      null,
      { title: "T", summary: null, campaignIds: [], date: "2024-10-01", confidentiality: "RESTRICTED", extra: { a: 1 } },
      resolve,
    );
    expect(changes).toEqual([
      { field: "title", before: { kind: "none" }, after: { kind: "text", text: "T" } },
      { field: "date", before: { kind: "none" }, after: { kind: "date", date: "2024-10-01" } },
      {
        field: "confidentiality",
        before: { kind: "none" },
        after: { kind: "enum", group: "confidentiality", value: "RESTRICTED" },
      },
      { field: "extra", before: { kind: "none" }, after: { kind: "text", text: '{"a":1}' } },
    ]);
  });

  it("a deletion lists the values the record had; omitted fields are left out", () => {
    const changes = fieldChanges(
      "ActionOutcomeLink",
      { actionId: "x", outcomeId: "secret", contribution: "SENT", evidenceNote: null },
      null,
      resolve,
      ["actionId", "outcomeId"],
    );
    expect(changes.map((c) => c.field)).toEqual(["contribution"]);
    expect(changes[0].after).toEqual({ kind: "none" });
  });

  it("a record the reader may not see stays hidden", () => {
    const [c] = fieldChanges("ActionOutcomeLink", null, { outcomeId: "secret" }, resolve);
    expect(c.after).toEqual({ kind: "ref", ref: { type: "hidden" } });
  });
});

describe("collectRefs", () => {
  it("gathers codes per vocabulary and ids per kind of record", () => {
    const wanted = emptyWanted();
    collectRefs(
      wanted,
      "Action",
      { status: "SENT", organizationIds: ["o1"], participantIds: ["u1"] },
      { status: "DRAFT", title: "x" },
    );
    collectRefs(wanted, "Outcome", { decidingBodyId: "o2" }, null);
    expect([...wanted.terms.get("ACTION_STATUS")!]).toEqual(["SENT", "DRAFT"]);
    expect([...wanted.ids.get("Organization")!]).toEqual(["o1", "o2"]);
    expect([...wanted.ids.get("User")!]).toEqual(["u1"]);
  });
});
