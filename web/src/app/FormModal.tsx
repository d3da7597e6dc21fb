import { Alert, Button, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: ReactNode;
  /** Prefix of the test ids: `<testId>`, `<testId>-submit`, `<testId>-cancel`, `<testId>-error`. */
  testId: string;
  onSubmit: () => void;
  onCancel: () => void;
  submitting: boolean;
  submitText?: ReactNode;
  danger?: boolean;
  /** A failure that belongs to no single field, shown above the form. */
  error?: string | null;
  width?: number;
  children: ReactNode;
}

/** A modal holding one form: the same footer, error placement and test ids everywhere. */
export function FormModal({ title, testId, onSubmit, onCancel, submitting, submitText, danger, error, width, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      width={width}
      onCancel={onCancel}
      destroyOnHidden
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onCancel} data-testid={`${testId}-cancel`}>
          {t('common.cancel')}
        </Button>,
        <Button key="submit" type="primary" danger={danger} loading={submitting} onClick={onSubmit} data-testid={`${testId}-submit`}>
          {submitText ?? t('common.save')}
        </Button>,
      ]}
    >
      <div data-testid={testId} style={{ paddingTop: 8 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />}
        {children}
      </div>
    </Modal>
  );
}
