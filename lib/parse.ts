import { z } from "zod";
import { AppError } from "./errors";
import { toFieldErrors } from "./validation";

/** Parses untrusted input with a schema; failure is a VALIDATION AppError with field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("VALIDATION", "errors.validation", toFieldErrors(result.error));
  return result.data;
}
