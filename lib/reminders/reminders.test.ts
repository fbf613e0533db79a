// Integration tests: reminders (issue 8) against the real test database and a local SMTP server.
// The follow-up scan and the email job act on the whole database; each test asserts only about its
// own fresh users, so other files' rows change nothing here.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, type Db } from "@/lib/db";
import { JobFailure, runJob, type JobDefinition } from "@/lib/jobs/runner";
import { mailerFromEnv, type Mailer } from "@/lib/mail";
import { listNotifications } from "@/lib/notifications/queries";
import { makeAction } from "@/prisma/factories";
import { makeActor, uniq } from "@/tests/support/fixtures";
import { sendReminderEmails } from "./email";
import { REMINDER_RULES } from "./rules";
import { scanFollowUps } from "./scan";

const DAY = 86_400_000;
const isoIn = (days: number, now = new Date()) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

/** A second connection pool, as a second app instance would have. */
let other: Db;
beforeAll(async () => {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/generated/prisma/client");
  other = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.APP_DATABASE_URL ?? process.env.DATABASE_URL! }),
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  }) as unknown as Db;
});
afterAll(() => other?.$disconnect());

type Received = { to: string; subject: string; text: string };

/** A local SMTP server that keeps what it receives. */
async function smtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          received.push({ to: to?.value[0]?.address ?? "", subject: mail.subject ?? "", text: mail.text ?? "" });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    received,
    mailer: mailerFromEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "Tracker <tracker@example.org>" } as unknown as NodeJS.ProcessEnv)!,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const mine = async (userId: string) =>
  db.notification.findMany({ where: { userId }, select: { kind: true, recordId: true, emailedAt: true }, orderBy: { kind: "asc" } });

describe("[REMINDERS] follow-ups due and overdue become notifications, once", () => {
  it("reminds the author and participants of open actions due soon or overdue, once however often and wherever the scan runs", async () => {
    const now = new Date();
    const author = await makeActor("STAFF");
    const participant = await makeActor("STAFF");
    const bystander = await makeActor("STAFF");
    const gone = await makeActor("STAFF", { active: false });
    const dueSoon = await makeAction(db, { date: isoIn(-60), createdById: author.id, participantIds: [participant.id, gone.id], followUpDue: isoIn(1, now) });
    const overdue = await makeAction(db, { date: isoIn(-60), createdById: author.id, followUpDue: isoIn(-2, now), status: "SENT" });
    const restricted = await makeAction(db, { date: isoIn(-60), createdById: author.id, participantIds: [participant.id], followUpDue: isoIn(0, now), confidentiality: "RESTRICTED" });
    // none of these: due later than the window, closed, deleted, overdue for longer than the look-back
    await makeAction(db, { date: isoIn(-60), createdById: author.id, followUpDue: isoIn(REMINDER_RULES.dueSoonDays + 1, now) });
    await makeAction(db, { date: isoIn(-60), createdById: author.id, followUpDue: isoIn(-1, now), status: "CLOSED" });
    const deleted = await makeAction(db, { date: isoIn(-60), createdById: author.id, followUpDue: isoIn(1, now) });
    await db.action.update({ where: { id: deleted.id }, data: { deletedAt: now } });
    await makeAction(db, { date: isoIn(-60), createdById: author.id, followUpDue: isoIn(-REMINDER_RULES.overdueLookbackDays - 1, now) });

    // two instances at once, then again: the notifications are keyed, so each is made once
    await Promise.all([scanFollowUps(db, now), scanFollowUps(other, now)]);
    await scanFollowUps(db, now);

    expect(await mine(author.id)).toEqual(
      expect.arrayContaining([
        { kind: "FOLLOW_UP_DUE", recordId: dueSoon.id, emailedAt: null },
        { kind: "FOLLOW_UP_DUE", recordId: restricted.id, emailedAt: null },
        { kind: "OVERDUE", recordId: overdue.id, emailedAt: null },
      ]),
    );
    expect(await mine(author.id)).toHaveLength(3);
    expect((await mine(participant.id)).map((n) => n.recordId).sort()).toEqual([dueSoon.id, restricted.id].sort());
    expect(await mine(bystander.id)).toEqual([]);
    expect(await mine(gone.id)).toEqual([]);

    // what the participant sees under the bell, with the record's title
    const inbox = await listNotifications({ actor: participant });
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((i) => i.recordTitle).sort()).toEqual([dueSoon.title, restricted.title].sort());

    // moving the follow-up date reminds again; closing the action stops reminders
    await db.action.update({ where: { id: overdue.id }, data: { followUpDue: new Date(`${isoIn(2, now)}T00:00:00Z`) } });
    await scanFollowUps(db, now);
    expect((await mine(author.id)).filter((n) => n.recordId === overdue.id).map((n) => n.kind)).toEqual(["FOLLOW_UP_DUE", "OVERDUE"]);
  });
});

