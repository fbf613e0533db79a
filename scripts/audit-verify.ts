// `npm run audit:verify`: walks the audit hash chain and prints "intact, N events, head hash H" or the
// first broken event. Exit code 0 when intact, 1 otherwise. Anchors the head when intact (run it
// daily, e.g. from cron, to keep one anchor a day).
import { verifyAuditChain } from "@/lib/audit-log/chain";
import { db } from "@/lib/db";

async function main() {
  const report = await verifyAuditChain({ actor: null });
  if (report.status === "intact") console.log(`intact, ${report.count} events, head hash ${report.headHash ?? "(empty chain)"}`);
  else if (report.status === "broken")
    console.log(
      `BROKEN at event ${report.brokenEventId} (${report.reason === "hash" ? "its content was changed" : "the chain link before it is missing or changed"}), ${report.count} events verified before it`,
    );
  else
    console.log(
      `TRUNCATED: the last anchor (${report.anchor.at}) recorded head event ${report.anchor.headId} with hash ${report.anchor.headHash}, which is no longer in the chain; the chain now ends at event ${report.headId ?? "none"}`,
    );
  await db.$disconnect();
  process.exit(report.status === "intact" ? 0 : 1);
}

void main();
