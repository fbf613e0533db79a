// Integration tests: deadlines offered on a record's page, within the reader's visibility.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAction, makeCampaign, makeOrganization, makeOutcome } from "@/prisma/factories";
import { makeActor } from "@/tests/support/fixtures";
import { getFollowUpSuggestions } from "./queries";

describe("[DEADLINES] follow-ups offered from the rules", () => {
  it("CEDAW concluding observations: follow-up information due two years later, with the committee and campaign", async () => {
    const staff = await makeActor("STAFF");
    const un = await makeOrganization(db, { name: "United Nations (test)", acronym: "UN", kind: "INTERGOVERNMENTAL" });
    const cedaw = await makeOrganization(db, { name: "Women's committee (test)", acronym: "CEDAW", kind: "TREATY_BODY", parentId: un.id });
    const campaign = await makeCampaign(db);
    const o = await makeOutcome(db, { createdById: staff.id, type: "UN_CITED_IN_REPORT", date: "2030-02-14", decidingBodyId: cedaw.id, campaignIds: [campaign.id] });
    expect(await getFollowUpSuggestions({ actor: staff, source: "outcome", id: o.id, now: new Date("2030-03-01T10:00:00Z") })).toEqual([
      expect.objectContaining({
        ruleId: "treatyBodyFollowUp",
        due: "2032-02-14",
        basis: "CEDAW",
        passed: false,
        actionType: "TREATY_BODY_REPORT",
        organizationIds: [cedaw.id],
        campaignIds: [campaign.id],
      }),
    ]);
    // The same date seen from later on has passed: shown, not offered.
    const [later] = await getFollowUpSuggestions({ actor: staff, source: "outcome", id: o.id, now: new Date("2033-01-01T00:00:00Z") });
    expect(later?.passed).toBe(true);
  });

  it("a restricted outcome offers nothing to staff who may not see it", async () => {
    const [author, outsider] = await Promise.all([makeActor("STAFF"), makeActor("STAFF")]);
    const o = await makeOutcome(db, { createdById: author.id, type: "DOWNGRADE_RECOMMENDED", date: "2030-10-15", confidentiality: "RESTRICTED" });
    expect(await getFollowUpSuggestions({ actor: outsider, source: "outcome", id: o.id })).toEqual([]);
    expect(await getFollowUpSuggestions({ actor: author, source: "outcome", id: o.id })).toEqual([
      expect.objectContaining({ ruleId: "scaChallengeWindow", due: "2030-11-12" }),
    ]);
  });

  it("a third-party submission to the SCA: check the outcome after its next session", async () => {
    const staff = await makeActor("STAFF");
    const sca = await makeOrganization(db, { acronym: "SCA", kind: "NETWORK_BODY" });
    const a = await makeAction(db, { createdById: staff.id, type: "SCA_THIRD_PARTY_SUBMISSION", date: "2030-09-01", organizationIds: [sca.id] });
    expect(await getFollowUpSuggestions({ actor: staff, source: "action", id: a.id, now: new Date("2030-09-02T00:00:00Z") })).toEqual([
      expect.objectContaining({ ruleId: "scaNextSession", due: "2030-10-31", organizationIds: [sca.id], passed: false }),
    ]);
  });
});
