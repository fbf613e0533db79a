import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { parseInput } from "./parse";
import {
  enumOf,
  formDataToObject,
  idList,
  isValidIsoDate,
  optionalDate,
  optionalText,
  optionalUrl,
  requiredDate,
  requiredId,
  requiredText,
  toFieldErrors,
} from "./validation";

/** The field error keys a schema gives for one field's value. */
const errorsFor = (schema: z.ZodType, value: unknown) => {
  const r = z.strictObject({ f: schema }).safeParse(value === undefined ? {} : { f: value });
  return r.success ? [] : (toFieldErrors(r.error).f ?? toFieldErrors(r.error));
};
const valueOf = (schema: z.ZodType, value: unknown) => z.strictObject({ f: schema }).parse({ f: value }).f;

describe("isValidIsoDate", () => {
  it.each(["2024-10-01", "2024-02-29", "2000-01-01", "1999-12-31"])("accepts the real day %s", (d) => {
    expect(isValidIsoDate(d)).toBe(true);
  });
  it.each([
    "2023-02-31",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-04-31",
    "24-10-01",
    "2024-1-1",
    "2024-10-01T00:00:00Z",
    "",
    "yesterday",
  ])("refuses %j", (d) => {
    expect(isValidIsoDate(d)).toBe(false);
  });
});

describe("requiredText", () => {
  const s = requiredText(10);
  it.each([undefined, null, "", "   "])("gives validation.required for %j", (v) => {
    expect(errorsFor(s, v)).toEqual(["validation.required"]);
  });
  it("trims what it keeps", () => {
    expect(valueOf(s, "  GANHRI  ")).toBe("GANHRI");
  });
  it("gives validation.tooLong beyond the limit", () => {
    expect(errorsFor(s, "x".repeat(11))).toEqual(["validation.tooLong"]);
  });
  it.each(["a\u0000b", "bell\u0007", "esc\u001B[31m", "del\u007F"])("refuses control characters in %j", (v) => {
    expect(errorsFor(s, v)).toEqual(["validation.controlCharacters"]);
  });
  it("keeps tabs and line breaks, which people do type", () => {
    expect(valueOf(requiredText(100), "line 1\nline\t2\r\n3")).toBe("line 1\nline\t2\r\n3");
  });
  it("accepts Cyrillic text", () => {
    expect(valueOf(requiredText(100), "Звернення щодо військовополонених")).toBe("Звернення щодо військовополонених");
  });
  it("refuses a non-string (e.g. an object posted as JSON)", () => {
    expect(errorsFor(s, { $ne: "" })).toEqual(["validation.required"]);
  });
});

describe("optionalText", () => {
  it("turns an empty or blank string into 'not given'", () => {
    expect(valueOf(optionalText(10), "")).toBeUndefined();
    expect(valueOf(optionalText(10), "   ")).toBeUndefined();
  });
  it("refuses control characters", () => {
    expect(errorsFor(optionalText(10), "a\u0000")).toEqual(["validation.controlCharacters"]);
  });
});

describe("dates", () => {
  it("requiredDate: missing → validation.required, impossible → validation.date", () => {
    expect(errorsFor(requiredDate(), undefined)).toEqual(["validation.required"]);
    expect(errorsFor(requiredDate(), "")).toEqual(["validation.required"]);
    expect(errorsFor(requiredDate(), "2023-02-31")).toEqual(["validation.date"]);
    expect(errorsFor(requiredDate(), "31.01.2024")).toEqual(["validation.date"]);
    expect(valueOf(requiredDate(), " 2024-10-01 ")).toBe("2024-10-01");
  });
  it("optionalDate: blank is absent, impossible is validation.date", () => {
    expect(valueOf(optionalDate(), "")).toBeUndefined();
    expect(errorsFor(optionalDate(), "2023-02-31")).toEqual(["validation.date"]);
  });
});

