import { Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Confidentiality } from "@/lib/actions/dto";

export function ConfidentialityBadge({ value, hidePublic = false }: { value: Confidentiality; hidePublic?: boolean }) {
  const t = useTranslations("common.confidentiality");
  if (hidePublic && value === "PUBLIC") return null;
  return (
    <Badge variant={value === "RESTRICTED" ? "danger" : value === "PUBLIC" ? "success" : "neutral"}>
      {value === "RESTRICTED" && <Lock aria-hidden className="mr-1 size-3" />}
      {t(value)}
    </Badge>
  );
}
