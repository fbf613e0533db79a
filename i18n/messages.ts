// The message catalogue, one JSON file per area so that areas can change independently.
import actions from "@/messages/en/actions.json";
import audit from "@/messages/en/audit.json";
import auth from "@/messages/en/auth.json";
import campaigns from "@/messages/en/campaigns.json";
import common from "@/messages/en/common.json";
import dashboard from "@/messages/en/dashboard.json";
import errors from "@/messages/en/errors.json";
import exportsMessages from "@/messages/en/exports.json";
import history from "@/messages/en/history.json";
import links from "@/messages/en/links.json";
import organizations from "@/messages/en/organizations.json";
import outcomes from "@/messages/en/outcomes.json";
import users from "@/messages/en/users.json";
import validation from "@/messages/en/validation.json";
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
};

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en };