describe("optionalUrl", () => {
  it.each(["https://ganhri.org/sca", "http://example.org/report.pdf"])("accepts %s", (u) => {
    expect(valueOf(optionalUrl(), u)).toBe(u);
  });
  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>x</script>",
    "file:///etc/passwd",
    "ftp://x.org",
    "not a url",
    "//evil.example",
  ])("refuses %s with validation.url", (u) => {
    expect(errorsFor(optionalUrl(), u)).toEqual(["validation.url"]);
  });
  it("treats a blank as absent", () => {
    expect(valueOf(optionalUrl(), " ")).toBeUndefined();
  });
});

describe("ids", () => {
  it("requiredId: missing → validation.required", () => {
    expect(errorsFor(requiredId(), undefined)).toEqual(["validation.required"]);
    expect(errorsFor(requiredId(), " ")).toEqual(["validation.required"]);
  });

  it("idList de-duplicates, trims and drops blanks", () => {
    expect(valueOf(idList(), ["a", "b", "a", " b ", "", "c"])).toEqual(["a", "b", "c"]);
  });
  it("idList takes a single value (one checked box) or nothing", () => {
    expect(valueOf(idList(), "a")).toEqual(["a"]);
    expect(z.strictObject({ f: idList() }).parse({}).f).toEqual([]);
    expect(valueOf(idList(), null)).toEqual([]);
  });
  it("idList refuses more than 200 ids", () => {
    expect(
      errorsFor(
        idList(),
        Array.from({ length: 201 }, (_, i) => `id${i}`),
      ),
    ).toEqual(["validation.tooMany"]);
  });
});

describe("enumOf", () => {
  it("refuses a value outside the list with validation.choose", () => {
    expect(errorsFor(enumOf(["A", "B"] as const), "C")).toEqual(["validation.choose"]);
  });
  it("applies the default when the field is not sent at all", () => {
    expect(z.strictObject({ f: enumOf(["A", "B"] as const).default("B") }).parse({}).f).toBe("B");
  });
  it("gives validation.choose for a required choice left blank", () => {
    expect(errorsFor(enumOf(["A", "B"] as const), "")).toEqual(["validation.choose"]);
  });
});

describe("toFieldErrors and parseInput", () => {
  const schema = z.strictObject({ title: requiredText(10), date: requiredDate() });

  it("keys each message by its field and collapses duplicates", () => {
    const err = fieldErrorsOfParse(schema, { title: "", date: "2023-02-31" });
    expect(err).toEqual({ title: ["validation.required"], date: ["validation.date"] });
  });

  it("puts unknown keys on _form as validation.invalid (mass assignment refused)", () => {
    const err = fieldErrorsOfParse(schema, { title: "x", date: "2024-01-01", createdById: "someone" });
    expect(err).toEqual({ _form: ["validation.invalid"] });
  });

  it("turns a message that is not a catalogue key into validation.invalid", () => {
    const err = fieldErrorsOfParse(z.strictObject({ n: z.number() }), { n: "x" });
    expect(err).toEqual({ n: ["validation.invalid"] });
  });

  it("returns the parsed data on success", () => {
    expect(parseInput(schema, { title: " A ", date: "2024-01-01" })).toEqual({ title: "A", date: "2024-01-01" });
  });
});

function fieldErrorsOfParse(schema: z.ZodType, input: unknown) {
  try {
    parseInput(schema, input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("VALIDATION");
    expect((e as AppError).key).toBe("errors.validation");
    return (e as AppError).fieldErrors;
  }
  throw new Error("expected a validation error");
}

describe("formDataToObject", () => {
  it("keeps every value of multi fields, the first of others, and drops Next's $ACTION fields", () => {
    const fd = new FormData();
    fd.append("title", "Appeal");
    fd.append("organizationIds", "o1");
    fd.append("organizationIds", "o2");
    fd.append("$ACTION_ID_abc", "x");
    const out = formDataToObject(fd, ["organizationIds", "campaignIds"]);
    expect(out).toEqual({ title: "Appeal", organizationIds: ["o1", "o2"], campaignIds: [] });
  });
});
