// Comments: input schemas and the mention format. Safe in the browser (no server imports).
// A comment is plain text; a mention is stored as the token <@userId> and shown as the person's name.
import { z } from "zod";

export const COMMENT_MAX = 5000;
export const COMMENT_RECORD_TYPES = ["Action", "Outcome", "Campaign"] as const;
export type CommentRecordType = (typeof COMMENT_RECORD_TYPES)[number];

const ZBody = z
  .string()
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "validation.required").max(COMMENT_MAX, "validation.tooLong"));

export const ZCreateComment = z.strictObject({
  recordType: z.enum(COMMENT_RECORD_TYPES),
  recordId: z.string().min(1).max(64),
  body: ZBody,
});
export type TCreateComment = z.infer<typeof ZCreateComment>;

export const ZUpdateComment = z.strictObject({ body: ZBody });

const MENTION = /<@([a-z0-9]{1,64})>/g;

/** The distinct user ids mentioned in a stored body. */
export const mentionedIds = (body: string): string[] => [...new Set([...body.matchAll(MENTION)].map((m) => m[1]))];

export type CommentPart = { type: "text"; text: string } | { type: "mention"; userId: string };

/** A stored body split into text and mentions, for rendering as text (never as HTML). */
export function splitMentions(body: string): CommentPart[] {
  const parts: CommentPart[] = [];
  let last = 0;
  for (const m of body.matchAll(MENTION)) {
    if (m.index > last) parts.push({ type: "text", text: body.slice(last, m.index) });
    parts.push({ type: "mention", userId: m[1] });
    last = m.index + m[0].length;
  }
  if (last < body.length) parts.push({ type: "text", text: body.slice(last) });
  return parts;
}

/**
 * The composer's text ("@Maria Petrenko, see …") to the stored form, given the people picked in it:
 * each "@Name" of a picked person becomes <@id>; any other "@" stays text. Longest names first, so
 * "@Ann Lee" wins over "@Ann".
 */
export function encodeMentions(text: string, picked: readonly { id: string; name: string }[]): string {
  let out = text.replace(/<@/g, "< @"); // typed tokens are not mentions
  for (const p of [...picked].sort((a, b) => b.name.length - a.name.length)) {
    out = out.split(`@${p.name}`).join(`<@${p.id}>`);
  }
  return out;
}

/** The stored form back to the composer's text, with names. */
export function decodeMentions(body: string, names: ReadonlyMap<string, string>): string {
  return splitMentions(body)
    .map((p) => (p.type === "text" ? p.text : `@${names.get(p.userId) ?? "?"}`))
    .join("");
}

export type CommentDTO = {
  id: string;
  body: string;
  author: { id: string; name: string };
  createdAt: string;
  editedAt: string | null;
  /** id → name of everyone mentioned */
  mentions: { id: string; name: string }[];
  canEdit: boolean;
  canDelete: boolean;
};
