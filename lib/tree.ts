import { AppError } from "./errors";

/**
 * Refuses to put a record under itself or under one of its own descendants (organizations and
 * campaigns are trees). `parentOf` reads one parent id.
 */
export async function assertNoCycle(
  id: string,
  parentId: string | undefined,
  parentOf: (id: string) => Promise<string | null | undefined>,
): Promise<void> {
  for (let cursor = parentId, depth = 0; cursor; depth++) {
    if (cursor === id || depth > 100)
      throw new AppError("VALIDATION", "errors.validation", { parentId: ["validation.parentCycle"] });
    cursor = (await parentOf(cursor)) ?? undefined;
  }
}
