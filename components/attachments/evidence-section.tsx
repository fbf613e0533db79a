"use client";

import { Check, Copy, Download, Eye, FileText, Paperclip, Trash2, Upload } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import {
  ALLOWED_EXTENSIONS,
  ATTACHMENT_CONFIDENTIALITY,
  EVIDENCE_SOURCES,
  extensionOf,
  formatMb,
  type AttachmentDocumentDTO,
  type AttachmentRecordType,
  type AttachmentVersionDTO,
} from "@/lib/attachments/schemas";

type Props = {
  recordType: AttachmentRecordType;
  recordId: string;
  documents: AttachmentDocumentDTO[];
  canUpload: boolean;
  maxBytes: number;
};

type Problem = { key: string; values?: Record<string, string> };

/** Sizes as people read them: 240 KB, 3.1 MB. */
function useSize() {
  const format = useFormatter();
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? format.number(Math.max(1, Math.round(bytes / 1024)), { style: "unit", unit: "kilobyte" })
      : format.number(bytes / (1024 * 1024), { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
}

/** The Evidence section of an action or outcome page: files, versions, upload with progress. */
export function EvidenceSection({ recordType, recordId, documents, canUpload, maxBytes }: Props) {
  const t = useTranslations("attachments");
  // "new" = a new document; otherwise the document that gets a new version
  const [target, setTarget] = useState<null | "new" | AttachmentDocumentDTO>(null);
  const [notice, setNotice] = useState("");

  return (
    <Card className="mt-6" aria-labelledby="evidence-title">
      <CardHeader className="flex flex-row items-center justify-between gap-2 space-y-0">
        <div>
          <CardTitle id="evidence-title">{t("title")}</CardTitle>
          <p className="mt-1 text-sm text-muted-foreground">{t("description")}</p>
        </div>
        {canUpload && target === null && (
          <Button variant="outline" onClick={() => setTarget("new")}>
            <Paperclip aria-hidden />
            {t("attach")}
          </Button>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        <p role="status" className="text-sm text-success empty:hidden">
          {notice}
        </p>
        {target !== null && (
          <UploadForm
            recordType={recordType}
            recordId={recordId}
            maxBytes={maxBytes}
            document={target === "new" ? null : target}
            onDone={(message) => {
              setTarget(null);
              setNotice(message);
            }}
            onCancel={() => setTarget(null)}
          />
        )}
        {documents.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul className="divide-y rounded-md border" aria-label={t("title")}>
            {documents.map((d) => (
              <DocumentItem
                key={d.documentId}
                doc={d}
                canUpload={canUpload}
                onNewVersion={() => setTarget(d)}
                onDeleted={() => setNotice(t("deleted"))}
              />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function DocumentItem({
  doc,
  canUpload,
  onNewVersion,
  onDeleted,
}: {
  doc: AttachmentDocumentDTO;
  canUpload: boolean;
  onNewVersion: () => void;
  onDeleted: () => void;
}) {
  const t = useTranslations("attachments");
  const router = useRouter();
  const [deleting, setDeleting] = useState(false);
  const v = doc.latest;
  return (
    <li className="space-y-2 p-3" data-testid="evidence-item">
      <VersionLine v={v} headline />
      <div className="flex flex-wrap gap-2">
        {canUpload && (
          <Button size="sm" variant="outline" onClick={onNewVersion} aria-label={`${t("newVersion")}: ${v.fileName}`}>
            <Upload aria-hidden />
            {t("newVersion")}
          </Button>
        )}
        {doc.canDelete && (
          <Button
            size="sm"
            variant="ghost"
            disabled={deleting}
            aria-label={`${t("delete")}: ${v.fileName}`}
            onClick={async () => {
              if (!window.confirm(t("confirmDelete"))) return;
              setDeleting(true);
              const res = await fetch(`/api/attachments/${v.id}`, { method: "DELETE" });
              setDeleting(false);
              if (res.ok) {
                onDeleted();
                router.refresh();
              }
            }}
          >
            <Trash2 aria-hidden />
            {t("delete")}
          </Button>
        )}
      </div>
      {doc.older.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted-foreground">{t("olderVersions", { count: doc.older.length })}</summary>
          <ul className="mt-2 space-y-2 border-l pl-3">
            {doc.older.map((o) => (
              <li key={o.id}>
                <VersionLine v={o} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function VersionLine({ v, headline = false }: { v: AttachmentVersionDTO; headline?: boolean }) {
  const t = useTranslations("attachments");
  const tc = useTranslations("common.confidentiality");
  const format = useFormatter();
  const size = useSize();
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
      <div className="min-w-0">
        <p className={headline ? "font-medium break-all" : "break-all"}>
          <FileText aria-hidden className="mr-1.5 inline size-4 text-muted-foreground" />
          {v.fileName}
          <span className="ml-2 text-xs text-muted-foreground">{t("version", { version: v.version })}</span>
        </p>
        <p className="text-xs text-muted-foreground">
          {t(`sources.${v.sourceType}`)} · {size(v.size)} · {tc(v.confidentiality)} ·{" "}
          {t("byOn", { name: v.uploadedBy.name, date: format.dateTime(new Date(v.createdAt), { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
        <p className="flex items-center gap-1 text-xs text-muted-foreground">
          <span>{t("fields.hash")}</span>
          <code className="font-mono" title={v.sha256} data-testid="evidence-hash">
            {v.sha256.slice(0, 12)}…
          </code>
          <button
            type="button"
            className="rounded p-1 hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            aria-label={t("copyHash")}
            onClick={async () => {
              await navigator.clipboard.writeText(v.sha256).catch(() => {});
              setCopied(true);
            }}
          >
            {copied ? <Check aria-hidden className="size-3.5" /> : <Copy aria-hidden className="size-3.5" />}
          </button>
          <span role="status" className="sr-only">
            {copied ? t("hashCopied") : ""}
          </span>
        </p>
      </div>
      <div className="flex gap-2">
        {v.inline && (
          <Button asChild size="sm" variant="ghost">
            <a href={`/api/attachments/${v.id}?inline=1`} target="_blank" rel="noopener noreferrer" aria-label={`${t("preview")}: ${v.fileName}`}>
              <Eye aria-hidden />
              {t("preview")}
            </a>
          </Button>
        )}
        <Button asChild size="sm" variant="outline">
          <a href={`/api/attachments/${v.id}`} download aria-label={`${t("download")}: ${v.fileName}`}>
            <Download aria-hidden />
            {t("download")}
          </a>
        </Button>
      </div>
    </div>
  );
}

function UploadForm({
  recordType,
  recordId,
  maxBytes,
  document,
  onDone,
  onCancel,
}: {
  recordType: AttachmentRecordType;
  recordId: string;
  maxBytes: number;
  document: AttachmentDocumentDTO | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("attachments");
  const tRoot = useTranslations();
  const tc = useTranslations("common.confidentiality");
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [fileName, setFileName] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [sourceType, setSourceType] = useState<string>(document?.latest.sourceType ?? "OFFICIAL_LETTER");
  const [confidentiality, setConfidentiality] = useState<string>(document?.latest.confidentiality ?? "INTERNAL");

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setProblem({ key: "attachments.errors.chooseFile" });
    // The same checks as the server, before sending anything: a clear message at once.
    const ext = extensionOf(file.name);
    if (!ALLOWED_EXTENSIONS[ext]) return setProblem({ key: "attachments.errors.typeNotAllowed", values: { ext: ext || "—" } });
    if (file.size > maxBytes)
      return setProblem({ key: "attachments.errors.tooLarge", values: { size: formatMb(file.size), limit: formatMb(maxBytes) } });
    setProblem(null);
    const params = new URLSearchParams({ recordType, recordId, fileName: file.name, sourceType, confidentiality });
    if (document) params.set("documentId", document.documentId);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/attachments?${params}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (ev) => ev.lengthComputable && setProgress(Math.round((ev.loaded / ev.total) * 100));
    xhr.onerror = () => {
      setProgress(null);
      setProblem({ key: "attachments.errors.network" });
    };
    xhr.onload = () => {
      setProgress(null);
      if (xhr.status === 201) {
        onDone(t("uploaded", { name: file.name }));
        router.refresh();
        return;
      }
      try {
        const body = JSON.parse(xhr.responseText) as { error?: { key?: string; values?: Record<string, string>; message?: string } };
        setProblem(body.error?.key ? { key: body.error.key, values: body.error.values } : { key: "errors.unexpected", values: { ref: "" } });
      } catch {
        setProblem({ key: "errors.unexpected", values: { ref: "" } });
      }
    };
    setProgress(0);
    xhr.send(file);
  };

  const message = problem ? (tRoot.has(problem.key) ? tRoot(problem.key, problem.values) : tRoot("errors.unexpected", { ref: "" })) : "";
  const busy = progress !== null;

  return (
    <form onSubmit={submit} className="space-y-3 rounded-md border bg-muted/30 p-3" aria-labelledby={`${id}-title`} noValidate>
      <p id={`${id}-title`} className="font-medium">
        {document ? t("newVersionOf", { name: document.latest.fileName }) : t("attach")}
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1.5 sm:col-span-3">
          <Label htmlFor={`${id}-file`}>{t("fields.file")}</Label>
          <input
            id={`${id}-file`}
            ref={fileRef}
            type="file"
            accept={Object.keys(ALLOWED_EXTENSIONS).map((e) => `.${e}`).join(",")}
            aria-describedby={`${id}-limits ${id}-error`}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => {
              setProblem(null);
              setFileName(e.target.files?.[0]?.name ?? "");
            }}
            className="block w-full text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5 file:text-sm"
          />
          <p id={`${id}-limits`} className="text-xs text-muted-foreground">
            {t("limits", { limit: formatMb(maxBytes) })}
          </p>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-source`}>{t("fields.sourceType")}</Label>
          <NativeSelect id={`${id}-source`} value={sourceType} onChange={(e) => setSourceType(e.target.value)}>
            {EVIDENCE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`sources.${s}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1.5 sm:col-span-2">
          <Label htmlFor={`${id}-conf`}>{t("fields.confidentiality")}</Label>
          <NativeSelect id={`${id}-conf`} value={confidentiality} onChange={(e) => setConfidentiality(e.target.value)} aria-describedby={`${id}-conf-hint`}>
            {ATTACHMENT_CONFIDENTIALITY.map((c) => (
              <option key={c} value={c}>
                {tc(c)}
              </option>
            ))}
          </NativeSelect>
          <p id={`${id}-conf-hint`} className="text-xs text-muted-foreground">
            {t("confidentialityHint")}
          </p>
        </div>
      </div>
      <div id={`${id}-error`} role="alert" data-testid="evidence-error">
        {problem && (
          <Alert variant="destructive">
            <AlertDescription>{message}</AlertDescription>
          </Alert>
        )}
      </div>
      {busy && (
        <div className="space-y-1">
          <div
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            aria-label={t("uploading", { name: fileName, percent: progress })}
            className="h-2 overflow-hidden rounded bg-muted"
          >
            <div className="h-full bg-primary transition-[width]" style={{ width: `${progress}%` }} />
          </div>
          <p className="text-xs text-muted-foreground" aria-live="polite">
            {t("uploading", { name: fileName, percent: progress })}
          </p>
        </div>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          <Upload aria-hidden />
          {t("submit")}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel} disabled={busy}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
