// The message catalogue, one JSON file per area and locale so that areas can change independently.
// tests/messages-complete.test.ts fails when a key exists in one language and not the other, or when
// a message does not parse or uses other placeholders than its English original.
import account from "@/messages/en/account.json";
import actions from "@/messages/en/actions.json";
import attachments from "@/messages/en/attachments.json";
import audit from "@/messages/en/audit.json";
import auth from "@/messages/en/auth.json";
import campaigns from "@/messages/en/campaigns.json";
import common from "@/messages/en/common.json";
import dashboard from "@/messages/en/dashboard.json";
import errors from "@/messages/en/errors.json";
import exportsMessages from "@/messages/en/exports.json";
import history from "@/messages/en/history.json";
import importMessages from "@/messages/en/import.json";
import jobs from "@/messages/en/jobs.json";
import languages from "@/messages/en/languages.json";
import links from "@/messages/en/links.json";
import organizations from "@/messages/en/organizations.json";
import outcomes from "@/messages/en/outcomes.json";
import security from "@/messages/en/security.json";
import users from "@/messages/en/users.json";
import validation from "@/messages/en/validation.json";
import accountUk from "@/messages/uk/account.json";
import comments from "@/messages/en/comments.json";
import notifications from "@/messages/en/notifications.json";
import vocabularies from "@/messages/en/vocabularies.json";
import actionsUk from "@/messages/uk/actions.json";
import attachmentsUk from "@/messages/uk/attachments.json";
import auditUk from "@/messages/uk/audit.json";
import authUk from "@/messages/uk/auth.json";
import campaignsUk from "@/messages/uk/campaigns.json";
import commonUk from "@/messages/uk/common.json";
import dashboardUk from "@/messages/uk/dashboard.json";
import errorsUk from "@/messages/uk/errors.json";
import exportsMessagesUk from "@/messages/uk/exports.json";
import historyUk from "@/messages/uk/history.json";
import importMessagesUk from "@/messages/uk/import.json";
import jobsUk from "@/messages/uk/jobs.json";
import languagesUk from "@/messages/uk/languages.json";
import linksUk from "@/messages/uk/links.json";
import organizationsUk from "@/messages/uk/organizations.json";
import outcomesUk from "@/messages/uk/outcomes.json";
import securityUk from "@/messages/uk/security.json";
import usersUk from "@/messages/uk/users.json";
import validationUk from "@/messages/uk/validation.json";
import commentsUk from "@/messages/uk/comments.json";
import notificationsUk from "@/messages/uk/notifications.json";
import vocabulariesUk from "@/messages/uk/vocabularies.json";
import type { Locale } from "./config";

const en = {
  common,
  auth,
  errors,
  validation,
  actions,
  outcomes,
  links,
  campaigns,
  organizations,
  users,
  dashboard,
  audit,
  history,
  exports: exportsMessages,
  languages,
  account,
  comments,
  notifications,
  vocabularies,
  security,
  attachments,
  import: importMessages,
  jobs,
};

export type Messages = typeof en;

const uk = {
  common: commonUk,
  auth: authUk,
  errors: errorsUk,
  validation: validationUk,
  actions: actionsUk,
  outcomes: outcomesUk,
  links: linksUk,
  campaigns: campaignsUk,
  organizations: organizationsUk,
  users: usersUk,
  dashboard: dashboardUk,
  audit: auditUk,
  history: historyUk,
  exports: exportsMessagesUk,
  languages: languagesUk,
  account: accountUk,
  comments: commentsUk,
  notifications: notificationsUk,
  vocabularies: vocabulariesUk,
  security: securityUk,
  attachments: attachmentsUk,
  import: importMessagesUk,
  jobs: jobsUk,
};

type Tree = { [key: string]: string | Tree };

/**
 * `over` laid on `base`: a key that Ukrainian lacks (an English text added a moment ago, before its
 * translation) shows in English rather than as a raw key. The completeness test keeps such gaps out
 * of a release; this only keeps a gap from breaking a page meanwhile.
 */
function overlay(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = base[key];
    out[key] = typeof value === "object" && typeof under === "object" ? overlay(under, value) : value;
  }
  return out;
}

export const MESSAGES: Record<Locale, Messages> = {
  en,
  uk: overlay(en as unknown as Tree, uk as unknown as Tree) as unknown as Messages,
};
