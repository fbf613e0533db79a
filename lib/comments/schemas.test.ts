import { describe, expect, it } from "vitest";
import { decodeMentions, encodeMentions, mentionedIds, splitMentions, ZCreateComment } from "./schemas";

describe("[COMMENTS] mention format", () => {
  it("encodes picked names as ids, longest first, and back", () => {
    const picked = [
      { id: "u1", name: "Ann" },
      { id: "u2", name: "Ann Lee" },
    ];
    const body = encodeMentions("@Ann Lee and @Ann, see @Bob", picked);
    expect(body).toBe("<@u2> and <@u1>, see @Bob");
    expect(mentionedIds(body)).toEqual(["u2", "u1"]);
    expect(decodeMentions(body, new Map([["u1", "Ann"], ["u2", "Ann Lee"]]))).toBe("@Ann Lee and @Ann, see @Bob");
  });

  it("a typed token is not a mention", () => {
    const body = encodeMentions("look <@u9>", []);
    expect(mentionedIds(body)).toEqual([]);
  });

  it("splits into text and mention parts, HTML kept as text", () => {
    expect(splitMentions("<img src=x onerror=alert(1)> <@u1>!")).toEqual([
      { type: "text", text: "<img src=x onerror=alert(1)> " },
      { type: "mention", userId: "u1" },
      { type: "text", text: "!" },
    ]);
  });

  it("refuses an empty comment and unknown keys", () => {
    expect(ZCreateComment.safeParse({ recordType: "Action", recordId: "a", body: "  " }).success).toBe(false);
    expect(ZCreateComment.safeParse({ recordType: "Action", recordId: "a", body: "x", extra: 1 }).success).toBe(false);
    expect(ZCreateComment.safeParse({ recordType: "User", recordId: "a", body: "x" }).success).toBe(false);
  });
});
