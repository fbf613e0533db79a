"use client";

import { CircleAlert, CircleCheck, ShieldCheck, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/fields";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import type { ChainReport } from "@/lib/audit-log/chain";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/form-state";

type VerifyState = FormState & { report?: ChainReport; checkedAt?: string };

const utcText = (iso: string) => iso.replace("T", " ").replace(/Z$/, "");

/**
 * "Verify the audit trail": runs the server's check and shows the result prominently. The result
 * region is a polite live region (present before the first result, so screen readers announce it).
 */
export function VerifyPanel({ action }: { action: (state: VerifyState) => Promise<VerifyState> }) {
  const t = useTranslations("audit.verify");
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE as VerifyState);
  return (
    <Card data-testid="verify-panel">
      <CardHeader>
        <CardTitle id="verify-title">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <form action={formAction}>
          <Button type="submit" disabled={pending} aria-describedby="verify-result">
            {pending ? <Spinner /> : <ShieldCheck aria-hidden className="size-4" />}
            {pending ? t("running") : t("button")}
          </Button>
        </form>
        <div id="verify-result" role="status" aria-live="polite" aria-atomic="true">
          {state.report && <Result report={state.report} checkedAt={state.checkedAt} />}
        </div>
        <FormMessage state={state} />
      </CardContent>
    </Card>
  );
}

function Result({ report, checkedAt }: { report: ChainReport; checkedAt?: string }) {
  const t = useTranslations("audit.verify");
  const checked = checkedAt ? <p>{t("checkedAt", { time: utcText(checkedAt) })}</p> : null;
  if (report.status === "intact")
    return (
      <Alert variant="success" data-status="intact">
        <CircleCheck aria-hidden />
        <AlertTitle className="text-base break-all">
          {report.count === 0 || !report.headHash
            ? t("intactEmpty")
            : t("intact", { count: report.count, hash: report.headHash })}
        </AlertTitle>
        <AlertDescription>
          <p>{t("intactDetail")}</p>
          {report.anchor && <p>{t("lastAnchor", { at: utcText(report.anchor.at), id: report.anchor.headId })}</p>}
          {checked}
        </AlertDescription>
      </Alert>
    );
  if (report.status === "broken")
    return (
      <Alert variant="destructive" data-status="broken">
        <CircleAlert aria-hidden />
        <AlertTitle className="text-base">{t("broken", { id: report.brokenEventId })}</AlertTitle>
        <AlertDescription>
          <p>{t(report.reason === "hash" ? "brokenHash" : "brokenLink", { id: report.brokenEventId, count: report.count })}</p>
          {checked}
        </AlertDescription>
      </Alert>
    );
  const anchor = { at: utcText(report.anchor.at), anchorId: report.anchor.headId, anchorHash: report.anchor.headHash };
  return (
    <Alert variant="destructive" data-status="truncated">
      <TriangleAlert aria-hidden />
      <AlertTitle className="text-base">{t("truncated")}</AlertTitle>
      <AlertDescription>
        <p className="break-all">
          {report.headId
            ? t("truncatedDetail", { ...anchor, headId: report.headId, count: report.count })
            : t("truncatedDetailEmpty", anchor)}
        </p>
        {checked}
      </AlertDescription>
    </Alert>
  );
}
