// Integration tests: what the database refuses becomes a clear, expected error, not a 500 with a
// reference, and the answer carries nothing of the database's own message.
import { describe, expect, it } from "vitest";
import { createAction } from "@/lib/actions/mutations";
import { getAction } from "@/lib/actions/queries";
import { toAppError } from "@/lib/errors";
import { makeActor, uniq } from "@/tests/support/fixtures";
import { actionInput } from "@/tests/support/inputs";

const caught = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
};

describe("[ERRORS] input the database cannot store", () => {
  it("a NUL byte in an id is a 400 'cannot be stored', not an unexpected error", async () => {
    const staff = await makeActor("STAFF");
    const mapped = toAppError(await caught(getAction({ actor: staff, id: "abc\u0000def" })));
    expect(mapped?.code).toBe("BAD_REQUEST");
    expect(mapped?.key).toBe("security.invalidCharacter");
  });

  it("a NUL byte in a text field is a field message before the database sees it", async () => {
    const staff = await makeActor("STAFF");
    const mapped = toAppError(await caught(createAction({ actor: staff, input: actionInput({ title: `NUL\u0000${uniq()}` }) })));
    expect(mapped?.code).toBe("VALIDATION");
    expect(mapped?.fieldErrors?.title).toBeTruthy();
  });
});
