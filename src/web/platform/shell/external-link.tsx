import { Anchor } from "@mantine/core";
import { IconExternalLink } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** An external link: opens in a new tab and says so to screen readers. */
export function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" className="break-all">
      {children}
      <IconExternalLink size={14} aria-hidden style={{ marginLeft: 4, verticalAlign: "middle" }} />
      <span className="visually-hidden">{t("common.opensInNewTab")}</span>
    </Anchor>
  );
}
