import { Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../format.js";

type Props = {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  label: string;
};

/** Page numbers in a named navigation region; every control says where it leads. */
export function Paging({ page, pageSize, total, onChange, label }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" component="nav" aria-label={label} mt="md">
      <Text size="sm">
        {t("common.paging.range", {
          first: format.number(first),
          last: format.number(last),
          total: format.number(total),
        })}
      </Text>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        getItemProps={(item) => ({
          "aria-label": t("common.paging.page", { page: item }),
          "aria-current": item === page ? "page" : undefined,
        })}
        getControlProps={(control) => ({ "aria-label": t(`common.paging.${control}`) })}
      />
    </Group>
  );
}
