// Integration tests: status histories are built only from what the reader may see.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAction, makeLink, makeOrganization, makeOutcome } from "@/prisma/factories";
import { makeActor, uniq } from "@/tests/support/fixtures";
import { statusOn } from "./derive";
import { getStatusHistory } from "./queries";

describe("[STATUS HISTORY] per organization, within the reader's visibility", () => {
  it("a restricted de-accreditation and its actions stay hidden from staff outside it", async () => {
    const [author, outsider, manager] = await Promise.all([makeActor("STAFF"), makeActor("STAFF"), makeActor("MANAGER")]);
    const subject = await makeOrganization(db, { name: `Peer institution ${uniq()}`, kind: "NHRI" });
    const network = await makeOrganization(db, { name: `Global alliance ${uniq()}`, acronym: uniq("GA"), kind: "NETWORK" });
    const sca = await makeOrganization(db, { name: `Accreditation committee ${uniq()}`, acronym: "SCA", kind: "NETWORK_BODY", parentId: network.id });
    const regional = await makeOrganization(db, { name: `Regional network ${uniq()}`, acronym: uniq("RN"), kind: "NETWORK" });
    const assembly = await makeOrganization(db, { name: `General Assembly ${uniq()}`, kind: "NETWORK_BODY", parentId: regional.id });

    const removed = await makeOutcome(db, {
      createdById: author.id,
      type: "ACCREDITATION_REMOVED",
      date: "2024-10-01",
      datePrecision: "MONTH",
      decidingBodyId: sca.id,
      subjectId: subject.id,
      statusBefore: "A",
      statusAfter: "none",
      confidentiality: "RESTRICTED",
    });
    const excluded = await makeOutcome(db, {
      createdById: author.id,
      type: "MEMBERSHIP_EXCLUDED",
      date: "2023-04-11",
      decidingBodyId: assembly.id,
      subjectId: subject.id,
      statusBefore: "member",
      statusAfter: "excluded",
      confidentiality: "PUBLIC",
    });
    const publicSpeech = await makeAction(db, { createdById: author.id, type: "SPEECH_STATEMENT", confidentiality: "PUBLIC" });
    const secretLetter = await makeAction(db, { createdById: author.id, confidentiality: "RESTRICTED" });
    await makeLink(db, { actionId: publicSpeech.id, outcomeId: excluded.id, createdById: author.id, contribution: "CONTRIBUTORY" });
    await makeLink(db, { actionId: secretLetter.id, outcomeId: excluded.id, createdById: author.id, contribution: "DECISIVE" });
    // Not a standing, no status: left out. Another subject: left out.
    await makeOutcome(db, { createdById: author.id, type: "RESOLUTION_ADOPTED", subjectId: subject.id, decidingBodyId: assembly.id });
    await makeOutcome(db, { createdById: author.id, type: "MEMBERSHIP_REVOKED", subjectId: network.id, statusBefore: "member", statusAfter: "revoked" });

    const view = async (actor: typeof manager) =>
      (await getStatusHistory({ actor, organizationId: subject.id })).map((t) => ({
        track: `${t.category}:${t.body?.id}`,
        outcomes: t.entries.map((e) => e.id),
        actions: t.entries.flatMap((e) => e.actions.map((a) => a.id)),
      }));

    expect(await view(manager)).toEqual([
      { track: `accreditation:${network.id}`, outcomes: [removed.id], actions: [] },
      { track: `membership:${regional.id}`, outcomes: [excluded.id], actions: [publicSpeech.id, secretLetter.id] },
    ]);
    expect(await view(author)).toEqual(await view(manager));
    expect(await view(outsider)).toEqual([{ track: `membership:${regional.id}`, outcomes: [excluded.id], actions: [publicSpeech.id] }]);

    const [accreditation] = await getStatusHistory({ actor: manager, organizationId: subject.id });
    expect(statusOn(accreditation!, "2024-10-01")).toMatchObject({ kind: "uncertain", before: "A", after: "none" });
    expect(statusOn(accreditation!, "2024-11-01")).toMatchObject({ kind: "known", status: "none" });
  });

  it("a deleted outcome no longer counts", async () => {
    const manager = await makeActor("MANAGER");
    const subject = await makeOrganization(db, { kind: "NHRI" });
    const o = await makeOutcome(db, { createdById: manager.id, type: "MEMBERSHIP_SUSPENDED", subjectId: subject.id, statusBefore: "member", statusAfter: "suspended" });
    expect(await getStatusHistory({ actor: manager, organizationId: subject.id })).toHaveLength(1);
    await db.outcome.update({ where: { id: o.id }, data: { deletedAt: new Date() } });
    expect(await getStatusHistory({ actor: manager, organizationId: subject.id })).toEqual([]);
  });
});
