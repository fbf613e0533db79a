import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { ZCreateUserInput, ZUpdateUserInput } from "./schemas";

const errorsOf = (schema: typeof ZCreateUserInput | typeof ZUpdateUserInput, input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).fieldErrors;
  }
  throw new Error("expected the input to be refused");
};

const valid = { email: "Officer@Ombudsman.gov.ua ", name: "Officer", role: "STAFF", password: "correct horse battery staple" };

describe("user schemas", () => {
  it("lower-cases and trims the email", () => {
    expect(parseInput(ZCreateUserInput, valid).email).toBe("officer@ombudsman.gov.ua");
  });

  it("refuses a password under 15 characters and over 128", () => {
    expect(errorsOf(ZCreateUserInput, { ...valid, password: "short-password" })).toEqual({
      password: ["validation.passwordTooShort"],
    });
    expect(errorsOf(ZCreateUserInput, { ...valid, password: "x".repeat(129) })).toEqual({
      password: ["validation.passwordTooLong"],
    });
  });

  it("refuses an invalid email and an unknown role", () => {
    expect(errorsOf(ZCreateUserInput, { ...valid, email: "not-an-email", role: "ROOT" })).toEqual({
      email: ["validation.email"],
      role: ["validation.choose"],
    });
  });

  it("refuses setting the password hash or email through the update form", () => {
    expect(errorsOf(ZUpdateUserInput, { name: "x", role: "STAFF", active: true, passwordHash: "$argon2id$..." })).toEqual({
      _form: ["validation.invalid"],
    });
    expect(errorsOf(ZUpdateUserInput, { name: "x", role: "STAFF", active: true, email: "a@b.org" })).toEqual({
      _form: ["validation.invalid"],
    });
  });

  it("reads a checkbox as the active flag", () => {
    expect(parseInput(ZUpdateUserInput, { name: "x", role: "STAFF", active: "on" }).active).toBe(true);
    expect(parseInput(ZUpdateUserInput, { name: "x", role: "STAFF" }).active).toBe(false);
  });
});