describe("[JOBS] a job runs once however many instances tick", () => {
  const job = (name: string, runs: { n: number }): JobDefinition => ({
    name,
    everyMs: 60_000,
    leaseMs: 30_000,
    run: async () => {
      runs.n++;
      await new Promise((r) => setTimeout(r, 200));
      return { ok: 1 };
    },
  });

  it("two workers on two connection pools: one claims, the other skips; not due again until its interval", async () => {
    const runs = { n: 0 };
    const j = job(uniq("test.job."), runs);
    const [a, b] = await Promise.all([runJob(j, { client: db, worker: "A" }), runJob(j, { client: other, worker: "B" })]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect(runs.n).toBe(1);
    expect(await runJob(j, { client: other, worker: "B" })).toEqual({ name: j.name, ran: false });
    const row = await db.jobRun.findUniqueOrThrow({ where: { name: j.name } });
    expect(row).toMatchObject({ runs: 1, lockedBy: null, lockedUntil: null, lastError: null, lastResult: { ok: 1 } });
    expect(row.nextRunAt.getTime() - row.lastFinishedAt!.getTime()).toBeCloseTo(60_000, -2);
    // "run now" ignores the schedule
    expect((await runJob(j, { client: db, worker: "A", force: true })).ran).toBe(true);
    expect(runs.n).toBe(2);
  });

  it("a claim of an instance that died lapses; a failing job records its error and does not throw", async () => {
    const runs = { n: 0 };
    const j = { ...job(uniq("test.job."), runs), leaseMs: 50 };
    // a worker claims and dies before finishing (it never reaches finishJob)
    await db.jobRun.create({ data: { name: j.name, nextRunAt: new Date(0) } });
    await db.$executeRawUnsafe(`UPDATE "JobRun" SET "lockedBy" = 'dead', "lockedUntil" = (now() AT TIME ZONE 'UTC') + interval '50 milliseconds' WHERE "name" = $1`, j.name);
    expect((await runJob(j, { worker: "B" })).ran).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect((await runJob(j, { worker: "B" })).ran).toBe(true);

    const failing: JobDefinition = { ...j, name: uniq("test.job."), run: async () => Promise.reject(new JobFailure("SMTP: connection refused")) };
    expect(await runJob(failing, { worker: "A" })).toEqual({ name: failing.name, ran: true, error: "SMTP: connection refused" });
    expect(await db.jobRun.findUniqueOrThrow({ where: { name: failing.name } })).toMatchObject({ lastError: "SMTP: connection refused", lockedBy: null });
    // anything else (say a database error) keeps only a log reference: its text never reaches the jobs page
    const broken: JobDefinition = { ...j, name: uniq("test.job."), run: async () => Promise.reject(new Error('relation "Secret" does not exist')) };
    const outcome = await runJob(broken, { worker: "A" });
    expect(outcome).toMatchObject({ ran: true, error: expect.stringMatching(/^ref:\w+$/) });
    expect(JSON.stringify(await db.jobRun.findUniqueOrThrow({ where: { name: broken.name } }))).not.toContain("Secret");
  });
});

describe("[REMINDERS] email, at once or as a daily digest", () => {
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  beforeAll(async () => {
    smtp = await smtpServer();
  });
  afterAll(() => smtp?.close());
  const to = (email: string) => smtp.received.filter((m) => m.to === email);
  const anyHour = { ...REMINDER_RULES, digestHour: 0 };

  it("sends each notification once in the person's language, never a restricted title, and nothing to those who said no", async () => {
    const now = new Date();
    const ukStaff = await makeActor("STAFF", { locale: "uk" });
    const quiet = await makeActor("STAFF");
    await db.user.update({ where: { id: quiet.id }, data: { emailReminders: "OFF" } });
    const open = await makeAction(db, { date: isoIn(-60), createdById: ukStaff.id, participantIds: [quiet.id], followUpDue: isoIn(1, now), title: `Лист до МКЧХ ${uniq()}` });
    const secret = await makeAction(db, { date: isoIn(-60), createdById: ukStaff.id, followUpDue: isoIn(-1, now), confidentiality: "RESTRICTED", title: `Secret ${uniq()}` });
    await scanFollowUps(db, now);

    // two instances at once: the rows are claimed with SKIP LOCKED, so nobody gets a message twice
    await Promise.all([
      sendReminderEmails(db, now, smtp.mailer, "https://tracker.example.org/", anyHour),
      sendReminderEmails(other, now, smtp.mailer, "https://tracker.example.org/", anyHour),
    ]);
    await sendReminderEmails(db, now, smtp.mailer, "https://tracker.example.org", anyHour);

    const mails = to(ukStaff.email);
    expect(mails).toHaveLength(2);
    const dueMail = mails.find((m) => m.text.includes(`/actions/${open.id}`))!;
    expect(dueMail.subject).toContain(`Незабаром термін подальших дій: «${open.title}»`);
    expect(dueMail.text).toContain(`https://tracker.example.org/actions/${open.id}`);
    expect(dueMail.text).toContain("https://tracker.example.org/account");
    const secretMail = mails.find((m) => m.text.includes(`/actions/${secret.id}`))!;
    expect(secretMail.subject).toContain("Прострочено: «запис з обмеженим доступом»");
    expect(JSON.stringify(smtp.received)).not.toContain(secret.title);

    expect(to(quiet.email)).toEqual([]);
    expect((await mine(quiet.id)).every((n) => n.emailedAt === null)).toBe(true);
    expect((await mine(ukStaff.id)).every((n) => n.emailedAt !== null)).toBe(true);
    // still unread in the app: email is an extra, not a replacement
    expect((await listNotifications({ actor: ukStaff })).unread).toBe(2);
  });

  it("a digest person gets one email a day with everything pending, then nothing until the next day", async () => {
    const now = new Date();
    const digest = await makeActor("STAFF");
    await db.user.update({ where: { id: digest.id }, data: { emailReminders: "DIGEST" } });
    const a = await makeAction(db, { date: isoIn(-60), createdById: digest.id, followUpDue: isoIn(0, now), title: `First ${uniq()}` });
    const b = await makeAction(db, { date: isoIn(-60), createdById: digest.id, followUpDue: isoIn(-3, now), title: `Second ${uniq()}` });
    await scanFollowUps(db, now);

    // before the digest hour: nothing
    await sendReminderEmails(db, now, smtp.mailer, "https://t.example", { ...REMINDER_RULES, digestHour: 24 });
    expect(to(digest.email)).toEqual([]);

    await Promise.all([
      sendReminderEmails(db, now, smtp.mailer, "https://t.example", anyHour),
      sendReminderEmails(other, now, smtp.mailer, "https://t.example", anyHour),
    ]);
    expect(to(digest.email)).toHaveLength(1);
    const [mail] = to(digest.email);
    expect(mail.subject).toBe("2 reminders from Advocacy Tracker");
    expect(mail.text).toContain(`Follow-up due soon: “${a.title}”`);
    expect(mail.text).toContain(`Overdue: “${b.title}”`);

    // a new reminder the same day waits for tomorrow's digest
    const c = await makeAction(db, { date: isoIn(-60), createdById: digest.id, followUpDue: isoIn(1, now), title: `Third ${uniq()}` });
    await scanFollowUps(db, now);
    await sendReminderEmails(db, now, smtp.mailer, "https://t.example", anyHour);
    expect(to(digest.email)).toHaveLength(1);
    await sendReminderEmails(db, new Date(now.getTime() + DAY), smtp.mailer, "https://t.example", anyHour);
    expect(to(digest.email)).toHaveLength(2);
    expect(to(digest.email)[1].subject).toBe("1 reminder from Advocacy Tracker");
    expect(to(digest.email)[1].text).toContain(c.title);
  });

  it("when the SMTP server refuses, nothing is marked sent, and the next run delivers", async () => {
    const now = new Date();
    const person = await makeActor("STAFF");
    await makeAction(db, { date: isoIn(-60), createdById: person.id, followUpDue: isoIn(1, now) });
    await scanFollowUps(db, now);
    const broken: Mailer = { send: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:25")) };
    await expect(sendReminderEmails(db, now, broken, "https://t.example", anyHour)).rejects.toThrow(/SMTP: connect ECONNREFUSED/);
    expect((await mine(person.id))[0].emailedAt).toBeNull();
    await sendReminderEmails(db, now, smtp.mailer, "https://t.example", anyHour);
    expect(to(person.email)).toHaveLength(1);
    expect((await mine(person.id))[0].emailedAt).not.toBeNull();
  });

  it("without SMTP the job sends nothing and leaves the notifications in the app", async () => {
    expect(await sendReminderEmails(db, new Date(), null, "https://t.example")).toEqual({ emails: 0, digests: 0, smtp: false });
  });
});
