// The text of reminder emails, in each person's language. Pure: email.ts gathers what to say.
import { exportTexts } from "@/lib/exports/i18n";

export type ReminderItem = {
  kind: "MENTION" | "FOLLOW_UP_DUE" | "OVERDUE";
  /** null for a restricted record: its title never leaves the app by email */
  title: string | null;
  actorName: string | null;
  url: string;
};

export type ReminderEmail = { subject: string; text: string };

function lines(locale: string) {
  const { t } = exportTexts(locale);
  const say = (i: ReminderItem) =>
    t(`notifications.kinds.${i.kind}`, {
      actor: i.actorName ?? t("notifications.someone"),
      title: i.title ?? t("notifications.email.restricted"),
    });
  return { t, say };
}

/** One email for one notification (the "immediately" preference). */
export function composeReminder(input: { locale: string; name: string; item: ReminderItem; accountUrl: string }): ReminderEmail {
  const { t, say } = lines(input.locale);
  return {
    subject: `${say(input.item)} · Advocacy Tracker`,
    text: [
      t("notifications.email.greeting", { name: input.name }),
      "",
      say(input.item),
      input.item.url,
      "",
      "—",
      t("notifications.email.footer", { url: input.accountUrl }),
    ].join("\n"),
  };
}

/** One email a day with everything not yet emailed (the "daily digest" preference). */
export function composeDigest(input: { locale: string; name: string; items: readonly ReminderItem[]; accountUrl: string }): ReminderEmail {
  const { t, say } = lines(input.locale);
  return {
    subject: t("notifications.email.digestSubject", { count: input.items.length }),
    text: [
      t("notifications.email.greeting", { name: input.name }),
      "",
      t("notifications.email.digestIntro"),
      "",
      ...input.items.flatMap((i) => [`• ${say(i)}`, `  ${i.url}`]),
      "",
      "—",
      t("notifications.email.footer", { url: input.accountUrl }),
    ].join("\n"),
  };
}
