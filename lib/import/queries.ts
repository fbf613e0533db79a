import "server-only";
// Reads for the import page: past imports, and the mapping to preselect for a file's headers.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/permissions";
import { preselectMapping } from "./parse";
import { IMPORT_KINDS, type ImportKind, type Mapping } from "./schemas";

export type ImportBatchDTO = {
  id: string;
  kind: ImportKind;
  fileName: string;
  by: string;
  at: string;
  created: number;
  updated: number;
  skipped: number;
  undoneAt: string | null;
};

/** The latest imports, newest first (who, when, counts, whether undone). */
export async function findImportBatches({ actor, take = 20 }: { actor: Actor; take?: number }): Promise<ImportBatchDTO[]> {
  assertCan(actor, "import.run");
  const batches = await db.importBatch.findMany({ orderBy: { createdAt: "desc" }, take });
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(batches.map((b) => b.createdById))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return batches.map((b) => ({
    id: b.id,
    kind: b.kind as ImportKind,
    fileName: b.fileName,
    by: nameOf.get(b.createdById) ?? "",
    at: b.createdAt.toISOString(),
    created: b.created,
    updated: b.updated,
    skipped: b.skipped,
    undoneAt: b.undoneAt?.toISOString() ?? null,
  }));
}

/** The mapping to preselect: the person's last one for this kind where its headers fit, else guessed. */
export async function mappingFor({ actor, kind, headers }: { actor: Actor; kind: string; headers: string[] }): Promise<Mapping> {
  assertCan(actor, "import.run");
  const k: ImportKind = (IMPORT_KINDS as readonly string[]).includes(kind) ? (kind as ImportKind) : "action";
  const saved = await db.importMapping.findUnique({ where: { userId_kind: { userId: actor.id, kind: k } } });
  return preselectMapping(k, headers, (saved?.mapping as Mapping | undefined) ?? null);
}
