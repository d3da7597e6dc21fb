import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanProblem } from './types.ts';

/** The server's own sentences for a plan's problems, the first few shown and the rest on request. */
export function ProblemList({ problems, limit = 8 }: { problems: PlanProblem[]; limit?: number }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? problems : problems.slice(0, limit);
  return (
    <div>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {shown.map((p, i) => (
          <li key={`${p.kind}-${p.gridCodes.join(',')}-${i}`} data-testid={`problem-${p.kind}`}>
            {p.message}
          </li>
        ))}
      </ul>
      {problems.length > limit && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAll(!all)}>
          {all ? t('grids.showFewer') : t('grids.showAll', { count: problems.length })}
        </Button>
      )}
    </div>
  );
}
