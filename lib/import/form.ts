import "server-only";
// The import routes' request: a multipart form with the file and the step's JSON ("request").
import { AppError } from "@/lib/errors";
import type { ImportFile } from "./mutations";
import { IMPORT_MAX_BYTES } from "./schemas";

const tooLarge = () => new AppError("VALIDATION", "import.errors.tooLarge");

export async function readImportForm(req: Request): Promise<{ file: ImportFile; input: unknown }> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > IMPORT_MAX_BYTES + 64 * 1024) throw tooLarge();
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("VALIDATION", "import.errors.unreadable");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("VALIDATION", "import.errors.noFile");
  if (file.size > IMPORT_MAX_BYTES) throw tooLarge();
  let input: unknown;
  try {
    input = JSON.parse(String(form.get("request") ?? "{}"));
  } catch {
    throw new AppError("VALIDATION", "import.errors.unreadable");
  }
  return { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, input };
}
