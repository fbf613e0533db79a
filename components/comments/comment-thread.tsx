"use client";

import * as React from "react";
import { useActionState } from "react";
import { MessageSquare } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { createCommentAction, deleteCommentAction, updateCommentAction } from "@/app/(app)/comments/server-actions";
import { FormMessage } from "@/components/forms/fields";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { decodeMentions, encodeMentions, splitMentions, type CommentDTO, type CommentRecordType } from "@/lib/comments/schemas";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/form-state";
import { MentionTextarea, type Person } from "./mention-textarea";

type Props = {
  recordType: CommentRecordType;
  recordId: string;
  comments: CommentDTO[];
  people: Person[];
  canWrite: boolean;
  className?: string;
};

/** A record's discussion: comments as plain text, @mentions shown as names, the composer at the foot. */
export function CommentThread({ recordType, recordId, comments, people, canWrite, className }: Props) {
  const t = useTranslations("comments");
  const path = `/${recordType === "Action" ? "actions" : recordType === "Outcome" ? "outcomes" : "campaigns"}/${recordId}`;
  return (
    <Card className={className} role="region" aria-labelledby="comments-heading" data-testid="comments">
      <CardHeader>
        <CardTitle id="comments-heading">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {comments.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <MessageSquare aria-hidden className="size-4" />
            {t("empty")}
          </p>
        ) : (
          <ol className="space-y-4" aria-label={t("count", { count: comments.length })}>
            {comments.map((c) => (
              <CommentItem key={c.id} comment={c} people={people} path={path} />
            ))}
          </ol>
        )}
        {canWrite && <Composer recordType={recordType} recordId={recordId} people={people} />}
      </CardContent>
    </Card>
  );
}

/** The stored text rendered as text nodes (React escapes them): never as HTML. */
function CommentBody({ comment }: { comment: CommentDTO }) {
  const names = new Map(comment.mentions.map((m) => [m.id, m.name]));
  return (
    <p className="text-sm break-words whitespace-pre-wrap" data-testid="comment-body">
      {splitMentions(comment.body).map((part, i) =>
        part.type === "text" ? (
          <React.Fragment key={i}>{part.text}</React.Fragment>
        ) : (
          <span key={i} className="rounded bg-primary/10 px-1 font-medium text-primary">
            @{names.get(part.userId) ?? "?"}
          </span>
        ),
      )}
    </p>
  );
}

function CommentItem({ comment, people, path }: { comment: CommentDTO; people: Person[]; path: string }) {
  const t = useTranslations("comments");
  const format = useFormatter();
  const [editing, setEditing] = React.useState(false);
  const [deleteState, deleteAction, deleting] = useActionState(deleteCommentAction.bind(null, comment.id, path), INITIAL_FORM_STATE);
  return (
    <li className="rounded-md border p-3" data-testid="comment">
      <div className="mb-1 flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium">{comment.author.name}</span>
        <time className="text-xs text-muted-foreground" dateTime={comment.createdAt}>
          {format.dateTime(new Date(comment.createdAt), { dateStyle: "medium", timeStyle: "short" })}
        </time>
        {comment.editedAt && <span className="text-xs text-muted-foreground">({t("edited")})</span>}
      </div>
      {editing ? (
        <EditForm comment={comment} people={people} path={path} onDone={() => setEditing(false)} />
      ) : (
        <>
          <CommentBody comment={comment} />
          {(comment.canEdit || comment.canDelete) && (
            <div className="mt-2 flex gap-2">
              {comment.canEdit && (
                <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(true)}>
                  {t("edit")}
                </Button>
              )}
              {comment.canDelete && (
                <form
                  action={deleteAction}
                  onSubmit={(e) => {
                    if (!window.confirm(t("confirmDelete"))) e.preventDefault();
                  }}
                >
                  <Button type="submit" size="sm" variant="ghost" className="text-destructive" disabled={deleting}>
                    {t("delete")}
                  </Button>
                </form>
              )}
            </div>
          )}
          <FormMessage state={deleteState} />
        </>
      )}
    </li>
  );
}

/** Shared by the composer and the edit form: the text, the people picked, the encoded body. */
function useMentionText(initial: string, initialPicked: Person[] = []) {
  const [text, setText] = React.useState(initial);
  const [picked, setPicked] = React.useState<Person[]>(initialPicked);
  const onPick = (p: Person) => setPicked((list) => (list.some((x) => x.id === p.id) ? list : [...list, p]));
  return { text, setText, picked, onPick, body: encodeMentions(text, picked) };
}

function Composer({ recordType, recordId, people }: { recordType: CommentRecordType; recordId: string; people: Person[] }) {
  const t = useTranslations("comments");
  const tv = useTranslations();
  const m = useMentionText("");
  const { setText } = m;
  const [state, action, pending] = useActionState(
    async (prev: FormState, fd: FormData) => {
      const next = await createCommentAction(recordType, recordId, prev, fd);
      if (next.ok) setText("");
      return next;
    },
    INITIAL_FORM_STATE,
  );
  const errors = state.fieldErrors?.body;
  return (
    <form action={action} className="space-y-2 border-t pt-4">
      <label htmlFor="new-comment" className="text-sm font-medium">
        {t("label")}
      </label>
      <MentionTextarea
        id="new-comment"
        label={t("label")}
        people={people}
        value={m.text}
        onChange={m.setText}
        onPick={m.onPick}
        invalid={!!errors}
        describedBy={errors ? "new-comment-error" : undefined}
      />
      <input type="hidden" name="body" value={m.body} />
      {errors && (
        <p id="new-comment-error" className="text-sm text-destructive">
          {errors.map((k) => tv(k as never)).join(" ")}
        </p>
      )}
      <FormMessage state={errors ? { ...state, messageKey: undefined } : state} />
      <p aria-live="polite" className="sr-only">
        {state.ok ? t("posted") : ""}
      </p>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending || !m.text.trim()}>
          {pending ? t("posting") : t("post")}
        </Button>
      </div>
    </form>
  );
}

function EditForm({ comment, people, path, onDone }: { comment: CommentDTO; people: Person[]; path: string; onDone: () => void }) {
  const t = useTranslations("comments");
  const tv = useTranslations();
  const names = new Map(comment.mentions.map((p) => [p.id, p.name]));
  const m = useMentionText(decodeMentions(comment.body, names), comment.mentions);
  const [state, action, pending] = useActionState(async (prev: FormState, fd: FormData) => {
    const next = await updateCommentAction(comment.id, path, prev, fd);
    if (next.ok) onDone();
    return next;
  }, INITIAL_FORM_STATE);
  const errors = state.fieldErrors?.body;
  const id = `edit-${comment.id}`;
  return (
    <form action={action} className="space-y-2">
      <MentionTextarea
        id={id}
        label={t("editLabel")}
        people={people}
        value={m.text}
        onChange={m.setText}
        onPick={m.onPick}
        invalid={!!errors}
        describedBy={errors ? `${id}-error` : undefined}
      />
      <input type="hidden" name="body" value={m.body} />
      {errors && (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {errors.map((k) => tv(k as never)).join(" ")}
        </p>
      )}
      <FormMessage state={errors ? { ...state, messageKey: undefined } : state} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" size="sm" onClick={onDone}>
          {t("cancel")}
        </Button>
        <Button type="submit" size="sm" disabled={pending || !m.text.trim()}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
