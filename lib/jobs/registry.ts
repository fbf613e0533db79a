import "server-only";
import { foldDayCountShards } from "@/lib/day-counts";
import { mailerFromEnv } from "@/lib/mail";
import { sendReminderEmails } from "@/lib/reminders/email";
import { scanFollowUps } from "@/lib/reminders/scan";
import type { JobDefinition } from "./runner";

const MINUTE = 60_000;

/** The address links in emails point to. */
export const appUrl = (env: NodeJS.ProcessEnv = process.env) => (env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");

/** Every background job of the app. The jobs page lists them in this order. */
export const JOBS = [
  {
    // follow-ups due soon or overdue become notifications (lib/reminders/rules.ts says when)
    name: "reminders.scan",
    everyMs: 10 * MINUTE,
    leaseMs: 5 * MINUTE,
    run: ({ client, now }) => scanFollowUps(client, now),
  },
  {
    // unread notifications go out by email, at once or as a daily digest, when SMTP is configured
    name: "reminders.email",
    everyMs: 1 * MINUTE,
    leaseMs: 5 * MINUTE,
    run: ({ client, now }) => sendReminderEmails(client, now, mailerFromEnv(), appUrl()),
  },
  {
    // the dashboard's day counts, written per connection to spare concurrent writers a hot row,
    // folded back into one row per key (lib/day-counts.ts)
    name: "dayCounts.fold",
    everyMs: 60 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: ({ client }) => foldDayCountShards(client),
  },
] as const satisfies readonly JobDefinition[];

export type JobName = (typeof JOBS)[number]["name"];
export const JOB_NAMES = JOBS.map((j) => j.name) as JobName[];
export const jobNamed = (name: string): JobDefinition | undefined => JOBS.find((j) => j.name === name);
