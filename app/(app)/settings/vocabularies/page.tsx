import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { NewTermForm } from "@/components/vocabularies/new-term-form";
import { TermRow } from "@/components/vocabularies/term-row";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";
import { cn } from "@/lib/utils";
import { listVocabularyTerms } from "@/lib/vocabularies/queries";
import { ZVocabularyParam } from "@/lib/vocabularies/schemas";
import { termLabel, VOCABULARIES } from "@/lib/vocabularies/vocabularies";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vocabularies"))("title") };
}

type Props = { searchParams: Promise<{ v?: string }> };

// /settings/vocabularies?v=ACTION_TYPE – the terms of one vocabulary; managers edit them in place.
export default async function VocabulariesPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const vocabulary = ZVocabularyParam.safeParse((await searchParams).v).data ?? "ACTION_TYPE";
  const [t, locale, terms] = await Promise.all([getTranslations("vocabularies"), getLocale(), listVocabularyTerms({ actor, vocabulary })]);
  const editable = can(actor, "reference.write");
  return (
    <>
      <PageHeader title={t("title")} description={editable ? t("description") : t("descriptionReadOnly")} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <nav aria-label={t("listLabel")} className="min-w-0">
          <ul className="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible">
            {VOCABULARIES.map((v) => (
              <li key={v} className="shrink-0">
                <Link
                  href={`/settings/vocabularies?v=${v}`}
                  aria-current={v === vocabulary ? "page" : undefined}
                  className={cn(
                    "block rounded-md px-3 py-1.5 text-sm transition-colors hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring",
                    v === vocabulary ? "bg-muted font-medium text-foreground" : "text-muted-foreground",
                  )}
                >
                  {t(`names.${v}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="grid min-w-0 content-start gap-6">
          <section aria-labelledby="terms-heading" className="rounded-lg border bg-card">
            <div className="flex flex-wrap items-baseline justify-between gap-2 border-b px-4 py-3">
              <h2 id="terms-heading" className="text-base font-semibold">
                {t(`names.${vocabulary}`)}
              </h2>
              <p className="text-sm text-muted-foreground">{t("termCount", { count: terms.length, retired: terms.filter((x) => !x.active).length })}</p>
            </div>
            {terms.length ? (
              <ol aria-labelledby="terms-heading">
                {terms.map((term, i) => (
                  <TermRow
                    key={term.id}
                    term={term}
                    label={termLabel(term, locale)}
                    first={i === 0}
                    last={i === terms.length - 1}
                    editable={editable}
                  />
                ))}
              </ol>
            ) : (
              <p className="px-4 py-6 text-sm text-muted-foreground">{t("empty")}</p>
            )}
          </section>
          {editable && <NewTermForm key={vocabulary} vocabulary={vocabulary} />}
        </div>
      </div>
    </>
  );
}
