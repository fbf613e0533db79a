// A suggested follow-up opens the new-action form with some fields filled in, through the URL:
// /actions/new?title=…&type=…&followUpDue=…&organizationIds=a,b. The form page reads them back with
// ZNewActionDefaults (invalid values are dropped, never errors). Safe to import from client components.
import { z } from "zod";
import { filterDate } from "@/lib/list-params";

export type NewActionDefaults = {
  title?: string;
  type?: string;
  followUpDue?: string;
  organizationIds?: string[];
  campaignIds?: string[];
};

export function newActionHref(d: NewActionDefaults): string {
  const qs = new URLSearchParams();
  if (d.title) qs.set("title", d.title);
  if (d.type) qs.set("type", d.type);
  if (d.followUpDue) qs.set("followUpDue", d.followUpDue);
  if (d.organizationIds?.length) qs.set("organizationIds", d.organizationIds.join(","));
  if (d.campaignIds?.length) qs.set("campaignIds", d.campaignIds.join(","));
  return `/actions/new?${qs.toString()}`;
}

const ids = () =>
  z
    .string()
    .max(2000)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? [...new Set(v.split(",").map((s) => s.trim()).filter((s) => /^[A-Za-z0-9_-]{1,64}$/.test(s)))].slice(0, 50) : undefined));

/** The new-action page's query defaults; each one is checked again against the form's options there. */
export const ZNewActionDefaults = z.object({
  title: z
    .string()
    .trim()
    .max(300)
    .optional()
    .catch(undefined)
    .transform((v) => (v && !/[\u0000-\u001F\u007F]/.test(v) ? v : undefined)),
  type: z
    .string()
    .regex(/^[A-Z0-9_]{1,64}$/)
    .optional()
    .catch(undefined),
  followUpDue: filterDate(),
  organizationIds: ids(),
  campaignIds: ids(),
});
