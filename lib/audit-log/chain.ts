import "server-only";
import { chainHash } from "@/lib/audit-hash";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/permissions";

export type ChainReport =
  | { status: "intact"; count: number; headId: string | null; headHash: string | null; anchor: AnchorDTO | null }
  | { status: "broken"; count: number; brokenEventId: string; reason: "hash" | "link"; anchor: AnchorDTO | null }
  | { status: "truncated"; count: number; headId: string | null; headHash: string | null; anchor: AnchorDTO };

export type AnchorDTO = { id: string; at: string; headId: string; headHash: string; eventCount: number };

const BATCH = 5_000;

const toAnchor = (a: { id: bigint; at: Date; headId: bigint; headHash: string; eventCount: number }): AnchorDTO => ({
  id: a.id.toString(),
  at: a.at.toISOString(),
  headId: a.headId.toString(),
  headHash: a.headHash,
  eventCount: a.eventCount,
});

/**
 * Walks the whole chain in id order and recomputes every hash. Reports the first row whose hash does
 * not match its content ("hash": the row was edited) or whose prevHash does not name the row before
 * it ("link": a row was removed or inserted). Then compares the head with the last anchor: if the
 * anchored head is gone or changed, rows were removed from the end ("truncated").
 */
export async function checkAuditChain(): Promise<ChainReport> {
  const anchorRow = await db.auditAnchor.findFirst({ orderBy: { id: "desc" } });
  const anchor = anchorRow ? toAnchor(anchorRow) : null;
  let prevHash: string | null = null;
  let headId: bigint | null = null;
  let count = 0;
  let anchorSeen = false;
  for (let cursor: bigint | undefined; ; ) {
    const rows = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const r of rows) {
      if (r.prevHash !== prevHash) return { status: "broken", count, brokenEventId: r.id.toString(), reason: "link", anchor };
      if (chainHash(r.prevHash, r) !== r.hash) return { status: "broken", count, brokenEventId: r.id.toString(), reason: "hash", anchor };
      if (anchorRow && r.id === anchorRow.headId && r.hash === anchorRow.headHash) anchorSeen = true;
      prevHash = r.hash;
      headId = r.id;
      count++;
    }
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1].id;
  }
  const head = { headId: headId?.toString() ?? null, headHash: prevHash };
  if (anchor && !anchorSeen) return { status: "truncated", count, ...head, anchor };
  return { status: "intact", count, ...head, anchor };
}

/**
 * An auditor's (or the daily job's) verification: checks the chain, records the verification in the
 * audit trail itself, and when the chain is intact anchors its new head.
 */
export async function verifyAuditChain({ actor }: { actor: Actor | null }): Promise<ChainReport> {
  if (actor) assertCan(actor, "audit.read");
  const report = await checkAuditChain();
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actor,
      event: "audit.verified",
      entity: "AuditEvent",
      after: { status: report.status, count: report.count, ...(report.status === "broken" ? { brokenEventId: report.brokenEventId } : {}) },
    });
    if (report.status !== "intact") return;
    // The verification's own event is now the head: anchor that.
    const head = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
    if (head) await tx.auditAnchor.create({ data: { headId: head.id, headHash: head.hash, eventCount: report.count + 1 } });
  });
  return report;
}

/** Anchors, newest first: the printable record of the chain's head over time. */
export async function listAnchors({ actor, take = 60 }: { actor: Actor; take?: number }): Promise<AnchorDTO[]> {
  assertCan(actor, "audit.read");
  return (await db.auditAnchor.findMany({ orderBy: { id: "desc" }, take })).map(toAnchor);
}
