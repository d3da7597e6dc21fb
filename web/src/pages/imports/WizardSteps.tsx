import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';

export const STEPS = ['choose', 'check', 'mapping', 'run', 'report'] as const;
export type Step = (typeof STEPS)[number];

/**
 * ① 选择文件 ② 检查文件 ③ 对应字段 ④ 导入 ⑤ 报告. Steps the user may go back to (checking and
 * mapping, before the import starts) are clickable.
 */
export function WizardSteps({ current, failed, onChange, clickable = [] }: { current: number; failed?: boolean; onChange?: (step: Step) => void; clickable?: Step[] }) {
  const { t } = useTranslation();
  return (
    <Steps
      className="lz-import-steps"
      current={current}
      status={failed ? 'error' : 'process'}
      onChange={onChange ? (index) => STEPS[index] && clickable.includes(STEPS[index]) && onChange(STEPS[index]) : undefined}
      items={STEPS.map((step) => ({
        key: step,
        title: t(`imports.steps.${step}`),
        content: t(`imports.steps.${step}Hint`),
        disabled: !clickable.includes(step),
      }))}
      data-testid="import-steps"
    />
  );
}
