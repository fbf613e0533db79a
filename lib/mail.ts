import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

// Outgoing email, when SMTP_URL is set (e.g. smtp://user:password@mail.example.org:587, or smtps://…
// for TLS from the first byte); MAIL_FROM names the sender. Without SMTP_URL nothing is sent and
// reminders stay in the app. Plain text only: no remote content, nothing to inject.

export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send: (message: MailMessage) => Promise<void> };

const transports = new Map<string, Transporter>();

export const mailConfigured = (env: NodeJS.ProcessEnv = process.env) => !!env.SMTP_URL;

export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const url = env.SMTP_URL;
  if (!url) return null;
  let transport = transports.get(url);
  if (!transport) transports.set(url, (transport = nodemailer.createTransport(url)));
  const from = env.MAIL_FROM || "Advocacy Tracker <no-reply@localhost>";
  return {
    send: async ({ to, subject, text }) => {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}
