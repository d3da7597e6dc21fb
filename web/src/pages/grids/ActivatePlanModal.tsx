import { Alert, App, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, isApiError } from '../../app/api.ts';
import { ProblemList } from './ProblemList.tsx';
import { useActivatePlan, useComparison, usePlans } from './queries.ts';
import type { GridPlan, PlanProblem } from './types.ts';

/**
 * Activating a draft archives the region's active plan in the same step; the confirmation names
 * that plan. A plan with blocking problems is refused by the server, whose message is shown with
 * the problems it lists.
 */
export function ActivatePlanModal({ plan, onClose }: { plan: GridPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const plans = usePlans();
  const comparison = useComparison(plan.id);
  const activate = useActivatePlan(plan.id);
  const current = plans.data?.find((p) => p.status === 'active' && p.regionCode === plan.regionCode);
  const blocking = comparison.data?.problems.filter((p) => p.blocking) ?? [];
  // The server's message already names the first three problems; the full list helps beyond that.
  const refusedProblems = isApiError(activate.error) && Array.isArray(activate.error.details.problems) ? (activate.error.details.problems as PlanProblem[]) : [];

  const onConfirm = async () => {
    try {
      await activate.mutateAsync();
      message.success(t('grids.activated', { name: plan.name }));
      onClose();
    } catch {
      // shown in the modal
    }
  };

  return (
    <Modal
      open
      title={t('grids.activateTitle')}
      width={600}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose} data-testid="activate-cancel">
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={activate.isPending} onClick={() => void onConfirm()} data-testid="activate-confirm">
          {t('grids.activateConfirm')}
        </Button>,
      ]}
    >
      <div data-testid="activate-dialog" style={{ paddingTop: 8 }}>
        <Typography.Paragraph>{t('grids.activateWhat', { name: plan.name })}</Typography.Paragraph>
        {current ? (
          <Alert type="warning" showIcon title={t('grids.activateArchives', { name: current.name })} description={t('grids.activateArchivesHint')} data-testid="activate-archives" />
        ) : (
          <Alert type="info" className="lz-notice" showIcon title={t('grids.activateNoCurrent')} />
        )}
        {blocking.length > 0 && !activate.isError && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('grids.blockingTitle', { count: blocking.length })}
            description={<ProblemList problems={blocking} limit={5} />}
          />
        )}
        {activate.isError && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={errorMessage(activate.error)}
            description={refusedProblems.length > 3 ? <ProblemList problems={refusedProblems} limit={10} /> : undefined}
            data-testid="activate-error"
          />
        )}
      </div>
    </Modal>
  );
}
