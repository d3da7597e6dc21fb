import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from './types.ts';

const COLOURS: Record<PlanStatus, string> = { draft: 'gold', active: 'green', archived: 'default' };

/** 草稿 / 启用 / 归档 */
export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid={`plan-status-${status}`} style={{ marginInlineEnd: 0 }}>
      {t(`grids.status.${status}`)}
    </Tag>
  );
}
