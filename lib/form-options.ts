import "server-only";
import { listCampaignOptions } from "@/lib/campaigns/queries";
import { listOrganizationOptions } from "@/lib/organizations/queries";
import type { Actor } from "@/lib/permissions";
import { listUserOptions } from "@/lib/users/queries";
import { listTerms } from "@/lib/vocabularies/queries";
import { termLabel, type Vocabulary } from "@/lib/vocabularies/vocabularies";

/** A vocabulary as select options (code → label in the user's language). */
export async function termOptions(vocabulary: Vocabulary, locale: string) {
  return (await listTerms(vocabulary)).map((t) => ({ value: t.code, label: termLabel(t, locale) }));
}

/** Everything the action form offers to choose from. */
export async function actionFormOptions(actor: Actor, locale: string) {
  const [types, statuses, organizations, campaigns, users] = await Promise.all([
    termOptions("ACTION_TYPE", locale),
    termOptions("ACTION_STATUS", locale),
    listOrganizationOptions({ actor, locale }),
    listCampaignOptions({ actor, locale }),
    listUserOptions({ actor }),
  ]);
  return { types, statuses, organizations, campaigns, users };
}

export async function outcomeFormOptions(actor: Actor, locale: string) {
  const [types, verifications, organizations, campaigns] = await Promise.all([
    termOptions("OUTCOME_TYPE", locale),
    termOptions("VERIFICATION", locale),
    listOrganizationOptions({ actor, locale }),
    listCampaignOptions({ actor, locale }),
  ]);
  return { types, verifications, organizations, campaigns };
}
