import "server-only";
import type { Tx } from "./db";
import { AppError } from "./errors";

/**
 * Checks that every id chosen in a form names a live record; a stale or forged id is a field error,
 * not a database error.
 */
export async function assertReferencesExist(
  tx: Tx,
  refs: { organizationIds?: string[]; campaignIds?: string[]; participantIds?: string[]; organizationId?: Record<string, string | undefined> },
): Promise<void> {
  const errors: Record<string, string[]> = {};
  const check = async (field: string, ids: string[] | undefined, count: (ids: string[]) => Promise<number>) => {
    if (!ids?.length) return;
    if ((await count(ids)) !== ids.length) errors[field] = ["validation.unknownReference"];
  };
  await check("organizationIds", refs.organizationIds, (ids) =>
    tx.organization.count({ where: { id: { in: ids }, deletedAt: null } }),
  );
  await check("campaignIds", refs.campaignIds, (ids) => tx.campaign.count({ where: { id: { in: ids }, deletedAt: null } }));
  await check("participantIds", refs.participantIds, (ids) => tx.user.count({ where: { id: { in: ids }, active: true } }));
  for (const [field, id] of Object.entries(refs.organizationId ?? {})) {
    await check(field, id ? [id] : undefined, (ids) => tx.organization.count({ where: { id: { in: ids }, deletedAt: null } }));
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "errors.validation", errors);
}
